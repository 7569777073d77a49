"""Timeliness of units' reports and the header lines of Decree 30 and Party formats."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chidao.core.periods import Period, PeriodKind
from chidao.org.choices import UnitKind
from chidao.reporting.choices import ReportLayout, Timeliness
from chidao.reporting.rules import (
    format_document_date,
    format_number_line,
    get_issuing_body_name,
    get_period_phrase,
    get_place_name,
    get_report_layout,
    get_timeliness,
)

D = date
DUE = D(2025, 9, 18)


@pytest.mark.parametrize(
    ("submitted_on", "as_of", "expected"),
    [
        (D(2025, 9, 18), D(2025, 10, 1), Timeliness.ON_TIME),  # on the due day
        (D(2025, 9, 10), D(2025, 9, 12), Timeliness.ON_TIME),
        (D(2025, 9, 19), D(2025, 10, 1), Timeliness.LATE),
        (None, D(2025, 9, 18), Timeliness.PENDING),  # the due day is not over
        (None, D(2025, 9, 19), Timeliness.MISSING),
        # Sent later than the day asked about: not yet sent on that day.
        (D(2025, 9, 25), D(2025, 9, 20), Timeliness.MISSING),
        (D(2025, 9, 25), D(2025, 9, 1), Timeliness.PENDING),
    ],
)
def test_timeliness(submitted_on, as_of, expected):
    assert get_timeliness(submitted_on=submitted_on, due_on=DUE, as_of=as_of) == expected


@given(
    st.one_of(st.none(), st.dates(D(2025, 1, 1), D(2026, 12, 31))),
    st.dates(D(2025, 1, 1), D(2026, 12, 31)),
)
def test_a_report_sent_is_never_missing_and_a_missing_one_is_past_due(submitted_on, as_of):
    timeliness = get_timeliness(submitted_on=submitted_on, due_on=DUE, as_of=as_of)

    if submitted_on is not None and submitted_on <= as_of:
        assert timeliness in (Timeliness.ON_TIME, Timeliness.LATE)
    if timeliness == Timeliness.MISSING:
        assert as_of > DUE


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 2, 5), "Nam Định, ngày 05 tháng 02 năm 2026"),
        (D(2026, 3, 9), "Nam Định, ngày 09 tháng 3 năm 2026"),
        (D(2026, 11, 23), "Nam Định, ngày 23 tháng 11 năm 2026"),
    ],
)
def test_document_date_pads_days_below_10_and_months_1_and_2(day, expected):
    assert format_document_date("Nam Định", day) == expected


def test_number_lines_of_state_and_party_formats():
    assert format_number_line(ReportLayout.STATE, "15", "BCĐ") == "Số: 15/BC-BCĐ"
    assert format_number_line(ReportLayout.PARTY, "15", "BCĐ") == "Số 15-BC/BCĐ"
    # No number yet: the clerk writes it in when the report is signed.
    assert format_number_line(ReportLayout.STATE, "", "BCĐ").startswith("Số:  ")
    assert format_number_line(ReportLayout.PARTY, "", "BCĐ").endswith("-BC/BCĐ")


def test_layout_follows_the_host_body():
    assert get_report_layout(UnitKind.PARTY_COMMITTEE) == ReportLayout.PARTY
    assert get_report_layout(UnitKind.PEOPLES_COMMITTEE) == ReportLayout.STATE


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Tỉnh ủy Nam Định", "Nam Định"),
        ("Ủy ban nhân dân tỉnh Nam Định", "Nam Định"),
        ("Ủy ban nhân dân xã Hải Hậu", "Hải Hậu"),
        ("Đảng ủy phường Nam Định", "Nam Định"),
        ("Thành ủy Hà Nội", "Hà Nội"),
        ("Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"),
    ],
)
def test_place_name(name, place):
    assert get_place_name(name) == place


def test_issuing_body_drops_the_place_the_line_above_names():
    name = (
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
        "tỉnh Nam Định"
    )

    assert get_issuing_body_name(name, "Nam Định") == (
        "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"
    )


@pytest.mark.parametrize(
    ("period", "phrase"),
    [
        (Period(PeriodKind.QUARTER, 2026, 3), "quý III năm 2026"),
        (Period(PeriodKind.SIX_MONTHS, 2026, 1), "6 tháng đầu năm 2026"),
        (Period(PeriodKind.NINE_MONTHS, 2026, 1), "9 tháng năm 2026"),
        (Period(PeriodKind.MONTH, 2026, 10), "tháng 10 năm 2026"),
        (Period(PeriodKind.YEAR, 2026, 1), "năm 2026"),
        (None, "đợt kiểm tra giữa kỳ"),
    ],
)
def test_period_phrase(period, phrase):
    assert get_period_phrase(period, "đợt kiểm tra giữa kỳ") == phrase
