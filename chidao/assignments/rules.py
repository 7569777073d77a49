"""Task status as of a date: the one Python implementation.

``TaskQuerySet.with_status`` is the same rule written for the database, used wherever
tasks are counted; a property test holds the two equal.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from chidao.assignments.choices import TaskKind, TaskState, TaskStatus


@dataclass(frozen=True)
class DecidedChange:
    """An approved deadline change, as far as the status rule needs it."""

    decided_on: date
    order: int  # breaks ties between changes decided on the same day (the row id)
    old_deadline: date


def get_deadline_as_of(
    current_deadline: date | None, approved_changes: Iterable[DecidedChange], as_of: date
) -> date | None:
    """Return the deadline that was in force on ``as_of``.

    The current deadline is the truth for today; an approved change decided after
    ``as_of`` had not happened yet, so the deadline then was the old deadline of the
    first such change.
    """
    later = [c for c in approved_changes if c.decided_on > as_of]
    if not later:
        return current_deadline
    return min(later, key=lambda c: (c.decided_on, c.order)).old_deadline


def get_task_status(
    *,
    state: str,
    kind: str,
    deadline: date | None,
    assigned_on: date,
    completed_on: date | None,
    stopped_on: date | None,
    as_of: date,
) -> TaskStatus:
    """Return a task's status on ``as_of``, as the Government Office counts tasks.

    Args:
        state: the task's recorded state (``TaskState``) today.
        kind: ``TaskKind``; tasks without a deadline by nature are "ongoing".
        deadline: the deadline in force on ``as_of`` (see ``get_deadline_as_of``).
        assigned_on: the day the task was assigned; later than ``as_of`` means it did not
            exist yet.
        completed_on: the date of the output that completed the task.
        stopped_on: the day the task was paused or cancelled.
        as_of: the report date.
    """
    if assigned_on > as_of:
        return TaskStatus.NOT_YET_ASSIGNED
    if state == TaskState.COMPLETED and completed_on is not None and completed_on <= as_of:
        if deadline is None or completed_on <= deadline:
            return TaskStatus.DONE_ON_TIME
        return TaskStatus.DONE_LATE
    if stopped_on is not None and stopped_on <= as_of:
        if state == TaskState.PAUSED:
            return TaskStatus.PAUSED
        if state == TaskState.CANCELLED:
            return TaskStatus.CANCELLED
    if kind != TaskKind.DEADLINE or deadline is None:
        return TaskStatus.ONGOING
    if deadline < as_of:
        return TaskStatus.OVERDUE
    return TaskStatus.IN_PROGRESS


def is_due_soon(status: str, deadline: date | None, as_of: date, window_days: int) -> bool:
    """Whether an in-progress task's deadline falls within ``window_days`` of ``as_of``."""
    return (
        status == TaskStatus.IN_PROGRESS
        and deadline is not None
        and (deadline - as_of).days <= window_days
    )


def get_days_overdue(status: str, deadline: date | None, as_of: date) -> int:
    """Days past the deadline of an overdue task on ``as_of`` (0 for any other status)."""
    if status != TaskStatus.OVERDUE or deadline is None:
        return 0
    return (as_of - deadline).days


@dataclass(frozen=True)
class StatusSpan:
    """Days over which a task's status and its deadline in force stay the same:
    ``valid_from`` included, ``valid_until`` excluded (``None``: from then on)."""

    valid_from: date
    valid_until: date | None
    status: TaskStatus
    deadline: date | None


def get_status_spans(
    *,
    state: str,
    kind: str,
    deadline: date | None,
    assigned_on: date,
    completed_on: date | None,
    stopped_on: date | None,
    approved_changes: Iterable[DecidedChange],
) -> list[StatusSpan]:
    """A task's status on every date, as spans, read off ``get_task_status`` itself.

    The status is a step function of the date: it can only change on a day the rule
    compares the date with (the assignment, the completion, the stop, an approved
    change's decision, the day after a deadline that was in force). The rule is asked on
    each such day and equal neighbours are merged, so the spans are the rule, not a
    second copy of it. Days before ``assigned_on`` (not yet assigned) have no span.
    """
    changes = list(approved_changes)
    deadlines = [day for day in (deadline, *(c.old_deadline for c in changes)) if day is not None]
    days = {assigned_on, completed_on, stopped_on, *(change.decided_on for change in changes)}
    days |= {day + timedelta(days=1) for day in deadlines if day < date.max}
    spans: list[StatusSpan] = []
    for day in sorted(day for day in days if day is not None and day >= assigned_on):
        in_force = get_deadline_as_of(deadline, changes, day)
        status = get_task_status(
            state=state,
            kind=kind,
            deadline=in_force,
            assigned_on=assigned_on,
            completed_on=completed_on,
            stopped_on=stopped_on,
            as_of=day,
        )
        if spans and (spans[-1].status, spans[-1].deadline) == (status, in_force):
            continue
        if spans:
            spans[-1] = replace(spans[-1], valid_until=day)
        spans.append(StatusSpan(valid_from=day, valid_until=None, status=status, deadline=in_force))
    return spans


def report_waits_for_unit_head(
    *, committee_requires: bool, unit_requires: bool, written_by_head: bool
) -> bool:
    """Whether a unit's progress report waits for the unit's head before it reaches the
    secretariat: the committee asks it of every unit
    (``Committee.requires_unit_head_approval``), or the unit of its own reports
    (``Unit.requires_head_approval``); never when the head wrote the report."""
    return (committee_requires or unit_requires) and not written_by_head
