"""The one writer for every spreadsheet the system hands out (.xlsx and .csv).

Two promises hold for every file, whoever builds it:

- **Typed cells.** Counts and rates are numbers with a number format, dates are dates
  shown dd/mm/yyyy, so a secretariat can SUM, sort and filter what it re-aggregates.
  The decimal comma a Vietnamese reader sees ("71,4") comes from their spreadsheet's
  locale applied to the format, never from text.
- **No live formulas from text.** A task title, a username typed at sign-in or an
  indicator value that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  is written as text. In .xlsx the cell is typed as a string (the text is kept exactly);
  in .csv, where there are no types, it gets a leading apostrophe, as OWASP advises.

Builders keep their layout (titles, merges, widths, fonts) and write each value through
``write_cell`` / ``write_row``; plain tables use ``build_table_xlsx`` and ``build_csv``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.functional import Promise

# openpyxl (with numpy, lxml and Pillow behind it: ~20 MB) is imported where a workbook
# is built, not here: every view imports this module for the content types, and a web
# worker that never exports should not hold it (bench/RESULTS.md, branch m-rss).
if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
# return, that let one hide in front of it).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
PERCENT_FORMAT = "0.0%"
# A Decimal is shown with the places it carries (0,75; 1.234,5), never more than these.
MAX_DECIMAL_PLACES = 4


def is_formula_text(value: object) -> bool:
    """True for text a spreadsheet would run as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def get_cell_value(value: Any) -> Any:
    """``value`` as openpyxl should store it: translated labels as str, aware datetimes in
    local time without the zone (Excel has none), numbers and dates unchanged."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def get_number_format(value: Any) -> str | None:
    """The display format a typed value gets unless the builder chose one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return DATETIME_FORMAT
    if isinstance(value, date):
        return DATE_FORMAT
    if isinstance(value, int):
        return INTEGER_FORMAT
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)  # a finite number's, never 'n', 'N' or 'F'
        places = min(max(-exponent, 0), MAX_DECIMAL_PLACES)
        return INTEGER_FORMAT + ("." + "0" * places if places else "")
    if isinstance(value, float | Decimal):
        return DECIMAL_FORMAT
    return None


def get_fraction(percent: Decimal | float | None) -> Decimal | float | None:
    """A rate the rules give in percent (71.4) as the fraction ``PERCENT_FORMAT`` shows
    as "71,4%" (0.714); None stays None."""
    if percent is None:
        return None
    return percent / 100


def write_cell(
    sheet: Worksheet, row: int, column: int, value: Any, *, number_format: str | None = None
) -> Cell:
    """Write one value typed (numbers, dates) and formula-safe; returns the cell for styling."""
    value = get_cell_value(value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        # openpyxl types text starting with "=" as a formula; the text itself stays as is.
        cell.data_type = "s"
    else:
        chosen = number_format or get_number_format(value)
        if chosen:
            cell.number_format = chosen
    return cell


def write_row(
    sheet: Worksheet,
    row: int,
    values: Iterable[Any],
    *,
    start_column: int = 1,
    number_formats: dict[int, str] | None = None,
) -> list[Cell]:
    """Write ``values`` across ``row``; ``number_formats`` maps a 1-based column to a format."""
    number_formats = number_formats or {}
    return [
        write_cell(sheet, row, column, value, number_format=number_formats.get(column))
        for column, value in enumerate(values, start=start_column)
    ]


def set_column_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def get_workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_table_xlsx(
    *,
    title: str,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float] | None = None,
    number_formats: dict[int, str] | None = None,
) -> bytes:
    """A one-sheet workbook: a bold title, a header row (frozen, filterable), the rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    write_cell(sheet, 1, 1, title).font = Font(bold=True, size=13)
    header_row = 3
    for cell in write_row(sheet, header_row, headers):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    last = header_row
    for values in rows:
        last += 1
        write_row(sheet, last, values, number_formats=number_formats)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if headers and last > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{last}"
    set_column_widths(sheet, widths or [8] + [20] * (len(headers) - 1))
    return get_workbook_bytes(workbook)


def get_csv_value(value: Any) -> Any:
    """``value`` as a CSV field: dates dd/mm/yyyy, formula-looking text behind an apostrophe."""
    value = get_cell_value(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if is_formula_text(value):
        return "'" + value
    return value


def get_csv_writer(stream: Any) -> Any:
    """A CSV writer on ``stream`` (a buffer, or a response to stream into), after the
    byte-order mark that makes Excel read the file as UTF-8 (Vietnamese intact)."""
    stream.write("\ufeff")
    return csv.writer(stream)


def write_csv_row(writer: Any, values: Iterable[Any]) -> None:
    """One CSV row through ``get_csv_value``, for writers that stream into a response."""
    writer.writerow([get_csv_value(value) for value in values])


def build_csv(headers: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly."""
    buffer = io.StringIO()
    writer = get_csv_writer(buffer)
    write_csv_row(writer, headers)
    for values in rows:
        write_csv_row(writer, values)
    return buffer.getvalue().encode("utf-8")
