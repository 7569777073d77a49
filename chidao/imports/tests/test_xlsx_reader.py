"""The .xlsx reader (``imports.tables``): openpyxl's read-only reader plus the merged
ranges read from the sheet's XML must give the tables openpyxl's full reader gave.

The full reader is kept below (``_full_reader``, the code of ``tables`` before issue 21)
as the oracle of a comparison over seeded random workbooks; the named tests spell out
what a secretariat would notice if the two disagreed.
"""

import io
import random
import re
import zipfile
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from chidao.imports import tables
from chidao.imports.tables import SourceRow, SourceTable, _cell_text

# Excel's dates have no time zone (openpyxl refuses an aware one).
NOON = datetime(2025, 6, 30, 12)  # noqa: DTZ001
MORNING = datetime(2026, 1, 5, 8, 30)  # noqa: DTZ001


def _save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _patch_sheet(content: bytes, patch, sheet: str = "xl/worksheets/sheet1.xml") -> bytes:
    """``content`` with ``patch(xml)`` applied to one sheet's XML, as another program
    (Excel, LibreOffice) would have written it."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == sheet:
                data = patch(data.decode()).encode()
            target.writestr(item, data)
    return out.getvalue()


def _with_saved_values(content: bytes, values: dict[str, str], sheet=None) -> bytes:
    """Write the value Excel saves with each formula cell in ``values`` (openpyxl
    writes formulas without one)."""

    def patch(xml):
        for cell, value in values.items():
            xml = re.sub(
                rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                rf'<c r="{cell}" t="str"><f>\2</f><v>{value}</v></c>',
                xml,
            )
        return xml

    return _patch_sheet(content, patch, **({"sheet": sheet} if sheet else {}))


def _cells(tables_read, sheet=0):
    return [row.cells for row in tables_read[sheet].rows]


# --- what the read-only reader must not lose ---------------------------------------


def test_a_header_merged_over_two_columns_keeps_its_text_in_the_first():
    book = Workbook()
    sheet = book.active
    sheet.append(["TT", "Cơ quan thực hiện", None, "Thời hạn"])
    sheet.append([None, "Chủ trì", "Phối hợp", None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("D1:D2")

    assert _cells(tables._read_xlsx(_save(book))) == [
        ("TT", "Cơ quan thực hiện", "", "Thời hạn"),
        ("TT", "Chủ trì", "Phối hợp", "Thời hạn"),
    ]


def test_a_title_merged_over_rows_and_columns_fills_down_its_first_column_only():
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "KẾ HOẠCH THỰC HIỆN"
    sheet.merge_cells("A1:C2")
    for column, value in enumerate(["1", "Nhiệm vụ", "Sở Nội vụ"], start=1):
        sheet.cell(3, column, value)

    assert _cells(tables._read_xlsx(_save(book))) == [
        ("KẾ HOẠCH THỰC HIỆN", "", ""),
        ("KẾ HOẠCH THỰC HIỆN", "", ""),
        ("1", "Nhiệm vụ", "Sở Nội vụ"),
    ]


def test_a_lead_unit_merged_down_several_tasks_leads_each():
    book = Workbook()
    sheet = book.active
    for number in range(1, 4):
        sheet.append([number, f"Nhiệm vụ {number}", "Sở Tài chính" if number == 1 else None])
    sheet.merge_cells("C1:C3")

    assert [cells[2] for cells in _cells(tables._read_xlsx(_save(book)))] == ["Sở Tài chính"] * 3


def test_a_value_hidden_under_a_merged_range_is_not_read():
    # LibreOffice keeps what was typed in cells it then merged; Excel hides it.
    book = Workbook()
    sheet = book.active
    sheet.append(["Nhóm I", "ẩn", "cũng ẩn"])
    sheet.append(["1", "Nhiệm vụ", "Sở Nội vụ"])
    content = _patch_sheet(
        _save(book),
        lambda xml: xml.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        ),
    )

    assert _cells(tables._read_xlsx(content)) == [
        ("Nhóm I", "", ""),
        ("1", "Nhiệm vụ", "Sở Nội vụ"),
    ]


@pytest.mark.parametrize(
    ("number_format", "text"),
    [
        ("dd/mm/yyyy", "30/06/2025"),
        ("d-mmm-yy", "30/06/2025"),
        ("mm-yy", "6/2025"),  # "6/2025" typed into Excel: the month, not the 30th
        ("mmm-yy", "6/2025"),
    ],
)
def test_a_date_cell_reads_as_its_format_shows_it(number_format, text):
    book = Workbook()
    sheet = book.active
    sheet.append(["1", "Nhiệm vụ", NOON])
    sheet["C1"].number_format = number_format
    sheet["D1"] = date(2025, 6, 30)
    sheet["D1"].number_format = number_format

    assert _cells(tables._read_xlsx(_save(book))) == [("1", "Nhiệm vụ", text, text)]


def test_a_formula_cell_reads_as_its_saved_value_and_is_marked():
    book = Workbook()
    sheet = book.active
    sheet.append(["1", "Nhiệm vụ", '="Quý IV/"&"2026"', "=1+1"])
    content = _with_saved_values(_save(book), {"C1": "Quý IV/2026"})

    (row,) = tables._read_xlsx(content)[0].rows
    assert row.cells == ("1", "Nhiệm vụ", "Quý IV/2026", "")
    assert row.formulas == {2, 3}
    assert row.uncached == {3}  # no value saved: read as empty, and flagged


def test_a_formula_merged_down_gives_its_value_to_each_row():
    book = Workbook()
    sheet = book.active
    sheet.append(["1", "Một", "=TODAY()"])
    sheet.append(["2", "Hai", None])
    sheet.merge_cells("C1:C2")
    content = _with_saved_values(_save(book), {"C1": "Quý I/2026"})

    rows = tables._read_xlsx(content)[0].rows
    assert [row.cells[2] for row in rows] == ["Quý I/2026", "Quý I/2026"]
    assert all(row.formulas == {2} and not row.uncached for row in rows)


def test_text_that_starts_with_an_equals_sign_is_not_a_formula():
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "=không phải công thức"
    sheet["A1"].data_type = "s"

    (row,) = tables._read_xlsx(_save(book))[0].rows
    assert (row.cells, row.formulas) == (("=không phải công thức",), frozenset())


def test_rows_and_columns_the_file_leaves_out_read_as_empty():
    book = Workbook()
    sheet = book.active
    sheet["B2"] = "giữa"
    sheet["D4"].font = Font(bold=True)  # formatted, empty: still part of the sheet
    book.create_sheet("Trống")

    first, empty = tables._read_xlsx(_save(book))
    assert first.rows[1].cells == ("", "giữa", "", "")
    assert [row.label for row in first.rows] == ["Dòng 1", "Dòng 2", "Dòng 3", "Dòng 4"]
    assert empty.rows == (SourceRow("Dòng 1", ("",)),)


def test_a_sheet_longer_than_the_cap_is_refused_with_its_length(monkeypatch):
    monkeypatch.setattr(tables, "get_max_rows", lambda: 3)
    book = Workbook()
    sheet = book.active
    sheet.append(["1"])
    sheet["A2"] = "tiêu đề"
    sheet.merge_cells("A2:A5")  # the merged range counts, as the full reader counted it

    with pytest.raises(ValidationError) as refused:
        tables._read_xlsx(_save(book))
    assert refused.value.messages == ["Trang “Sheet” có 5 dòng, vượt quá giới hạn 3 dòng."]


@pytest.mark.parametrize(
    "patch",
    [
        lambda xml: xml.replace("</sheetData>", "<row><c r='A'"),
        lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells><mergeCell ref="A:A"/>'),
    ],
    ids=["cut-short", "whole-column-merge"],
)
def test_a_damaged_sheet_is_refused_in_vietnamese(patch):
    book = Workbook()
    book.active.append(["1", "Nhiệm vụ"])
    content = _patch_sheet(_save(book), patch)

    with pytest.raises(ValidationError, match="không phải là tệp Excel"):
        tables._read_xlsx(content)


def test_a_deadline_merged_down_several_tasks_is_each_ones_full_date():
    book = Workbook()
    sheet = book.active
    for number in (1, 2, 3):
        sheet.append([str(number), f"Nhiệm vụ {number}", None])
    sheet["C1"] = date(2025, 9, 15)
    sheet["C1"].number_format = "dd/mm/yyyy"
    sheet.merge_cells("C1:C3")

    assert [row[2] for row in _cells(tables._read_xlsx(_save(book)))] == ["15/09/2025"] * 3


# --- the same tables as openpyxl's full reader, over random workbooks ---------------


def _full_reader(data: bytes) -> list[SourceTable]:
    """The reader of ``tables`` before issue 21: openpyxl's full reader (the oracle)."""
    workbook = load_workbook(io.BytesIO(data), data_only=False)
    result = []
    for sheet in workbook.worksheets:
        fill_down = {}
        for merged in sheet.merged_cells.ranges:
            top = sheet.cell(merged.min_row, merged.min_col)
            for row in range(merged.min_row + 1, merged.max_row + 1):
                fill_down[(row, merged.min_col)] = (
                    top.value,
                    top.data_type == "f",
                    top.number_format,
                )
        rows = []
        for index, line in enumerate(sheet.iter_rows(max_col=sheet.max_column), start=1):
            cells, formulas = [], set()
            for column, cell in enumerate(line):
                if (index, column + 1) in fill_down:
                    # Fixed with the read-only reader: the top cell's format fills down too.
                    value, is_formula, number_format = fill_down[(index, column + 1)]
                else:
                    value, is_formula = cell.value, cell.data_type == "f"
                    number_format = cell.number_format
                if is_formula:
                    formulas.add(column)
                dated = isinstance(value, datetime | date)
                cells.append(_cell_text(value, number_format if dated else ""))
            rows.append(SourceRow(f"Dòng {index}", tuple(cells), frozenset(formulas)))
        result.append(SourceTable(sheet.title, tuple(rows)))
    if not any(row.formulas for table in result for row in table.rows):
        return result
    cached = load_workbook(io.BytesIO(data), data_only=True)
    with_values = []
    for table, sheet in zip(result, cached.worksheets, strict=True):
        values = {}
        for merged in sheet.merged_cells.ranges:
            top = sheet.cell(merged.min_row, merged.min_col).value
            for line_number in range(merged.min_row + 1, merged.max_row + 1):
                values[(line_number, merged.min_col)] = top
        rows = []
        for index, row in enumerate(table.rows, start=1):
            cells, uncached = list(row.cells), set()
            for column in row.formulas:
                value = values.get((index, column + 1), sheet.cell(index, column + 1).value)
                cells[column] = _cell_text(value)
                if value is None:
                    uncached.add(column)
            rows.append(SourceRow(row.label, tuple(cells), row.formulas, frozenset(uncached)))
        with_values.append(SourceTable(table.name, tuple(rows)))
    return with_values


FORMATS = ["dd/mm/yyyy", "mm-yy", "mmm-yy", "d-mmm", "General", "yyyy"]


def _random_workbook(seed: int) -> bytes:
    rng = random.Random(seed)
    book = Workbook()
    book.remove(book.active)
    saved = {}
    for number in range(rng.randint(1, 3)):
        sheet = book.create_sheet(f"Trang {number + 1}")
        height, width = rng.randint(0, 12), rng.randint(1, 7)
        for row in range(1, height + 1):
            for column in range(1, width + 1):
                kind = rng.random()
                cell = sheet.cell(row, column)
                if kind < 0.25:
                    continue
                if kind < 0.3:
                    cell.font = Font(bold=True)  # empty but formatted
                elif kind < 0.55:
                    cell.value = rng.choice(
                        ["Sở Nội vụ", "  Nhiệm vụ có khoảng trắng  ", "Ke\u0301 hoa\u0323ch", "I."]
                    )
                elif kind < 0.65:
                    cell.value = rng.choice([7, 2.5, 3.0, -1, True])
                elif kind < 0.8:
                    cell.value = rng.choice([date(2025, 6, 30), MORNING])
                    cell.number_format = rng.choice(FORMATS)
                else:
                    cell.value = rng.choice(["=1+1", '="Quý "&"II"', "=SUM(A1:A2)"])
                    if number == 0 and rng.random() < 0.6:
                        saved[cell.coordinate] = rng.choice(["Quý II/2026", "12"])
        taken: set[tuple[int, int]] = set()
        for _ in range(rng.randint(0, 4)):
            top, left = rng.randint(1, height + 2), rng.randint(1, width + 1)
            bottom, right = top + rng.randint(0, 3), left + rng.randint(0, 2)
            area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
            if len(area) > 1 and not area & taken:
                taken |= area
                sheet.merge_cells(
                    start_row=top, start_column=left, end_row=bottom, end_column=right
                )
    return _with_saved_values(_save(book), saved)


@pytest.mark.parametrize("seed", range(40))
def test_the_read_only_reader_reads_what_the_full_reader_read(seed):
    content = _random_workbook(seed)

    assert tables._read_xlsx(content) == _full_reader(content)


def test_the_sample_plans_read_as_with_the_full_reader():
    from chidao.imports.tests.fixtures.samples import build_indicator_appendix, build_plan_xlsx

    for content in (build_plan_xlsx(), build_indicator_appendix()):
        assert tables._read_xlsx(content) == _full_reader(content)
