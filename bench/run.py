"""Dashboard and count-table benchmark against a hand-written single SQL aggregate.

Run on a database filled by ``manage.py generate_scale``; see bench/RESULTS.md:

    CHIDAO_SECRET_KEY=bench CHIDAO_SQLITE_PATH=/tmp/scale.sqlite3 \\
        .venv/bin/python bench/run.py --runs 15

Measures, in the same process and the same run, after one warm-up each:

- ``sql``: the independent single SQL aggregate (``assignments/tests/plain_sql.py``), the
  baseline;
- ``sql_fenced``: the same SQL with ``OFFSET 0`` fencing the per-task status;
- ``count_table``: ``counts.get_count_table(..., by="lead_unit")``, the one status rule;
- ``kept_count_table``: the same table read from the kept status spans
  (``counts.get_kept_count_table``), what the dashboard reads;
- ``dashboard``: a GET of the committee dashboard through Django's test client, signed in
  as a superuser (whole request: middleware, queries, template);
- ``dashboard_uncached``: the same, the cache cleared first: every part computed again,
  as after a write that changes task statuses on the code before per-kind versions;
- ``dashboard_after_status``, ``_after_report``, ``_after_indicator``: the first view
  after a write of each kind (``committees.versions``: the committee's version of that
  kind changed, as the write does in its transaction; timed with the view): a task's
  status moved, a progress report (a quarter of the mixed load), an indicator value;
- ``at_risk_uncached``: the early-warning panel the dashboard loads after the page (its
  htmx fragment), the cache cleared first: what follows a first view after a write;
- ``indicator_panel``: the dashboard's indicator panel alone (``get_indicator_panel``);
- ``task_list``: a GET of the task list filtered to the committee (first page);
- ``overview``: a GET of the dashboard of the committee above all others that has no task
  of its own (``generate_scale``'s central committee): the national overview, every
  committee below rolled up. Also given with ``--committee`` for a committee without
  tasks: then only the pages are timed (no task count to compare).

Not a test: pytest never collects it. Prints a Markdown table and, with ``--json``, the
raw timings.
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
# The benchmark signs in with force_login; a second factor is out of scope of the timing.
os.environ.setdefault("CHIDAO_TWO_FACTOR_REQUIRED", "0")
os.environ.setdefault("CHIDAO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (fraction in 0..1)."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100 * len(ordered)) // 100))
    return ordered[min(rank, len(ordered)) - 1]


# CPU milliseconds of this process per measure (median), next to the wall-clock timings: on
# the shared machine the wall clock mostly measures the wait for a core, the CPU time of
# the process (SQLite runs inside it; PostgreSQL's server is not counted) does not.
CPU: dict[str, float] = {}


def measure(action, runs: int, name: str = "") -> list[float]:
    action()  # warm-up: caches, compiled templates, database pages
    timings, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    if name:
        CPU[name] = statistics.median(cpu)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--committee", type=int, help="Committee id (default: the largest).")
    parser.add_argument("--as-of", default="2026-11-15", help="Report date (ISO).")
    parser.add_argument("--runs", type=int, default=15, help="Timed runs per measure (≥ 5).")
    parser.add_argument(
        "--no-jit",
        action="store_true",
        help="PostgreSQL: jit = off for every connection (settings.py does so already).",
    )
    parser.add_argument(
        "--jit",
        action="store_true",
        help="PostgreSQL: jit = on for every connection (the server default), to compare.",
    )
    parser.add_argument("--json", type=Path, help="Write raw timings here.")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("at least 5 runs")

    import django

    django.setup()
    from django.conf import settings

    # Production settings otherwise (DEBUG off), but without collectstatic's manifest:
    # ``{% static %}`` becomes a plain join instead of a dict look-up.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from chidao.assignments.counts import get_count_table, get_kept_count_table
    from chidao.assignments.models import Task, TaskStatusSpan
    from chidao.assignments.tests.plain_sql import (
        COLUMNS,
        STATUS_SQL,
        count_by_plain_sql,
        count_by_table,
    )
    from chidao.committees.models import Committee
    from chidao.committees.versions import INDICATORS, REPORTS, STATUSES, bump_counts_versions
    from chidao.dashboards.queries import Scope, get_indicator_panel
    from chidao.org.models import User

    as_of = date.fromisoformat(args.as_of)
    if (args.no_jit or args.jit) and connection.vendor == "postgresql":
        # Every connection, including those reopened after each test-client request; the
        # last -c wins over the one settings.py adds.
        options = connection.settings_dict.setdefault("OPTIONS", {})
        jit = "on" if args.jit else "off"
        options["options"] = f"{options.get('options', '')} -c jit={jit}".strip()
        connection.close()
    if args.committee:
        committee = Committee.objects.get(pk=args.committee)
    else:
        committee = Committee.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    task_count = Task.objects.filter(committee=committee).count()
    # The overview: a committee without tasks of its own above others (the central one).
    overview = (
        Committee.objects.filter(parent=None, tasks__isnull=True, children__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    if task_count == 0:
        overview, committee = committee, None

    # Correctness before speed: the two counts must agree on this data.
    if committee is not None:
        by_table = count_by_table(committee, as_of)
        by_sql = count_by_plain_sql(committee.pk, as_of)
        if by_table != by_sql:
            print("count table and plain SQL disagree; not timing", file=sys.stderr)
            return 1
        kept = get_kept_count_table(
            TaskStatusSpan.objects.filter(committee=committee), as_of=as_of, by="lead_unit"
        )
        if kept != get_count_table(
            Task.objects.filter(committee=committee), as_of=as_of, by="lead_unit"
        ):
            print("kept counts and the count table disagree; not timing", file=sys.stderr)
            return 1

    admin, _created = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(admin)

    def get_page(url):
        response = client.get(url, secure=True)
        assert response.status_code == 200, response.status_code

    if overview is not None:
        overview_url = reverse("dashboards:committee_dashboard", args=[overview.pk])
        overview_url += f"?as_of={as_of.isoformat()}"
    if committee is None:
        timings = {
            "overview": measure(lambda: get_page(overview_url), args.runs, "overview"),
            "overview_uncached": measure(
                lambda: cache.clear() or get_page(overview_url), args.runs, "overview_uncached"
            ),
        }
        print(
            f"database {connection.vendor}, committee {overview.pk} (no task of its own), "
            f"as of {as_of}, {args.runs} runs after 1 warm-up, load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        print("| measure | median ms | min | max | p95 | CPU ms |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, values in timings.items():
            print(
                f"| {name} | {statistics.median(values):.1f} | {min(values):.1f} | "
                f"{max(values):.1f} | {percentile(values, 0.95):.1f} | {CPU[name]:.1f} |"
            )
        if args.json:
            args.json.write_text(json.dumps(timings, indent=1))
        return 0

    dashboard_url = reverse("dashboards:committee_dashboard", args=[committee.pk])
    dashboard_url += f"?as_of={as_of.isoformat()}"
    list_url = reverse("assignments:task_list") + f"?committee={committee.pk}"

    def dashboard():
        get_page(dashboard_url)

    def dashboard_uncached():
        # The first view after a write: the count panels computed and rendered again.
        cache.clear()
        get_page(dashboard_url)

    def after_write(kind: str):
        # What a write of ``kind`` does to the cache (its version changed, here and above),
        # then the view: only the parts reading that version are computed again.
        def view():
            bump_counts_versions([committee.pk], kinds=[kind])
            get_page(dashboard_url)

        return view

    at_risk_url = reverse("dashboards:committee_at_risk", args=[committee.pk])
    at_risk_url += f"?as_of={as_of.isoformat()}"

    def at_risk_uncached():
        # The early-warning panel the dashboard loads after itself (htmx), after a write.
        cache.clear()
        response = client.get(at_risk_url, secure=True, headers={"HX-Request": "true"})
        assert response.status_code == 200, response.status_code

    def task_list():
        response = client.get(list_url, secure=True)
        assert response.status_code == 200, response.status_code

    def count_table():
        table = get_count_table(
            Task.objects.filter(committee=committee), as_of=as_of, by="lead_unit"
        )
        assert table.rows

    def kept_count_table():
        table = get_kept_count_table(
            TaskStatusSpan.objects.filter(committee=committee), as_of=as_of, by="lead_unit"
        )
        assert table.rows

    def indicator_panel():
        get_indicator_panel(Scope(committee), as_of)

    def sql():
        assert count_by_plain_sql(committee.pk, as_of)

    # The same SQL with an optimisation fence, so each task's status is computed once
    # instead of once per SUM (PostgreSQL otherwise inlines the CASE and its subqueries
    # into all seven sums).
    fence = " OFFSET 0" if connection.vendor == "postgresql" else " LIMIT -1 OFFSET 0"
    fenced_sql = STATUS_SQL.replace(") t\nWHERE", f"{fence}) t\nWHERE")
    assert fenced_sql != STATUS_SQL
    with connection.cursor() as cursor:
        cursor.execute(fenced_sql, {"as_of": as_of, "committee": committee.pk})
        rows = {row[0]: dict(zip(COLUMNS, map(int, row[1:]), strict=True)) for row in cursor}
    if rows != by_sql:
        print("fenced SQL disagrees with plain SQL; not timing", file=sys.stderr)
        return 1

    def sql_fenced():
        with connection.cursor() as cursor:
            cursor.execute(fenced_sql, {"as_of": as_of, "committee": committee.pk})
            assert cursor.fetchall()

    def jit_setting():
        if vendor != "postgresql":
            return ""
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            return f"jit {cursor.fetchone()[0]}, "

    timings = {
        "sql": measure(sql, args.runs, "sql"),
        "sql_fenced": measure(sql_fenced, args.runs, "sql_fenced"),
        "count_table": measure(count_table, args.runs, "count_table"),
        "kept_count_table": measure(kept_count_table, args.runs, "kept_count_table"),
        "dashboard": measure(dashboard, args.runs, "dashboard"),
        "dashboard_uncached": measure(dashboard_uncached, args.runs, "dashboard_uncached"),
        "dashboard_after_status": measure(
            after_write(STATUSES), args.runs, "dashboard_after_status"
        ),
        "dashboard_after_report": measure(
            after_write(REPORTS), args.runs, "dashboard_after_report"
        ),
        "dashboard_after_indicator": measure(
            after_write(INDICATORS), args.runs, "dashboard_after_indicator"
        ),
        "at_risk_uncached": measure(at_risk_uncached, args.runs, "at_risk_uncached"),
        "indicator_panel": measure(indicator_panel, args.runs, "indicator_panel"),
        "task_list": measure(task_list, args.runs, "task_list"),
    }
    if overview is not None:
        timings["overview"] = measure(lambda: get_page(overview_url), args.runs, "overview")
        timings["overview_uncached"] = measure(
            lambda: cache.clear() or get_page(overview_url), args.runs, "overview_uncached"
        )

        def overview_after_report():
            # A report in a committee below: the overview's reports version changes too.
            bump_counts_versions([committee.pk], kinds=[REPORTS])
            get_page(overview_url)

        timings["overview_after_report"] = measure(
            overview_after_report, args.runs, "overview_after_report"
        )
    base = statistics.median(timings["sql"])
    fenced = statistics.median(timings["sql_fenced"])
    vendor = connection.vendor
    version = (
        connection.cursor().connection.execute("select sqlite_version()").fetchone()[0]
        if vendor == "sqlite"
        else connection.pg_version
    )
    print(
        f"database {vendor} {version}, committee {committee.pk} ({task_count} tasks), "
        f"as of {as_of}, {jit_setting()}"
        f"{args.runs} runs after 1 warm-up, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    # CPU ÷ sql: the ratio that holds on a busy machine (SQLite runs in this process).
    print("| measure | median ms | min | max | p95 | ÷ sql | ÷ sql_fenced | CPU ms | CPU ÷ sql |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"| {name} | {median:.1f} | {min(values):.1f} | {max(values):.1f} | "
            f"{percentile(values, 0.95):.1f} | {median / base:.2f}× | {median / fenced:.2f}× | "
            f"{CPU[name]:.1f} | {CPU[name] / CPU['sql']:.2f}× |"
        )
    if args.json:
        args.json.write_text(json.dumps(timings, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
