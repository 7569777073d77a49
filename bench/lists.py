"""Lists at a country's size: the task list page, the admin's task list and the API.

Run on a database filled by ``manage.py generate_scale``; see bench/RESULTS.md ("Lists
that do not grow with the country"):

    CHIDAO_SECRET_KEY=bench DATABASE_URL=postgres://… .venv/bin/python bench/lists.py

Times, after one warm-up each, through Django's test client signed in as a superuser:

- ``page_all``: the task list, unfiltered, first page (every task of the country);
- ``page_committee``: the task list of the committee with most tasks, first page;
- ``page_deep``: the unfiltered list ``--deep`` pages in (``?page=N`` on the code before
  keyset pages, a cursor at the same row after);
- ``page_all_no_counts`` / ``page_deep_no_counts``: the same with the status counts
  answered from memory (computed once, in the warm-up): the page's cost apart from them;
- ``status_counts``: the list's status counts alone (``TaskFilterSet.get_status_counts``),
  part of both pages: what the kept counts of [M] item 1 replace;
- ``admin``: the admin's task list, unfiltered, first page;
- ``api_first`` / ``api_deep``: ``/api/v1/tasks/``, first page and ``--api-deep`` pages in;
- ``sql_committee``: the plain SQL status count of that committee (``plain_sql.py``),
  the baseline ``page_committee`` is compared with;
- ``picker`` (keyset code only): the lead-unit picker's choices for "so".

Prints a Markdown table with the HTML size of each answer. Not a test.
"""

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
os.environ.setdefault("CHIDAO_TWO_FACTOR_REQUIRED", "0")
os.environ.setdefault("CHIDAO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--deep", type=int, default=1800, help="Page of the deep page list.")
    parser.add_argument("--api-deep", type=int, default=3000, help="Deep API page.")
    parser.add_argument("--only", nargs="*", help="Measures to run (default: all).")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.db import connection
    from django.db.models import Count
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from chidao.assignments.filtersets import TaskFilterSet
    from chidao.assignments.models import Task
    from chidao.committees.models import Committee
    from chidao.org.models import User

    keyset = importlib.util.find_spec("chidao.core.keyset") is not None
    admin, _created = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(admin)
    committee = Committee.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    total = Task.objects.count()
    list_url = reverse("assignments:task_list")
    api_url = reverse("api:task-list")
    ordering = ("committee__name", "code_sort", "pk")

    def deep_query(page: int) -> dict:
        if not keyset:
            return {"page": page}
        from chidao.core.keyset import get_cursor_after

        row = Task.objects.select_related("committee").order_by(*ordering)[(page - 1) * 50 - 1]
        return {"cursor": get_cursor_after(ordering, row)}

    sizes: dict[str, int] = {}

    def getter(name, url, params=None):
        def action():
            response = client.get(url, params or {}, secure=True)
            assert response.status_code == 200, (name, response.status_code)
            sizes[name] = len(response.content)

        return action

    request = RequestFactory().get(list_url)
    request.user = admin

    def status_counts():
        TaskFilterSet({}, request=request).get_status_counts()

    def without_counts(action):
        """``action`` with the status counts answered from memory: the page's own cost,
        apart from the counts that the kept counts of [M] item 1 replace."""
        kept = {}

        def run():
            original = TaskFilterSet.get_status_counts

            def remembered(filterset):
                key = filterset.data.urlencode() if hasattr(filterset.data, "urlencode") else ""
                if key not in kept:
                    kept[key] = original(filterset)
                return kept[key]

            TaskFilterSet.get_status_counts = remembered
            try:
                action()
            finally:
                TaskFilterSet.get_status_counts = original

        return run

    from django.utils import timezone

    from chidao.assignments.tests.plain_sql import count_by_plain_sql

    today = timezone.localdate()

    def plain_sql():
        """The issue's baseline: the hand-written status count of the committee (today)."""
        assert count_by_plain_sql(committee.pk, today)

    measures = {
        "sql_committee": plain_sql,
        "page_all": getter("page_all", list_url),
        "page_all_no_counts": without_counts(getter("page_all_no_counts", list_url)),
        "page_committee": getter("page_committee", list_url, {"committee": committee.pk}),
        "page_deep": getter("page_deep", list_url, deep_query(args.deep)),
        "page_deep_no_counts": without_counts(
            getter("page_deep_no_counts", list_url, deep_query(args.deep))
        ),
        "status_counts": status_counts,
        "admin": getter("admin", reverse("admin:assignments_task_changelist")),
        "api_first": getter("api_first", api_url),
        "api_deep": getter("api_deep", api_url, deep_query(args.api_deep)),
    }
    if keyset:
        measures["picker"] = getter(
            "picker",
            reverse("assignments:task_filter_lead_unit"),
            {"lead_unit_search": "so"},
        )
    timings, cpu_times = {}, {}
    for name, action in measures.items():
        if args.only and name not in args.only:
            continue
        action()
        values, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            action()
            values.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        timings[name] = values
        cpu_times[name] = cpu
    print(
        f"database {connection.vendor}, {total} tasks, committee {committee.pk} "
        f"({committee.n} tasks), {'keyset' if keyset else 'offset'} code, {args.runs} runs "
        f"after 1 warm-up, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("| measure | median ms | min | max | CPU ms (median) | answer KB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, values in timings.items():
        size = f"{sizes[name] / 1024:.0f}" if name in sizes else ""
        print(
            f"| {name} | {statistics.median(values):.1f} | {min(values):.1f} | "
            f"{max(values):.1f} | {statistics.median(cpu_times[name]):.1f} | {size} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
