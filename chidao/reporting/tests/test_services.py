"""Opening cycles, the yearly schedule, and a unit's report from draft to submitted."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.periods import Period, PeriodKind
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory
from chidao.reporting.choices import CycleKind, SubmissionState, Timeliness
from chidao.reporting.models import ReportingCycle
from chidao.reporting.services import (
    do_approve_submission,
    do_generate_year_schedule,
    do_open_cycle,
    do_return_submission,
    do_save_submission,
    do_submit_submission,
)
from chidao.reporting.tests.factories import build_reporting_cycle

pytestmark = pytest.mark.django_db
D = date


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def setting():
    committee = CommitteeFactory(host_unit=UnitFactory(name="Tỉnh ủy Nam Định"))
    units = [UnitFactory(name="Sở Tài chính"), UnitFactory(name="Sở Nội vụ")]
    secretariat = UserFactory()
    return committee, units, secretariat


def test_a_quarter_takes_its_window_from_decree_09_and_each_unit_gets_a_draft(setting):
    committee, units, secretariat = setting

    cycle = build_reporting_cycle(committee=committee, by=secretariat, units=units)

    assert (cycle.title, cycle.period_start, cycle.period_end) == (
        "Quý III/2025",
        D(2025, 7, 1),
        D(2025, 9, 30),
    )
    assert (cycle.window_start, cycle.window_end, cycle.due_on) == (
        D(2025, 6, 15),
        D(2025, 9, 14),
        D(2025, 9, 18),
    )
    assert cycle.place == "Nam Định"
    assert sorted(cycle.submissions.values_list("state", flat=True)) == ["draft", "draft"]
    assert cycle.history.get().history_user == secretariat


def test_the_same_period_cannot_be_opened_twice(setting):
    committee, units, secretariat = setting
    build_reporting_cycle(committee=committee, by=secretariat, units=units)

    with pytest.raises(ValidationError, match="đã mở kỳ báo cáo này"):
        build_reporting_cycle(committee=committee, by=secretariat, units=units)


def test_an_ad_hoc_report_needs_a_title_and_a_window(setting):
    committee, units, secretariat = setting

    with pytest.raises(ValidationError) as caught:
        do_open_cycle(
            committee=committee, by=secretariat, kind=CycleKind.AD_HOC, required_units=units
        )

    assert "Báo cáo đột xuất phải có tên." in caught.value.message_dict["title"]
    cycle = do_open_cycle(
        committee=committee,
        by=secretariat,
        kind=CycleKind.AD_HOC,
        required_units=units,
        title="Báo cáo phục vụ Đoàn kiểm tra của Trung ương",
        window=(D(2025, 1, 1), D(2025, 10, 31)),
    )
    assert cycle.period is None
    assert cycle.due_on == D(2025, 11, 4)


def test_a_year_schedule_is_opened_in_one_step_and_a_rerun_changes_nothing(setting):
    committee, units, secretariat = setting

    first = do_generate_year_schedule(
        committee=committee, by=secretariat, year=2026, required_units=units
    )
    again = do_generate_year_schedule(
        committee=committee, by=secretariat, year=2026, required_units=units
    )

    assert [c.title for c in first.created] == [
        "Quý I/2026",
        "6 tháng đầu năm 2026",
        "9 tháng năm 2026",
        "Năm 2026",
    ]
    assert [c.window_end for c in first.created] == [
        D(2026, 3, 14),
        D(2026, 6, 14),
        D(2026, 9, 14),
        D(2026, 12, 14),
    ]
    assert (again.created, len(again.existing)) == ([], 4)
    assert ReportingCycle.objects.count() == 4


def test_where_required_the_unit_head_approves_before_the_report_reaches_the_secretariat(
    setting,
):
    committee, units, secretariat = setting
    cycle = build_reporting_cycle(
        committee=committee, by=secretariat, units=units[:1], requires_unit_head_approval=True
    )
    officer = UserFactory(person=PersonFactory(unit=units[0]))
    head = UserFactory(person=PersonFactory(unit=units[0], is_unit_leader=True))
    submission = cycle.submissions.get()
    do_save_submission(
        submission=submission,
        by=officer,
        results="Đã ban hành Kế hoạch chuyển đổi số năm 2025.",
        difficulties="",
        proposals="",
        next_steps="",
    )

    do_submit_submission(
        submission=submission, by=officer, is_unit_head=False, at=at(D(2025, 9, 16))
    )
    assert (submission.state, submission.submitted_at) == (SubmissionState.AWAITING_UNIT_HEAD, None)
    assert submission.get_timeliness(D(2025, 9, 20)) == Timeliness.MISSING

    do_approve_submission(submission=submission, by=head, at=at(D(2025, 9, 17)))
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED
    assert submission.approved_by == head
    assert submission.get_timeliness(D(2025, 9, 20)) == Timeliness.ON_TIME
    assert [h.history_user for h in submission.history.order_by("history_date")] == [
        secretariat,
        officer,
        officer,
        head,
    ]


def test_a_report_without_results_is_not_sent_and_a_returned_one_counts_as_not_sent(setting):
    committee, units, secretariat = setting
    cycle = build_reporting_cycle(committee=committee, by=secretariat, units=units[:1])
    officer = UserFactory(person=PersonFactory(unit=units[0]))
    submission = cycle.submissions.get()

    with pytest.raises(ValidationError, match="phải nêu kết quả"):
        do_submit_submission(submission=submission, by=officer, is_unit_head=False)

    submission.results = "Hoàn thành khảo sát."
    do_submit_submission(
        submission=submission, by=officer, is_unit_head=False, at=at(D(2025, 9, 1))
    )
    with pytest.raises(ValidationError, match="phải nêu lý do"):
        do_return_submission(submission=submission, by=secretariat, reason=" ")
    do_return_submission(submission=submission, by=secretariat, reason="Bổ sung số liệu quý.")

    assert submission.state == SubmissionState.RETURNED
    assert submission.get_timeliness(D(2025, 9, 30)) == Timeliness.MISSING


def test_a_closed_cycle_takes_no_more_reports(setting):
    from chidao.reporting.services import do_close_cycle

    committee, units, secretariat = setting
    cycle = build_reporting_cycle(committee=committee, by=secretariat, units=units[:1])
    do_close_cycle(cycle=cycle, by=secretariat)
    submission = cycle.submissions.get()
    submission.results = "Kết quả."

    with pytest.raises(ValidationError, match="đã đóng"):
        do_submit_submission(submission=submission, by=secretariat, is_unit_head=False)


def test_periods_of_the_schedule_are_the_decree_periods():
    assert Period(PeriodKind.NINE_MONTHS, 2026, 1).reporting_window() == (
        D(2025, 12, 15),
        D(2026, 9, 14),
    )
