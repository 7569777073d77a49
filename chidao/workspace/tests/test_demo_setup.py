"""The demo's set-up details (issue [O] §10): its mail goes to files, not the console, so
the account table stays on screen; ``make demo`` takes ``PORT=``."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def read_setting(name: str, **env: str) -> str:
    script = f"import chidao.settings as s; print(s.{name})"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("CHIDAO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_demo_mail_goes_to_files():
    backend = read_setting("EMAIL_BACKEND", CHIDAO_DEBUG="1", CHIDAO_DEMO="1")

    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert read_setting("EMAIL_FILE_PATH", CHIDAO_DEBUG="1", CHIDAO_DEMO="1").endswith(
        "artifacts/demo-mail"
    )


def test_development_without_the_demo_still_prints_mail():
    backend = read_setting("EMAIL_BACKEND", CHIDAO_DEBUG="1")

    assert backend == "django.core.mail.backends.console.EmailBackend"


def test_make_demo_takes_a_port():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")

    assert "PORT ?= 8000" in makefile
    assert "runserver 127.0.0.1:$(PORT)" in makefile
