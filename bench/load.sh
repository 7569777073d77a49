#!/usr/bin/env bash
# Mixed load with locust against gunicorn on loopback (bench/RESULTS.md, "Mixed load").
#
#   DATABASE_URL=postgres://postgres@127.0.0.1/chidao_load bench/load.sh
#
# The database must already hold generate_scale data (never real data: accounts are
# added). Production settings (DEBUG off, a secret key) except what plain HTTP on
# loopback needs: no SSL redirect, no Secure cookies; the second factor is off for the
# benchmark accounts. Per repeat: the mix (bench/locustfile.py MixedUser), the workers'
# peak RSS (VmHWM), then the baseline (BaselineUser: GET /healthz) on the same server.
# Then bench/load_report.py prints the tables. Knobs (environment):
#   USERS=50 WARMUP=10 RUN=60 REPEATS=3 WAIT=0.5,1.5 PORT=8731
#   WORKERS, THREADS (default: gunicorn.conf.py's, one gthread worker per core with 4
#   threads; WORKERS=5 THREADS=1 WORKER_CLASS=sync is the setting measured before it)
#   API_WORKERS=0: with N > 0, a second gunicorn of N workers × API_THREADS (THREADS)
#   on API_PORT (PORT + 1) serves every /api/ request of the mix, as a reverse proxy
#   would route them to a pool of their own (measured on 2 cores, not adopted:
#   bench/RESULTS.md, m-pool); its workers' RSS is reported with the others
#   BASELINE=no: no /healthz run after the mix (half the time, no throughput ratio)
#   OUT=/tmp/chidao-load  COLLECTSTATIC=auto|yes|no  PGOPTIONS (default "-c jit=off")
#   FAIL_ON_ERRORS=1 (exit 1 if any request failed: the CI smoke)
#   GUNICORN_TIMEOUT=30 (gunicorn's default: a worker silent that long is killed)
#   GUNICORN=.venv/bin/gunicorn: another virtualenv's gunicorn measures the workers as
#   production installs them (`pip install -e '.[redis]'`: without the test and bench
#   tools, which Django REST framework and huey import when present, ~9 MB a worker)
# Needs the bench extra: make install-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"

USERS="${USERS:-50}"
WARMUP="${WARMUP:-10}"
RUN="${RUN:-60}"
REPEATS="${REPEATS:-3}"
WAIT="${WAIT:-0.5,1.5}"
PORT="${PORT:-8731}"
WORKERS="${WORKERS:-$(nproc)}"
THREADS="${THREADS:-4}"
WORKER_CLASS="${WORKER_CLASS:-gthread}"
API_WORKERS="${API_WORKERS:-0}"
API_THREADS="${API_THREADS:-$THREADS}"
API_PORT="${API_PORT:-$((PORT + 1))}"
BASELINE="${BASELINE:-yes}"
OUT="${OUT:-/tmp/chidao-load}"
COLLECTSTATIC="${COLLECTSTATIC:-auto}"
mkdir -p "$OUT"

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1/chidao_load}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-chidao.settings}"
export CHIDAO_SECRET_KEY="${CHIDAO_SECRET_KEY:-bench-only-not-secret-$(date +%s)}"
export CHIDAO_DEBUG=0 CHIDAO_SSL_REDIRECT=0 CHIDAO_SECURE_COOKIES=0
export CHIDAO_TWO_FACTOR_REQUIRED=0
export CHIDAO_ALLOWED_HOSTS=127.0.0.1
export CHIDAO_STATIC_ROOT="${CHIDAO_STATIC_ROOT:-$OUT/static}"
export CHIDAO_HUEY_PATH="$OUT/huey.sqlite3"
export CHIDAO_LOG_LEVEL="${CHIDAO_LOG_LEVEL:-WARNING}"
export CHIDAO_WEB_ACCESS_LOG=""  # no access log (gunicorn.conf.py)
# PostgreSQL's JIT costs seconds on the count queries (RESULTS.md, diagnosis 2).
export PGOPTIONS="${PGOPTIONS--c jit=off}"

echo "== load: $USERS users, ${WARMUP}s warm-up + ${RUN}s, $REPEATS repeats, $WORKERS $WORKER_CLASS workers × $THREADS threads$([ "$API_WORKERS" -gt 0 ] && echo ", /api/: $API_WORKERS × $API_THREADS on port $API_PORT")"
"$PY" manage.py migrate --noinput -v0
if [ "$COLLECTSTATIC" = yes ] || { [ "$COLLECTSTATIC" = auto ] \
    && [ ! -f "$CHIDAO_STATIC_ROOT/staticfiles.json" ]; }; then
    echo "== collectstatic into $CHIDAO_STATIC_ROOT"
    "$PY" manage.py collectstatic --noinput -v0
fi
"$PY" bench/load_setup.py --manifest "$OUT/manifest.json"

# gunicorn.conf.py (read from the working directory) gives the rest: max_requests…
"${GUNICORN:-$ROOT/.venv/bin/gunicorn}" chidao.wsgi --workers "$WORKERS" --threads "$THREADS" \
    --worker-class "$WORKER_CLASS" --bind "127.0.0.1:$PORT" \
    --timeout "${GUNICORN_TIMEOUT:-30}" --pid "$OUT/gunicorn.pid" >"$OUT/gunicorn.log" 2>&1 &
MASTERS=$!
API_HOST=""
if [ "$API_WORKERS" -gt 0 ]; then
    # The API's own pool, as the reverse proxy routes /api/ (docs/deployment.md).
    "${GUNICORN:-$ROOT/.venv/bin/gunicorn}" chidao.wsgi --workers "$API_WORKERS" \
        --threads "$API_THREADS" --worker-class "$WORKER_CLASS" --bind "127.0.0.1:$API_PORT" \
        --timeout "${GUNICORN_TIMEOUT:-30}" --pid "$OUT/gunicorn-api.pid" \
        >"$OUT/gunicorn-api.log" 2>&1 &
    MASTERS="$MASTERS $!"
    API_HOST="http://127.0.0.1:$API_PORT"
fi
stop() {
    for master in $MASTERS; do kill "$master" 2>/dev/null || true; done
    for master in $MASTERS; do wait "$master" 2>/dev/null || true; done
}
trap stop EXIT
for port in "$PORT" ${API_HOST:+"$API_PORT"}; do
    for _ in $(seq 60); do
        curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
        for master in $MASTERS; do
            kill -0 "$master" 2>/dev/null || { cat "$OUT"/gunicorn*.log >&2; exit 1; }
        done
        sleep 1
    done
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null
done
workers() { for master in $MASTERS; do pgrep -P "$master"; done; }
# Each worker's resident memory before any measured request (it served one /healthz).
for pid in $(workers); do
    awk -v pid="$pid" '/VmRSS/ {print pid, $2}' "/proc/$pid/status"
done >"$OUT/rss-boot.txt"

locust_run() {  # user class, output stem
    BENCH_MANIFEST="$OUT/manifest.json" BENCH_API_HOST="$API_HOST" BENCH_WARMUP="$WARMUP" BENCH_WAIT="$WAIT" \
        BENCH_OUT="$OUT/$2.json" "$ROOT/.venv/bin/locust" -f bench/locustfile.py "$1" \
        --headless --users "$USERS" --spawn-rate "$((WARMUP > 0 ? (USERS + WARMUP - 1) / WARMUP : USERS))" \
        --run-time "$((WARMUP + RUN))s" --host "http://127.0.0.1:$PORT" --only-summary \
        --loglevel WARNING >"$OUT/$2.log" 2>&1 || true  # failures are counted in the report
    cat /proc/loadavg >"$OUT/$2.load"
}

for i in $(seq "$REPEATS"); do
    echo "== repeat $i: mix (load $(cut -d' ' -f1-3 /proc/loadavg))"
    locust_run MixedUser "mix-$i"
    for pid in $(workers); do
        awk -v pid="$pid" '/VmHWM/ {print pid, $2}' "/proc/$pid/status"
    done >"$OUT/rss-$i.txt"
    [ "$BASELINE" = no ] && continue
    echo "== repeat $i: baseline /healthz (load $(cut -d' ' -f1-3 /proc/loadavg))"
    locust_run BaselineUser "baseline-$i"
done
stop
trap - EXIT
"$PY" bench/load_report.py "$OUT" --repeats "$REPEATS" --run "$RUN" \
    ${FAIL_ON_ERRORS:+--fail-on-errors} $([ "$BASELINE" = no ] && echo --no-baseline)
