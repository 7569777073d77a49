"""Indicator maths: targets as written, achievement, roll-up of unit values, projection.

Plain functions of plain values, so pages, API, reports and jobs judge an indicator the
same way. Numbers are ``Decimal`` at the edges; inside, ``Fraction`` keeps the arithmetic
exact, so no result depends on the decimal context and rounding happens once, at the end:
ratios to 0,1 point, computed values (means, projections) to 4 places like
``Observation.value``.

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
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache
from math import floor
from typing import NoReturn, TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.core.text import normalize_text
from chidao.indicators.choices import Comparator, Direction, ProjectionStatus, Rollup, ValueType

_PLACES = 4  # computed values, as Observation.value and Target.lower store them
_RATIO_PLACES = 1
_AT_RISK_SHARE = Fraction(1, 10)  # "at risk": missing the target by at most 10 % of it
_DAYS_PER_YEAR = Fraction(1461, 4)  # leap years included: 1/1/2026 to 1/1/2030 is 4 years

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


_NUMBER = r"-?[0-9](?:[0-9.,]*[0-9])?"
_ANY_SYMBOL = _alternatives([s for symbols in _SYMBOLS.values() for s in symbols])
_SYMBOL_START = re.compile(_ANY_SYMBOL)
_CLAUSE = re.compile(
    rf"(?:(?:{_named('symbol', _SYMBOLS)})\s*"
    rf"|(?:{_named('word', _WORDS)})\s+(?=-?[0-9]))?"
    rf"(?P<first>{_NUMBER})\s*%?"
    rf"(?:\s*(?:-|–|—|đến|tới)\s*(?P<second>{_NUMBER})\s*%?)?"
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
    "rollup_dates_missing": _(
        "Tổng hợp theo giá trị mới nhất cần ngày số liệu của từng giá trị: có %(values)s giá "
        "trị nhưng %(dates)s ngày. Ví dụ: giá trị 80 ngày 30/06/2025."
    ),
    "rollup_weight_invalid": _(
        "Giá trị thứ %(index)s có trọng số “%(weight)s”: trung bình có trọng số cần một trọng "
        "số không âm cho mỗi giá trị, ví dụ 1.200 (số dân của xã)."
    ),
    "rollup_weights_zero": _(
        "Tổng trọng số bằng 0 nên không tính được trung bình có trọng số. "
        "Ví dụ: giá trị 80 với trọng số 1.200 (số dân của xã)."
    ),
    "invalid_stale_after_days": _(
        "Số ngày để coi số liệu là cũ (%(days)s) không được âm. Ví dụ: 400."
    ),
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
            _fraction(self.lower, _("Cận dưới của mục tiêu"))
        if comparator in (Comparator.LE, Comparator.LT, Comparator.EQ, Comparator.BETWEEN):
            _fraction(self.upper, _("Cận trên của mục tiêu"))
        if comparator == Comparator.EQ and self.lower != self.upper:
            _fail("target_bounds_differ", lower=self.lower, upper=self.upper)
        if comparator == Comparator.BETWEEN:
            lower, upper = _required(self.lower), _required(self.upper)
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
            lower, upper = _required(self.lower), _required(self.upper)
            core = f"{format_number(lower)} - {format_number(upper)}"
        else:
            bound = _required(self.upper if self.lower is None else self.lower)
            core = f"{_SYMBOLS[self.comparator][0]} {format_number(bound)}"
        return f"{core} {self.label}" if self.label else core

    def is_met(self, value: Decimal) -> bool | None:
        """Whether ``value`` satisfies the clause literally (``EQ`` means equal).

        Returns None for a qualitative target. ``get_achievement`` is the judgement that
        takes the indicator's direction into account.
        """
        if self.comparator == Comparator.QUALITATIVE:
            return None
        return _meets(_fraction(value, _("Giá trị")), self, None)


@dataclass(frozen=True)
class Achievement:
    """How far a value achieves a target: ``ratio`` in percent, ``met`` yes/no/unknown."""

    ratio: Decimal | None
    met: bool | None


@dataclass(frozen=True)
class Projection:
    """Where the trend of the observations leads by the target date."""

    status: ProjectionStatus
    projected: Decimal | None
    required_yearly_change: Decimal | None


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


def get_achievement(
    value: Decimal | None, target: TargetBound, direction: Direction, value_type: ValueType
) -> Achievement:
    """Judge ``value`` against the period's target, the way the indicator points.

    The ratio is the percent of the target achieved, rounded to 0,1, never negative and
    otherwise uncapped (110 shows over-achievement). A range counts from the end the
    direction faces.

    * Higher is better: ``value / target``; None for a target of 0 or below, where no
      percentage means anything ("> 0").
    * Lower is better: ``target / value``; a value of 0 under a positive ceiling is met but
      has no finite ratio (None); 0 against a target of 0 is 100; negatives give None.
    * Exact: ``100 - |value - target| / |target|``; 100 inside a range; 0 when missing a
      target of 0.
    * Yes/no: any non-zero value is "yes"; met iff it is the target's answer; 100 or 0.

    Returns:
        ``Achievement(None, None)`` for no value or a qualitative target.
    """
    _check_choice(direction, Direction, _("chiều đánh giá"))
    _check_choice(value_type, ValueType, _("kiểu giá trị"))
    if value is None or target.comparator == Comparator.QUALITATIVE:
        return Achievement(ratio=None, met=None)
    number = _fraction(value, _("Giá trị"))
    if value_type == ValueType.BOOLEAN:
        met = _meets(Fraction(number != 0), target, None)
        return Achievement(ratio=Decimal(100 if met else 0), met=met)
    ratio = _ratio(number, _reference(number, target, direction), direction)
    return Achievement(
        ratio=None if ratio is None else _to_decimal(ratio, _RATIO_PLACES),
        met=_meets(number, target, direction),
    )


def roll_up(
    values: Sequence[tuple[Decimal, Decimal | None]],
    method: Rollup,
    *,
    dates: Sequence[date] | None = None,
) -> Decimal | None:
    """Combine units' values into the committee's value.

    Args:
        values: (value, weight) pairs; the weight matters only for ``WEIGHTED_MEAN``.
        method: the indicator's ``Rollup``.
        dates: the date of each value; required for ``LATEST``, which takes the value
            with the latest date (on a tie, the one listed last: order by entry time).

    Returns:
        None for no values or ``Rollup.NONE``. Sums, minima, maxima and latest values are
        exact; means are rounded to 4 places (or to the inputs' places if they have more).

    Raises:
        ValidationError: a weighted mean with a missing or negative weight, or weights
            summing to 0 (falling back to a plain mean would hide a gap in the data);
            ``dates`` missing for ``LATEST`` or not one per value.
    """
    _check_choice(method, Rollup, _("cách tổng hợp"))
    needs_dates = method == Rollup.LATEST and len(values) > 0
    if (dates is None and needs_dates) or (dates is not None and len(dates) != len(values)):
        _fail("rollup_dates_missing", values=len(values), dates=len(dates or ()))
    if method == Rollup.NONE or not values:
        return None
    numbers = [_fraction(v, _("Giá trị")) for v, _w in values]
    places = max(_decimal_places(v) for v, _w in values)
    if method != Rollup.WEIGHTED_MEAN:
        indices = range(len(values))
        summary = ValueSummary(
            count=len(values),
            total=_to_decimal(sum(numbers, Fraction(0)), places),
            lowest=values[min(indices, key=numbers.__getitem__)][0],
            highest=values[max(indices, key=numbers.__getitem__)][0],
            last=values[max(indices, key=lambda i: (dates[i], i))][0] if dates else None,
            places=places,
        )
        return roll_up_summary(summary, method)
    weights = [_weight(w, i) for i, (_v, w) in enumerate(values, start=1)]
    if sum(weights) == 0:
        _fail("rollup_weights_zero")
    weighted = sum((w * n for w, n in zip(weights, numbers, strict=True)), Fraction(0))
    mean = weighted / sum(weights, Fraction(0))
    return _to_decimal(mean, max(places, _PLACES))


@dataclass(frozen=True)
class ValueSummary:
    """Many values reduced to what every roll-up but the weighted mean needs.

    A database aggregate gives it (``COUNT``, ``SUM``, ``MIN``, ``MAX`` and the value
    entered last) without reading the values one by one; ``roll_up`` builds it from the
    values themselves, so both roll up by ``roll_up_summary``.
    """

    count: int
    total: Decimal  # exact
    lowest: Decimal
    highest: Decimal
    last: Decimal | None  # the latest value (on a tie, the one entered last); for LATEST
    places: int  # decimal places of the most precise value


def roll_up_summary(summary: ValueSummary, method: Rollup) -> Decimal | None:
    """``roll_up`` of the values ``summary`` sums up, for any method but the weighted mean.

    Raises:
        ValidationError: ``WEIGHTED_MEAN`` (it needs each value's weight), or ``LATEST``
            without ``summary.last``.
    """
    _check_choice(method, Rollup, _("cách tổng hợp"))
    if method == Rollup.NONE or summary.count == 0:
        return None
    match method:
        case Rollup.SUM:
            return _to_decimal(Fraction(summary.total), summary.places)
        case Rollup.MIN:
            return summary.lowest
        case Rollup.MAX:
            return summary.highest
        case Rollup.LATEST if summary.last is not None:
            return summary.last
        case Rollup.MEAN:
            mean = Fraction(summary.total) / summary.count
            return _to_decimal(mean, max(summary.places, _PLACES))
    if method == Rollup.WEIGHTED_MEAN:
        _fail("rollup_weight_invalid", index=1, weight="")
    _fail("rollup_dates_missing", values=summary.count, dates=0)


def project(
    observations: Sequence[tuple[date, Decimal]],
    *,
    target: TargetBound,
    target_date: date,
    as_of: date,
    direction: Direction,
    stale_after_days: int = 400,
) -> Projection:
    """Project the observations' trend to ``target_date`` and judge it against the target.

    Only observations dated on or before ``as_of`` count. The trend is the least-squares
    line through (day, value); one observation (or several on one day) gives a flat line
    at their mean. ``ON_TRACK`` if the projected value meets the target (direction-aware,
    as in ``get_achievement``), ``AT_RISK`` if it misses by at most 10 % of the bound it
    misses, else ``OFF_TRACK``. The status is judged on the projected value as returned
    (rounded to 4 places), so what is shown and what is judged agree.

    Returns:
        ``NO_DATA`` with nothing projected when no observation counts or the target is
        qualitative (prose has no value to project to). ``STALE`` when the latest
        observation is more than ``stale_after_days`` before ``as_of``; the numbers are
        still returned for display, the status says not to trust them. The required
        yearly change runs from the latest value to the target by ``target_date``
        (365,25 days a year); None if the latest value already meets the target or
        ``target_date`` is not after the latest observation.
    """
    _check_choice(direction, Direction, _("chiều đánh giá"))
    if stale_after_days < 0:
        _fail("invalid_stale_after_days", days=stale_after_days)
    points = [(d, _fraction(v, _("Giá trị"))) for d, v in observations if d <= as_of]
    if not points or target.comparator == Comparator.QUALITATIVE:
        return Projection(ProjectionStatus.NO_DATA, projected=None, required_yearly_change=None)
    projected = _to_decimal(_trend_at(points, target_date), _PLACES)
    at_target = Fraction(projected)
    latest_date = max(d for d, _v in points)
    latest = [v for d, v in points if d == latest_date][-1]
    required = None
    if target_date > latest_date and not _meets(latest, target, direction):
        years = (target_date - latest_date).days / _DAYS_PER_YEAR
        required = _to_decimal((_reference(latest, target, direction) - latest) / years, _PLACES)
    if (as_of - latest_date).days > stale_after_days:
        status = ProjectionStatus.STALE
    elif _meets(at_target, target, direction):
        status = ProjectionStatus.ON_TRACK
    else:
        bound = _reference(at_target, target, direction)
        close = abs(at_target - bound) <= abs(bound) * _AT_RISK_SHARE
        status = ProjectionStatus.AT_RISK if close else ProjectionStatus.OFF_TRACK
    return Projection(status, projected=projected, required_yearly_change=required)


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
        first, second = _number(match["first"], clause), _number(match["second"], clause)
        return TargetBound(Comparator.BETWEEN, first, second, label=label, text=clause)
    if comparator is None and (match["up"] or match["down"]):
        comparator = Comparator.GE if match["up"] else Comparator.LE
    if comparator is None and rest:
        return TargetBound(Comparator.QUALITATIVE, None, None, text=clause)
    value = _number(match["first"], clause)
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


def _number(token: str, clause: str) -> Decimal:
    if _THOUSANDS.fullmatch(token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(token):
        return Decimal(token.replace(",", "."))
    _fail("invalid_number", number=token, clause=clause)


def _span(bound: TargetBound) -> tuple[Fraction | None, Fraction | None]:
    lower = None if bound.lower is None else Fraction(bound.lower)
    upper = None if bound.upper is None else Fraction(bound.upper)
    return lower, upper


def _meets(value: Fraction, bound: TargetBound, direction: Direction | None) -> bool:
    lower, upper = _span(bound)
    match bound.comparator:
        case Comparator.GE:
            return value >= _required(lower)
        case Comparator.GT:
            return value > _required(lower)
        case Comparator.LE:
            return value <= _required(upper)
        case Comparator.LT:
            return value < _required(upper)
    # EQ and BETWEEN are two-sided; going past them the way the indicator points is fine.
    if direction == Direction.HIGHER_BETTER:
        return value >= _required(lower)
    if direction == Direction.LOWER_BETTER:
        return value <= _required(upper)
    return _required(lower) <= value <= _required(upper)


def _reference(value: Fraction, bound: TargetBound, direction: Direction) -> Fraction:
    """The point of the target that ``value`` is measured against."""
    low, high = _span(bound)
    lower = _required(high if low is None else low)
    upper = _required(low if high is None else high)
    if direction == Direction.HIGHER_BETTER:
        return lower
    if direction == Direction.LOWER_BETTER:
        return upper
    return min(max(value, lower), upper)


def _ratio(value: Fraction, reference: Fraction, direction: Direction) -> Fraction | None:
    if direction == Direction.HIGHER_BETTER:
        return max(Fraction(0), value / reference * 100) if reference > 0 else None
    if direction == Direction.LOWER_BETTER:
        if value < 0 or reference < 0:
            return None
        if value == 0:
            return Fraction(100) if reference == 0 else None
        return reference / value * 100
    if value == reference:
        return Fraction(100)
    if reference == 0:
        return Fraction(0)
    return max(Fraction(0), 100 - abs(value - reference) / abs(reference) * 100)


def _trend_at(points: list[tuple[date, Fraction]], when: date) -> Fraction:
    origin = min(d for d, _v in points)
    xs = [Fraction((d - origin).days) for d, _v in points]
    ys = [v for _d, v in points]
    mean_x, mean_y = sum(xs, Fraction(0)) / len(xs), sum(ys, Fraction(0)) / len(ys)
    spread = sum(((x - mean_x) ** 2 for x in xs), Fraction(0))
    if spread == 0:
        return mean_y
    covariance = sum(
        ((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)), Fraction(0)
    )
    slope = covariance / spread
    return mean_y + slope * ((when - origin).days - mean_x)


def _to_decimal(value: Fraction, places: int) -> Decimal:
    """Round half away from zero to ``places`` and drop trailing zeros, exactly."""
    scaled = floor(abs(value) * 10**places + Fraction(1, 2))
    while places and scaled % 10 == 0:
        scaled, places = scaled // 10, places - 1
    return Decimal(f"{'-' if value < 0 and scaled else ''}{scaled}e-{places}")


def _decimal_places(value: Decimal | int) -> int:
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    # Not finite ("n", "N", "F"): refused by ``_fraction`` before the places matter.
    return max(0, -exponent) if isinstance(exponent, int) else 0


_T = TypeVar("_T")


def _required(bound: _T | None) -> _T:
    """A side of a target the comparator guarantees (``TargetBound`` checks it is there)."""
    if bound is None:
        raise ValueError("the comparator needs this side of the target")
    return bound


def _fraction(value, what) -> Fraction:
    if isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        return Fraction(value)
    _fail("invalid_value", what=what, value=value)


def _weight(weight: Decimal | None, index: int) -> Fraction:
    if weight is None or _fraction(weight, _("Trọng số")) < 0:
        _fail("rollup_weight_invalid", index=index, weight="" if weight is None else weight)
    return Fraction(weight)


@cache
def _choice_values(choices) -> frozenset:
    # ``TextChoices.values`` builds a new list on every call: 0,1 s per 1,000 roll-ups.
    return frozenset(choices.values)


def _check_choice(value, choices, field) -> None:
    if value not in _choice_values(choices):
        _fail("invalid_choice", value=value, field=field, example=choices.values[0])


# --- Data entry: which periods are open, what a typed value means --------------------
#
# A period is open for entry from its first day until ``grace_days`` after its last day
# (``settings.CHIDAO_OBSERVATION_GRACE_DAYS``, 20 by default: Decree 09/2019/NĐ-CP has
# units send periodic reports within days of the period's end). A value the secretariat
# returned may be corrected after that, since returning it reopens it for the unit.

_ENTRY_MESSAGES = {
    "value_unreadable": _(
        "“%(value)s” không phải là số. Dùng dấu phẩy cho phần thập phân, ví dụ 45,5 hoặc 1.234,5."
    ),
    "value_percent_range": _("Tỷ lệ phải từ 0 đến 100, đã nhập %(value)s."),
    "value_yes_no": _("Chọn “Có” hoặc “Không”."),
    "value_too_precise": _("Giá trị chỉ được có tối đa 4 chữ số thập phân."),
    "value_too_large": _("Giá trị quá lớn."),
}
_MAX_ABS_VALUE = Decimal(10) ** 16


def is_period_open(period, today: date, *, grace_days: int) -> bool:
    """Whether units may enter values for ``period`` (a ``reporting.periods.Period``)."""
    return period.start <= today and (today - period.end).days <= grace_days


def get_open_periods(kind, today: date, *, grace_days: int) -> list:
    """The periods of ``kind`` open for entry on ``today``, earliest first.

    The period ``today`` falls in is open; so is any earlier one still in its grace days.
    """
    from chidao.reporting.periods import Period

    try:
        period = Period.containing(kind, today)
    except ValidationError:  # nine months, from October: the last one ended on 30/9
        period = Period(kind, today.year, 1)
    periods = []
    while is_period_open(period, today, grace_days=grace_days):
        periods.append(period)
        period = period.previous()
    return periods[::-1]


def parse_observation_value(text: str, value_type: ValueType) -> Decimal:
    """Read a value typed into the data-entry grid.

    Numbers are written the Vietnamese way ("45,5", "1.234,5"); percents must lie in
    0–100; yes/no comes as "1" or "0" from a select. At most 4 decimal places, as
    ``Observation.value`` stores.

    Raises:
        ValidationError: with a Vietnamese message for the cell.
    """
    raw = normalize_text(text).removesuffix("%").strip()
    if value_type == ValueType.BOOLEAN:
        if raw not in ("0", "1"):
            raise ValidationError(_ENTRY_MESSAGES["value_yes_no"], code="value_yes_no")
        return Decimal(raw)
    if not re.fullmatch(_NUMBER, raw):
        raise ValidationError(
            _ENTRY_MESSAGES["value_unreadable"], code="value_unreadable", params={"value": raw}
        )
    try:
        value = _number(raw, raw)
    except ValidationError:
        raise ValidationError(
            _ENTRY_MESSAGES["value_unreadable"], code="value_unreadable", params={"value": raw}
        ) from None
    if _decimal_places(value) > _PLACES:
        raise ValidationError(_ENTRY_MESSAGES["value_too_precise"], code="value_too_precise")
    if abs(value) >= _MAX_ABS_VALUE:
        raise ValidationError(_ENTRY_MESSAGES["value_too_large"], code="value_too_large")
    if value_type == ValueType.PERCENT and not 0 <= value <= 100:
        raise ValidationError(
            _ENTRY_MESSAGES["value_percent_range"],
            code="value_percent_range",
            params={"value": raw},
        )
    return value
