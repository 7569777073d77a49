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
TABLES_VERSION = 1
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
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged package
        raise _not_office(XLSX) from error
    tables = []
    for sheet in workbook.worksheets:
        _check_sheet_rows(sheet.title, sheet.max_row)  # before its cells are read
        tables.append(SourceTable(sheet.title, tuple(_sheet_rows(sheet))))
    if any(row.formulas for table in tables for row in table.rows):
        tables = _with_cached_values(data, tables)
    return tables


def _with_cached_values(data: bytes, tables: list[SourceTable]) -> list[SourceTable]:
    """The tables with each formula cell read as the value Excel saved with the file.

    Read a second time only when the file has formulas (most plans have none); a
    formula merged over several rows has its value in the top cell, as its text had.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True)
    result = []
    for table, sheet in zip(tables, workbook.worksheets, strict=True):
        values = {}
        for merged in sheet.merged_cells.ranges:
            top = sheet.cell(merged.min_row, merged.min_col).value
            for line in range(merged.min_row + 1, merged.max_row + 1):
                values[(line, merged.min_col)] = top
        rows = []
        for index, row in enumerate(table.rows, start=1):
            if not row.formulas:
                rows.append(row)
                continue
            cells, uncached = list(row.cells), set()
            for column in row.formulas:
                value = values.get((index, column + 1), sheet.cell(index, column + 1).value)
                cells[column] = _cell_text(value)
                if value is None:
                    uncached.add(column)
            rows.append(SourceRow(row.label, tuple(cells), row.formulas, frozenset(uncached)))
        result.append(SourceTable(table.name, tuple(rows)))
    return result


def _sheet_rows(sheet):
    # A merged range keeps its value in the top-left cell. Spread it down the first
    # column (a lead unit merged over several tasks leads each of them) but not across:
    # a group title merged over a row belongs to one column only.
    fill_down: dict[tuple[int, int], tuple[object, bool]] = {}
    for merged in sheet.merged_cells.ranges:
        top = sheet.cell(merged.min_row, merged.min_col)
        for row in range(merged.min_row + 1, merged.max_row + 1):
            fill_down[(row, merged.min_col)] = (top.value, top.data_type == "f")
    width = sheet.max_column
    label = _("Dòng %(row)s")  # translated once, not once per row
    for index, row in enumerate(sheet.iter_rows(max_col=width), start=1):
        cells, formulas = [], set()
        for column, cell in enumerate(row):
            if fill_down and (index, column + 1) in fill_down:
                value, is_formula = fill_down[(index, column + 1)]
            else:
                value, is_formula = cell.value, cell.data_type == "f"
            if is_formula:
                formulas.add(column)
            # The number format matters for dates only (and is a look-up per cell).
            dated = isinstance(value, datetime | date)
            cells.append(_cell_text(value, cell.number_format if dated else ""))
        yield SourceRow(label % {"row": index}, tuple(cells), frozenset(formulas))


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
