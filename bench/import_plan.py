"""Import of a 10,000-row plan .xlsx against openpyxl's read-only read of the same file.

Run on a database filled by ``manage.py generate_scale`` (see bench/RESULTS.md):

    CHIDAO_SECRET_KEY=bench CHIDAO_SQLITE_PATH=/tmp/scale.sqlite3 \\
        .venv/bin/python bench/import_plan.py --rows 10000 --runs 5

Writes a plan in the layout ``chidao.imports`` reads (the blank form's columns: TT, task,
lead unit, coordinating units, output, deadline; a group row "I", "II"… every
``--group`` tasks), naming the units of the generated province. Then, in the same process,
times after one warm-up each:

- ``openpyxl``: ``load_workbook(read_only=True)`` and every cell value of every row: the
  floor any .xlsx import pays;
- ``upload``: ``services.do_upload_import`` (the file read and refused if unreadable, stored);
- ``preview``: ``task_plans.build_task_plan`` (what the preview page shows);
- ``read_preview``: upload + preview, the row "plan import, read + preview" of issue 21
  (target ≤ 3× openpyxl);
- ``commit``: ``services.do_commit_task_import`` (plans again, then creates every task);
- ``write``: the part of the commit after the plan is built again (from its first
  progress report to its end): the bulk writes, what "commit cost per task" measures;
- ``import``: upload + preview + commit, the user's whole path.

The last line gives the commit and its write per task, on the wall clock and in CPU time.

Every import run happens in a new committee of the province inside a transaction that is
rolled back, so each run creates all the tasks again. Not a test: pytest never collects it.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
DEADLINES = ["Quý II/2027", "6/2027", "30/9/2027", "2027", "2027 - 2028", "Thường xuyên"]


class Rollback(Exception):
    pass


def build_plan_xlsx(rows: int, group: int, leads: list[str], coordinators: list[str]) -> bytes:
    """A plan workbook of ``rows`` tasks under group rows, deterministic."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kế hoạch"
    sheet.append(["KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT (tải thử)"])
    sheet.append(
        [
            "TT",
            "Tên nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Kết quả/Sản phẩm",
            "Thời gian hoàn thành",
        ]
    )
    for n in range(rows):
        if n % group == 0:
            g = n // group
            roman = ROMAN[g] if g < len(ROMAN) else f"{ROMAN[-1]}{g}"
            sheet.append([roman, f"Nhóm nhiệm vụ số {g + 1} về chuyển đổi số"])
        sheet.append(
            [
                n % group + 1,
                f"Nhiệm vụ tải thử số {n + 1}: triển khai chuyển đổi số, đổi mới sáng tạo",
                leads[n % len(leads)],
                f"{coordinators[n % len(coordinators)]}; "
                f"{coordinators[(n + 7) % len(coordinators)]}",
                "Báo cáo kết quả thực hiện",
                DEADLINES[n % len(DEADLINES)],
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--group", type=int, default=1_000, help="Tasks per group row.")
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per measure.")
    parser.add_argument(
        "--no-commit",
        action="store_true",
        help="Time openpyxl, upload and preview only (the commit of 10,000 rows takes "
        "minutes; time it on fewer rows and scale, see RESULTS.md).",
    )
    parser.add_argument("--save", type=Path, help="Also write the generated .xlsx here.")
    parser.add_argument(
        "--profile", type=Path, help="Profile one import with cProfile into this file."
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.db.models import Count
    from openpyxl import load_workbook

    from chidao.committees.choices import CommitteeLevel
    from chidao.committees.directory import UnitDirectory
    from chidao.committees.models import Committee
    from chidao.imports.choices import ImportKind
    from chidao.imports.services import do_commit_task_import, do_upload_import

    try:
        from chidao.imports.tables import get_tables_key
    except ImportError:  # code from before the tables were kept: nothing to forget

        def get_tables_key(data, file_format):
            return "bench-nothing-kept"

    from chidao.imports.task_plans import build_task_plan
    from chidao.org.choices import UnitKind
    from chidao.org.models import Unit, User

    largest = Committee.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    if largest is None:
        parser.error("no committee: run manage.py generate_scale first")
    province = largest.host_unit
    # Names the new committee's directory reads as exactly that unit: the smoke runs two
    # generators into one database, and both name a province "tỉnh số 1".
    directory = UnitDirectory(Committee(level=CommitteeLevel.PROVINCE, host_unit=province))
    units = [
        unit
        for unit in Unit.objects.filter(parent=province).order_by("pk")
        if directory.resolve(unit.name).unit == unit
    ]
    if not units:
        parser.error(f"no unit of {province} has a name of its own")
    leads = [u.name for u in units]
    coordinators = [u.name for u in units if u.kind == UnitKind.DEPARTMENT] or leads
    content = build_plan_xlsx(args.rows, args.group, leads, coordinators)
    if args.save:
        args.save.write_bytes(content)
    admin, _created = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )

    def openpyxl_read():
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        cells = 0
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells += sum(value is not None for value in row)
        workbook.close()
        assert cells > args.rows * 5

    phases: dict[str, list[float]] = {
        "upload": [],
        "preview": [],
        "read_preview": [],
        "commit": [],
        "write": [],
        "import": [],
    }

    # The same phases in CPU time of this process (SQLite runs in it): what the work
    # costs, less dependent on the load of a shared machine than the wall clock.
    cpu: dict[str, list[float]] = {name: [] for name in ("openpyxl", *phases)}

    def import_once(record: bool):
        # Each import is of a file never read before: the tables kept in the cache by an
        # earlier run (``imports.tables.read_tables``) are forgotten, so the upload parses
        # the workbook and the preview and commit find what the upload kept.
        cache.delete(get_tables_key(content, "xlsx"))
        try:
            with transaction.atomic():
                committee = Committee.objects.create(
                    name="Ban Chỉ đạo tải thử nhập kế hoạch",
                    level=CommitteeLevel.PROVINCE,
                    host_unit=province,
                )
                started, started_cpu = time.perf_counter(), time.process_time()
                data_import = do_upload_import(
                    committee=committee,
                    by=admin,
                    kind=ImportKind.TASKS,
                    filename="ke-hoach-tai-thu.xlsx",
                    content=content,
                )
                uploaded, uploaded_cpu = time.perf_counter(), time.process_time()
                plan = build_task_plan(data_import)
                previewed, previewed_cpu = time.perf_counter(), time.process_time()
                assert not plan.errors, plan.errors
                assert not plan.rows_with_errors, [
                    (r.label, r.errors) for r in plan.rows_with_errors[:3]
                ]
                assert len(plan.rows_to_create) == args.rows, len(plan.rows_to_create)
                if record:
                    phases["upload"].append((uploaded - started) * 1000)
                    phases["preview"].append((previewed - uploaded) * 1000)
                    phases["read_preview"].append((previewed - started) * 1000)
                    cpu["upload"].append((uploaded_cpu - started_cpu) * 1000)
                    cpu["preview"].append((previewed_cpu - uploaded_cpu) * 1000)
                    cpu["read_preview"].append((previewed_cpu - started_cpu) * 1000)
                if args.no_commit:
                    raise Rollback
                writing: list[float] = []
                writing_cpu: list[float] = []

                def note(done, total):
                    if not writing:
                        writing.append(time.perf_counter())
                        writing_cpu.append(time.process_time())

                commit_cpu = time.process_time()
                do_commit_task_import(data_import=data_import, by=admin, progress=note)
                committed = time.perf_counter()
                committed_cpu = time.process_time()
                assert committee.tasks.count() == args.rows
                if record:
                    phases["commit"].append((committed - previewed) * 1000)
                    phases["write"].append((committed - writing[0]) * 1000)
                    cpu["commit"].append((committed_cpu - commit_cpu) * 1000)
                    cpu["write"].append((committed_cpu - writing_cpu[0]) * 1000)
                    phases["import"].append((committed - started) * 1000)
                    cpu["import"].append((committed_cpu - started_cpu) * 1000)
                raise Rollback
        except Rollback:
            pass

    openpyxl_read()
    reads = []
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        openpyxl_read()
        reads.append((time.perf_counter() - started) * 1000)
        cpu["openpyxl"].append((time.process_time() - started_cpu) * 1000)
    if args.profile:
        import cProfile

        cProfile.runctx("import_once(False)", globals(), locals(), str(args.profile))
    else:
        import_once(False)  # warm-up
    for _ in range(args.runs):
        import_once(True)

    base = statistics.median(reads)
    base_cpu = statistics.median(cpu["openpyxl"])
    print(
        f"database {connection.vendor}, {args.rows:,} task rows "
        f"({len(content) / 1024:.0f} KiB .xlsx), {args.runs} runs after 1 warm-up, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("| measure | median ms | min | max | ÷ openpyxl | CPU ms | CPU ÷ openpyxl |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, values in {"openpyxl": reads, **phases}.items():
        if not values:
            continue
        median = statistics.median(values)
        median_cpu = statistics.median(cpu[name])
        print(
            f"| {name} | {median:,.0f} | {min(values):,.0f} | {max(values):,.0f} | "
            f"{median / base:.1f}× | {median_cpu:,.0f} | {median_cpu / base_cpu:.1f}× |"
        )
    if phases["commit"]:
        print(
            f"per task: commit {statistics.median(phases['commit']) / args.rows:.2f} ms, "
            f"write {statistics.median(phases['write']) / args.rows:.2f} ms; CPU time: "
            f"commit {statistics.median(cpu['commit']) / args.rows:.2f} ms, "
            f"write {statistics.median(cpu['write']) / args.rows:.2f} ms "
            f"(2,000 rows: commit {statistics.median(cpu['commit']) / args.rows * 2:,.2f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
