"""How a plan's appendix table reads: columns, rows and the names of bodies in a cell.

Plain functions of text, no database: the imports (``task_plans.py``,
``indicator_plans.py``, ``observation_plans.py``, ``units.py``) feed them the rows of a
file and a way to look names up.

Decisions a reader needs:

* Columns are found by their folded header ("Cơ quan chủ trì", "Đơn vị chủ trì" and
  "CHỦ TRÌ" are one column), over one or two header rows ("Thời gian" above "Hoàn
  thành"), in any order.
* A row whose number is a roman numeral ("I.", "II") and that names no lead unit opens a
  group of tasks. A row with a title but neither number nor lead unit is a note.
* Names of bodies in a cell are split and compared by ``chidao.org.names``, the one
  implementation every reader of names shares; the import's modules import it from there.
"""

import re
from dataclasses import dataclass

from chidao.core.text import fold_text

# --- Columns -------------------------------------------------------------------------------

CODE, TITLE, LEAD, COORDINATING, OUTPUT, DEADLINE, NOTE = (
    "code",
    "title",
    "lead",
    "coordinating",
    "output",
    "deadline",
    "note",
)
REQUIRED_COLUMNS = (TITLE, LEAD, DEADLINE)

# Checked in order, first match wins: "Tên nhiệm vụ" must not be read before "chủ trì".
_COLUMN_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    (LEAD, re.compile(r"chu tri")),
    (COORDINATING, re.compile(r"phoi hop")),
    (DEADLINE, re.compile(r"thoi gian|thoi han|tien do|hoan thanh")),
    (OUTPUT, re.compile(r"ket qua|san pham|hinh thuc")),
    (NOTE, re.compile(r"ghi chu")),
    (CODE, re.compile(r"^(?:s?tt|so tt|so thu tu|ma(?: so| nhiem vu)?)$")),
    (TITLE, re.compile(r"nhiem vu|noi dung|ten|giai phap|de an")),
)


# The indicator appendix: TT, Chỉ tiêu, Đơn vị (tính), Kết quả / Mục tiêu, Cơ quan chủ
# trì theo dõi, đánh giá; an observation sheet: Mã chỉ tiêu, Đơn vị, Kỳ, Giá trị.
NAME, MEASURE, TARGET, RESPONSIBLE, YEAR = "name", "measure", "target", "responsible", "year"
INDICATOR_COLUMN_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    (RESPONSIBLE, re.compile(r"chu tri|theo doi|co quan")),
    (TARGET, re.compile(r"ket qua|muc tieu|gia tri")),
    (MEASURE, re.compile(r"^(?:don vi(?: tinh)?|dvt)$")),
    (YEAR, re.compile(r"^nam$")),
    (CODE, re.compile(r"^(?:s?tt|so tt|so thu tu|ma(?: so| chi tieu)?)$")),
    (NAME, re.compile(r"chi tieu|chi so|ten|noi dung")),
)


def get_column(header: str, words=_COLUMN_WORDS) -> str | None:
    """The column a header names, or None."""
    folded = fold_text(header).strip(" .:")
    if not folded:
        return None
    for column, pattern in words:
        if pattern.search(folded):
            return column
    return None


def find_columns(
    rows: list[tuple[str, ...]], words=_COLUMN_WORDS, anchors=(TITLE, LEAD)
) -> tuple[int, dict[str, int]] | None:
    """Where the header ends and which index holds each column.

    Looks for the header among the first rows; a second header row below it (sub-headers
    or a row of column numbers) is read with it. Returns (index of the first data row,
    column → index), or None when no row names all ``anchors`` columns.
    """
    for start, row in enumerate(rows[:20]):
        columns = _map_columns(row, words)
        if any(anchor not in columns for anchor in anchors):
            continue
        end = start + 1
        while end < len(rows) and end <= start + 2 and _is_header_continuation(rows[end], words):
            if is_column_numbers(rows[end]):
                end += 1
                continue
            row = tuple(
                f"{top} {below}".strip() if below and below != top else top
                for top, below in zip(row, _pad(rows[end], len(row)), strict=False)
            )
            columns = _map_columns(row, words) | {
                column: index
                for column, index in _map_columns(rows[end], words).items()
                if column not in columns
            }
            end += 1
        return end, columns
    return None


def _map_columns(row: tuple[str, ...], words=_COLUMN_WORDS) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, header in enumerate(row):
        column = get_column(header, words)
        if column and column not in columns:
            columns[column] = index
    return columns


def _pad(row: tuple[str, ...], width: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (width - len(row))


def read_cells(cells: tuple[str, ...], columns: dict[str, int]):
    """The row padded to the header's width, and ``cell(column)``: that column's text.
    Every table of the imports and the onboarding's unit list is read through here.

    Word tables and short Excel rows drop trailing empty cells; a column the header does
    not have reads as empty rather than failing, so optional columns stay optional.
    """
    cells = _pad(cells, max(columns.values()) + 1)

    def cell(column: str) -> str:
        return cells[columns[column]].strip() if column in columns else ""

    return cells, cell


_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?$")


def is_column_numbers(row: tuple[str, ...], *, at_least: int = 2) -> bool:
    """A row of column numbers under a header: "(1) (2) (3)…" or "1 2 3…", of at least
    ``at_least`` filled cells (a lone number may be a task's number)."""
    filled = [cell.strip() for cell in row if cell.strip()]
    return len(filled) >= at_least and all(_COLUMN_NUMBER.match(cell) for cell in filled)


def _is_header_continuation(row: tuple[str, ...], words=_COLUMN_WORDS) -> bool:
    filled = [cell for cell in row if cell]
    if not filled:
        return False
    return is_column_numbers(row) or all(get_column(cell, words) for cell in filled)


# --- Rows ----------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?:phan |nhom |muc )?(?P<code>[ivxl]+)[.:)]?$")
_TASK_NUMBER = re.compile(r"^(?P<code>[0-9]+(?:\.[0-9]+)*|[a-zđ])[.)]?$")
_NOTE_START = re.compile(r"^(?:\(?\*+\)?|ghi chu|luu y|chu thich|noi nhan)")
_NOTE_PREFIX = 40  # characters of a cell enough for _NOTE_START to match


@dataclass(frozen=True)
class GroupRow:
    code: str
    name: str


@dataclass(frozen=True)
class NoteRow:
    text: str


@dataclass(frozen=True)
class HeaderRow:
    """The table's header again (a Word table repeats it on every page)."""


@dataclass(frozen=True)
class TaskRow:
    number: str
    title: str
    lead: str
    coordinating: str
    output: str
    deadline: str


def read_row(cells: tuple[str, ...], columns: dict[str, int]):
    """What a data row is: a ``GroupRow``, ``NoteRow``, ``TaskRow``, or None when empty."""
    cells, cell = read_cells(cells, columns)
    filled = [c for c in cells if c]
    if not filled or is_column_numbers(cells):
        return None
    number, title, lead = cell(CODE), cell(TITLE), cell(LEAD)
    folded_number = fold_text(number)
    if all(
        len(cell(column)) < 40 and get_column(cell(column)) == column for column in (TITLE, LEAD)
    ):
        return HeaderRow()
    # A note merged across the table lands in its first column: "Ghi chú: …", "(*) …".
    noted = _NOTE_START.match(folded_number) or _NOTE_START.match(fold_text(filled[0]))
    if noted and (not lead or len(set(filled)) == 1):
        return NoteRow(" ".join(dict.fromkeys(filled)))
    if (match := _ROMAN.match(folded_number)) and not lead:
        name = title or next((c for c in cells if c and c != number), "")
        return GroupRow(match["code"].upper(), name.strip(" .:"))
    if not number and (not lead or not title):
        # Text beside the table (a signature block, "Nơi nhận:") names no task.
        return NoteRow(" ".join(filled))
    # Only the title's start can open a note: fold that, not a long title (10,000 rows).
    if not lead and _NOTE_START.match(fold_text(title[:_NOTE_PREFIX])):
        return NoteRow(title)
    match = _TASK_NUMBER.match(folded_number)
    return TaskRow(
        number=match["code"] if match else number.strip(" ."),
        title=title,
        lead=lead,
        coordinating=cell(COORDINATING),
        output=cell(OUTPUT),
        deadline=cell(DEADLINE),
    )


_FORMULA = re.compile(r"^[=+@]\s*[A-Za-z_]+\s*\(|^=")


def looks_like_formula(text: str) -> bool:
    """A cell that a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)")."""
    return bool(_FORMULA.match(text.strip()))


# --- Indicator rows ------------------------------------------------------------------------

_INDICATOR_CODE = re.compile(r"^(?P<code>[0-9]+(?:\.[0-9]+)*)\.?$")
_SECTION_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


@dataclass(frozen=True)
class SectionRow:
    """A section of an indicator appendix ("I. Đến năm 2030"); ``year`` its target year."""

    code: str
    name: str
    year: int | None


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    name: str
    measure: str
    target: str
    responsible: str
    year: str

    @property
    def parent_code(self) -> str:
        """ "11" for sub-indicator "11.1"; empty for a top-level indicator."""
        return self.code.rpartition(".")[0]


def read_indicator_row(cells: tuple[str, ...], columns: dict[str, int]):
    """A ``SectionRow``, ``IndicatorRow``, ``NoteRow``, or None for an empty row."""
    cells, cell = read_cells(cells, columns)
    filled = [c for c in cells if c]
    if not filled or is_column_numbers(cells):
        return None
    number, name = cell(CODE), cell(NAME)
    if (match := _ROMAN.match(fold_text(number))) and not cell(TARGET):
        title = name or next((c for c in filled if c != number), "")
        years = _SECTION_YEAR.findall(title)
        return SectionRow(
            match["code"].upper(), title.strip(" .:"), int(years[-1]) if years else None
        )
    match = _INDICATOR_CODE.match(number)
    if match is None:
        return NoteRow(" ".join(filled))
    return IndicatorRow(
        code=match["code"],
        name=name,
        measure=cell(MEASURE),
        target=cell(TARGET),
        responsible=cell(RESPONSIBLE),
        year=cell(YEAR),
    )


# --- Observation rows ----------------------------------------------------------------------

INDICATOR, UNIT, PERIOD, VALUE = "indicator", "unit", "period", "value"
OBSERVATION_COLUMN_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    (INDICATOR, re.compile(r"chi tieu|chi so")),
    (UNIT, re.compile(r"^(?:ma )?(?:don vi|co quan)")),
    (PERIOD, re.compile(r"^(?:ky|ky bao cao|thoi gian|nam)$")),
    (VALUE, re.compile(r"gia tri|so lieu|ket qua|thuc hien")),
    (NOTE, re.compile(r"ghi chu")),
)

_PERIOD_PATTERNS = (
    (
        "quarter",
        re.compile(r"^(?:quy) (?P<number>[1-4]|i{1,3}|iv) ?[/-]? ?(?:nam )?(?P<year>[0-9]{4})$"),
    ),
    ("six_months", re.compile(r"^6 thang (?P<half>dau|cuoi) nam (?P<year>[0-9]{4})$")),
    ("nine_months", re.compile(r"^9 thang (?:dau )?nam (?P<year>[0-9]{4})$")),
    (
        "month",
        re.compile(r"^(?:thang )?(?P<number>[0-9]{1,2}) ?[/-] ?(?:nam )?(?P<year>[0-9]{4})$"),
    ),
    ("year", re.compile(r"^(?:nam )?(?P<year>[0-9]{4})$")),
)
_ROMAN_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_period_phrase(text: str) -> tuple[str, int, int] | None:
    """The period a sheet names ("2025", "Quý II/2025", "6/2025", "6 tháng đầu năm 2025")
    as (kind, year, number), or None when it names none."""
    folded = " ".join(fold_text(text).replace(".", "/").split())
    for kind, pattern in _PERIOD_PATTERNS:
        match = pattern.fullmatch(folded)
        if match is None:
            continue
        groups = match.groupdict()
        if "half" in groups:
            number = 1 if groups["half"] == "dau" else 2
        elif groups.get("number"):
            written = groups["number"]
            number = int(written) if written.isdigit() else _ROMAN_NUMBERS[written]
        else:
            number = 1
        return kind, int(groups["year"]), number
    return None


@dataclass(frozen=True)
class ObservationRow:
    indicator: str
    unit: str
    period: str
    value: str
    note: str


def read_observation_row(cells: tuple[str, ...], columns: dict[str, int]):
    """An ``ObservationRow``, or None for an empty row or a row of column numbers."""
    cells, cell = read_cells(cells, columns)
    if not any(cells) or is_column_numbers(cells):
        return None
    return ObservationRow(cell(INDICATOR), cell(UNIT), cell(PERIOD), cell(VALUE), cell(NOTE))
