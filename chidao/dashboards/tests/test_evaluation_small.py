"""Issue [L]: the QĐ 366 evaluation on small worlds: the period's tasks and the quality
the secretariat recorded, the task list behind a figure, the page's queries (the demo's
evaluation: test_evaluation.py)."""

from datetime import date

import pytest
from django.urls import reverse

from chidao.assignments.choices import CompletionQuality, ReviewState, TaskState
from chidao.assignments.models import ProgressUpdate
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.periods import Period, PeriodKind
from chidao.dashboards.evaluation import get_evaluation
from chidao.dashboards.rating import Rating
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import UnitFactory

Q3 = Period(PeriodKind.QUARTER, 2026, 3)


# A small world: the period's tasks and the quality the secretariat recorded ----------


@pytest.fixture
def small(db):
    committee = CommitteeFactory()
    return committee, UnitFactory(name="Sở Tư pháp", kind=UnitKind.DEPARTMENT)


def completed(committee, unit, *, deadline, on, quality=CompletionQuality.MET):
    task = TaskFactory(
        committee=committee,
        lead_unit=unit,
        deadline=deadline,
        state=TaskState.COMPLETED,
        completed_on=on,
    )
    ProgressUpdate.objects.create(
        task=task,
        unit=unit,
        author=task_author(),
        reported_on=on,
        percent=100,
        claims_completion=True,
        output_date=on,
        review_state=ReviewState.ACCEPTED,
        completion_quality=quality,
    )
    return task


def task_author():
    from chidao.org.tests.factories import UserFactory

    return UserFactory()


def test_a_period_counts_its_own_tasks_and_those_overdue_from_before(small):
    committee, unit = small
    completed(committee, unit, deadline=date(2026, 8, 1), on=date(2026, 7, 20),
              quality=CompletionQuality.EXCEEDED)  # fmt: skip
    completed(committee, unit, deadline=date(2026, 9, 1), on=date(2026, 8, 30))
    completed(committee, unit, deadline=date(2026, 3, 1), on=date(2026, 2, 1))  # Q1, left out
    TaskFactory(committee=committee, lead_unit=unit, deadline=date(2026, 5, 1))  # overdue since Q2
    TaskFactory(committee=committee, lead_unit=unit, deadline=date(2026, 12, 1))  # not yet due

    sheet = get_evaluation(committee, Q3, today=date(2026, 11, 1))

    [evaluation] = sheet.units
    assert (evaluation.facts.lead.done_on_time, evaluation.facts.lead.overdue) == (2, 1)
    assert evaluation.lead.exceeded == 1
    assert evaluation.rating == Rating.KHTNV  # an overdue task: not even HTNV


def test_the_task_list_behind_a_figure_shows_the_same_tasks(client, small):
    committee, unit = small
    completed(committee, unit, deadline=date(2026, 8, 1), on=date(2026, 7, 20))
    completed(committee, unit, deadline=date(2026, 3, 1), on=date(2026, 2, 1))
    TaskFactory(committee=committee, lead_unit=unit, deadline=date(2026, 5, 1))
    from chidao.org.tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("assignments:task_list")
    params = {
        "committee": committee.pk,
        "as_of": "2026-09-30",
        "due_in_from": "2026-07-01",
        "lead_unit": unit.pk,
    }

    response = client.get(url, params)

    sheet = get_evaluation(committee, Q3, today=date(2026, 11, 1))
    assert response.context["filterset"].qs.count() == sheet.units[0].facts.lead.due == 2


def test_evaluation_page_query_count_does_not_grow_with_units(client, small):
    committee, unit = small
    completed(committee, unit, deadline=date(2026, 8, 1), on=date(2026, 7, 20))
    from chidao.org.tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("dashboards:unit_evaluation", args=[committee.pk])
    query = {"kind": "quarter", "number": "3", "year": "2026"}
    client.get(url, query)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url, query)
    for _ in range(4):
        other = UnitFactory(kind=UnitKind.DEPARTMENT)
        completed(committee, other, deadline=date(2026, 8, 1), on=date(2026, 7, 25))
        TaskFactory(committee=committee, lead_unit=other, deadline=date(2026, 8, 15))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, query)

    assert len(response.context["sheet"].rated) == 5
    assert len(many.captured_queries) == len(few.captured_queries)
