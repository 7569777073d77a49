"""The Government-Office-style count table, checked by hand and against plain SQL."""

import datetime as dt
from decimal import Decimal

import pytest

from chidao.assignments.choices import DeadlineChangeDecision, TaskKind, TaskState
from chidao.assignments.counts import get_count_table
from chidao.assignments.models import DeadlineChange, Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.assignments.tests.plain_sql import count_by_plain_sql, count_by_table
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.org.tests.factories import UnitFactory, UserFactory

D = dt.date
AS_OF = D(2025, 9, 1)


@pytest.fixture
def province():
    """Two units with one task in every status as of 1/9/2025."""
    committee = CommitteeFactory()
    science, finance = (
        UnitFactory(name="Sở Khoa học và Công nghệ"),
        UnitFactory(name="Sở Tài chính"),
    )
    group_1, group_2 = TaskGroupFactory(committee=committee), TaskGroupFactory(committee=committee)

    def make(unit, group, **fields):
        return TaskFactory(committee=committee, lead_unit=unit, group=group, **fields)

    make(science, group_1, state=TaskState.COMPLETED, completed_on=D(2025, 6, 20))  # on time
    make(science, group_1, state=TaskState.COMPLETED, completed_on=D(2025, 7, 20))  # late
    make(science, group_2, deadline=D(2025, 9, 5))  # in progress, due soon
    make(science, group_2, deadline=D(2025, 12, 31))  # in progress
    make(finance, group_1)  # overdue since 30/6
    make(finance, group_1, kind=TaskKind.ONGOING, deadline=None, original_deadline=None)
    make(finance, group_2, state=TaskState.PAUSED, stopped_on=D(2025, 5, 1))
    make(finance, group_2, state=TaskState.CANCELLED, stopped_on=D(2025, 5, 1))
    make(finance, None, assigned_on=D(2025, 10, 1))  # not yet assigned on 1/9
    return committee, science, finance


@pytest.mark.django_db
def test_count_table_by_unit(province):
    committee, science, finance = province
    table = get_count_table(Task.objects.filter(committee=committee), as_of=AS_OF, by="lead_unit")
    rows = {row.key: row for row in table.rows}

    assert (rows[science.pk].done_on_time, rows[science.pk].done_late) == (1, 1)
    assert (rows[science.pk].in_progress, rows[science.pk].due_soon) == (2, 1)
    assert rows[science.pk].due == 2
    assert rows[science.pk].completion_rate_of_due == Decimal("100.0")
    assert rows[science.pk].on_time_rate_of_due == Decimal("50.0")
    assert rows[science.pk].on_time_rate_of_all == Decimal("25.0")

    assert (rows[finance.pk].overdue, rows[finance.pk].ongoing) == (1, 1)
    assert (rows[finance.pk].paused, rows[finance.pk].cancelled) == (1, 1)
    # Stopped tasks are listed but stay out of the rates.
    assert (rows[finance.pk].assigned, rows[finance.pk].counted) == (4, 2)
    assert rows[finance.pk].completion_rate_of_due == Decimal("0.0")

    assert table.total.assigned == 8
    assert table.total.due == 3
    assert table.total.overdue_rate_of_all == Decimal("16.7")


@pytest.mark.django_db
def test_count_table_by_group_has_a_row_for_ungrouped_tasks(province):
    committee, *_ = province
    table = get_count_table(
        Task.objects.filter(committee=committee), as_of=D(2025, 10, 2), by="group"
    )
    assert sorted(row.assigned for row in table.rows) == [1, 4, 4]
    assert "Chưa phân nhóm" in {row.label for row in table.rows}


@pytest.mark.django_db
def test_rates_are_empty_not_zero_when_nothing_is_due():
    committee = CommitteeFactory()
    TaskFactory(committee=committee, deadline=D(2026, 1, 1))
    row = get_count_table(
        Task.objects.filter(committee=committee), as_of=AS_OF, by="lead_unit"
    ).rows[0]
    assert row.due == 0
    assert row.completion_rate_of_due is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "as_of", [D(2025, 2, 20), D(2025, 6, 30), D(2025, 7, 1), AS_OF, D(2026, 1, 1)]
)
def test_count_table_equals_plain_sql(province, as_of):
    committee, *_ = province
    task = Task.objects.filter(committee=committee, deadline=D(2025, 12, 31)).get()
    user = UserFactory()
    DeadlineChange.objects.create(
        task=task,
        requested_by=user,
        old_deadline=D(2025, 6, 30),
        new_deadline=D(2025, 12, 31),
        reason="Bổ sung nội dung",
        decision=DeadlineChangeDecision.APPROVED,
        decided_by=user,
        decided_on=D(2025, 7, 15),
    )
    assert count_by_table(committee, as_of) == count_by_plain_sql(committee.pk, as_of)


@pytest.mark.django_db
def test_count_table_is_one_query(province, django_assert_num_queries):
    committee, *_ = province
    with django_assert_num_queries(1):
        get_count_table(Task.objects.filter(committee=committee), as_of=AS_OF, by="lead_unit")
