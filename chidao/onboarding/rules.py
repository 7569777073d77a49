"""How a province's unit list reads: its columns, its rows, and the place in a name.

Plain functions of text, no database. The list is whatever table the province keeps:

* Columns are found by their folded header, in any order, under title rows: the name
  ("Tên đơn vị", "Tên cơ quan, đơn vị", "Đơn vị"), the other name ("Tên gọi khác",
  "Tên viết tắt"), the kind ("Loại", "Khối", "Cấp"), the parent ("Trực thuộc"). The
  header and the cells are read as the imports read a plan (``imports.rules``:
  ``find_columns``, ``read_cells``, ``is_column_numbers``); only the words differ.
* A row numbered with a roman numeral, or a heading such as "KHỐI CÁC SỞ, BAN, NGÀNH",
  opens a section whose words may give the kind of the rows below it.
* Notes ("Ghi chú: …"), signatures, blank rows and a repeated header are skipped.
* A name is stored with its place ("Sở Y tế" in Thái Nguyên's list is "Sở Y tế tỉnh
  Thái Nguyên"), because two provinces both have a "Sở Y tế" and the admin pages and
  suggestions must tell them apart. A name that carries another province's place
  ("Sở Tài chính tỉnh Nam Định" in Thái Nguyên's list) is a mistake to flag.
"""

import re
from dataclasses import dataclass

from chidao.core.text import fold_text
from chidao.imports.rules import is_column_numbers, read_cells
from chidao.org.choices import UnitKind

NAME, SHORT_NAME, KIND, PARENT, CODE, NOTE = "name", "short_name", "kind", "parent", "code", "note"
# The unit's own code ("Mã": "TN-UBND"), apart from the row number ("STT").
UNIT_CODE = "unit_code"

# Checked in order, first match wins: "Tên viết tắt" and "Đơn vị cấp trên" are not the name.
UNIT_COLUMN_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    (SHORT_NAME, re.compile(r"ten goi khac|viet tat|ten tat|ten khac")),
    (PARENT, re.compile(r"truc thuoc|cap tren|chu quan")),
    (NOTE, re.compile(r"^ghi chu")),
    (KIND, re.compile(r"^(?:phan )?(?:loai|khoi|cap|nhom)(?: don vi| co quan)?$")),
    (CODE, re.compile(r"^(?:s?tt|so tt|so thu tu)$")),
    (UNIT_CODE, re.compile(r"^ma(?: don vi| so| co quan)?$")),
    (NAME, re.compile(r"^(?:ten )?(?:cac )?(?:co quan|don vi)|^ten$")),
)

# Provinces and centrally-run cities, before and after the 2025 merger, folded: a unit
# list naming one of them other than its own names another province's unit.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng",
    "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Huế", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

# Spelt out when they open a name, as the demo's and the Government's lists write them.
_LEADING_ABBREVIATIONS = (("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"))
_LEVEL_WORDS = ("tinh", "thanh pho", "xa", "phuong", "dac khu")
_NOTE_START = re.compile(r"^(?:\*|ghi chu|luu y|chu thich|nguon|tm\.? |kt\.? |nguoi lap)")
_ROMAN = re.compile(r"^(?:phan |khoi |muc )?[ivxl]+[.:)]?$")
_SECTION_START = re.compile(r"^(?:khoi|cac co quan|cac don vi)\b")
# The name column's own header repeated on a later page of the table.
_HEADER_NAME = re.compile(r"(?:ten )?(?:cac )?(?:co quan|don vi)(?: (?:don vi|co quan))?|ten")


def fold_name(text: str) -> str:
    """Folded, "&" spelt out, punctuation to spaces: how names are compared here."""
    folded = fold_text(text).replace("&", " va ")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", folded).split())


@dataclass(frozen=True)
class Place:
    """Where a committee is: ``word`` "tỉnh", "thành phố", "xã", "phường" or "đặc khu"
    and ``name`` ("Thái Nguyên", "Phú Bình")."""

    word: str
    name: str

    def __str__(self) -> str:
        return f"{self.word} {self.name}"


def parse_place(text: str, *, level: str) -> Place:
    """The place a committee is written for: "Thái Nguyên" or "tỉnh Thái Nguyên" at province
    level, "Phú Bình" or "xã Phú Bình" at commune level (a bare name is a "xã")."""
    text = " ".join(text.split())
    folded = fold_text(text)
    for word in _LEVEL_WORDS:
        if folded.startswith(word + " "):
            return Place(text[: len(word)].lower(), text[len(word) + 1 :].strip())
    return Place("tỉnh" if level != "commune" else "xã", text)


def get_other_province(name: str, place: Place) -> str:
    """Another province a unit name carries ("Sở Tài chính tỉnh Nam Định" in Thái
    Nguyên's list gives "Nam Định"), or "" when it carries none or its own."""
    folded = fold_name(name)
    own = fold_name(place.name)
    for province in PROVINCES:
        key = fold_name(province)
        if key == own or own.endswith(" " + key) or key.endswith(" " + own):
            continue
        if re.search(rf"\b(?:tinh|thanh pho) {key}$|\b(?:tinh|thanh pho) {key}\b", folded):
            return province
        # "Báo Nam Định", "Công an Nam Định": the province's name closing a name that is
        # not a commune's (communes share names with provinces: "phường Nam Định").
        if folded.endswith(" " + key) and not re.search(r"\b(?:xa|phuong|dac khu) ", folded):
            return province
    return ""


def get_full_unit_name(name: str, kind: str, place: Place) -> str:
    """The name to store: the name as written, with the committee's place when it lacks it.

    "Sở Y tế" → "Sở Y tế tỉnh Thái Nguyên"; "Văn phòng UBND tỉnh" → "Văn phòng UBND tỉnh
    Thái Nguyên"; "Tỉnh ủy" → "Tỉnh ủy Thái Nguyên". Communes and central bodies are
    named by their own place ("Ngân hàng Nhà nước Khu vực 5") and are kept as written,
    but a leading "UBND" is spelt out ("UBND xã Phú Bình" → "Ủy ban nhân dân xã Phú
    Bình").
    """
    name = " ".join(name.split())
    for short, full in _LEADING_ABBREVIATIONS:
        if name.startswith(short + " "):
            name = full + name[len(short) :]
    if kind in (UnitKind.COMMUNE, UnitKind.CENTRAL_BODY) and kind != _own_kind(place):
        return name
    folded = fold_name(name)
    word = fold_name(place.word)
    if fold_name(place.name) in folded:
        return name
    if (
        folded.endswith((" " + word, f"{word} uy", f"{word} doan"))
        or folded.startswith(word + " ")
        or folded == word
    ):
        return f"{name} {place.name}"
    return f"{name} {place}"


def _own_kind(place: Place) -> str:
    return UnitKind.COMMUNE if fold_name(place.word) in ("xa", "phuong", "dac khu") else ""


@dataclass(frozen=True)
class UnitListRow:
    """A unit as the list writes it."""

    number: str
    name: str
    short_name: str
    kind: str
    parent: str
    code: str = ""


@dataclass(frozen=True)
class SectionRow:
    """A heading over rows ("II. KHỐI CÁC SỞ, BAN, NGÀNH")."""

    text: str


@dataclass(frozen=True)
class NoteRow:
    """A row that is not a unit: a note, a signature, a repeated header."""

    text: str


def read_unit_row(cells: tuple[str, ...], columns: dict[str, int]):
    """What a row of the list is: ``UnitListRow``, ``SectionRow``, ``NoteRow``, or None
    for a blank row or a row of column numbers."""
    cells, read = read_cells(cells, columns)

    def cell(column: str) -> str:
        return " ".join(read(column).split())

    filled = [text for text in cells if text.strip()]
    # A row of column numbers under the header, or a lone number: no unit.
    if not filled or is_column_numbers(cells, at_least=1):
        return None
    number, name = cell(CODE) or cell(UNIT_CODE), cell(NAME)
    folded_number, folded_name = fold_text(number), fold_name(name)
    if _ROMAN.match(folded_number) or (not number and _SECTION_START.match(folded_name)):
        return SectionRow(name or " ".join(filled))
    if not name:
        return NoteRow(" ".join(filled))
    if _NOTE_START.match(fold_text(name)) or _NOTE_START.match(folded_number):
        return NoteRow(" ".join(filled))
    if _HEADER_NAME.fullmatch(folded_name):
        return NoteRow(" ".join(filled))
    return UnitListRow(
        number=number.strip(" ."),
        name=name.strip(" .;,"),
        short_name=cell(SHORT_NAME).strip(" .;,"),
        kind=cell(KIND),
        parent=cell(PARENT).strip(" .;,"),
        code=cell(UNIT_CODE),
    )
