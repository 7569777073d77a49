"""Task status as of a date: the rule, and the database annotation that must agree with it."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.assignments.choices import DeadlineChangeDecision, TaskKind, TaskState, TaskStatus
from chidao.assignments.models import DeadlineChange, Task
from chidao.assignments.rules import (
    DecidedChange,
    get_days_overdue,
    get_deadline_as_of,
    get_task_status,
    is_due_soon,
)
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.tests.factories import UnitFactory, UserFactory

D = dt.date
JUNE_30 = D(2025, 6, 30)


def status(as_of, *, state=TaskState.OPEN, kind=TaskKind.DEADLINE, deadline=JUNE_30, **dates):
    return get_task_status(
        state=state,
        kind=kind,
        deadline=deadline,
        assigned_on=dates.get("assigned_on", D(2025, 2, 21)),
        completed_on=dates.get("completed_on"),
        stopped_on=dates.get("stopped_on"),
        as_of=as_of,
    )


@pytest.mark.parametrize(
    ("as_of", "kwargs", "expected"),
    [
        # Open tasks: in progress up to and including the deadline day, overdue after.
        (D(2025, 6, 30), {}, TaskStatus.IN_PROGRESS),
        (D(2025, 7, 1), {}, TaskStatus.OVERDUE),
        # Completed on the deadline is on time; a day later is late.
        (
            D(2025, 8, 1),
            {"state": TaskState.COMPLETED, "completed_on": JUNE_30},
            TaskStatus.DONE_ON_TIME,
        ),
        (
            D(2025, 8, 1),
            {"state": TaskState.COMPLETED, "completed_on": D(2025, 7, 1)},
            TaskStatus.DONE_LATE,
        ),
        # Seen before its completion date, a completed task was still open then.
        (
            D(2025, 6, 1),
            {"state": TaskState.COMPLETED, "completed_on": D(2025, 7, 1)},
            TaskStatus.IN_PROGRESS,
        ),
        (
            D(2025, 6, 30),
            {"state": TaskState.COMPLETED, "completed_on": D(2025, 7, 15)},
            TaskStatus.IN_PROGRESS,
        ),
        (
            D(2025, 7, 10),
            {"state": TaskState.COMPLETED, "completed_on": D(2025, 7, 15)},
            TaskStatus.OVERDUE,
        ),
        # Ongoing and recurring tasks have no deadline of their own.
        (D(2025, 7, 1), {"kind": TaskKind.ONGOING, "deadline": None}, TaskStatus.ONGOING),
        (D(2025, 7, 1), {"kind": TaskKind.RECURRING, "deadline": None}, TaskStatus.ONGOING),
        (
            D(2025, 7, 1),
            {
                "kind": TaskKind.ONGOING,
                "deadline": None,
                "state": TaskState.COMPLETED,
                "completed_on": D(2025, 6, 1),
            },
            TaskStatus.DONE_ON_TIME,
        ),
        # Paused and cancelled from their date on; before it, judged as open.
        (
            D(2025, 7, 1),
            {"state": TaskState.PAUSED, "stopped_on": D(2025, 5, 1)},
            TaskStatus.PAUSED,
        ),
        (
            D(2025, 7, 1),
            {"state": TaskState.CANCELLED, "stopped_on": D(2025, 5, 1)},
            TaskStatus.CANCELLED,
        ),
        (
            D(2025, 7, 1),
            {"state": TaskState.CANCELLED, "stopped_on": D(2025, 7, 2)},
            TaskStatus.OVERDUE,
        ),
        # A task assigned after the report date did not exist yet.
        (D(2025, 2, 20), {}, TaskStatus.NOT_YET_ASSIGNED),
    ],
)
def test_status_rule(as_of, kwargs, expected):
    assert status(as_of, **kwargs) == expected


def test_due_soon_and_days_overdue():
    assert is_due_soon(TaskStatus.IN_PROGRESS, JUNE_30, D(2025, 6, 23), window_days=7)
    assert not is_due_soon(TaskStatus.IN_PROGRESS, JUNE_30, D(2025, 6, 22), window_days=7)
    assert not is_due_soon(TaskStatus.OVERDUE, JUNE_30, D(2025, 7, 1), window_days=7)
    assert get_days_overdue(TaskStatus.OVERDUE, JUNE_30, D(2025, 7, 14)) == 14
    assert get_days_overdue(TaskStatus.IN_PROGRESS, JUNE_30, D(2025, 6, 1)) == 0


def test_deadline_as_of_reads_the_change_history_back():
    # 30/6 moved to 30/9 on 1/6, then to 31/12 on 15/9: the deadline in force on each day.
    changes = [
        DecidedChange(decided_on=D(2025, 6, 1), order=1, old_deadline=D(2025, 6, 30)),
        DecidedChange(decided_on=D(2025, 9, 15), order=2, old_deadline=D(2025, 9, 30)),
    ]
    current = D(2025, 12, 31)
    assert get_deadline_as_of(current, changes, D(2025, 5, 31)) == D(2025, 6, 30)
    assert get_deadline_as_of(current, changes, D(2025, 6, 1)) == D(2025, 9, 30)
    assert get_deadline_as_of(current, changes, D(2025, 9, 15)) == current


@pytest.mark.django_db
def test_extended_task_was_overdue_before_the_extension_was_approved():
    user = UserFactory()
    task = TaskFactory(deadline=D(2025, 9, 30), original_deadline=JUNE_30)
    DeadlineChange.objects.create(
        task=task,
        requested_by=user,
        old_deadline=JUNE_30,
        new_deadline=D(2025, 9, 30),
        reason="Chờ ý kiến của Bộ",
        decision=DeadlineChangeDecision.APPROVED,
        decided_by=user,
        decided_on=D(2025, 7, 10),
    )
    annotated = Task.objects.with_status(D(2025, 7, 5)).get()
    assert annotated.status == TaskStatus.OVERDUE
    assert annotated.deadline_as_of == JUNE_30
    assert Task.objects.with_status(D(2025, 7, 10)).get().status == TaskStatus.IN_PROGRESS
    assert task.get_status(D(2025, 7, 5)) == TaskStatus.OVERDUE


# --- the property: Python rule and database annotation agree, for any task and any date ---

# A narrow window so that equal dates (deadline day, completion on the deadline) are common.
dates = st.dates(min_value=D(2025, 1, 1), max_value=D(2025, 4, 30))


@st.composite
def task_specs(draw):
    kind = draw(st.sampled_from(TaskKind.values))
    state = draw(st.sampled_from(TaskState.values))
    deadline = draw(dates) if kind == TaskKind.DEADLINE else None
    # Boundaries are where rules go wrong: completion on the deadline day is common.
    near_deadline = st.one_of(dates, st.just(deadline)) if deadline else dates
    return {
        "kind": kind,
        "state": state,
        "assigned_on": draw(dates),
        "completed_on": draw(near_deadline) if state == TaskState.COMPLETED else None,
        "stopped_on": draw(dates) if state in (TaskState.PAUSED, TaskState.CANCELLED) else None,
        "original_deadline": deadline,
        # (decided on, new deadline, approved?) requests; approved ones move the deadline.
        "changes": draw(st.lists(st.tuples(dates, dates, st.booleans()), max_size=3))
        if kind == TaskKind.DEADLINE
        else [],
    }


def boundary_dates(spec):
    """Every date the spec mentions, and the days either side of it."""
    mentioned = [
        spec["assigned_on"],
        spec["completed_on"],
        spec["stopped_on"],
        spec["original_deadline"],
    ]
    mentioned += [day for change in spec["changes"] for day in change[:2]]
    one_day = dt.timedelta(days=1)
    return {
        day + shift for day in mentioned if day for shift in (-one_day, dt.timedelta(0), one_day)
    }


@pytest.mark.django_db
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    specs=st.lists(task_specs(), min_size=1, max_size=6),
    as_of_dates=st.lists(dates, min_size=1, max_size=4),
)
def test_python_status_equals_database_status(specs, as_of_dates):
    with transaction.atomic():
        _check_python_equals_database(specs, as_of_dates)
        transaction.set_rollback(True)


def _check_python_equals_database(specs, as_of_dates):
    as_of_dates = set(as_of_dates).union(*(boundary_dates(spec) for spec in specs))
    committee = CommitteeFactory()
    unit = UnitFactory()
    user = UserFactory()
    for spec in specs:
        # Approvals are decided in date order, as they would be in life.
        changes = sorted(spec.pop("changes"), key=lambda change: change[0])
        deadline = spec["original_deadline"]
        task = Task.objects.create(
            committee=committee,
            lead_unit=unit,
            title="Nhiệm vụ",
            recurrence="yearly" if spec["kind"] == TaskKind.RECURRING else "",
            deadline=deadline,
            **spec,
        )
        for decided_on, new_deadline, approved in changes:
            if new_deadline == deadline:
                continue
            DeadlineChange.objects.create(
                task=task,
                requested_by=user,
                old_deadline=deadline,
                new_deadline=new_deadline,
                reason="Lý do",
                decision=DeadlineChangeDecision.APPROVED
                if approved
                else DeadlineChangeDecision.REJECTED,
                decided_by=user,
                decided_on=decided_on,
            )
            if approved:
                deadline = new_deadline
        Task.objects.filter(pk=task.pk).update(deadline=deadline)

    tasks = list(Task.objects.filter(committee=committee).prefetch_related("deadline_changes"))
    for as_of in as_of_dates:
        from_db = {
            pk: (status, due_soon)
            for pk, status, due_soon in Task.objects.filter(committee=committee)
            .with_status(as_of)
            .with_due_soon(as_of, 7)
            .values_list("pk", "status", "due_soon")
        }
        from_python = {
            task.pk: (
                task.get_status(as_of),
                is_due_soon(task.get_status(as_of), task.get_deadline_on(as_of), as_of, 7),
            )
            for task in tasks
        }
        assert from_db == from_python, as_of
