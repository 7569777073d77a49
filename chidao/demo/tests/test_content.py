"""The demo content holds on any load day: checked without the database."""

from datetime import date, timedelta

import pytest

from chidao.assignments.choices import TaskStatus
from chidao.core.periods import Period, PeriodKind
from chidao.demo import content
from chidao.demo.services import get_task_plan
from chidao.demo.timeline import last_complete_quarters, render

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{D+5}", "28/11/2026"),
        ("{D-30}", "24/10/2026"),
        ("Tháng {M-2}", "Tháng 9/2026"),
        ("{M+2}", "1/2027"),
        ("{M-11}", "12/2025"),
        ("Quý {Q}", "Quý IV/2026"),
        ("Quý {Q+1}", "Quý I/2027"),
        ("Quý {Q-4}", "Quý IV/2025"),
        ("{Y} - {Y+1}", "2026 - 2027"),
        ("{Y-1} và những năm tiếp theo", "2025 và những năm tiếp theo"),
        ("Thường xuyên", "Thường xuyên"),
    ],
)
def test_render_writes_periods_relative_to_the_load_day(template, expected):
    assert render(template, TODAY) == expected


def test_last_complete_quarters_end_before_the_current_quarter():
    quarters = last_complete_quarters(TODAY, 8)

    assert quarters[0] == Period(PeriodKind.QUARTER, 2024, 4)
    assert quarters[-1] == Period(PeriodKind.QUARTER, 2026, 3)
    assert len(quarters) == 8


def test_last_complete_quarters_can_stop_early_for_stale_data():
    assert last_complete_quarters(TODAY, 2, skip=5) == [
        Period(PeriodKind.QUARTER, 2025, 1),
        Period(PeriodKind.QUARTER, 2025, 2),
    ]
    assert last_complete_quarters(TODAY, 0) == []


def _every_day(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def test_every_task_has_its_story_status_on_every_load_day():
    """Two years of load days, a leap day and every month length included."""
    for today in _every_day(date(2027, 1, 1), date(2028, 12, 31)):
        for committee in content.COMMITTEES:
            for row in committee.tasks:
                plan = get_task_plan(committee, row, today=today)
                assert plan.status == row.story.status, (today, committee.key, row.code)


def test_nam_dinh_tasks_cover_every_status_and_enough_units():
    stories = [row.story.status for row in content.NAM_DINH.tasks]

    assert set(stories) == set(TaskStatus) - {TaskStatus.NOT_YET_ASSIGNED}
    assert len(stories) >= 60
    assert len({row.lead for row in content.NAM_DINH.tasks}) >= 15


def test_task_codes_are_unique_within_each_committee():
    for committee in content.COMMITTEES:
        codes = [row.code for row in committee.tasks]
        assert len(codes) == len(set(codes)), committee.key


def test_people_are_named_once():
    names = [row.full_name for row in content.PEOPLE]

    assert len(names) == len(set(names))
