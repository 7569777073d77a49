"""Reading the tables of an uploaded .xlsx or .docx into plain rows of text.

Everything format-specific stays here: merged cells, Excel dates, Word's horizontal and
vertical spans. What comes out is a list of ``SourceRow``: the row's number as the
secretariat sees it in the file and one text per column, so the rules that read a plan
never touch openpyxl or python-docx.

Files are refused before they are opened when they are too big, are not a real Office
Open XML package (a renamed .xls, a password-protected file: both are OLE containers),
would expand to far more than their size (a zip bomb: the caps of every upload,
``chidao.core.uploads``), or hold more rows than the cap.
"""

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chidao.core import uploads
from chidao.core.text import normalize_text
from chidao.core.uploads import check_upload

XLSX, DOCX = "xlsx", "docx"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# The tables read from a file are kept in the cache (Redis in production, shared by the
# web nodes and the worker) for the steps that follow its upload: the preview and the
# commit then plan without parsing the workbook again (issue 21: read + preview of
# 10,000 rows was 6.2× openpyxl's read, half of it the second parse). Keyed by the
# file's bytes, the reader's version and the language of the row labels; a miss reads
# the file. Bump TABLES_VERSION when the reader's output changes.
TABLES_VERSION = 2
TABLES_CACHE_SECONDS = 2 * 60 * 60


@dataclass(frozen=True)
class SourceRow:
    """One row of a table: where it is (``label``) and the text of each column.

    ``formulas`` holds the columns whose cell was an Excel formula: the formula's text is
    never taken as data (a formula such as ``=HYPERLINK(…)`` is an injection risk when
    the value is exported again). Such a cell reads as the value Excel saved with the
    file, or as empty when the file holds none (``uncached``); a plan decides whether
    the column matters.
    """

    label: str
    cells: tuple[str, ...]
    formulas: frozenset[int] = field(default_factory=frozenset)
    uncached: frozenset[int] = field(default_factory=frozenset)

    def is_empty(self) -> bool:
        return not any(self.cells)


@dataclass(frozen=True)
class SourceTable:
    """A sheet of a workbook or a table of a document."""

    name: str
    rows: tuple[SourceRow, ...]


def get_max_bytes() -> int:
    return settings.CHIDAO_IMPORT_MAX_BYTES


def get_max_rows() -> int:
    return settings.CHIDAO_IMPORT_MAX_ROWS


def get_file_format(filename: str) -> str:
    """``XLSX`` or ``DOCX`` from the file name; anything else is refused."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in (XLSX, DOCX):
        raise ValidationError(
            _(
                "Chỉ nhận tệp Excel (.xlsx) hoặc Word (.docx); "
                "tệp “%(name)s” không phải hai loại này."
            )
            % {"name": filename[:80]},
            code="file_type",
        )
    return extension


def read_tables(data: bytes, filename: str) -> list[SourceTable]:
    """The tables of an .xlsx (one per sheet) or .docx (one per table) file.

    Raises:
        ValidationError: in Vietnamese, when the file is refused (see the module doc).
    """
    file_format = get_file_format(filename)
    check_package(data, file_format, filename)
    key = get_tables_key(data, file_format)
    tables = cache.get(key)
    if tables is not None:
        # The cap may have changed since the file was read: the same checks, the same
        # messages as a first read.
        if file_format == XLSX:
            for table in tables:
                _check_sheet_rows(table.name, len(table.rows))
        _check_rows(tables)
        return tables
    tables = _read_xlsx(data) if file_format == XLSX else _read_docx(data)
    _check_rows(tables)
    cache.set(key, tables, TABLES_CACHE_SECONDS)
    return tables


def get_tables_key(data: bytes, file_format: str) -> str:
    """The cache key of the tables read from ``data`` (see ``TABLES_VERSION``)."""
    digest = hashlib.sha256(data).hexdigest()
    return f"imports:tables:{TABLES_VERSION}:{file_format}:{get_language()}:{digest}"


def _check_sheet_rows(sheet: str, rows: int) -> None:
    if rows > get_max_rows():
        raise ValidationError(
            _("Trang “%(sheet)s” có %(rows)s dòng, vượt quá giới hạn %(max)s dòng.")
            % {"sheet": sheet, "rows": rows, "max": get_max_rows()},
            code="too_many_rows",
        )


def _check_rows(tables: list[SourceTable]) -> None:
    rows = sum(len(table.rows) for table in tables)
    if rows > get_max_rows():
        raise ValidationError(
            _(
                "Tệp có %(rows)s dòng, vượt quá giới hạn %(max)s dòng mỗi lần nhập; "
                "hãy chia nhỏ tệp."
            )
            % {"rows": rows, "max": get_max_rows()},
            code="too_many_rows",
        )


def check_package(data: bytes, file_format: str, filename: str = "") -> None:
    """Refuse a file that is a protected or old-format Office file, or fails the rules of
    every upload for its format (size cap, zip caps, kind by content:
    ``chidao.core.uploads.check_upload``)."""
    if data.startswith(_OLE_MAGIC):
        raise ValidationError(
            _(
                "Tệp được đặt mật khẩu hoặc là định dạng cũ (.xls, .doc). Hãy mở tệp, bỏ mật "
                "khẩu và lưu lại thành .xlsx hoặc .docx rồi tải lên lại."
            ),
            code="protected",
        )
    check_upload(
        ContentFile(data, name=filename or f"tep.{file_format}"),
        kinds=(uploads.XLSX if file_format == XLSX else uploads.DOCX,),
        max_bytes=get_max_bytes(),
    )


def _not_office(file_format: str) -> ValidationError:
    return ValidationError(
        _("Tệp không phải là tệp %(kind)s hợp lệ (có thể là tệp khác được đổi đuôi).")
        % {"kind": "Excel (.xlsx)" if file_format == XLSX else "Word (.docx)"},
        code="not_office",
    )


def _read_xlsx(data: bytes) -> list[SourceTable]:
    from openpyxl import load_workbook

    try:
        # Read-only: the cells are streamed from the sheet's XML instead of becoming one
        # Cell object each (issue 21: the full reader was 1.5× the raw read on its own).
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged package
        raise _not_office(XLSX) from error
    try:
        tables = [
            SourceTable(sheet.title, tuple(_sheet_rows(workbook, _read_grid(workbook, sheet))))
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()
    if any(row.formulas for table in tables for row in table.rows):
        tables = _with_cached_values(data, tables)
    return tables


@dataclass
class _Grid:
    """A sheet's cells as openpyxl's full reader gave them, from a read-only read.

    ``cells[row][column]`` is the parser's record of a cell (``value``, ``data_type``,
    ``style_id``); ``height`` and ``width`` are the full reader's ``max_row`` and
    ``max_column``: every cell the file writes (an empty styled one too) and every merged
    range count, and an empty sheet is one cell.
    """

    cells: dict[int, dict[int, dict]]
    height: int
    width: int


# A cell covered by a merged range reads as the full reader's MergedCell did: no value,
# no formula, the default number format. A range's first column is then filled down with
# the top cell's value *and format*: a deadline "15/09/2025" merged down three tasks is
# the deadline of all three, not "9/2025" (the month's end) below the first.
_MERGED_STYLE = -1
_COVERED = {"value": None, "data_type": "n", "style_id": _MERGED_STYLE}  # never changed


def _read_grid(workbook, sheet) -> _Grid:
    """The cells of ``sheet`` with its merged ranges applied (see ``_sheet_rows``).

    Uses the parser openpyxl's read-only worksheet streams its rows with
    (``WorkSheetParser``, the one the full reader binds its cells from, so each cell's
    value and type are the same), run to the end of the sheet's XML: the merged ranges
    come after the rows and the read-only worksheet does not expose them. The parser is
    private to openpyxl (pinned below 4): ``tests/test_xlsx_reader.py`` compares this
    reader with the full one, so a change there fails the tests, not an upload. No XML is
    parsed that openpyxl did not parse before, with the same parser.

    Raises:
        ValidationError: the sheet is damaged, or longer than the row cap (checked before
            the merged ranges are spread).
    """
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    cells: dict[int, dict[int, dict]] = {}
    try:
        with sheet._get_source() as source:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=workbook.data_only,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for _index, row in parser.parse():
                for cell in row:
                    # The full reader keeps cells by coordinate: a cell written twice
                    # keeps its last value, rows out of order are read in order.
                    cells.setdefault(cell["row"], {})[cell["column"]] = cell
        ranges = []
        for merged in parser.merged_cells.mergeCell if parser.merged_cells else ():
            bounds = range_boundaries(merged.ref)
            if None in bounds:  # "A:A" or "1:1": the full reader refused such a range too
                raise ValueError(merged.ref)
            ranges.append(bounds)
    except Exception as error:  # a damaged sheet: openpyxl raises many kinds
        raise _not_office(XLSX) from error
    height = max((row for row, line in cells.items() if line), default=1)
    width = max((max(line) for line in cells.values() if line), default=1)
    for _min_col, _min_row, max_col, max_row in ranges:
        height, width = max(height, max_row), max(width, max_col)
    _check_sheet_rows(sheet.title, height)  # before the ranges are spread
    # Only the top-left cell of a range keeps its value (what the file has under the
    # others is hidden by Excel and dropped by the full reader)...
    for min_col, min_row, max_col, max_row in ranges:
        for row in range(min_row, max_row + 1):
            line = cells.setdefault(row, {})
            for column in range(min_col + (row == min_row), max_col + 1):
                line[column] = _COVERED
    # ...and spread down the range's first column (see ``_sheet_rows``), from the tops
    # as they are once every range is cleared.
    fill_down = {}
    for min_col, min_row, _max_col, max_row in ranges:
        top = cells[min_row].get(min_col, _COVERED)
        spread = {"value": top["value"], "data_type": top["data_type"], "style_id": top["style_id"]}
        for row in range(min_row + 1, max_row + 1):
            fill_down[row, min_col] = spread
    for (row, column), cell in fill_down.items():
        cells[row][column] = cell
    return _Grid(cells, height, width)


def _with_cached_values(data: bytes, tables: list[SourceTable]) -> list[SourceTable]:
    """The tables with each formula cell read as the value Excel saved with the file.

    Read a second time only when the file has formulas (most plans have none); a
    formula merged over several rows has its value in the top cell, as its text had.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        grids = [_read_grid(workbook, sheet) for sheet in workbook.worksheets]
    finally:
        workbook.close()
    result = []
    for table, grid in zip(tables, grids, strict=True):
        rows = []
        for index, row in enumerate(table.rows, start=1):
            if not row.formulas:
                rows.append(row)
                continue
            cells, uncached = list(row.cells), set()
            line = grid.cells.get(index, {})
            for column in row.formulas:
                cell = line.get(column + 1)
                value = cell["value"] if cell else None
                cells[column] = _cell_text(value)
                if value is None:
                    uncached.add(column)
            rows.append(SourceRow(row.label, tuple(cells), row.formulas, frozenset(uncached)))
        result.append(SourceTable(table.name, tuple(rows)))
    return result


def _sheet_rows(workbook, grid: _Grid):
    # A merged range keeps its value in the top-left cell. Spread it down the first
    # column (a lead unit merged over several tasks leads each of them) but not across:
    # a group title merged over a row belongs to one column only (``_read_grid``).
    width = grid.width
    empty = ("",) * width
    label = _("Dòng %(row)s")  # translated once, not once per row
    for index in range(1, grid.height + 1):
        line = grid.cells.get(index)
        if not line:
            yield SourceRow(label % {"row": index}, empty, frozenset())
            continue
        cells, formulas = [""] * width, set()
        for column, cell in line.items():
            if cell["data_type"] == "f":
                formulas.add(column - 1)
            value = cell["value"]
            if value is None:
                continue
            # The number format matters for dates only (and is a look-up per cell).
            if isinstance(value, datetime | date):
                cells[column - 1] = _cell_text(value, _number_format(workbook, cell["style_id"]))
            else:
                cells[column - 1] = _cell_text(value)
        yield SourceRow(label % {"row": index}, tuple(cells), frozenset(formulas))


def _number_format(workbook, style_id: int) -> str:
    """The number format of a cell's style, as openpyxl's ``Cell.number_format``."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    if style_id == _MERGED_STYLE:
        return "General"
    format_id = workbook._cell_styles[style_id].numFmtId
    if format_id < BUILTIN_FORMATS_MAX_SIZE:
        return BUILTIN_FORMATS.get(format_id, "General")
    return workbook._number_formats[format_id - BUILTIN_FORMATS_MAX_SIZE]


def _cell_text(value, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        # "6/2025" typed into Excel becomes 1 June 2025 shown as "Jun-25": keep the
        # month when the format shows no day, or the deadline would move to the 1st.
        if "d" not in number_format.lower():
            return f"{value.month}/{value.year}"
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(str(value))


def _read_docx(data: bytes) -> list[SourceTable]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise _not_office(DOCX) from error
    tables = []
    for number, table in enumerate(document.tables, start=1):
        rows = []
        for index, row in enumerate(table.rows, start=1):
            cells = [""] * row.grid_cols_before
            previous = None
            for cell in row.cells:
                # A horizontal span repeats the same cell: keep its text in the first column.
                # A vertical span yields the cell above, so its text fills down by itself.
                cells.append("" if cell._tc is previous else normalize_text(cell.text))
                previous = cell._tc
            rows.append(
                SourceRow(
                    _("Bảng %(table)s, dòng %(row)s") % {"table": number, "row": index},
                    tuple(cells),
                )
            )
        tables.append(SourceTable(_("Bảng %(table)s") % {"table": number}, tuple(rows)))
    return tables
