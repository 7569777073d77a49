"""The export for the upper level (the national monitoring system): a committee's tasks
with their status and its indicators with their values for one period.

One builder (``build_upper_level_export``) gives a plain dict, written as JSON or as
.xlsx (``build_upper_level_xlsx``) by the API call and by ``manage.py
export_upper_level`` alike; the schema is documented in ``docs/export.md``.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from chidao.assignments.models import Task
from chidao.core.periods import Period, PeriodKind
from chidao.core.spreadsheets import get_workbook_bytes, write_row
from chidao.imports.rules import parse_period_phrase
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Indicator, Observation, Target
from chidao.org.models import Unit

SCHEMA = "chidao.upper-level-export/1"


def parse_export_period(text: str | None, today: date) -> Period:
    """The period named ("2025", "Quý II/2025", "6/2025"), or this year when none is."""
    if not text:
        return Period(PeriodKind.YEAR, today.year)
    parsed = parse_period_phrase(text)
    if parsed is None:
        raise ValidationError(
            _("Không đọc được kỳ “%(text)s”. Ví dụ: 2025, Quý II/2025, 6/2025.")
            % {"text": text[:40]}
        )
    return Period(*parsed)


def _unit(unit: Unit | None) -> dict | None:
    return None if unit is None else {"code": unit.code, "name": unit.name}


def build_upper_level_export(*, committee, period: Period, as_of: date | None = None) -> dict:
    """The committee's tasks (status as of ``as_of``, default the period's last day) and
    indicators (target of the period's year, approved values of the period)."""
    as_of = as_of or period.end
    tasks = (
        Task.objects.filter(committee=committee)
        .with_status(as_of)
        .select_related("group", "lead_unit")
        .prefetch_related(Prefetch("coordinating_units", queryset=Unit.objects.order_by("code")))
        .order_by("code_sort", "pk")
    )
    task_rows = [
        {
            "code": task.code,
            "title": task.title,
            "group": task.group.code if task.group else None,
            "lead_unit": _unit(task.lead_unit),
            "coordinating_units": [_unit(u) for u in task.coordinating_units.all()],
            "kind": task.kind,
            "deadline_text": task.deadline_text,
            "deadline": task.deadline_as_of.isoformat() if task.deadline_as_of else None,
            "original_deadline": (
                task.original_deadline.isoformat() if task.original_deadline else None
            ),
            "expected_output": task.expected_output,
            "state": task.state,
            "status": task.status,
            "progress_percent": task.progress_percent,
            "completed_on": task.completed_on.isoformat() if task.completed_on else None,
        }
        for task in tasks
    ]
    values = Observation.objects.filter(
        indicator__committee=committee,
        period_kind=period.kind,
        period_start=period.start,
        state=ObservationState.APPROVED,
    ).select_related("unit")
    indicators = (
        Indicator.objects.filter(committee=committee)
        .select_related("responsible_unit", "parent")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=Target.objects.filter(unit__isnull=True, year=period.year),
                to_attr="period_targets",
            ),
            Prefetch("observations", queryset=values.order_by("unit__code"), to_attr="values"),
        )
        .order_by("code")
    )
    indicator_rows = [
        {
            "code": indicator.code,
            "name": indicator.name,
            "parent": indicator.parent.code if indicator.parent else None,
            "measure_unit": indicator.measure_unit,
            "direction": indicator.direction,
            "responsible_unit": _unit(indicator.responsible_unit),
            "target": indicator.period_targets[0].text if indicator.period_targets else None,
            "values": [
                {"unit": _unit(obs.unit), "value": str(obs.value), "note": obs.note}
                for obs in indicator.values
            ],
        }
        for indicator in indicators
    ]
    return {
        "schema": SCHEMA,
        "committee": {"id": committee.pk, "name": committee.name, "level": committee.level},
        "period": {
            "kind": period.kind.value,
            "year": period.year,
            "number": period.number,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "as_of": as_of.isoformat(),
        "task_counts": dict(Counter(row["status"] for row in task_rows)),
        "tasks": task_rows,
        "indicators": indicator_rows,
    }


def build_upper_level_xlsx(data: dict) -> bytes:
    """The export as a workbook: a sheet of tasks and a sheet of indicator values.

    Written through the one spreadsheet writer from the same dict as the JSON: the ISO
    dates become real dates and the values numbers, and a title, output or value that
    starts with "=" stays text, never a live formula.
    """
    # Imported here, not by the API's views at start-up (chidao.core.spreadsheets says why).
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    tasks = book.active
    tasks.title = _("Nhiệm vụ")
    write_row(tasks, 1, [data["committee"]["name"], data["period"]["label"], _date(data["as_of"])])
    header = [
        "Mã",
        "Tên nhiệm vụ",
        "Nhóm",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Sản phẩm",
        "Tình trạng",
        "Tiến độ (%)",
        "Ngày hoàn thành",
    ]
    for cell in write_row(tasks, 2, header):
        cell.font = Font(bold=True)
    for number, row in enumerate(data["tasks"], start=3):
        write_row(
            tasks,
            number,
            [
                row["code"],
                row["title"],
                row["group"],
                row["lead_unit"]["name"],
                "; ".join(u["name"] for u in row["coordinating_units"]),
                _date(row["deadline"]) or row["deadline_text"],
                row["expected_output"],
                row["status"],
                row["progress_percent"],
                _date(row["completed_on"]),
            ],
        )
    indicators = book.create_sheet(_("Chỉ tiêu"))
    header = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Đơn vị", "Giá trị"]
    for cell in write_row(indicators, 1, header):
        cell.font = Font(bold=True)
    number = 1
    for row in data["indicators"]:
        for value in row["values"] or [None]:
            number += 1
            write_row(
                indicators,
                number,
                [
                    row["code"],
                    row["name"],
                    row["measure_unit"],
                    row["target"],
                    value["unit"]["name"] if value else None,
                    Decimal(value["value"]) if value else None,
                ],
            )
    return get_workbook_bytes(book)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
