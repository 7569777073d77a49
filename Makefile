# Two commands for a new machine with Python 3.11+ (see README.md):
#   make demo   install, load the demo province into SQLite, serve http://127.0.0.1:8000
#               (another port: make demo PORT=8080)
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := CHIDAO_DEBUG=1 CHIDAO_DEMO=1
PORT ?= 8000

.PHONY: demo test install install-test install-bench bench-smoke lint format audit

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Chỉ Đạo cần Python 3.11 trở lên / needs Python 3.11+"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

# Benchmarks (bench/RESULTS.md): locust on top of the test tools.
install-bench: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,bench]"

# Seconds-long run of every benchmark on tiny data; fails only if a benchmark breaks.
bench-smoke: install-bench
	bench/smoke.sh

demo: install
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	$(DEMO_ENV) $(BIN)/python manage.py send_reminders
	$(DEMO_ENV) $(BIN)/python manage.py send_digests
	@echo "Thư nhắc việc mô phỏng / demo e-mails: $(CURDIR)/artifacts/demo-mail/"
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-test
	scripts/test-tools.sh
	$(BIN)/pytest

# Known vulnerabilities in the installed dependencies (needs PyPI's JSON API or OSV, so a
# connected machine: from the intranet and from CI here neither answers). --strict fails on
# a package it could not check, so an unreachable database never reads as "no findings".
audit: install-test
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --strict --skip-editable $(if $(wildcard .pip-audit-ignore),$(shell sed -e 's/ *#.*//' -e '/^$$/d' -e 's/^/--ignore-vuln /' .pip-audit-ignore))

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
