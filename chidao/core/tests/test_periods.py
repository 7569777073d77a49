"""Reporting periods and their Decree 09/2019/NĐ-CP data windows."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from chidao.core.periods import Period, PeriodKind

D = date
MONTH, QUARTER, SIX_MONTHS, NINE_MONTHS, YEAR = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.SIX_MONTHS,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
)
TILING_KINDS = [MONTH, QUARTER, SIX_MONTHS, YEAR]
DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@pytest.mark.parametrize(
    ("period", "start", "end", "label", "window"),
    [
        (Period(MONTH, 2025, 3), D(2025, 3, 1), D(2025, 3, 31), "Tháng 3/2025",
         (D(2025, 2, 15), D(2025, 3, 14))),
        (Period(MONTH, 2026, 1), D(2026, 1, 1), D(2026, 1, 31), "Tháng 1/2026",
         (D(2025, 12, 15), D(2026, 1, 14))),
        (Period(MONTH, 2024, 2), D(2024, 2, 1), D(2024, 2, 29), "Tháng 2/2024",
         (D(2024, 1, 15), D(2024, 2, 14))),
        (Period(QUARTER, 2025, 1), D(2025, 1, 1), D(2025, 3, 31), "Quý I/2025",
         (D(2024, 12, 15), D(2025, 3, 14))),
        (Period(QUARTER, 2025, 2), D(2025, 4, 1), D(2025, 6, 30), "Quý II/2025",
         (D(2025, 3, 15), D(2025, 6, 14))),
        (Period(QUARTER, 2025, 4), D(2025, 10, 1), D(2025, 12, 31), "Quý IV/2025",
         (D(2025, 9, 15), D(2025, 12, 14))),
        (Period(SIX_MONTHS, 2025, 1), D(2025, 1, 1), D(2025, 6, 30), "6 tháng đầu năm 2025",
         (D(2024, 12, 15), D(2025, 6, 14))),
        (Period(SIX_MONTHS, 2025, 2), D(2025, 7, 1), D(2025, 12, 31), "6 tháng cuối năm 2025",
         (D(2025, 6, 15), D(2025, 12, 14))),
        (Period(NINE_MONTHS, 2025), D(2025, 1, 1), D(2025, 9, 30), "9 tháng năm 2025",
         (D(2024, 12, 15), D(2025, 9, 14))),
        (Period(YEAR, 2025), D(2025, 1, 1), D(2025, 12, 31), "Năm 2025",
         (D(2024, 12, 15), D(2025, 12, 14))),
    ],
)  # fmt: skip
def test_period_dates_labels_and_windows(period, start, end, label, window):
    assert (period.start, period.end) == (start, end)
    assert period.label == str(period) == label
    assert period.reporting_window() == window


@pytest.mark.parametrize(
    ("period", "following"),
    [
        (Period(MONTH, 2025, 12), Period(MONTH, 2026, 1)),
        (Period(QUARTER, 2025, 4), Period(QUARTER, 2026, 1)),
        (Period(QUARTER, 2025, 1), Period(QUARTER, 2025, 2)),
        (Period(SIX_MONTHS, 2025, 2), Period(SIX_MONTHS, 2026, 1)),
        (Period(NINE_MONTHS, 2025), Period(NINE_MONTHS, 2026)),
        (Period(YEAR, 2025), Period(YEAR, 2026)),
    ],
)
def test_next_and_previous_cross_year_boundaries(period, following):
    assert period.next() == following
    assert following.previous() == period


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        (MONTH, D(2025, 2, 28), Period(MONTH, 2025, 2)),
        (QUARTER, D(2025, 5, 20), Period(QUARTER, 2025, 2)),
        (SIX_MONTHS, D(2025, 7, 1), Period(SIX_MONTHS, 2025, 2)),
        (NINE_MONTHS, D(2025, 9, 30), Period(NINE_MONTHS, 2025)),
        (YEAR, D(2025, 12, 31), Period(YEAR, 2025)),
    ],
)
def test_calendar_period_containing_a_day(kind, day, expected):
    assert Period.containing(kind, day) == expected


def test_from_start_inverts_start():
    assert Period.from_start(QUARTER, D(2025, 4, 1)) == Period(QUARTER, 2025, 2)
    assert Period.from_start(YEAR, D(2025, 1, 1)) == Period(YEAR, 2025)


@pytest.mark.parametrize(
    ("kind", "start"),
    [(QUARTER, D(2025, 5, 1)), (MONTH, D(2025, 5, 2)), (YEAR, D(2025, 7, 1)),
     (NINE_MONTHS, D(2025, 10, 1))],
)  # fmt: skip
def test_from_start_rejects_days_that_start_no_period(kind, start):
    with pytest.raises(ValidationError) as caught:
        Period.from_start(kind, start)

    assert start.strftime("%d/%m/%Y") in caught.value.messages[0]


@pytest.mark.parametrize(
    ("kind", "year", "number", "mentions"),
    [
        (MONTH, 2025, 13, "số 13"),
        (MONTH, 2025, 0, "số 0"),
        (QUARTER, 2025, 5, "từ 1 đến 4"),
        (SIX_MONTHS, 2025, 3, "từ 1 đến 2"),
        (NINE_MONTHS, 2025, 2, "từ 1 đến 1"),
        (YEAR, 2025, 2, "từ 1 đến 1"),
        (YEAR, 1989, 1, "Năm 1989"),
        (YEAR, 2101, 1, "Năm 2101"),
        ("fortnight", 2025, 1, '"fortnight"'),
    ],
)
def test_rejects_impossible_periods(kind, year, number, mentions):
    with pytest.raises(ValidationError) as caught:
        Period(kind, year, number)

    assert mentions in caught.value.messages[0]


def test_accepts_the_plain_kind_value():
    period = Period("quarter", 2025, 2)

    assert period == Period(QUARTER, 2025, 2)
    assert period.label == "Quý II/2025"


def test_periods_sort_in_time_within_a_kind():
    periods = [Period(MONTH, 2026, 1), Period(MONTH, 2025, 12), Period(MONTH, 2025, 2)]

    assert sorted(periods) == [Period(MONTH, 2025, 2), Period(MONTH, 2025, 12), periods[0]]


@given(st.sampled_from(TILING_KINDS), DAYS)
def test_consecutive_windows_tile_time(kind, day):
    period = Period.containing(kind, day)
    _opens, closes = period.reporting_window()
    next_opens, _next_closes = period.next().reporting_window()

    assert next_opens == closes + timedelta(days=1)


@given(st.sampled_from(list(PeriodKind)), DAYS)
def test_consecutive_periods_tile_the_calendar(kind, day):
    assume(kind != NINE_MONTHS or day.month <= 9)
    period = Period.containing(kind, day)

    assert period.start <= day <= period.end
    if kind != NINE_MONTHS:
        assert period.next().start == period.end + timedelta(days=1)
    assert period.next().previous() == period
    assert Period.from_start(kind, period.start) == period
