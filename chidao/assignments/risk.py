"""The early warning read from the database: what was known on a date, forecast.

``get_forecasts`` gathers, for a set of tasks and everything they wait for, only what was
known on ``as_of`` (reports filed by then, the deadline in force then, requests filed by
then, the lead unit's record then) and hands it to the pure rule ``forecast.forecast_tasks``.
The command ``tasks_at_risk``, the panels and the backtest all read through here.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count

from chidao.assignments.choices import ReviewState, TaskKind, TaskStatus
from chidao.assignments.forecast import Forecast, TaskFacts, Weights, forecast_tasks
from chidao.assignments.models import (
    DeadlineChange,
    ForecastSettings,
    ProgressUpdate,
    Task,
    TaskDependency,
    TaskStatusSpan,
)

WEIGHT_FIELDS = (
    "pace_gap_percent",
    "stale_report_days",
    "repeated_changes",
    "poor_on_time_percent",
    "certain_late_days",
    "risk_points",
)


def get_weights(committee_ids: Iterable[int]) -> dict[int, Weights]:
    """Each committee's weights: its ``ForecastSettings``, or the defaults."""
    found = {
        row["committee_id"]: Weights(**{name: row[name] for name in WEIGHT_FIELDS})
        for row in ForecastSettings.objects.filter(committee__in=list(committee_ids)).values(
            "committee_id", *WEIGHT_FIELDS
        )
    }
    return defaultdict(Weights, found)


def get_task_label(code: str, title: str) -> str:
    """How the warning names a task: its code, else the start of its title."""
    return code or (title if len(title) <= 40 else f"{title[:40]}…")


def get_prerequisites(task_ids: Iterable[int]) -> tuple[set[int], dict[int, list[int]]]:
    """The tasks ``task_ids`` with everything they wait for, directly or not, and each
    such task → the tasks it waits for (in the model's order).

    Walked from the given tasks, one query per step of the longest chain (most tasks wait
    for none: one query), rather than reading every dependency of the country each time.
    """
    found = set(task_ids)
    edges: dict[int, list[int]] = defaultdict(list)
    frontier = set(found)
    while frontier:
        rows = TaskDependency.objects.filter(task__in=list(frontier)).values_list(
            "task_id", "depends_on_id"
        )
        frontier = set()
        for task_id, before_id in rows:
            edges[task_id].append(before_id)
            if before_id not in found:
                found.add(before_id)
                frontier.add(before_id)
    return found, edges


def get_forecasts(task_ids: Iterable[int], as_of: date) -> dict[int, Forecast]:
    """Forecasts on ``as_of`` of the tasks ``task_ids`` and of everything they wait for.

    Only what was known on ``as_of`` is used, so the backtest can replay the past.
    """
    facts, weights = get_task_facts(task_ids, as_of)
    return forecast_tasks(facts, as_of, weights)


TASK_FIELDS = (
    "pk",
    "code",
    "title",
    "committee_id",
    "lead_unit_id",
    "kind",
    "assigned_on",
    "start_date",
    "deadline_as_of",
    "status",
    "completed_on",
)


def get_task_facts(
    task_ids: Iterable[int], as_of: date
) -> tuple[dict[int, TaskFacts[int]], dict[int, Weights]]:
    """What was known on ``as_of`` of the tasks ``task_ids`` and everything they wait for,
    and each task's committee weights: the inputs of ``forecast.forecast_tasks``."""
    task_ids = list(task_ids)
    if not task_ids:
        return {}, {}
    ids, edges = get_prerequisites(task_ids)
    rows = list(Task.objects.filter(pk__in=ids).with_status(as_of).values(*TASK_FIELDS))
    # The filters in SQL only narrow what is read; ``build_task_facts`` applies the rule.
    reports = (
        ProgressUpdate.objects.filter(task__in=ids, reported_on__lte=as_of)
        .exclude(review_state=ReviewState.RETURNED)
        .order_by()  # read into sets and sorted by the rule: the model's order is not needed
        .values_list("task_id", "unit_id", "reported_on", "percent", "review_state")
    )
    coordinators = Task.coordinating_units.through.objects.filter(task__in=ids).values_list(
        "task_id", "unit_id"
    )
    changes = DeadlineChange.objects.filter(task__in=ids).values_list(
        "task_id", "decided_on", "requested_at"
    )
    return build_task_facts(rows, reports, coordinators, changes, edges, as_of)


def get_loaded_task_facts(
    task: Task,
    updates: Iterable[ProgressUpdate],
    changes: Iterable[DeadlineChange],
    coordinator_ids: Iterable[int],
    as_of: date,
) -> tuple[dict[int, TaskFacts[int]], dict[int, Weights]]:
    """``get_task_facts`` of one task that waits for no other, from rows its page already
    read: the task with its status on ``as_of`` (``with_status``), all its reports, all its
    deadline changes and its coordinating units. Two queries (the lead unit's record, the
    weights) instead of seven."""
    return build_task_facts(
        [{name: getattr(task, name) for name in TASK_FIELDS}],
        [
            (task.pk, update.unit_id, update.reported_on, update.percent, update.review_state)
            for update in updates
        ],
        [(task.pk, unit_id) for unit_id in coordinator_ids],
        [(task.pk, change.decided_on, change.requested_at) for change in changes],
        {},
        as_of,
    )


def build_task_facts(
    rows: Iterable[dict],
    reports: Iterable[tuple[int, int, date, int, str]],
    coordinators: Iterable[tuple[int, int]],
    changes: Iterable[tuple[int, date | None, datetime]],
    edges: dict[int, list[int]],
    as_of: date,
) -> tuple[dict[int, TaskFacts[int]], dict[int, Weights]]:
    """The facts known on ``as_of`` from the rows read: ``rows`` the tasks (``TASK_FIELDS``,
    status on ``as_of``), ``reports`` ``(task, unit, reported on, percent, review state)``,
    ``coordinators`` ``(task, unit)``, ``changes`` ``(task, decided on, requested at)`` and
    ``edges`` each task → those it waits for. Reads the lead units' records and weights."""
    rows = list(rows)
    reported: dict[int, list[tuple[date, int]]] = defaultdict(list)
    filed_by: dict[int, set[int]] = defaultdict(set)
    lead_of = {row["pk"]: row["lead_unit_id"] for row in rows}
    for task_id, unit_id, reported_on, percent, review_state in reports:
        # What was filed by then and not sent back.
        if reported_on > as_of or review_state == ReviewState.RETURNED:
            continue
        if unit_id == lead_of.get(task_id):
            reported[task_id].append((reported_on, percent))
        else:
            filed_by[task_id].add(unit_id)
    coordinating: dict[int, set[int]] = defaultdict(set)
    for task_id, unit_id in coordinators:
        coordinating[task_id].add(unit_id)
    requests: dict[int, int] = defaultdict(int)
    for task_id, decided_on, requested_at in changes:
        # The request was filed by its decision at the latest; generated history carries
        # decision dates, so a decided request counts from then.
        known_on = decided_on or requested_at.date()
        if known_on <= as_of:
            requests[task_id] += 1
    record = get_lead_records({row["lead_unit_id"] for row in rows}, as_of)
    weights = get_weights({row["committee_id"] for row in rows})
    facts = {
        row["pk"]: TaskFacts(
            label=get_task_label(row["code"], row["title"]),
            status=row["status"],
            start=row["start_date"] or row["assigned_on"],
            deadline=row["deadline_as_of"] if row["kind"] == TaskKind.DEADLINE else None,
            reports=tuple(sorted(reported[row["pk"]])),
            change_requests=requests[row["pk"]],
            silent_coordinators=len(coordinating[row["pk"]] - filed_by[row["pk"]]),
            lead_record=record.get(row["lead_unit_id"]),
            depends_on=tuple(edges.get(row["pk"], ())),
            completed_on=row["completed_on"],
        )
        for row in rows
    }
    return facts, {row["pk"]: weights[row["committee_id"]] for row in rows}


def get_lead_records(unit_ids: Iterable[int], as_of: date) -> dict[int, tuple[int, int]]:
    """Each unit's ``(done on time, already due)`` deadline tasks that it leads, on ``as_of``.

    "Already due": done (on time or late) or overdue on that date. Read from the tasks'
    kept status spans (``with_status``, the one rule, as every write records it; a property
    test holds them equal): a range look-up instead of the rule over every task the units
    lead, half the cost.
    """
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in (
        TaskStatusSpan.objects.as_of(as_of)
        .filter(
            lead_unit__in=list(unit_ids),
            task__kind=TaskKind.DEADLINE,
            status__in=[TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE, TaskStatus.OVERDUE],
        )
        .values("lead_unit_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        entry = counts[row["lead_unit_id"]]
        entry[1] += row["count"]
        if row["status"] == TaskStatus.DONE_ON_TIME:
            entry[0] += row["count"]
    return {unit: (on_time, due) for unit, (on_time, due) in counts.items()}


@dataclass(frozen=True)
class AtRiskTask:
    """One line of a warning list."""

    task: Task
    forecast: Forecast


def get_tasks_at_risk(tasks, as_of: date) -> list[AtRiskTask]:
    """The tasks of the queryset ``tasks`` in progress whose risk is not "đúng tiến độ",
    the surest first, then by deadline."""
    rows = list(tasks.values_list("pk", "deadline", "code"))
    forecasts = get_forecasts([pk for pk, _deadline, _code in rows], as_of)
    flagged = [row for row in rows if row[0] in forecasts and forecasts[row[0]].is_warning]
    flagged.sort(
        key=lambda row: (
            -forecasts[row[0]].points - (100 if forecasts[row[0]].risk == "certain_late" else 0),
            row[1] or as_of,
            row[2],
        )
    )
    # Only the flagged tasks are read as objects (a few dozen of a province's ~1,000 open
    # tasks: building every task with its unit and committee was a third of the panel).
    by_pk = tasks.select_related("lead_unit", "committee").in_bulk(
        [pk for pk, _deadline, _code in flagged]
    )
    return [AtRiskTask(task=by_pk[pk], forecast=forecasts[pk]) for pk, _deadline, _code in flagged]
