"""Which periods are open for entry, and how a typed value is read."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from chidao.core.periods import Period, PeriodKind
from chidao.indicators.choices import ValueType
from chidao.indicators.entry import get_open_periods, is_period_open, parse_observation_value

GRACE = 20


@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        (PeriodKind.QUARTER, datetime.date(2025, 10, 20), ["Quý III/2025", "Quý IV/2025"]),
        (PeriodKind.QUARTER, datetime.date(2025, 10, 21), ["Quý IV/2025"]),
        (PeriodKind.YEAR, datetime.date(2026, 1, 5), ["Năm 2025", "Năm 2026"]),
        (PeriodKind.MONTH, datetime.date(2025, 3, 1), ["Tháng 2/2025", "Tháng 3/2025"]),
        (PeriodKind.NINE_MONTHS, datetime.date(2025, 10, 10), ["9 tháng năm 2025"]),
        (PeriodKind.NINE_MONTHS, datetime.date(2025, 11, 10), []),
    ],
)
def test_open_periods(kind, today, expected):
    periods = get_open_periods(kind, today, grace_days=GRACE)
    assert [period.label for period in periods] == expected


@given(
    kind=st.sampled_from(list(PeriodKind)),
    today=st.dates(datetime.date(2000, 1, 1), datetime.date(2090, 12, 31)),
    grace=st.integers(0, 90),
)
def test_open_periods_are_exactly_those_the_rule_opens(kind, today, grace):
    periods = get_open_periods(kind, today, grace_days=grace)
    assert all(is_period_open(period, today, grace_days=grace) for period in periods)
    assert periods == sorted(periods, key=lambda period: period.start)
    if periods:
        # The period just before the earliest open one is closed, the next one not started.
        assert not is_period_open(periods[0].previous(), today, grace_days=grace)
        assert periods[-1].next().start > today


def test_a_period_is_open_from_its_first_day_to_the_grace_days_after_its_last():
    quarter = Period(PeriodKind.QUARTER, 2025, 3)
    assert not is_period_open(quarter, datetime.date(2025, 6, 30), grace_days=GRACE)
    assert is_period_open(quarter, datetime.date(2025, 7, 1), grace_days=GRACE)
    assert is_period_open(quarter, datetime.date(2025, 10, 20), grace_days=GRACE)
    assert not is_period_open(quarter, datetime.date(2025, 10, 21), grace_days=GRACE)


@pytest.mark.parametrize(
    ("typed", "value_type", "value"),
    [
        ("1.234", ValueType.NUMBER, Decimal("1234")),
        ("1.234,5", ValueType.NUMBER, Decimal("1234.5")),
        ("-2,5", ValueType.NUMBER, Decimal("-2.5")),
        (" 87,5 % ", ValueType.PERCENT, Decimal("87.5")),
        ("2.5", ValueType.PERCENT, Decimal("2.5")),
        ("100", ValueType.PERCENT, Decimal("100")),
        ("1", ValueType.BOOLEAN, Decimal("1")),
        ("0", ValueType.BOOLEAN, Decimal("0")),
    ],
)
def test_values_are_read_the_vietnamese_way(typed, value_type, value):
    assert parse_observation_value(typed, value_type) == value


@pytest.mark.parametrize(
    ("typed", "value_type", "code"),
    [
        ("100,01", ValueType.PERCENT, "value_percent_range"),
        ("-1", ValueType.PERCENT, "value_percent_range"),
        ("abc", ValueType.NUMBER, "value_unreadable"),
        ("1,2,3", ValueType.NUMBER, "value_unreadable"),
        ("0,12345", ValueType.NUMBER, "value_too_precise"),
        ("1" + "0" * 16, ValueType.NUMBER, "value_too_large"),
        ("có", ValueType.BOOLEAN, "value_yes_no"),
    ],
)
def test_bad_values_are_refused_with_a_reason(typed, value_type, code):
    with pytest.raises(ValidationError) as refused:
        parse_observation_value(typed, value_type)
    assert refused.value.code == code
