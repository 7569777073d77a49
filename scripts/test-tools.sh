#!/usr/bin/env bash
# The programs the test suite drives besides Python packages, from Debian's packages:
# Chromium for the browser tests (never a downloaded browser), LibreOffice and poppler to
# render the filed documents (reporting/tests/test_golden.py), GNU gettext to check the
# English catalogue against the source (core/tests/test_english.py). As root on Debian
# they are installed; otherwise a missing one stops `make test` with the command to run.
set -euo pipefail

# Without them the tests that need them fail (they never skip): stop here with the reason.
CHROMIUM="${CHIDAO_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && [ -z "${CHIDAO_CHROMIUM:-}" ] && [ "$(id -u)" = "0" ] \
    && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing at $CHROMIUM; installing Debian's package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }
fi
if [ ! -x "$CHROMIUM" ]; then
    echo "FAIL: Chromium is missing at $CHROMIUM; the browser tests need it." >&2
    echo "      Install it as root: apt-get install -y chromium" >&2
    exit 1
fi

if { ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 \
        || ! command -v xgettext >/dev/null 2>&1; } \
    && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "LibreOffice, poppler-utils or gettext is missing; installing Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y libreoffice-writer-nogui poppler-utils gettext \
        || { apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils gettext; }
fi
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 \
        || ! command -v xgettext >/dev/null 2>&1; then
    echo "FAIL: LibreOffice (soffice), poppler-utils (pdftotext) or gettext (xgettext) is missing." >&2
    echo "      Install them as root: apt-get install -y libreoffice-writer-nogui poppler-utils gettext" >&2
    exit 1
fi
