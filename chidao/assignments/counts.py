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
from functools import lru_cache
from typing import Literal

from django.db import connections
from django.db.models import Count
from django.utils.translation import gettext_lazy

from chidao.assignments.choices import TaskStatus
from chidao.assignments.querysets import TaskQuerySet, TaskStatusSpanQuerySet
from chidao.core.ordering import natural_key
from chidao.core.text import fold_text

# The columns of a count row, each a status of ``with_status`` but ``due_soon``.
COUNTED = (
    "done_on_time",
    "done_late",
    "in_progress",
    "due_soon",
    "overdue",
    "ongoing",
    "paused",
    "cancelled",
)

# Read with the group rows so that they come in the plan's order (``natural_key``).
GROUP_ORDER_FIELDS = ("group__order", "group__code")
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
    fields = (key_field, label_field, *(GROUP_ORDER_FIELDS if by == "group" else ()))
    cells = get_status_counts(tasks, as_of=as_of, due_soon_days=due_soon_days, fields=fields)
    return build_count_table(cells, as_of=as_of, by=by)


def get_kept_count_table(
    spans: TaskStatusSpanQuerySet,
    *,
    as_of: date,
    by: Literal["lead_unit", "group"],
    due_soon_days: int = 7,
) -> CountTable:
    """``get_count_table`` of the tasks whose status spans are ``spans``, read from them."""
    key_field, label_field = GROUPINGS[by]
    fields = (key_field, label_field, *(GROUP_ORDER_FIELDS if by == "group" else ()))
    cells = get_kept_status_counts(spans, as_of=as_of, due_soon_days=due_soon_days, fields=fields)
    return build_count_table(cells, as_of=as_of, by=by)


def build_count_table(cells: list[dict], *, as_of: date, by: str) -> CountTable:
    """The count table from ``get_status_counts`` cells (which may be finer than ``by``)."""
    key_field, label_field = GROUPINGS[by]
    counts, labels, orders = {}, {}, {}
    for cell in cells:
        key = cell[key_field]
        if key not in labels:
            # A row's label and order once per row, not per cell (a province's status cube
            # has ~2,500 cells for ~140 rows: folding each cell's label was a tenth of a
            # dashboard's panels).
            labels[key] = cell[label_field]
            orders[key] = get_row_order(labels[key])
            if by == "group" and key is not None and "group__code" in cell:
                # Groups in the plan's order (I, II, … VII), not by name.
                orders[key] = (
                    False,
                    cell.get("group__order") or 0,
                    natural_key(cell["group__code"]),
                )
        row = counts.setdefault(key, dict.fromkeys(COUNTED, 0))
        row[cell["status"]] += cell["n"]
        if cell["due_soon"]:
            row["due_soon"] += cell["n"]
    rows = [
        CountRow(key=key, label=labels[key] or gettext_lazy("Chưa phân nhóm"), **counts[key])
        for key in sorted(counts, key=lambda key: orders[key])
    ]
    return CountTable(as_of=as_of, by=by, rows=rows, total=sum_rows(rows))


def sum_rows(rows: list[CountRow], label: str = "Tổng cộng") -> CountRow:
    """The total line of a count table."""
    return CountRow(
        key=None, label=label, **{name: sum(getattr(row, name) for row in rows) for name in COUNTED}
    )


def get_status_counts(
    tasks: TaskQuerySet, *, as_of: date, due_soon_days: int, fields: tuple[str, ...]
) -> list[dict]:
    """Tasks counted per ``fields`` × status × due soon as of a date, in one query.

    Cells (dicts of ``fields``, ``status``, ``due_soon``, ``n``), a few per group, never one
    per task; tasks not yet assigned on the date are left out. The statuses are
    ``with_status`` (the one rule), computed once per task: the per-task query is closed by
    an optimisation fence (``OFFSET 0``) and counted by an outer ``GROUP BY``. Without the
    fence PostgreSQL inlines the status ``CASE`` and its deadline subqueries into every
    place that uses them (grouping, due soon, filter), and SQLite evaluates them again for
    the sort of the ``GROUP BY``: 5–10× slower at province scale (bench/RESULTS.md).
    """
    per_task = (
        tasks.with_status(as_of)
        .with_due_soon(as_of, due_soon_days)
        .order_by()
        .values(*fields, "status", "due_soon")
    )
    connection = connections[per_task.db]
    sql, params = per_task.query.get_compiler(connection=connection).as_sql()
    columns = ", ".join(connection.ops.quote_name(name) for name in (*fields, "status"))
    # PostgreSQL does not pull a subquery with OFFSET up into the outer query; SQLite
    # needs a LIMIT for an OFFSET (-1: none).
    fence = "LIMIT -1 OFFSET 0" if connection.vendor == "sqlite" else "OFFSET 0"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, due_soon, COUNT(*) FROM ({sql} {fence}) per_task "
            f"GROUP BY {columns}, due_soon",
            params,
        )
        names = (*fields, "status", "due_soon", "n")
        cells = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for cell in cells:
        cell["due_soon"] = bool(cell["due_soon"])
    return [cell for cell in cells if cell["status"] != TaskStatus.NOT_YET_ASSIGNED]


def get_kept_status_counts(
    spans: TaskStatusSpanQuerySet, *, as_of: date, due_soon_days: int, fields: tuple[str, ...]
) -> list[dict]:
    """``get_status_counts`` read from the kept spans (``models.TaskStatusSpan``).

    The same cells (``fields`` × status × due soon) for the tasks whose spans are
    ``spans``, by a range look-up: each task has at most one span in force on a date, and
    none before it is assigned. ``fields`` name the span's copies of the task's
    ``committee``, ``lead_unit``, ``group`` and ``is_key`` (and what they lead to).
    A property test holds the two equal after any sequence of writes.
    """
    rows = (
        spans.as_of(as_of)
        .with_due_soon(as_of, due_soon_days)
        .order_by()
        .values(*fields, "status", "due_soon")
        .annotate(n=Count("pk"))
    )
    cells = list(rows)
    for cell in cells:
        cell["due_soon"] = bool(cell["due_soon"])
    return cells


def get_tallied_counts(committees: list[int], *, as_of: date) -> dict[int, dict[str, int]]:
    """Tasks per status as of a date of each committee with the committees below it, from
    the kept tallies (``models.StatusTally``): each committee and status's last step on or
    before the date, an index probe each (``status_tally_step``), whatever the number of
    tasks. Not for the root committee (its tasks' tallies are not kept: nobody reads
    them); ``due_soon`` is not kept.

    Written as SQL, one query: built with the ORM (seven ``Subquery`` annotations) the
    query's compilation cost as much as its ~840 probes for a province's 120 communes.
    Not grouped by ``MAX(day)``: PostgreSQL then reads every step of every committee
    (110 ms instead of 6 for the 34 provinces at national scale; bench/RESULTS.md,
    m-status).
    """
    from chidao.assignments.models import StatusTally  # models import this module
    from chidao.committees.models import Committee

    statuses = [status for status in COUNTED if status != "due_soon"]
    committees = list(dict.fromkeys(committees))
    if not committees:
        return {}
    connection = connections[StatusTally.objects.db]
    quote = connection.ops.quote_name
    table = quote(StatusTally._meta.db_table)
    committee_table, pk = quote(Committee._meta.db_table), quote(Committee._meta.pk.column)
    committee_id, status, day, n = (quote(name) for name in ("committee_id", "status", "day", "n"))
    probes = ", ".join(
        f"COALESCE((SELECT {n} FROM {table} WHERE {committee_id} = c.{pk} AND {status} = %s "
        f"AND {day} <= %s ORDER BY {day} DESC LIMIT 1), 0)"
        for _status in statuses
    )
    marks = ", ".join(["%s"] * len(committees))
    params: list = [value for value in statuses for value in (value, as_of)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.{pk}, {probes} FROM {committee_table} c WHERE c.{pk} IN ({marks})",
            [*params, *committees],
        )
        return {row[0]: dict(zip(statuses, row[1:], strict=True)) for row in cursor.fetchall()}


@lru_cache(maxsize=4096)
def get_row_order(label: str | None) -> tuple:
    """The order of count-table rows: by label ignoring diacritics and case, tasks without a
    group last. Sorted here, not by the database, whose collation differs between SQLite
    and PostgreSQL. Kept per label (the names of units and groups, a few thousand at
    most): folding a province's ~140 names was half of building its unit table."""
    return (label is None, fold_text(label or ""), label or "")


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
