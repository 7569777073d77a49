"""The dashboard's indicator panel rolls units' values up in the database, as ``roll_up``
would from the values themselves."""

import datetime as dt
from decimal import Decimal

import pytest

from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.periods import PeriodKind
from chidao.dashboards.queries import Scope, get_indicator_panel, get_series_points
from chidao.indicators.choices import ObservationState, Rollup
from chidao.indicators.maths import roll_up
from chidao.indicators.reads import get_value_series
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2025, 11, 15)
Q1, Q2, Q3 = dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 7, 1)
# Per quarter, the values of three communes, in the order they were entered.
VALUES = {
    Q1: ["0.1", "0.2", "10.1234"],
    Q2: ["3", "1.5", "2.25"],
    Q3: ["7", "5", "6"],
}


def make_indicator(committee, units, rollup):
    indicator = IndicatorFactory(committee=committee, rollup=rollup, frequency=PeriodKind.QUARTER)
    TargetFactory(indicator=indicator, year=2025, text="≥ 5")
    for start, values in VALUES.items():
        for unit, value in zip(units, values, strict=True):
            ObservationFactory(
                indicator=indicator,
                unit=unit,
                period_start=start,
                value=Decimal(value),
                state=ObservationState.APPROVED,
            )
    # Neither a draft nor a value after the report date counts.
    ObservationFactory(indicator=indicator, unit=units[0], period_start=dt.date(2025, 10, 1))
    ObservationFactory(
        indicator=indicator,
        unit=UnitFactory(),
        period_start=Q3,
        value=Decimal(1000),
        state=ObservationState.SUBMITTED,
    )
    return indicator


@pytest.mark.parametrize("rollup", [Rollup.SUM, Rollup.MEAN, Rollup.MIN, Rollup.MAX, Rollup.LATEST])
def test_panel_series_equals_roll_up_of_the_values(rollup):
    committee = CommitteeFactory()
    units = UnitFactory.create_batch(3)
    make_indicator(committee, units, rollup)

    (row,) = get_indicator_panel(Scope(committee), AS_OF)

    expected = [
        roll_up([(Decimal(v), None) for v in values], rollup, dates=[start] * len(values))
        for start, values in VALUES.items()
    ]
    assert row.sparkline == [float(value) for value in expected]
    assert row.latest_value == expected[-1]
    assert row.latest_period == Q3


def test_sums_are_exact():
    committee = CommitteeFactory()
    make_indicator(committee, UnitFactory.create_batch(3), Rollup.SUM)

    (row,) = get_indicator_panel(Scope(committee), dt.date(2025, 3, 31))

    assert row.latest_value == Decimal("10.4234")  # 0,1 + 0,2 + 10,1234, no float error


def test_latest_is_the_value_entered_last():
    committee = CommitteeFactory()
    make_indicator(committee, UnitFactory.create_batch(3), Rollup.LATEST)

    (row,) = get_indicator_panel(Scope(committee), AS_OF)

    assert row.sparkline == [10.1234, 2.25, 6.0]


def test_panel_takes_the_same_queries_whatever_the_number_of_values(django_assert_num_queries):
    committee = CommitteeFactory()
    units = UnitFactory.create_batch(3)
    make_indicator(committee, units, Rollup.SUM)
    make_indicator(committee, units, Rollup.LATEST)
    # Indicators, targets, the kept period roll-ups (the last values of the LATEST
    # indicator among them).
    with django_assert_num_queries(3):
        get_indicator_panel(Scope(committee), AS_OF)

    for indicator in committee.indicators.all():
        for unit in UnitFactory.create_batch(10):
            ObservationFactory(
                indicator=indicator, unit=unit, period_start=Q2, state=ObservationState.APPROVED
            )
    with django_assert_num_queries(3):
        rows = get_indicator_panel(Scope(committee), AS_OF)
    assert [row.latest_value for row in rows] == [Decimal("18"), Decimal("6")]


def test_panel_points_are_the_value_series():
    # The panel reads the series as (start, value) pairs, the report as periods: the same
    # points, in the same order, whatever the roll-up and the kinds of period.
    committee = CommitteeFactory()
    units = UnitFactory.create_batch(3)
    indicators = [make_indicator(committee, units, rollup) for rollup in (Rollup.SUM, Rollup.MAX)]
    ObservationFactory(
        indicator=indicators[1],
        unit=units[0],
        period_start=dt.date(2025, 1, 1),
        period_kind=PeriodKind.YEAR,
        value=Decimal(9),
        state=ObservationState.APPROVED,
    )
    series = get_value_series(indicators, AS_OF)
    points = get_series_points(indicators, AS_OF)
    assert points == {
        pk: [(point.period.start, point.value) for point in values] for pk, values in series.items()
    }
    assert len(points[indicators[1].pk]) == 4


def test_points_of_indicators_read_by_their_lowest_value_are_the_value_series():
    # NONE and MIN indicators are read with their lowest value only: the same points as
    # the report's series, a NONE one only in the periods with one unit's value, next to
    # indicators rolled up otherwise (two reads of the kept roll-ups).
    committee = CommitteeFactory()
    units = UnitFactory.create_batch(3)
    rollups = (Rollup.NONE, Rollup.MIN, Rollup.SUM, Rollup.LATEST)
    indicators = [make_indicator(committee, units, rollup) for rollup in rollups]
    for indicator in indicators[:2]:
        ObservationFactory(
            indicator=indicator,
            unit=units[1],
            period_start=dt.date(2025, 1, 1),
            period_kind=PeriodKind.YEAR,
            value=Decimal("7.25"),
            state=ObservationState.APPROVED,
        )

    points = get_series_points(indicators, AS_OF)

    series = get_value_series(indicators, AS_OF)
    assert points == {
        pk: [(point.period.start, point.value) for point in values] for pk, values in series.items()
    }
    assert points[indicators[0].pk] == [(dt.date(2025, 1, 1), Decimal("7.25"))]
    assert len(points[indicators[1].pk]) == 4
    (row,) = get_indicator_panel(Scope(committee, indicator_ids=[indicators[0].pk]), AS_OF)
    assert row.latest_value == Decimal("7.25")
