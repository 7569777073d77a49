"""The task's history (``timeline.get_task_timeline``) on records with optional fields empty."""

import datetime

import pytest

from chidao.assignments.choices import DeadlineChangeDecision
from chidao.assignments.models import DeadlineChange, Direction, ProgressUpdate
from chidao.assignments.tests.factories import (
    DeadlineChangeFactory,
    ProgressUpdateFactory,
    TaskFactory,
)
from chidao.assignments.timeline import get_task_records, get_task_timeline
from chidao.org.tests.factories import UserFactory


@pytest.mark.django_db
def test_an_approved_deadline_change_without_its_decider_is_shown():
    # Found by the load benchmark: such a change made the task page answer 500.
    change = DeadlineChangeFactory(
        decision=DeadlineChangeDecision.APPROVED,
        decided_on=datetime.date(2026, 3, 1),
        decided_by=None,
    )
    entries = get_task_timeline(change.task)
    assert len(entries) >= 2  # the request and the decision


@pytest.mark.django_db
def test_records_come_in_their_models_order_ties_included():
    # ``get_task_records`` reads without ORDER BY and sorts in Python: the same order as
    # the models' (the timeline's order of entries at one instant depends on it).
    task = TaskFactory()
    author = UserFactory()
    first, second = datetime.date(2025, 5, 1), datetime.date(2025, 5, 15)
    updates = [ProgressUpdateFactory(task=task, reported_on=day) for day in (first, second) * 2]
    for _ in range(3):
        DeadlineChangeFactory(task=task)
    at = datetime.datetime(2025, 5, 20, 8, 0, tzinfo=datetime.UTC)
    directions = [
        Direction.objects.create(task=task, author=author, text=f"Ý kiến {number}")
        for number in range(4)
    ]
    Direction.objects.filter(pk__in=[d.pk for d in directions[:3]]).update(created_at=at)
    DeadlineChange.objects.filter(task=task).update(requested_at=at)

    records = get_task_records(task)

    assert records.updates == list(ProgressUpdate.objects.filter(task=task))
    assert records.changes == list(DeadlineChange.objects.filter(task=task))
    assert records.directions == list(Direction.objects.filter(task=task))
    # Newest day first, the later report first within a day.
    assert records.updates == [updates[3], updates[1], updates[2], updates[0]]
