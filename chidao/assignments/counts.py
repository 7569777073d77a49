"""The Government-Office-style count table of tasks, per unit or per group.

Counted as the Government Office's task-tracking reports count (report 1270/BC-TCTTTg):
completion rate = completed ÷ (completed + overdue), tasks still within their deadline
left out; later reports also give the share of all tasks, so both denominators are here.
Paused and cancelled tasks are listed but left out of the rates. Tasks assigned after the
report date do not exist yet and are not counted.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from django.db.models import Count, Q

from chidao.assignments.choices import TaskStatus
from chidao.assignments.querysets import TaskQuerySet
from chidao.core.text import fold_text

GROUPINGS = {
    "lead_unit": ("lead_unit_id", "lead_unit__name"),
    "group": ("group_id", "group__name"),
}


@dataclass(frozen=True)
class CountRow:
    """One line of the count table; ``key`` is the unit or group id (None: no group)."""

    key: int | None
    label: str
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0
    due_soon: int = 0
    overdue: int = 0
    ongoing: int = 0
    paused: int = 0
    cancelled: int = 0

    @property
    def assigned(self) -> int:
        """Every task assigned by the report date, stopped ones included."""
        return self.counted + self.paused + self.cancelled

    @property
    def counted(self) -> int:
        """Tasks that enter the rates: all assigned, less paused and cancelled."""
        return self.done_on_time + self.done_late + self.in_progress + self.overdue + self.ongoing

    @property
    def completed(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def due(self) -> int:
        """Tasks judged by the date: completed, or open past their deadline."""
        return self.completed + self.overdue

    @property
    def completion_rate_of_due(self) -> Decimal | None:
        """Completed ÷ due, in percent (the Government Office's completion rate)."""
        return _percent(self.completed, self.due)

    @property
    def on_time_rate_of_due(self) -> Decimal | None:
        return _percent(self.done_on_time, self.due)

    @property
    def on_time_rate_of_all(self) -> Decimal | None:
        """Done on time ÷ all counted tasks, in percent."""
        return _percent(self.done_on_time, self.counted)

    @property
    def overdue_rate_of_all(self) -> Decimal | None:
        return _percent(self.overdue, self.counted)


@dataclass(frozen=True)
class CountTable:
    as_of: date
    by: str
    rows: list[CountRow] = field(default_factory=list)
    total: CountRow = CountRow(key=None, label="Tổng cộng")


def get_count_table(
    tasks: TaskQuerySet,
    *,
    as_of: date,
    by: Literal["lead_unit", "group"],
    due_soon_days: int = 7,
) -> CountTable:
    """Count ``tasks`` by status as of a date, one row per lead unit or per group.

    One aggregate query per call, whatever the number of rows.
    """
    key_field, label_field = GROUPINGS[by]
    statuses = {
        "done_on_time": Q(status=TaskStatus.DONE_ON_TIME),
        "done_late": Q(status=TaskStatus.DONE_LATE),
        "in_progress": Q(status=TaskStatus.IN_PROGRESS),
        "due_soon": Q(due_soon=True),
        "overdue": Q(status=TaskStatus.OVERDUE),
        "ongoing": Q(status=TaskStatus.ONGOING),
        "paused": Q(status=TaskStatus.PAUSED),
        "cancelled": Q(status=TaskStatus.CANCELLED),
    }
    grouped = (
        tasks.with_status(as_of)
        .with_due_soon(as_of, due_soon_days)
        .exclude(status=TaskStatus.NOT_YET_ASSIGNED)
        .order_by()
        .values(key_field, label_field)
        .annotate(**{name: Count("pk", filter=condition) for name, condition in statuses.items()})
    )
    rows = [
        CountRow(
            key=row[key_field],
            label=row[label_field] or "Chưa phân nhóm",
            **{name: row[name] for name in statuses},
        )
        for row in sorted(grouped, key=lambda row: get_row_order(row[label_field]))
    ]
    total = CountRow(
        key=None,
        label="Tổng cộng",
        **{name: sum(getattr(row, name) for row in rows) for name in statuses},
    )
    return CountTable(as_of=as_of, by=by, rows=rows, total=total)


def get_row_order(label: str | None) -> tuple:
    """The order of count-table rows: by label ignoring diacritics and case, tasks without a
    group last. Sorted here, not by the database, whose collation differs between SQLite
    and PostgreSQL."""
    return (label is None, fold_text(label or ""), label or "")


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
