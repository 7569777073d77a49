"""CPU time of each request kind of the mixed load, alone and in-process (issue 21).

The mixed load (``bench/load.sh``, ``bench/locustfile.py``) is queueing on two cores: its
p95 depends on the core time each request costs. This script measures that cost per
request kind, in one process, with Django's test client and the load's own accounts and
sessions (``bench/load_setup.py``, run first: idempotent), so before/after is one command:

    cp /work/data/x1.sqlite3 /tmp/req.sqlite3   # a copy: the writes below are real
    CHIDAO_SECRET_KEY=bench CHIDAO_SQLITE_PATH=/tmp/req.sqlite3 \\
        .venv/bin/python -W ignore bench/request_cpu.py --runs 30

Two passes:

- ``alone``: each kind repeated ``--runs`` times after one warm-up, its own caches warm;
  the reads pick a task of the officer at random each time, as the load does;
- ``mixed``: ``--mixed`` requests drawn with the load's weights (seeded), one after the
  other, so reads follow the writes that invalidate their caches, as under load; the
  weighted mean of this pass is the mix's CPU per request.

Plus ``empty page``: a signed-in page that renders only the base template (menu, bell,
messages, footer) through the whole middleware stack, the overhead every page pays; and
``/healthz``, the load's baseline. CPU time is the process's (SQLite runs inside it; on
PostgreSQL the server's share is not counted, so compare SQLite with SQLite).
Production settings (DEBUG off), as ``bench/load.sh`` sets them. Not a test.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
# As bench/load.sh: production settings but plain HTTP and no second factor.
for _name, _value in {
    "CHIDAO_DEBUG": "0",
    "CHIDAO_SSL_REDIRECT": "0",
    "CHIDAO_SECURE_COOKIES": "0",
    "CHIDAO_TWO_FACTOR_REQUIRED": "0",
    "CHIDAO_ALLOWED_HOSTS": "testserver",
    "CHIDAO_LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(_name, _value)

# The load's task weights (bench/locustfile.py); an indicator entry is two requests.
WEIGHTS = {
    "page: unit task list": 15,
    "page: task detail": 15,
    "page: committee dashboard": 10,
    "page: committee task list": 10,
    "api: task list": 10,
    "api: task detail": 10,
    "page: progress report POST": 15,
    "api: progress report POST": 10,
    "page: indicator grid": 5,
    "api: indicator entry POST": 5,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="Timed runs per kind, alone.")
    parser.add_argument("--mixed", type=int, default=400, help="Requests of the mixed pass.")
    parser.add_argument("--seed", type=int, default=57)
    parser.add_argument("--only", help="Comma-separated kinds (substring match).")
    parser.add_argument("--profile", help="cProfile this kind (substring) alone; print top.")
    parser.add_argument("--json", type=Path, help="Write the medians here.")
    parser.add_argument("--queries", help="Print the SQL of one request of this kind (substring).")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    sys.argv = [sys.argv[0], "--manifest", str(Path(tempfile.mkdtemp()) / "manifest.json")]
    import load_setup

    manifest_path = Path(sys.argv[2])
    if load_setup.main() != 0:
        return 1
    manifest = json.loads(manifest_path.read_text())
    rng = random.Random(args.seed)
    officer = manifest["officers"][0]
    committee = manifest["committee"]
    indicators = manifest["indicators"]
    token = "b" * 32

    def client_for(session_key: str) -> Client:
        client = Client(enforce_csrf_checks=True)
        client.cookies["sessionid"] = session_key
        client.cookies["csrftoken"] = token
        return client

    unit = client_for(officer["session"])
    leader = client_for(manifest["leaders"][0]["session"])
    anonymous = Client()

    def expect(response, status: int) -> None:
        if response.status_code != status:
            raise SystemExit(
                f"{response.status_code} instead of {status}: {response.content[:300]!r}"
            )

    def own_task() -> int:
        return rng.choice(officer["tasks"])

    def read_version(indicator: int) -> int | None:
        response = unit.get(f"/chi-tieu/nhap-so-lieu/?period={manifest['period_key']}")
        expect(response, 200)
        found = re.search(rf'name="version-{indicator}" value="(\d+)"', response.content.decode())
        return int(found[1]) if found else None

    def indicator_entry():
        indicator = rng.choice(indicators)
        version = read_version(indicator)  # not timed: measured as "page: indicator grid"
        if version is None:
            return None

        def post():
            value = f"{rng.randint(0, 100_000) / 100:.2f}".replace(".", ",")
            response = unit.post(
                "/api/v1/observations/",
                {
                    "indicator": indicator,
                    "period": manifest["period"],
                    "value": value,
                    "version": version,
                },
                content_type="application/json",
                headers={"X-CSRFToken": token},
            )
            expect(response, 201)

        return post

    def simple(client, method, url_of, status, **kwargs):
        def prepare():
            url = url_of()

            def run():
                expect(getattr(client, method)(url, **kwargs), status)

            return run

        return prepare

    def progress_page():
        url = f"/nhiem-vu/{own_task()}/bao-cao/"
        data = {
            "percent": rng.randint(0, 90),
            "results": "Đã triển khai theo kế hoạch (đo thử).",
            "csrfmiddlewaretoken": token,
        }
        return lambda: expect(unit.post(url, data), 302)

    def progress_api():
        url = f"/api/v1/tasks/{own_task()}/progress/"
        data = {"percent": rng.randint(0, 90), "results": "Báo cáo qua API (đo thử)."}
        return lambda: expect(
            unit.post(url, data, content_type="application/json", headers={"X-CSRFToken": token}),
            201,
        )

    # Each kind: a function that prepares one request (untimed) and returns the timed call.
    kinds = {
        "/healthz": simple(anonymous, "get", lambda: "/healthz", 200),
        "empty page": simple(unit, "get", lambda: "/bench-empty/", 200),
        "page: unit task list": simple(unit, "get", lambda: "/nhiem-vu/cua-don-vi/", 200),
        "page: task detail": simple(unit, "get", lambda: f"/nhiem-vu/{own_task()}/", 200),
        "page: committee dashboard": simple(
            leader, "get", lambda: f"/bang-dieu-khien/{committee}/", 200
        ),
        "page: committee task list": simple(
            leader, "get", lambda: f"/nhiem-vu/?committee={committee}", 200
        ),
        "api: task list": simple(unit, "get", lambda: "/api/v1/tasks/", 200),
        "api: task detail": simple(unit, "get", lambda: f"/api/v1/tasks/{own_task()}/", 200),
        "page: progress report POST": progress_page,
        "api: progress report POST": progress_api,
        "page: indicator grid": simple(
            unit, "get", lambda: f"/chi-tieu/nhap-so-lieu/?period={manifest['period_key']}", 200
        ),
        "api: indicator entry POST": indicator_entry,
    }
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        kinds = {k: v for k, v in kinds.items() if any(w in k for w in wanted)}

    def timed(prepare) -> tuple[float, float] | None:
        call = prepare()
        if call is None:
            return None
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        return (time.process_time() - started_cpu) * 1000, (time.perf_counter() - started) * 1000

    with override_settings(ROOT_URLCONF="bench_urls"):
        if args.queries:
            from django.test.utils import CaptureQueriesContext

            name, prepare = next((k, v) for k, v in kinds.items() if args.queries in k)
            timed(prepare)  # warm: the query count of a repeat request
            call = None
            while call is None:
                call = prepare()
            with CaptureQueriesContext(connection) as captured:
                call()
            print(f"{name}: {len(captured.captured_queries)} queries")
            for number, query in enumerate(captured.captured_queries, 1):
                print(f"{number:3}. {query['sql'][:300]}")
            return 0
        if args.profile:
            import cProfile
            import pstats

            name, prepare = next((k, v) for k, v in kinds.items() if args.profile in k)
            for _ in range(3):
                timed(prepare)
            profiler = cProfile.Profile()
            for _ in range(args.runs):
                call = prepare()
                if call is not None:
                    profiler.runcall(call)
            print(f"profile of {name}, {args.runs} requests")
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("cumulative").print_stats(
                "chidao|template/base.py:166|loader_tags|sessions|middleware", 60
            )
            stats.sort_stats("tottime").print_stats(30)
            return 0

        alone: dict[str, list[float]] = {}
        walls: dict[str, list[float]] = {}
        for name, prepare in kinds.items():
            timed(prepare)  # warm-up
            cpu, wall = [], []
            while len(cpu) < args.runs:
                result = timed(prepare)
                if result is not None:
                    cpu.append(result[0])
                    wall.append(result[1])
            alone[name], walls[name] = cpu, wall

        mixed: dict[str, list[float]] = {}
        names = [k for k in WEIGHTS if k in kinds]
        if args.mixed and names:
            weights = [WEIGHTS[k] for k in names]
            for _ in range(args.mixed):
                name = rng.choices(names, weights)[0]
                result = timed(kinds[name])
                if result is not None:
                    mixed.setdefault(name, []).append(result[0])

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"database {connection.vendor}, committee {committee}, officer {officer['username']} "
        f"({len(officer['tasks'])} open tasks); alone: {args.runs} runs after 1 warm-up; "
        f"mixed: {args.mixed} requests, seed {args.seed}; load average {load}"
    )
    print(
        "| kind | weight | CPU ms alone (median) | p90 | wall ms "
        "| CPU ms mixed (median) | mean | n |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, cpu in alone.items():
        ordered = sorted(cpu)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        in_mix = mixed.get(name, [])
        mix_median = f"{statistics.median(in_mix):.1f}" if in_mix else ""
        mix_mean = f"{statistics.fmean(in_mix):.1f}" if in_mix else ""
        print(
            f"| {name} | {WEIGHTS.get(name, '')} | {statistics.median(cpu):.1f} | {p90:.1f} | "
            f"{statistics.median(walls[name]):.1f} | {mix_median} | {mix_mean} | {len(in_mix)} |"
        )
    weighted = [(WEIGHTS[k], statistics.median(v)) for k, v in alone.items() if k in WEIGHTS]
    if weighted:
        total = sum(w for w, _ in weighted)
        print(
            f"\nmix, weighted by the load's weights: alone (medians) "
            f"{sum(w * c for w, c in weighted) / total:.1f} CPU ms per request"
        )
    every = [c for v in mixed.values() for c in v]
    if every:
        print(f"mixed pass: mean {statistics.fmean(every):.1f} CPU ms per request ({len(every)})")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "alone": {k: statistics.median(v) for k, v in alone.items()},
                    "mixed": {k: statistics.fmean(v) for k, v in mixed.items()},
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
