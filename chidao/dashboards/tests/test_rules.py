"""Unit scores recomputed by hand for a small fixture (issue [C] §5, §9)."""

from decimal import Decimal

from chidao.dashboards.rules import (
    TaskFacts,
    UnitFacts,
    Weights,
    combine_roles,
    rank_scores,
    score_unit,
)

# Four units, scored with the default weights: criteria 40/20/20/20, lead 2 : coordinating
# 1, 10 points off per overdue task.
TRADE = UnitFacts(
    unit_id=1,
    name="Sở Công Thương",
    lead=TaskFacts(done_on_time=3, done_late=1, overdue=0),
    coordinating=TaskFacts(done_on_time=1, done_late=0, overdue=1),
    reports_required=4,
    reports_on_time=3,
    achievements=(Decimal(110), Decimal(80)),
)
FINANCE = UnitFacts(unit_id=2, name="Sở Tài chính", lead=TaskFacts(2, 0, 2))
HOME_AFFAIRS = UnitFacts(
    unit_id=3,
    name="Sở Nội vụ",
    lead=TaskFacts(4, 0, 0),
    reports_required=2,
    reports_on_time=1,
    achievements=(Decimal(45),),
)
IDLE = UnitFacts(unit_id=4, name="Báo Nam Định")


def test_trade_score_by_hand():
    # on time: lead 3/4 = 75, coordinating 1/2 = 50 → (75×2 + 50×1) / 3 = 66,67
    # overdue: lead 100, coordinating 100 − 10 = 90 → (100×2 + 90) / 3 = 96,67
    # reporting 3/4 = 75; indicators (110 capped to 100 + 80) / 2 = 90
    # score (66,67×40 + 96,67×20 + 75×20 + 90×20) / 100 = 79
    score = score_unit(TRADE, Weights())

    assert [(p.criterion, p.value) for p in score.parts] == [
        ("on_time", Decimal("66.7")),
        ("overdue", Decimal("96.7")),
        ("reporting", Decimal("75.0")),
        ("indicators", Decimal("90.0")),
    ]
    assert score.total == Decimal("79.0")


def test_missing_criteria_drop_out_and_the_other_weights_scale_up():
    # on time 2/4 = 50, overdue 100 − 2×10 = 80; no report asked, no indicator value:
    # (50×40 + 80×20) / 60 = 60
    score = score_unit(FINANCE, Weights())

    assert score.part("reporting").value is None
    assert score.part("indicators").value is None
    assert score.total == Decimal("60.0")


def test_ties_share_a_rank_and_the_next_rank_skips():
    # Nội vụ: (100×40 + 100×20 + 50×20 + 45×20) / 100 = 79, as Công Thương.
    ranked = rank_scores([score_unit(f, Weights()) for f in (IDLE, FINANCE, HOME_AFFAIRS, TRADE)])

    assert [(s.facts.name, s.total, s.rank) for s in ranked] == [
        ("Sở Công Thương", Decimal("79.0"), 1),
        ("Sở Nội vụ", Decimal("79.0"), 1),
        ("Sở Tài chính", Decimal("60.0"), 3),
        ("Báo Nam Định", None, None),
    ]


def test_weights_change_the_order():
    only_reporting = Weights(on_time=0, overdue=0, reporting=1, indicators=0)

    ranked = rank_scores([score_unit(f, only_reporting) for f in (TRADE, HOME_AFFAIRS)])

    assert [(s.facts.name, s.total) for s in ranked] == [
        ("Sở Công Thương", Decimal("75.0")),
        ("Sở Nội vụ", Decimal("50.0")),
    ]


def test_overdue_penalty_never_goes_below_zero():
    score = score_unit(UnitFacts(5, "Sở Y tế", lead=TaskFacts(0, 0, 30)), Weights())

    assert score.part("overdue").value == Decimal("0.0")


def test_coordinating_weight_zero_counts_lead_only():
    weights = Weights(coordinating=0)

    assert combine_roles(Decimal(75), Decimal(50), weights) == Decimal(75)
    assert combine_roles(None, Decimal(50), weights) is None
