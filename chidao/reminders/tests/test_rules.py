"""The pure rule, walked day by day with the clock moved (time-machine)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from chidao.assignments.choices import TaskKind, TaskState
from chidao.assignments.rules import DecidedChange
from chidao.reminders.choices import NotificationKind as K
from chidao.reminders.rules import (
    CycleFacts,
    IndicatorFacts,
    RuleConfig,
    TaskFacts,
    WaitingFacts,
    WaitingKind,
    get_due_reminders,
    get_local_date,
)
from chidao.reminders.workdays import add_working_days, count_working_days, is_working_day

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OFFICER, HEAD, OVERSEER, SECRETARIAT = 11, 12, 13, 14


def task_facts(deadline, **overrides) -> TaskFacts:
    values = {
        "task_id": 1,
        "committee_id": 1,
        "state": TaskState.OPEN,
        "kind": TaskKind.DEADLINE,
        "deadline": deadline,
        "assigned_on": datetime.date(2025, 1, 2),
        "officer_ids": (OFFICER,),
        "escalation_ids": (HEAD, OVERSEER),
    }
    values.update(overrides)
    return TaskFacts(**values)


def at(day: datetime.date, hour: int = 8) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def walk(first: datetime.date, last: datetime.date, **kwargs):
    """Run the rule every morning from ``first`` to ``last`` under a moved clock; return
    the distinct notices in the order they first came due."""
    seen = {}
    day = first
    while day <= last:
        with time_machine.travel(at(day), tick=False):
            for reminder in get_due_reminders(now=timezone.now(), **kwargs):
                seen.setdefault(reminder.key, (day, reminder))
        day += datetime.timedelta(days=1)
    return list(seen.values())


def d(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 -- a date


def test_a_task_steps_from_due_soon_to_escalated_each_step_once():
    deadline = d("30/06/2025")  # a Monday
    notices = walk(d("15/06/2025"), d("31/07/2025"), tasks=[task_facts(deadline)])

    got = [(first_day, r.kind, r.occurrence, r.recipient_id) for first_day, r in notices]
    assert got == [
        (d("23/06/2025"), K.TASK_DUE_SOON, d("23/06/2025"), OFFICER),
        (d("27/06/2025"), K.TASK_DUE_SOON, d("27/06/2025"), OFFICER),
        (d("30/06/2025"), K.TASK_DUE_TODAY, d("30/06/2025"), OFFICER),
        (d("01/07/2025"), K.TASK_OVERDUE, d("01/07/2025"), OFFICER),
        (d("08/07/2025"), K.TASK_OVERDUE, d("08/07/2025"), OFFICER),
        # more than 14 days overdue: the unit head and the overseeing member hear of it
        (d("15/07/2025"), K.TASK_ESCALATED, d("15/07/2025"), HEAD),
        (d("15/07/2025"), K.TASK_ESCALATED, d("15/07/2025"), OVERSEER),
        (d("15/07/2025"), K.TASK_OVERDUE, d("15/07/2025"), OFFICER),
        (d("22/07/2025"), K.TASK_ESCALATED, d("22/07/2025"), HEAD),
        (d("22/07/2025"), K.TASK_ESCALATED, d("22/07/2025"), OVERSEER),
        (d("22/07/2025"), K.TASK_OVERDUE, d("22/07/2025"), OFFICER),
        (d("29/07/2025"), K.TASK_ESCALATED, d("29/07/2025"), HEAD),
        (d("29/07/2025"), K.TASK_ESCALATED, d("29/07/2025"), OVERSEER),
        (d("29/07/2025"), K.TASK_OVERDUE, d("29/07/2025"), OFFICER),
    ]
    # The days counted in each notice are those of the day it came due.
    assert [r.days for _, r in notices[:4]] == [7, 3, 0, 1]


def test_the_same_day_gives_the_same_answer_at_any_hour():
    deadline = d("30/06/2025")
    answers = [
        get_due_reminders(tasks=[task_facts(deadline)], now=at(d("27/06/2025"), hour))
        for hour in (0, 8, 23)
    ]
    assert answers[0] == answers[1] == answers[2]


def test_days_are_counted_in_vietnam_not_in_utc():
    deadline = d("30/06/2025")
    # 17:30 UTC on 29 June is 00:30 on 30 June in Hà Nội: the deadline day.
    moment = datetime.datetime(2025, 6, 29, 17, 30, tzinfo=datetime.UTC)
    assert get_local_date(moment) == deadline
    [reminder] = get_due_reminders(tasks=[task_facts(deadline)], now=moment)
    assert reminder.kind == K.TASK_DUE_TODAY


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        get_local_date(datetime.datetime(2025, 6, 30, 8))  # noqa: DTZ001 -- on purpose


def test_year_end():
    deadline = d("31/12/2025")
    notices = walk(d("20/12/2025"), d("09/01/2026"), tasks=[task_facts(deadline)])
    assert [(r.kind, r.occurrence) for _, r in notices] == [
        (K.TASK_DUE_SOON, d("24/12/2025")),
        (K.TASK_DUE_SOON, d("28/12/2025")),
        (K.TASK_DUE_TODAY, d("31/12/2025")),
        (K.TASK_OVERDUE, d("01/01/2026")),
        (K.TASK_OVERDUE, d("08/01/2026")),
    ]


def test_an_approved_deadline_change_moves_the_reminders():
    # The deadline was 30/06; on 02/07 the secretariat approved moving it to 31/07.
    change = DecidedChange(decided_on=d("02/07/2025"), order=1, old_deadline=d("30/06/2025"))
    facts = task_facts(d("31/07/2025"), approved_changes=(change,))
    notices = walk(d("29/06/2025"), d("05/08/2025"), tasks=[facts])
    assert [(r.kind, r.occurrence, r.deadline) for _, r in notices] == [
        (K.TASK_DUE_SOON, d("27/06/2025"), d("30/06/2025")),
        (K.TASK_DUE_TODAY, d("30/06/2025"), d("30/06/2025")),
        (K.TASK_OVERDUE, d("01/07/2025"), d("30/06/2025")),
        # from 02/07 the task is within its new deadline again: no overdue notice
        (K.TASK_DUE_SOON, d("24/07/2025"), d("31/07/2025")),
        (K.TASK_DUE_SOON, d("28/07/2025"), d("31/07/2025")),
        (K.TASK_DUE_TODAY, d("31/07/2025"), d("31/07/2025")),
        (K.TASK_OVERDUE, d("01/08/2025"), d("31/07/2025")),
    ]


def test_a_run_after_missed_days_sends_the_step_in_force_only():
    deadline = d("30/06/2025")
    # No run between 20/06 and 10/07: on 10/07 only the current overdue window is due.
    reminders = get_due_reminders(tasks=[task_facts(deadline)], now=at(d("10/07/2025")))
    assert [(r.kind, r.occurrence, r.days) for r in reminders] == [
        (K.TASK_OVERDUE, d("08/07/2025"), 10)
    ]


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"state": TaskState.COMPLETED, "completed_on": d("25/06/2025")}, id="done"),
        pytest.param({"state": TaskState.PAUSED, "stopped_on": d("01/06/2025")}, id="paused"),
        pytest.param({"state": TaskState.CANCELLED, "stopped_on": d("01/06/2025")}, id="cancelled"),
        pytest.param({"kind": TaskKind.ONGOING, "deadline": None}, id="ongoing"),
        pytest.param({"assigned_on": d("01/08/2025")}, id="not-yet-assigned"),
    ],
)
def test_tasks_that_are_not_open_with_a_deadline_are_not_urged(overrides):
    facts = task_facts(**{"deadline": d("30/06/2025"), **overrides})
    for day in ("27/06/2025", "30/06/2025", "20/07/2025"):
        assert get_due_reminders(tasks=[facts], now=at(d(day))) == []


def test_a_committee_rule_changes_the_steps():
    rule = RuleConfig(days_before=(10,), on_due_day=False, overdue_every_days=3)
    notices = walk(
        d("15/06/2025"), d("07/07/2025"), tasks=[task_facts(d("30/06/2025"))], rules={1: rule}
    )
    assert [(r.kind, r.occurrence) for _, r in notices] == [
        (K.TASK_DUE_SOON, d("20/06/2025")),
        (K.TASK_OVERDUE, d("01/07/2025")),
        (K.TASK_OVERDUE, d("04/07/2025")),
        (K.TASK_OVERDUE, d("07/07/2025")),
    ]
    off = RuleConfig(is_active=False)
    facts = task_facts(d("30/06/2025"))
    assert get_due_reminders(tasks=[facts], rules={1: off}, now=at(d("30/06/2025"))) == []


def test_a_task_assigned_late_gets_the_nearest_step():
    facts = task_facts(d("30/06/2025"), assigned_on=d("28/06/2025"))
    [reminder] = get_due_reminders(tasks=[facts], now=at(d("28/06/2025")))
    assert (reminder.kind, reminder.occurrence, reminder.days) == (
        K.TASK_DUE_SOON,
        d("27/06/2025"),
        2,
    )


def test_the_same_person_in_two_roles_gets_one_notice_per_step():
    facts = task_facts(d("30/06/2025"), officer_ids=(OFFICER, OFFICER))
    assert len(get_due_reminders(tasks=[facts], now=at(d("30/06/2025")))) == 1


def claim(since: datetime.date) -> WaitingFacts:
    return WaitingFacts(
        object_kind=WaitingKind.CLAIM,
        object_id=7,
        task_id=1,
        committee_id=1,
        waiting_since=since,
        secretariat_ids=(SECRETARIAT,),
    )


def test_a_claim_waiting_five_working_days_reaches_the_secretariat():
    # Sent on Friday 20/06; weekends do not count: the fifth working day is Friday 27/06.
    notices = walk(d("20/06/2025"), d("08/07/2025"), tasks=[], waiting=[claim(d("20/06/2025"))])
    assert [(day, r.kind, r.occurrence, r.days, r.recipient_id) for day, r in notices] == [
        (d("27/06/2025"), K.CLAIM_WAITING, d("27/06/2025"), 5, SECRETARIAT),
        # still waiting five working days later: reminded again
        (d("04/07/2025"), K.CLAIM_WAITING, d("04/07/2025"), 10, SECRETARIAT),
    ]


def test_public_holidays_do_not_count_as_working_days():
    # Friday 25/04/2025; 30/04 and 01/05 are holidays.
    notices = walk(d("25/04/2025"), d("09/05/2025"), tasks=[], waiting=[claim(d("25/04/2025"))])
    assert [(day, r.occurrence) for day, r in notices] == [(d("06/05/2025"), d("06/05/2025"))]


def test_a_deadline_request_has_its_own_kind():
    request = WaitingFacts(
        object_kind=WaitingKind.DEADLINE_REQUEST,
        object_id=3,
        task_id=1,
        committee_id=1,
        waiting_since=d("02/06/2025"),
        secretariat_ids=(SECRETARIAT,),
    )
    [reminder] = get_due_reminders(tasks=[], waiting=[request], now=at(d("10/06/2025")))
    assert (reminder.kind, reminder.occurrence) == (K.DEADLINE_REQUEST_WAITING, d("09/06/2025"))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("27/06/2025", True),  # Friday
        ("28/06/2025", False),  # Saturday
        ("29/06/2025", False),  # Sunday
        ("30/04/2025", False),  # Reunification Day
        ("29/01/2025", False),  # Tết
        ("02/09/2027", False),  # National Day, computed for any year
        ("03/09/2027", False),  # its second day (Labour Code 2019, art. 112)
        ("06/09/2027", True),
    ],
)
def test_working_days(day, working):
    assert is_working_day(d(day)) is working


def test_working_day_arithmetic_agrees():
    start = d("26/12/2025")
    for days in range(1, 30):
        assert count_working_days(start, add_working_days(start, days)) == days


def owed(**overrides) -> CycleFacts:
    values = {
        "cycle_id": 5,
        "committee_id": 1,
        "unit_id": 3,
        "due_on": d("18/07/2025"),
        "officer_ids": (OFFICER,),
    }
    values.update(overrides)
    return CycleFacts(**values)


def test_a_units_cycle_report_is_urged_before_on_and_after_the_due_date():
    notices = walk(d("10/07/2025"), d("31/07/2025"), tasks=[], cycles=[owed()])
    assert [(day, r.kind, r.occurrence, r.days) for day, r in notices] == [
        (d("15/07/2025"), K.CYCLE_DUE_SOON, d("15/07/2025"), 3),
        (d("18/07/2025"), K.CYCLE_DUE_TODAY, d("18/07/2025"), 0),
        (d("19/07/2025"), K.CYCLE_MISSED, d("19/07/2025"), 1),
    ]


def test_a_sent_cycle_report_is_not_urged():
    facts = owed(submitted_on=d("16/07/2025"))
    notices = walk(d("16/07/2025"), d("31/07/2025"), tasks=[], cycles=[facts])
    assert notices == []


def indicator(**overrides) -> IndicatorFacts:
    values = {
        "indicator_id": 9,
        "committee_id": 1,
        "unit_id": 3,
        "frequency": "quarter",
        "officer_ids": (OFFICER,),
    }
    values.update(overrides)
    return IndicatorFacts(**values)


def test_an_indicator_without_a_value_for_the_last_quarter_is_urged_once():
    # Q2/2025 ends 30/06; entry stays open 20 days (to 20/07); told 5 days before.
    notices = walk(d("01/07/2025"), d("30/09/2025"), tasks=[], indicators=[indicator()])
    assert [(day, r.kind, r.occurrence, r.deadline, r.period_label) for day, r in notices] == [
        (d("15/07/2025"), K.INDICATOR_STALE, d("15/07/2025"), d("20/07/2025"), "Quý II/2025"),
    ]


def test_an_indicator_with_a_sent_value_is_not_urged():
    facts = indicator(reported_starts=frozenset({d("01/04/2025")}))
    assert walk(d("01/07/2025"), d("30/09/2025"), tasks=[], indicators=[facts]) == []


def test_yearly_and_nine_month_indicators():
    yearly = indicator(frequency="year")
    [reminder] = get_due_reminders(tasks=[], indicators=[yearly], now=at(d("16/01/2026")))
    assert (reminder.period_label, reminder.occurrence) == ("Năm 2025", d("15/01/2026"))
    nine = indicator(frequency="nine_months")
    [reminder] = get_due_reminders(tasks=[], indicators=[nine], now=at(d("01/11/2025")))
    assert (reminder.period_label, reminder.occurrence) == ("9 tháng năm 2025", d("15/10/2025"))


def test_an_at_risk_task_is_warned_once_before_due_soon_and_again_for_a_new_deadline():
    deadline = d("30/09/2025")
    flagged = task_facts(deadline, at_risk=True)

    notices = walk(d("01/07/2025"), d("31/08/2025"), tasks=[flagged])

    assert [(day, r.kind, r.occurrence, r.recipient_id) for day, r in notices] == [
        (d("01/07/2025"), K.TASK_AT_RISK, deadline, OFFICER)
    ]
    moved = task_facts(d("31/12/2025"), at_risk=True)
    assert [r.occurrence for _, r in walk(d("01/09/2025"), d("02/09/2025"), tasks=[moved])] == [
        d("31/12/2025")
    ]
    # Within the due-soon window the due-soon notice speaks instead.
    late_flag = walk(d("25/09/2025"), d("25/09/2025"), tasks=[flagged])
    assert [r.kind for _, r in late_flag] == [K.TASK_DUE_SOON]
