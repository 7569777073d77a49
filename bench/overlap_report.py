"""Cost of the overlap report on a province tree (issues [S] #20 / [M] #21).

Times ``finder.get_overlap_report`` for the tree's root committee as an admin user (first
call: every task read into its parts; then repeats, the index cached; then after one task
is changed), and the whole page through Django's test client; counts the pairs read part
by part. The copy is written to (an admin account, one task's title).

``--first-view``: only the first view of the root's report page and of the busiest
committee's below it, in a fresh process; with ``--warm``, after
``finder.warm_tree_indexes()`` (timed apart), as a web worker runs it when it starts
(docs/overlap.md, "o-warm").

    cp /work/data/x1.sqlite3 /tmp/report.sqlite3
    CHIDAO_SECRET_KEY=bench CHIDAO_SQLITE_PATH=/tmp/report.sqlite3 \\
        .venv/bin/python -W ignore bench/overlap_report.py --repeats 3

Not a test.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
# The page as an admin who has set up two-step sign-in (not what is measured).
os.environ.setdefault("CHIDAO_TWO_FACTOR_REQUIRED", "0")


def timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--per-task", type=int, help="finder.REPORT_PER_TASK to try")
    parser.add_argument("--first-view", action="store_true", help="time the first views only")
    parser.add_argument("--warm", action="store_true", help="run finder.warm_tree_indexes() first")
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from chidao.committees.models import Committee
    from chidao.overlap import finder

    settings.ALLOWED_HOSTS = ["*"]
    # No collectstatic manifest in a bench checkout.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if args.per_task:
        finder.REPORT_PER_TASK = args.per_task
    root = (
        Committee.objects.filter(parent__isnull=True)
        .annotate(n=Count("tasks"))
        .order_by("-n")
        .first()
    )
    # An admin sees every task (a copy of the database: the account is written into it).
    user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-overlap", password=None)
    if args.first_view:
        first_view(args, root, user)
        return
    compared = 0
    original = finder._compare_at_levels

    def counting(*args, **kwargs):
        nonlocal compared
        compared += 1
        return original(*args, **kwargs)

    finder._compare_at_levels = counting
    tree, wall, cpu = timed(lambda: finder.get_tree_index(root))
    print(f"root {root.pk} {root.name}: {len(tree.tasks)} tasks; index {wall:.2f} s wall")
    for run in range(args.repeats + 1):
        compared = 0
        found, wall, cpu = timed(lambda: finder.get_overlap_report(user, root))
        pairs, groups = found.pair_count, found.groups
        label = "first" if run == 0 else "repeat"
        print(
            f"get_overlap_report {label}: {wall:.2f} s wall, {cpu:.2f} s CPU; "
            f"{compared} pairs compared, {pairs} pairs found, "
            f"{sum(len(group.pairs) for group in groups)} described"
        )
    # One task reworded, as a secretariat does: the index is updated, not refitted, and
    # only the pairs of that task are read again.
    from chidao.assignments.models import Task

    task = Task.objects.filter(committee__in=tree.committee_ids).order_by("pk").first()
    task.title += " (sửa)"
    task.save()
    compared = 0
    found, wall, cpu = timed(lambda: finder.get_overlap_report(user, root))
    print(
        f"get_overlap_report after one task changed: {wall:.2f} s wall, {cpu:.2f} s CPU; "
        f"{compared} pairs compared, {found.pair_count} pairs found"
    )
    client = Client()
    client.force_login(user)
    url = reverse("overlap:report", args=[root.pk])
    for _ in range(args.repeats):
        response, wall, cpu = timed(lambda: client.get(url, secure=True))
        print(
            f"page {url}: {response.status_code}, {len(response.content) / 1000:.0f} kB, "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU"
        )


def first_view(args, root, user):
    """The first report pages a user opens in a process, warmed up or not."""
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from chidao.overlap import finder

    child = root.children.annotate(n=Count("tasks")).order_by("-n").first()
    if args.warm:
        warmed, wall, cpu = timed(lambda: finder.warm_tree_indexes())
        print(f"warm_tree_indexes: roots {warmed}, {wall:.2f} s wall, {cpu:.2f} s CPU")
    client = Client()
    client.force_login(user)
    for committee in filter(None, (root, child)):
        url = reverse("overlap:report", args=[committee.pk])
        response, wall, cpu = timed(lambda url=url: client.get(url, secure=True))
        print(
            f"first view of {url} ({committee.name}): {response.status_code}, "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU"
        )


if __name__ == "__main__":
    main()
