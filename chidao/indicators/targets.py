"""Targets as appendices write them: "≥ 55", "40 - 50", "≤ 3 Đông Nam Á; ≤ 50 Thế giới".

Plain functions of plain values. ``parse_target`` is the one parser of targets (forms,
imports, the API); ``TargetBound`` is one clause, and ``meets_bound`` says whether a
value meets it. Judging a value against a target with the indicator's direction is
indicator maths (``maths.py``).

Decisions a reader needs:

* A bare number ("90", "100%") is ``EQ``. Whether more is better belongs to the indicator's
  ``direction``, not to the text, so the two-sided comparators (``EQ``, ``BETWEEN``) let the
  direction open the favourable side: 95 meets "90" and 55 meets "40 - 50" when higher is
  better. The one-sided ones (≥, >, ≤, <) are taken as written.
* "Có", "Đạt", "Hoàn thành" are ``EQ 1`` and "Không" is ``EQ 0``: yes/no values are 1 and 0.
* A clause without a comparator or range that is not just a number ("Top 3", "Nhóm 3 nước
  dẫn đầu ĐNA", "3 nước dẫn đầu") is prose: ``QUALITATIVE``, never a guessed bound.
* Numbers are written the Vietnamese way: "0,7", "1.234,5"; a dot followed by groups of
  exactly three digits separates thousands ("1.234" is 1234), any other dot is a decimal
  point ("2.5" is 2,5, as spreadsheets export it).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import NoReturn, TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.core.text import normalize_text
from chidao.indicators.choices import Comparator, Direction

# The first symbol of each is the one ``TargetBound.__str__`` writes.
_SYMBOLS = {
    Comparator.GE: ("≥", ">=", "=>", "⩾"),
    Comparator.GT: (">",),
    Comparator.LE: ("≤", "<=", "=<", "⩽"),
    Comparator.LT: ("<",),
    Comparator.EQ: ("=", "=="),
}

_WORDS = {
    Comparator.GE: ("tối thiểu", "ít nhất", "không dưới", "không thấp hơn"),
    Comparator.GT: ("trên", "hơn"),
    Comparator.LE: ("tối đa", "không quá", "không vượt quá", "không cao hơn"),
    Comparator.LT: ("dưới",),
    # "đạt" (reach) and "từ" (from) carry no comparator: "đạt 100%" is a bare number,
    # "từ 40 đến 50" a range, "từ 50% trở lên" takes its comparator from the suffix.
    "none": ("đạt", "từ"),
}

_YES_NO = {"có": 1, "đạt": 1, "hoàn thành": 1, "không": 0}


def _alternatives(words: Sequence[str]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in longest_first)


def _named(kind: str, table: dict) -> str:
    # One named group per comparator: the group that matched says which comparator it is,
    # with no lookup of the matched text (case-insensitive matching lets "ı" match "i").
    return "|".join(f"(?P<{kind}_{key!s}>{_alternatives(words)})" for key, words in table.items())


NUMBER_PATTERN = r"-?[0-9](?:[0-9.,]*[0-9])?"

_ANY_SYMBOL = _alternatives([s for symbols in _SYMBOLS.values() for s in symbols])

_SYMBOL_START = re.compile(_ANY_SYMBOL)

_CLAUSE = re.compile(
    rf"(?:(?:{_named('symbol', _SYMBOLS)})\s*"
    rf"|(?:{_named('word', _WORDS)})\s+(?=-?[0-9]))?"
    rf"(?P<first>{NUMBER_PATTERN})\s*%?"
    rf"(?:\s*(?:-|–|—|đến|tới)\s*(?P<second>{NUMBER_PATTERN})\s*%?)?"
    r"\s*(?:(?P<up>trở\s+lên)|(?P<down>trở\s+xuống))?"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)

# Clauses: "≤ 3 Đông Nam Á; ≤ 50 Thế giới", one per line, or after a comma that a
# comparator follows (a comma between digits is a decimal comma).
_CLAUSE_SPLIT = re.compile(rf"[;\r\n]|,(?=\s*(?:{_ANY_SYMBOL}))")

_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?")

_PLAIN = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")

# What follows the number is the clause's scope ("Đông Nam Á") unless it is a remark
# joined by a conjunction ("và tăng dần theo yêu cầu phát triển").
_REMARK = re.compile(r"(?:và|hoặc|nhưng|đồng\s+thời)\b", re.IGNORECASE)

_PUNCTUATION = " .,;:-–—"

_EXAMPLES = "“≥ 55”, “40 - 50”, “> 0,7”, “≤ 3 Đông Nam Á; ≤ 50 Thế giới”"
_MESSAGES = {
    "target_empty": _("Mục tiêu đang để trống. Hãy ghi như trong văn bản, ví dụ %(examples)s."),
    "target_unreadable": _("Không đọc được mục tiêu “%(clause)s”. Ví dụ: %(examples)s."),
    "target_number_missing": _(
        "Sau dấu so sánh trong “%(clause)s” phải là một số. Ví dụ: “≥ 55”, “> 0,7”."
    ),
    "invalid_number": _(
        "Không đọc được số “%(number)s” trong “%(clause)s”: dùng dấu phẩy cho phần thập phân "
        "và dấu chấm ngăn cách hàng nghìn, ví dụ “0,7” hoặc “1.234,5”."
    ),
    "target_ambiguous": _(
        "“%(clause)s” vừa có dấu so sánh vừa là một khoảng. Hãy chọn một cách ghi, "
        "ví dụ “≥ 40” hoặc “40 - 50”."
    ),
    "target_range_reversed": _(
        "Khoảng “%(lower)s - %(upper)s” có số đầu lớn hơn số sau. "
        "Hãy ghi từ nhỏ đến lớn, ví dụ “40 - 50”."
    ),
    "target_bounds_differ": _(
        "Mục tiêu “= %(lower)s” phải có cận trên bằng cận dưới (%(upper)s). Ví dụ: 100 và 100."
    ),
    "invalid_value": _("%(what)s “%(value)s” không phải là một số. Ví dụ: 91,7."),
    "invalid_choice": _("“%(value)s” không phải là %(field)s hợp lệ. Ví dụ: “%(example)s”."),
}


def _fail(code: str, **params) -> NoReturn:
    raise ValidationError(_MESSAGES[code], code=code, params=params)


@dataclass(frozen=True)
class TargetBound:
    """One clause of a target as an appendix writes it ("≥ 55", "≤ 3 Đông Nam Á").

    ``lower`` holds the bound of ≥ and >, ``upper`` that of ≤ and <; ``EQ`` holds its value
    in both and ``BETWEEN`` its two ends. ``QUALITATIVE`` holds neither, only ``text``.
    ``label`` is the clause's scope ("Đông Nam Á"); ``text`` the clause as written.
    """

    comparator: Comparator
    lower: Decimal | None
    upper: Decimal | None
    label: str = ""
    text: str = ""

    def __post_init__(self):
        # Bounds also come from database rows and forms: refuse an impossible one here
        # rather than fail later on a missing side.
        if self.comparator not in Comparator.values:
            _fail("invalid_choice", value=self.comparator, field=_("kiểu so sánh"), example="ge")
        comparator = Comparator(self.comparator)
        object.__setattr__(self, "comparator", comparator)
        if comparator in (Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.BETWEEN):
            to_fraction(self.lower, _("Cận dưới của mục tiêu"))
        if comparator in (Comparator.LE, Comparator.LT, Comparator.EQ, Comparator.BETWEEN):
            to_fraction(self.upper, _("Cận trên của mục tiêu"))
        if comparator == Comparator.EQ and self.lower != self.upper:
            _fail("target_bounds_differ", lower=self.lower, upper=self.upper)
        if comparator == Comparator.BETWEEN:
            lower, upper = require_side(self.lower), require_side(self.upper)
            if lower > upper:
                _fail(
                    "target_range_reversed",
                    lower=format_number(lower),
                    upper=format_number(upper),
                )

    def __str__(self) -> str:
        """The clause in canonical Vietnamese form ("≥ 0,7", "40 - 50"); it parses back."""
        if self.comparator == Comparator.QUALITATIVE:
            return self.text
        if self.comparator == Comparator.BETWEEN:
            lower, upper = require_side(self.lower), require_side(self.upper)
            core = f"{format_number(lower)} - {format_number(upper)}"
        else:
            bound = require_side(self.upper if self.lower is None else self.lower)
            core = f"{_SYMBOLS[self.comparator][0]} {format_number(bound)}"
        return f"{core} {self.label}" if self.label else core

    def is_met(self, value: Decimal) -> bool | None:
        """Whether ``value`` satisfies the clause literally (``EQ`` means equal).

        Returns None for a qualitative target. ``get_achievement`` is the judgement that
        takes the indicator's direction into account.
        """
        if self.comparator == Comparator.QUALITATIVE:
            return None
        return meets_bound(to_fraction(value, _("Giá trị")), self, None)


def parse_target(text: str) -> tuple[TargetBound, ...]:
    """Parse a target as people write it in the "Kết quả" column of an appendix.

    Args:
        text: e.g. "≥ 55", "40 – 50", "> 0,7", "≤ 3 Đông Nam Á; ≤ 50 Thế giới",
            "≥ 3% và tăng dần…", "trên 80%", "từ 50% trở lên", "Top 3", "Có".

    Returns:
        One bound per clause (split at ";", new lines, or a comma before a comparator).
        A text whose clauses are all prose is one ``QUALITATIVE`` bound holding it whole.

    Raises:
        ValidationError: empty text, a comparator without a number ("≥ abc"), a number
            written wrongly ("1,2,3"), a reversed range ("50 - 40"), a comparator with a
            range ("≥ 40 - 50"), or a clause with neither number nor word ("-").
    """
    whole = normalize_text(text) if isinstance(text, str) else ""
    clauses = [" ".join(c.split()) for c in _CLAUSE_SPLIT.split(whole)]
    bounds = [_parse_clause(c) for c in clauses if c]
    if not bounds:
        _fail("target_empty", examples=_EXAMPLES)
    if all(b.comparator == Comparator.QUALITATIVE for b in bounds):
        return (TargetBound(Comparator.QUALITATIVE, None, None, text=" ".join(whole.split())),)
    return tuple(bounds)


def format_number(value: Decimal) -> str:
    """Write ``value`` the Vietnamese way: "1.234,5", "0,7", "-3" (never an exponent)."""
    whole, _dot, decimals = format(abs(value), "f").partition(".")
    groups = [whole[max(i - 3, 0) : i] for i in range(len(whole), 0, -3)][::-1]
    sign = "-" if value < 0 else ""
    return sign + ".".join(groups) + (f",{decimals}" if decimals else "")


def _parse_clause(clause: str) -> TargetBound:
    match = _CLAUSE.match(clause)
    if match is None:
        if _SYMBOL_START.match(clause):
            _fail("target_number_missing", clause=clause)
        if clause.lower() in _YES_NO:
            yes_no = Decimal(_YES_NO[clause.lower()])
            return TargetBound(Comparator.EQ, yes_no, yes_no, text=clause)
        if not any(ch.isalpha() for ch in clause):
            _fail("target_unreadable", clause=clause, examples=_EXAMPLES)
        return TargetBound(Comparator.QUALITATIVE, None, None, text=clause)
    comparator = _matched_comparator(match)
    rest = match["rest"].strip(_PUNCTUATION)
    label = "" if _REMARK.match(rest) else rest
    if match["second"]:
        if comparator is not None:
            _fail("target_ambiguous", clause=clause)
        first, second = parse_number(match["first"], clause), parse_number(match["second"], clause)
        return TargetBound(Comparator.BETWEEN, first, second, label=label, text=clause)
    if comparator is None and (match["up"] or match["down"]):
        comparator = Comparator.GE if match["up"] else Comparator.LE
    if comparator is None and rest:
        return TargetBound(Comparator.QUALITATIVE, None, None, text=clause)
    value = parse_number(match["first"], clause)
    comparator = comparator or Comparator.EQ
    lower = value if comparator in (Comparator.GE, Comparator.GT, Comparator.EQ) else None
    upper = value if comparator in (Comparator.LE, Comparator.LT, Comparator.EQ) else None
    return TargetBound(comparator, lower, upper, label=label, text=clause)


def _matched_comparator(match: re.Match) -> Comparator | None:
    for kind, table in (("symbol", _SYMBOLS), ("word", _WORDS)):
        for key in table:
            if key != "none" and match[f"{kind}_{key!s}"]:
                return Comparator(key)
    return None


def parse_number(token: str, clause: str) -> Decimal:
    if _THOUSANDS.fullmatch(token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(token):
        return Decimal(token.replace(",", "."))
    _fail("invalid_number", number=token, clause=clause)


def get_span(bound: TargetBound) -> tuple[Fraction | None, Fraction | None]:
    lower = None if bound.lower is None else Fraction(bound.lower)
    upper = None if bound.upper is None else Fraction(bound.upper)
    return lower, upper


def meets_bound(value: Fraction, bound: TargetBound, direction: Direction | None) -> bool:
    lower, upper = get_span(bound)
    match bound.comparator:
        case Comparator.GE:
            return value >= require_side(lower)
        case Comparator.GT:
            return value > require_side(lower)
        case Comparator.LE:
            return value <= require_side(upper)
        case Comparator.LT:
            return value < require_side(upper)
    # EQ and BETWEEN are two-sided; going past them the way the indicator points is fine.
    if direction == Direction.HIGHER_BETTER:
        return value >= require_side(lower)
    if direction == Direction.LOWER_BETTER:
        return value <= require_side(upper)
    return require_side(lower) <= value <= require_side(upper)


_T = TypeVar("_T")


def require_side(side: _T | None) -> _T:
    """A side of a target its comparator guarantees (``TargetBound`` checks it is there)."""
    if side is None:
        raise ValueError("the comparator needs this side of the target")
    return side


def to_fraction(value, what) -> Fraction:
    if isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        return Fraction(value)
    _fail("invalid_value", what=what, value=value)


@cache
def _choice_values(choices) -> frozenset:
    # ``TextChoices.values`` builds a new list on every call: 0,1 s per 1,000 roll-ups.
    return frozenset(choices.values)


def check_choice(value, choices, field) -> None:
    if value not in _choice_values(choices):
        _fail("invalid_choice", value=value, field=field, example=choices.values[0])
