#!/usr/bin/env bash
# Seconds-long run of every benchmark on tiny generated data, for CI (`make bench-smoke`).
# It fails only when a benchmark breaks (an exception, a failed request, a count that
# disagrees with its SQL), never on figures: the figures of a tiny run on a CI machine
# mean nothing. SQLite in a temporary directory; no network beyond loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$PWD/.venv/bin/python"
TMP="$(mktemp -d)"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

export DATABASE_URL="sqlite:///$TMP/smoke.sqlite3"
export CHIDAO_SECRET_KEY="smoke-only-not-secret-$(date +%s)"
export CHIDAO_DEBUG=0 CHIDAO_HUEY_PATH="$TMP/huey.sqlite3" CHIDAO_LOG_LEVEL=WARNING
export CHIDAO_MEDIA_ROOT="$TMP/media" CHIDAO_STATIC_ROOT="$TMP/static"
export PYTHONPATH="$PWD/bench${PYTHONPATH:+:$PYTHONPATH}"
export DJANGO_SETTINGS_MODULE=smoke_settings

echo "== smoke: generator (province and national shapes, tiny)"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py generate_scale --scale province --seed 57 \
    --tasks 300 --progress 1500 --observations 3000 --communes 10
"$PY" manage.py generate_scale --scale national --seed 58 \
    --tasks 400 --progress 400 --observations 400 --audit 400 --communes 2
echo "== smoke: dashboard / count table (bench/run.py)"
"$PY" -W ignore bench/run.py --runs 5
echo "== smoke: lists, admin and API pages (bench/lists.py)"
"$PY" -W ignore bench/lists.py --runs 1 --deep 2 --api-deep 2
echo "== smoke: CPU per request kind of the load mix (bench/request_cpu.py)"
"$PY" -W ignore bench/request_cpu.py --runs 2 --mixed 20
echo "== smoke: plan import (bench/import_plan.py)"
"$PY" bench/import_plan.py --rows 50 --group 25 --runs 1
echo "== smoke: consolidated report (bench/consolidated_report.py)"
"$PY" bench/consolidated_report.py --runs 1
echo "== smoke: overlap report (bench/overlap_report.py)"
"$PY" -W ignore bench/overlap_report.py --repeats 1
echo "== smoke: overlap warnings on one real plan (bench/overlap_plan_alarms.py)"
"$PY" -W ignore bench/overlap_plan_alarms.py > "$TMP/plan_alarms.txt"
head -n 1 "$TMP/plan_alarms.txt"
# SMOKE_USERS / SMOKE_RUN (default 4 users, 20 s) to try the mix harder: e.g. 12 and 60.
echo "== smoke: mixed load (bench/load.sh, a few users for seconds)"
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PORT="$PORT" OUT="$TMP/load" USERS="${SMOKE_USERS:-4}" WARMUP=0 RUN="${SMOKE_RUN:-20}" REPEATS=1 WORKERS=2 GUNICORN_TIMEOUT=120 \
    COLLECTSTATIC=no FAIL_ON_ERRORS=1 bench/load.sh
echo "== smoke: benchmarks ran"
