"""The task's history (``timeline.get_task_timeline``) on records with optional fields empty."""

import datetime

import pytest

from chidao.assignments.choices import DeadlineChangeDecision
from chidao.assignments.tests.factories import DeadlineChangeFactory
from chidao.assignments.timeline import get_task_timeline


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
