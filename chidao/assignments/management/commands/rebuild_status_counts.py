"""``manage.py rebuild_status_counts [--verify] [--committee PK]``.

Rebuilds the kept counts: the status spans of tasks (``spans.rebuild_status_spans``), the
tallies per committee and status drawn from them (``spans.rebuild_status_tallies``, always
all of them) and the roll-ups of indicator values
(``indicators.rollups.rebuild_indicator_rollups``). With
``--verify`` it changes nothing and compares them with what they are kept from: the spans
each task should have (``rules.get_status_spans``), the counts as of today per committee,
unit and status against ``with_status``, and each roll-up against the aggregate of the
approved values. Exits with status 1 and lists every task, count and roll-up that differs.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from chidao.assignments.counts import get_kept_status_counts, get_status_counts
from chidao.assignments.models import Task, TaskStatusSpan
from chidao.assignments.spans import (
    find_span_mismatches,
    find_tally_mismatches,
    rebuild_status_spans,
    rebuild_status_tallies,
)
from chidao.committees.models import Committee
from chidao.indicators.models import Indicator
from chidao.indicators.rollups import find_rollup_mismatches, rebuild_indicator_rollups

FIELDS = ("committee_id", "lead_unit_id", "group_id")


def _describe(spans: list[tuple]) -> str:
    if not spans:
        return "(không có)"
    return "; ".join(
        f"{start:%d/%m/%Y}–{f'{end:%d/%m/%Y}' if end else '…'} {status}"
        + (f" (hạn {deadline:%d/%m/%Y})" if deadline else "")
        for start, end, status, deadline, *_rest in spans
    )


class Command(BaseCommand):
    help = "Dựng lại hoặc kiểm tra số liệu trạng thái nhiệm vụ được lưu sẵn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--verify",
            action="store_true",
            help="Chỉ kiểm tra, không ghi; sai lệch thì thoát mã 1.",
        )
        parser.add_argument("--committee", type=int, help="Chỉ nhiệm vụ của Ban Chỉ đạo này.")

    def handle(self, *args, **options):
        tasks = Task.objects.all()
        spans = TaskStatusSpan.objects.all()
        indicators = Indicator.objects.all()
        if options["committee"] is not None:
            committee = Committee.objects.filter(pk=options["committee"]).first()
            if committee is None:
                raise CommandError("Không có Ban Chỉ đạo này.")
            tasks = tasks.filter(committee=committee)
            spans = spans.filter(committee=committee)
            indicators = indicators.filter(committee=committee)
        if not options["verify"]:
            with transaction.atomic():
                written = rebuild_status_spans(tasks)
                rollups = rebuild_indicator_rollups(indicators)
                tallies = rebuild_status_tallies()
            self.stdout.write(
                f"Đã dựng lại {written} khoảng trạng thái của {tasks.count()} nhiệm vụ, "
                f"{rollups} ô tổng hợp số liệu chỉ tiêu, {tallies} bậc số nhiệm vụ theo "
                "Ban Chỉ đạo."
            )
            return
        mismatches = find_span_mismatches(tasks)
        for mismatch in mismatches:
            self.stdout.write(
                f"Nhiệm vụ {mismatch.task_id}: cần {_describe(mismatch.expected)}; "
                f"đang lưu {_describe(mismatch.kept)}"
            )
        today = timezone.localdate()
        live = _cells(get_status_counts(tasks, as_of=today, due_soon_days=7, fields=FIELDS))
        kept = _cells(get_kept_status_counts(spans, as_of=today, due_soon_days=7, fields=FIELDS))
        wrong_counts = sorted(
            (key for key in live.keys() | kept.keys() if live.get(key) != kept.get(key)), key=str
        )
        for committee_id, unit_id, group_id, status, due_soon in wrong_counts:
            self.stdout.write(
                f"Ngày {today:%d/%m/%Y}, Ban Chỉ đạo {committee_id}, đơn vị {unit_id}, "
                f"nhóm {group_id}, {status}{' (sắp đến hạn)' if due_soon else ''}: "
                f"theo quy tắc {live.get((committee_id, unit_id, group_id, status, due_soon), 0)}, "
                f"đang lưu {kept.get((committee_id, unit_id, group_id, status, due_soon), 0)}"
            )
        wrong_rollups = find_rollup_mismatches(indicators)
        for (indicator_id, kind, start), expected, kept_rollup in wrong_rollups:
            self.stdout.write(
                f"Chỉ tiêu {indicator_id}, kỳ {kind} từ {start:%d/%m/%Y}: "
                f"cần {_summary(expected)}; đang lưu {_summary(kept_rollup)}"
            )
        wrong_tallies = find_tally_mismatches()
        for committee_id, status, day, kept_n, expected_n in wrong_tallies[:100]:
            self.stdout.write(
                f"Ban Chỉ đạo {committee_id} và cấp dưới, {status}, từ {day:%d/%m/%Y}: "
                f"theo khoảng trạng thái {expected_n}, đang lưu {kept_n}"
            )
        if mismatches or wrong_counts or wrong_rollups or wrong_tallies:
            self.stderr.write(
                f"Sai lệch: {len(mismatches)} nhiệm vụ, {len(wrong_counts)} ô số liệu nhiệm vụ, "
                f"{len(wrong_rollups)} ô tổng hợp chỉ tiêu, {len(wrong_tallies)} bậc số "
                "nhiệm vụ theo Ban Chỉ đạo. "
                "Chạy lại lệnh không có --verify để dựng lại."
            )
            raise SystemExit(1)
        self.stdout.write(f"Khớp: {tasks.count()} nhiệm vụ, {indicators.count()} chỉ tiêu.")


def _cells(cells: list[dict]) -> dict[tuple, int]:
    return {
        (*(cell[name] for name in FIELDS), cell["status"], cell["due_soon"]): cell["n"]
        for cell in cells
    }


def _summary(summary) -> str:
    if summary is None:
        return "(không có)"
    return (
        f"{summary.count} giá trị, tổng {summary.total}, nhỏ nhất {summary.lowest}, "
        f"lớn nhất {summary.highest}, sau cùng {summary.last}"
    )
