"""Document number-and-symbol (số, ký hiệu) as written on state and Party documents.

State bodies write ``<số>/<loại>-<cơ quan>`` (Decree 30/2020/NĐ-CP), optionally with the
year for legal documents (``05/2019/NĐ-CP``); Party committees write
``<số>-<loại>/<cơ quan>`` (the Party's document guidance). Symbols are typed by hand and
copied from newspapers, so the parser tolerates the usual slips and says what it fixed.
"""

import re
from dataclasses import dataclass, field
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from chidao.core.text import normalize_text
from chidao.documents.choices import DocumentKind, SymbolSystem

# Kind abbreviations of Decree 30/2020/NĐ-CP (Appendix III, plus legal documents) and of
# the Party's guidance. A state symbol whose first part is none of these is an official
# letter (công văn): Decree 30 gives those "<cơ quan>-<đơn vị soạn thảo>" and no kind,
# e.g. "708/BTTTT-CATTT".
_STATE_KINDS = {kind.value for kind in DocumentKind} - {DocumentKind.OFFICIAL_LETTER.value} | {
    "NĐ", "TT", "TTLT", "QyĐ", "TC", "PA", "ĐA", "DA", "BB", "TTr", "HĐ", "CĐ", "BGN",
    "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
}  # fmt: skip
_PARTY_KINDS = {kind.value for kind in DocumentKind} | {"QĐi", "TT", "TTr", "ĐA", "PA", "BB"}
_KIND_BY_KEY = {kind.upper(): kind for kind in _STATE_KINDS | _PARTY_KINDS}
# Typed without the Vietnamese Đ; "DA" and "HD" are not here because they are kinds too.
_UNACCENTED_KINDS = {"QD": "QĐ", "ND": "NĐ", "QDI": "QĐi"}

_EXAMPLES = _('Ví dụ hợp lệ: "29/KH-UBND" (văn bản nhà nước) hoặc "54-CTr/TU" (văn bản của Đảng).')
_MESSAGES = {
    "required": _("Số, ký hiệu không được để trống."),
    "invalid": _('Số, ký hiệu "%(value)s" không hợp lệ.'),
    "missing_number": _('Số, ký hiệu "%(value)s" thiếu số văn bản.'),
    "invalid_number": _('Số, ký hiệu "%(value)s" có số văn bản "%(number)s" không phải là số.'),
    "zero_number": _('Số, ký hiệu "%(value)s" có số văn bản bằng 0.'),
    "invalid_year": _('Số, ký hiệu "%(value)s" có năm ban hành "%(year)s" không hợp lệ.'),
    "missing_kind": _('Số, ký hiệu "%(value)s" thiếu tên loại văn bản (như "KH", "QĐ", "NQ").'),
    "missing_issuer": _(
        'Số, ký hiệu "%(value)s" thiếu tên cơ quan ban hành (như "UBND", "TU", "TW").'
    ),
}
_MIN_YEAR, _MAX_YEAR = 1945, 2100
_MAX_SHOWN = 60  # long pasted paragraphs are cut in messages so the form stays readable

_CHARACTER_FIXES = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", "\uff0f": "/", "\u2215": "/",
        # Legacy Vietnamese fonts put the Icelandic eth where Đ belongs; they look alike.
        "\u00d0": "Đ", "\u00f0": "đ",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_PREFIX = re.compile(r"^số\s*[:.]?\s*", re.IGNORECASE)
_SPACES_AROUND_SEPARATORS = re.compile(r" ?([/-]) ?")
_HEAD = re.compile(r"(?P<number>[^ -]*)(?:(?P<sep>[ -])(?P<kind>.*))?", re.DOTALL)
_DIGITS = re.compile(r"[0-9]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class DocumentSymbol:
    """A parsed số, ký hiệu.

    For an official letter of a state body (kind ``"CV"``), ``issuer`` holds the whole
    "<cơ quan>-<đơn vị>" part and the symbol is written without a kind. Warnings do not
    take part in equality: "57 NQ/TW" and "57-NQ/TW" name the same document.
    """

    number: str
    kind: str
    issuer: str
    system: SymbolSystem
    year: int | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        if self.system == SymbolSystem.PARTY:
            return f"{self.number}-{self.kind}/{self.issuer}"
        year = f"{self.year}/" if self.year else ""
        if self.kind == DocumentKind.OFFICIAL_LETTER:
            return f"{self.number}/{year}{self.issuer}"
        return f"{self.number}/{year}{self.kind}-{self.issuer}"


def parse_document_symbol(text: str | None) -> DocumentSymbol:
    """Parse a số, ký hiệu such as "29/KH-UBND", "05/2019/NĐ-CP" or "Số: 54-CTr/TU".

    Args:
        text: The symbol as written; a leading "Số"/"Số:" and stray spaces are ignored.

    Returns:
        The symbol, with ``warnings`` describing any correction made (reversed order,
        "QD" without the Vietnamese Đ, a space instead of the Party hyphen).

    Raises:
        ValidationError: In Vietnamese, naming the bad input and showing a valid example.
    """
    cleaned = _clean(text)
    if not cleaned:
        _fail("required", cleaned)
    head, slash, tail = cleaned.partition("/")
    parts = _HEAD.fullmatch(head)
    assert parts is not None  # every part of the pattern is optional: it matches any text
    number, sep, kind = parts["number"], parts["sep"], parts["kind"]
    if not slash:
        looks_party = _DIGITS.fullmatch(number) and sep and _LETTERS.fullmatch(kind)
        _fail("missing_issuer" if looks_party else "invalid", cleaned)
    _check_number(number, cleaned)
    if sep:
        return _parse_party(cleaned, number, sep, kind, tail)
    return _parse_state(cleaned, number, tail)


def validate_document_symbol(value: str | None) -> None:
    """Django validator for model and form fields holding a số, ký hiệu."""
    parse_document_symbol(value)


def _clean(text: str | None) -> str:
    cleaned = _SPACES.sub(" ", normalize_text(text).translate(_CHARACTER_FIXES)).strip()
    cleaned = _PREFIX.sub("", cleaned)
    return _SPACES_AROUND_SEPARATORS.sub(r"\1", cleaned)


def _parse_party(cleaned: str, number: str, sep: str, kind: str, issuer: str) -> DocumentSymbol:
    if not kind:
        _fail("missing_kind", cleaned)
    if not _LETTERS.fullmatch(kind):
        _fail("invalid", cleaned)
    _check_issuer(issuer.split("-"), cleaned)
    canonical, unaccented = _canonical_kind(kind)
    symbol = DocumentSymbol(number, canonical or kind, issuer, SymbolSystem.PARTY)
    notes = []
    if sep == " ":
        notes.append(
            gettext(
                'Ký hiệu "%(value)s" thiếu dấu gạch nối giữa số và tên loại; '
                'đã chuẩn hóa thành "%(symbol)s".'
            )
            % {"value": cleaned, "symbol": symbol}
        )
    if unaccented:
        notes.append(_unaccented_note(cleaned, symbol))
    return _with_notes(symbol, notes)


def _parse_state(cleaned: str, number: str, tail: str) -> DocumentSymbol:
    *years, body = tail.split("/")
    year = _check_year(years, cleaned)
    parts = body.split("-")
    if not parts[0]:
        _fail("missing_kind", cleaned)
    _check_issuer(parts, cleaned)
    first, first_unaccented = _canonical_kind(parts[0], _STATE_KINDS)
    last, last_unaccented = _canonical_kind(parts[-1], _STATE_KINDS)
    if len(parts) == 1:
        _fail("missing_issuer" if first else "missing_kind", cleaned)
    notes = []
    if first:
        symbol = DocumentSymbol(number, first, "-".join(parts[1:]), SymbolSystem.STATE, year)
        unaccented = first_unaccented
    elif last:
        symbol = DocumentSymbol(number, last, "-".join(parts[:-1]), SymbolSystem.STATE, year)
        unaccented = last_unaccented
        notes.append(
            gettext(
                'Ký hiệu "%(value)s" viết đảo thứ tự; đã chuẩn hóa thành "%(symbol)s" '
                "theo Nghị định 30/2020/NĐ-CP."
            )
            % {"value": cleaned, "symbol": symbol}
        )
    else:
        symbol = DocumentSymbol(
            number, DocumentKind.OFFICIAL_LETTER.value, body, SymbolSystem.STATE, year
        )
        unaccented = False
    if unaccented:
        notes.append(_unaccented_note(cleaned, symbol))
    return _with_notes(symbol, notes)


def _canonical_kind(token: str, known: set[str] | None = None) -> tuple[str | None, bool]:
    """Return the known kind ``token`` stands for, and whether it lacked the letter Đ."""
    key = token.upper()
    kind = _UNACCENTED_KINDS.get(key) or _KIND_BY_KEY.get(key)
    if known is not None and kind not in known:
        return None, False
    return kind, key in _UNACCENTED_KINDS


def _check_number(number: str, cleaned: str) -> None:
    if not number:
        _fail("missing_number", cleaned)
    if not _DIGITS.fullmatch(number):
        _fail("invalid_number", cleaned, number=number)
    if not number.strip("0"):
        _fail("zero_number", cleaned)


def _check_year(years: list[str], cleaned: str) -> int | None:
    if not years:
        return None
    if len(years) > 1 or not _DIGITS.fullmatch(years[0]):
        _fail("invalid", cleaned)
    if len(years[0]) != 4 or not _MIN_YEAR <= int(years[0]) <= _MAX_YEAR:
        _fail("invalid_year", cleaned, year=years[0])
    return int(years[0])


def _check_issuer(parts: list[str], cleaned: str) -> None:
    if not parts[-1]:
        _fail("missing_issuer", cleaned)
    if not all(_TOKEN.fullmatch(part) for part in parts):
        _fail("invalid", cleaned)


def _unaccented_note(cleaned: str, symbol: DocumentSymbol) -> str:
    return gettext(
        'Ký hiệu "%(value)s" viết tên loại không có chữ "Đ"; đã chuẩn hóa thành "%(symbol)s".'
    ) % {"value": cleaned, "symbol": symbol}


def _with_notes(symbol: DocumentSymbol, notes: list[str]) -> DocumentSymbol:
    if not notes:
        return symbol
    return DocumentSymbol(
        symbol.number, symbol.kind, symbol.issuer, symbol.system, symbol.year, tuple(notes)
    )


def _fail(code: str, cleaned: str, **params: str) -> NoReturn:
    shown = {name: _shorten(value) for name, value in {"value": cleaned, **params}.items()}
    raise ValidationError(f"{_MESSAGES[code]} {_EXAMPLES}", code=code, params=shown)


def _shorten(value: str) -> str:
    return value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…"
