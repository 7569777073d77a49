"""Article 11 of Quy định 366-QĐ/TW on hand-made facts: a level needs its points AND its
conditions; a unit short of a level's conditions falls to the highest level it meets."""

from decimal import Decimal

import pytest

from chidao.dashboards.rating import LeadFacts, Rating, rate_unit
from chidao.dashboards.rules import TaskFacts, UnitFacts, has_enough_data


def lead(on_time=0, late=0, overdue=0, exceeded=0, not_met=0) -> LeadFacts:
    return LeadFacts(TaskFacts(on_time, late, overdue), exceeded, not_met)


@pytest.mark.parametrize(
    ("points", "facts", "expected"),
    [
        # Everything on time, 4 of 10 exceeding: excellent.
        (95, lead(on_time=10, exceeded=4), Rating.HTXSNV),
        # The points of excellent but fewer than 30 % exceeding: good.
        (95, lead(on_time=10, exceeded=2), Rating.HTTNV),
        # An output judged "chưa đạt": not excellent, still good.
        (95, lead(on_time=10, exceeded=5, not_met=1), Rating.HTTNV),
        # One task done late of 10: not good (not 100 % on time), done (10 % behind ≤ 20 %).
        (95, lead(on_time=9, late=1, exceeded=5), Rating.HTNV),
        # One overdue: neither excellent, good nor done, whatever the points.
        (99, lead(on_time=9, overdue=1, exceeded=9), Rating.KHTNV),
        # 3 of 10 late (30 % behind): not done.
        (80, lead(on_time=7, late=3), Rating.KHTNV),
        # Points decide within what the conditions allow.
        (75, lead(on_time=4), Rating.HTTNV),
        (65, lead(on_time=4), Rating.HTNV),
        (49.9, lead(on_time=4), Rating.KHTNV),
        (90, lead(on_time=10, exceeded=3), Rating.HTXSNV),
        (89.9, lead(on_time=10, exceeded=3), Rating.HTTNV),
    ],
)
def test_level_needs_points_and_conditions(points, facts, expected):
    rating, checks = rate_unit(Decimal(str(points)), facts)

    assert rating == expected
    reached = [check.rating for check in checks if check.met]
    assert rating == (reached[0] if reached else Rating.KHTNV)


def test_each_condition_says_why_with_figures():
    _rating, checks = rate_unit(Decimal("92.5"), lead(on_time=3, late=1, overdue=1, exceeded=1))

    excellent = {c.key: c for c in checks[0].conditions}
    assert excellent["points"].met
    assert excellent["points"].detail == "92,5 điểm"
    assert not excellent["on_time"].met
    assert excellent["on_time"].detail == "3/5 đúng hạn (60,0 %); 1 hoàn thành muộn, 1 quá hạn"
    assert excellent["exceeded"].detail == "1/5 vượt yêu cầu (20,0 %)"
    assert excellent["discipline"].met
    assert "không lưu thông tin kỷ luật" in excellent["discipline"].detail
    done = {c.key: c for c in checks[2].conditions}
    assert done["completed"].detail == "4/5 hoàn thành (80,0 %); 1 quá hạn"
    assert done["behind"].detail == "2/5 chậm tiến độ (40,0 %)"


def test_an_overdue_lead_task_is_never_excellent_or_good():
    for points in range(0, 101, 5):
        for overdue in (1, 2):
            facts = lead(on_time=20, overdue=overdue, exceeded=20)
            rating, _checks = rate_unit(Decimal(points), facts)
            assert rating not in (Rating.HTXSNV, Rating.HTTNV)


@pytest.mark.parametrize(
    ("facts", "minimum", "expected"),
    [
        (UnitFacts(1, "Không có gì"), 0, False),
        (UnitFacts(1, "Chỉ phối hợp", coordinating=TaskFacts(2, 0, 0)), 1, False),
        (UnitFacts(1, "Chỉ phối hợp", coordinating=TaskFacts(2, 0, 0)), 0, True),
        (UnitFacts(1, "Chỉ số liệu", achievements=(Decimal(100),)), 0, True),
        (UnitFacts(1, "Chỉ số liệu", achievements=(Decimal(100),)), 1, False),
        (UnitFacts(1, "Chủ trì", lead=TaskFacts(1, 0, 0)), 1, True),
        (UnitFacts(1, "Chủ trì", lead=TaskFacts(1, 0, 0)), 2, False),
    ],
)
def test_not_enough_data_is_not_a_score(facts, minimum, expected):
    assert has_enough_data(facts, min_lead_due=minimum) is expected
