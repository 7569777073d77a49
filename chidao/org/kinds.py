"""What kind of body a unit is, read from its name or from a list's "Loại" column.

A province keeps its unit list the way it likes: most lists give only the names, some a
"Loại", "Khối" or "Cấp" column, some group the rows under headings ("II. KHỐI CÁC SỞ,
BAN, NGÀNH"). The kind decides which groups a unit falls in ("UBND các xã, phường"
expands to the communes, "các sở, ngành" to the departments), so it is inferred from the
name when nothing else gives it. Plain functions of text: no database.
"""

import re

from chidao.core.text import fold_text
from chidao.org.choices import UnitKind

# First match wins, on the folded name with "&" spelt out. Order matters: "Ngân hàng Nhà
# nước" is a central body before "ngân hàng" is an enterprise, "Ban Tổ chức Tỉnh ủy" is a
# department before "tỉnh ủy" is the Party committee, "UBND xã" a commune before "UBND" is
# the People's Committee.
_NAME_RULES: tuple[tuple[re.Pattern, str], ...] = (
    (
        re.compile(
            r"^(?:uy ban nhan dan|ubnd) (?:xa|phuong|dac khu)\b"
            r"|^(?:xa|phuong|dac khu) "
        ),
        UnitKind.COMMUNE,
    ),
    (re.compile(r"^(?:uy ban nhan dan|ubnd) (?:tinh|thanh pho)\b"), UnitKind.PEOPLES_COMMITTEE),
    (re.compile(r"^(?:hoi dong nhan dan|hdnd)\b"), UnitKind.PEOPLES_COUNCIL),
    (
        re.compile(
            r"^(?:ngan hang nha nuoc|kho bac nha nuoc|thue |cuc thue|cuc thong ke|thong ke "
            r"|bao hiem xa hoi|chi cuc hai quan|hai quan|cuc hai quan|bo |toa an nhan dan"
            r"|vien kiem sat nhan dan|kiem toan nha nuoc|cuc quan ly thi truong)"
        ),
        UnitKind.CENTRAL_BODY,
    ),
    (
        re.compile(
            r"^(?:so |ban |phong |van phong |thanh tra |cong an |bo chi huy |bo doi bien phong )"
        ),
        UnitKind.DEPARTMENT,
    ),
    (re.compile(r"^(?:tinh uy|thanh uy|dang uy|dang bo)\b"), UnitKind.PARTY_COMMITTEE),
    (
        re.compile(r"^(?:truong |dai hoc |hoc vien |vien |trung tam nghien cuu|phan vien )"),
        UnitKind.INSTITUTE,
    ),
    (
        re.compile(
            r"^(?:cong ty|tong cong ty|tap doan|ngan hang |vien thong |viettel|vnpt"
            r"|buu dien |dien luc )"
        ),
        UnitKind.ENTERPRISE,
    ),
)

# Words of a "Loại" / "Khối" / "Cấp" cell or a section heading, first match wins.
_KIND_WORDS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\b(?:trung uong|nganh doc|ngan hang nha nuoc)\b"), UnitKind.CENTRAL_BODY),
    (re.compile(r"\b(?:xa|phuong|dac khu|cap xa)\b(?! hoi)"), UnitKind.COMMUNE),
    (re.compile(r"\b(?:so|ban|nganh|co quan chuyen mon)\b"), UnitKind.DEPARTMENT),
    (re.compile(r"\b(?:dang|cap uy)\b"), UnitKind.PARTY_COMMITTEE),
    (re.compile(r"\b(?:hoi dong nhan dan|hdnd)\b"), UnitKind.PEOPLES_COUNCIL),
    (re.compile(r"\b(?:uy ban nhan dan|ubnd)\b"), UnitKind.PEOPLES_COMMITTEE),
    (re.compile(r"\b(?:vien|truong|dai hoc)\b"), UnitKind.INSTITUTE),
    (re.compile(r"\b(?:doanh nghiep|cong ty)\b"), UnitKind.ENTERPRISE),
    (re.compile(r"\b(?:mat tran|mttq|doan the|khac)\b|(?<!xa )\bhoi\b"), UnitKind.OTHER),
)


def _fold(text: str) -> str:
    return " ".join(fold_text(text).replace("&", " va ").split())


def infer_unit_kind(name: str) -> str:
    """The kind a unit's name says it is ("Sở Y tế" a department, "UBND xã Phú Bình" a
    commune); ``UnitKind.OTHER`` when the name says nothing (mass organisations, the
    press: "Tỉnh đoàn", "Ủy ban MTTQ tỉnh", "Báo Thái Nguyên")."""
    folded = _fold(name)
    for pattern, kind in _NAME_RULES:
        if pattern.search(folded):
            return kind
    return UnitKind.OTHER


def parse_unit_kind(text: str) -> str | None:
    """The kind a "Loại", "Khối" or "Cấp" cell, or a section heading, names, or None.

    A kind's own label ("Sở, ban, ngành", "Xã, phường, đặc khu") reads as that kind;
    "Cấp tỉnh" names no kind (a province's departments and its council are both).
    """
    folded = _fold(text)
    if not folded:
        return None
    for kind in UnitKind:
        if folded == _fold(str(kind.label)) or folded == kind.value:
            return kind.value
    folded = re.sub(r"^(?:[ivxl]+[.)]? |khoi |cac |nhom |cap )+", "", folded)
    # "Khối Đảng, Mặt trận và đoàn thể" names several kinds: then it names none.
    kinds = {kind for pattern, kind in _KIND_WORDS if pattern.search(folded)}
    return kinds.pop() if len(kinds) == 1 else None
