"""The consolidated report (.docx and .xlsx) of the largest committee, timed.

Run on a database filled by ``manage.py generate_scale`` (see bench/RESULTS.md):

    CHIDAO_SECRET_KEY=bench CHIDAO_SQLITE_PATH=/tmp/scale.sqlite3 \\
        .venv/bin/python bench/consolidated_report.py --runs 5

Opens a quarterly reporting cycle of the committee (the quarter holding ``--as-of``, every
lead unit required to report) inside a transaction that is rolled back at the end, then
times after one warm-up each ``reporting.builders.build_report_docx``,
``build_report_xlsx`` and both one after the other (what the secretariat downloads: the
report and its appendix). Each builder gathers its data itself (``gather.get_report_data``),
so ``both`` pays the gathering twice, as the two downloads do. Not a test.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")


class Rollback(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2026-11-15", help="Report date (ISO).")
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per measure.")
    parser.add_argument("--profile", type=Path, help="cProfile one 'both' run into this file.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection, transaction
    from django.db.models import Count

    from chidao.assignments.models import Task
    from chidao.committees.models import Committee
    from chidao.core.periods import Period, PeriodKind
    from chidao.org.models import Unit, User
    from chidao.reporting.builders import build_report_docx, build_report_xlsx
    from chidao.reporting.services import do_open_cycle

    as_of = date.fromisoformat(args.as_of)
    committee = Committee.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    if committee is None:
        parser.error("no committee: run manage.py generate_scale first")
    admin, _created = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    sizes = {}
    timings: dict[str, list[float]] = {"docx": [], "xlsx": [], "both": []}

    def docx():
        sizes["docx"] = len(build_report_docx(cycle, as_of))

    def xlsx():
        sizes["xlsx"] = len(build_report_xlsx(cycle, as_of))

    def both():
        docx()
        xlsx()

    try:
        with transaction.atomic():
            units = list(Unit.objects.filter(led_tasks__committee=committee).distinct())
            cycle = do_open_cycle(
                committee=committee,
                by=admin,
                kind=PeriodKind.QUARTER,
                required_units=units,
                period=Period.containing(PeriodKind.QUARTER, as_of),
            )
            for name, action in (("docx", docx), ("xlsx", xlsx), ("both", both)):
                action()  # warm-up
                for _ in range(args.runs):
                    started = time.perf_counter()
                    action()
                    timings[name].append((time.perf_counter() - started) * 1000)
            if args.profile:
                import cProfile

                cProfile.runctx("both()", globals(), locals(), str(args.profile))
            raise Rollback
    except Rollback:
        pass

    print(
        f"database {connection.vendor}, committee {committee.pk} "
        f"({Task.objects.filter(committee=committee).count():,} tasks, "
        f"{len(units)} units required), "
        f"{cycle.title}, as of {as_of}, {args.runs} runs after 1 warm-up, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"docx {sizes['docx'] / 1024:.0f} KiB, xlsx {sizes['xlsx'] / 1024:.0f} KiB"
    )
    print("| measure | median ms | min | max |")
    print("|---|---:|---:|---:|")
    for name, values in timings.items():
        print(
            f"| {name} | {statistics.median(values):,.0f} | {min(values):,.0f} | "
            f"{max(values):,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
