"""Indicator maths: achievement against a target, roll-up of unit values, projection.

Plain functions of plain values, so pages, API, reports and jobs judge an indicator the
same way. Numbers are ``Decimal`` at the edges; inside, ``Fraction`` keeps the arithmetic
exact, so no result depends on the decimal context and rounding happens once, at the end:
ratios to 0,1 point, computed values (means, projections) to 4 places like
``Observation.value``. Targets are read by ``targets.py``.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.indicators.choices import Comparator, Direction, ProjectionStatus, Rollup, ValueType
from chidao.indicators.targets import (
    TargetBound,
    check_choice,
    get_span,
    meets_bound,
    require_side,
    to_fraction,
)

VALUE_PLACES = 4  # computed values, as Observation.value and Target.lower store them

_RATIO_PLACES = 1

_AT_RISK_SHARE = Fraction(1, 10)  # "at risk": missing the target by at most 10 % of it

_DAYS_PER_YEAR = Fraction(1461, 4)  # leap years included: 1/1/2026 to 1/1/2030 is 4 years

_MESSAGES = {
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
    check_choice(direction, Direction, _("chiều đánh giá"))
    check_choice(value_type, ValueType, _("kiểu giá trị"))
    if value is None or target.comparator == Comparator.QUALITATIVE:
        return Achievement(ratio=None, met=None)
    number = to_fraction(value, _("Giá trị"))
    if value_type == ValueType.BOOLEAN:
        met = meets_bound(Fraction(number != 0), target, None)
        return Achievement(ratio=Decimal(100 if met else 0), met=met)
    ratio = _ratio(number, _reference(number, target, direction), direction)
    return Achievement(
        ratio=None if ratio is None else _to_decimal(ratio, _RATIO_PLACES),
        met=meets_bound(number, target, direction),
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
    check_choice(method, Rollup, _("cách tổng hợp"))
    needs_dates = method == Rollup.LATEST and len(values) > 0
    if (dates is None and needs_dates) or (dates is not None and len(dates) != len(values)):
        _fail("rollup_dates_missing", values=len(values), dates=len(dates or ()))
    if method == Rollup.NONE or not values:
        return None
    numbers = [to_fraction(v, _("Giá trị")) for v, _w in values]
    places = max(get_decimal_places(v) for v, _w in values)
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
    return _to_decimal(mean, max(places, VALUE_PLACES))


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
    check_choice(method, Rollup, _("cách tổng hợp"))
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
            return _to_decimal(mean, max(summary.places, VALUE_PLACES))
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
    check_choice(direction, Direction, _("chiều đánh giá"))
    if stale_after_days < 0:
        _fail("invalid_stale_after_days", days=stale_after_days)
    points = [(d, to_fraction(v, _("Giá trị"))) for d, v in observations if d <= as_of]
    if not points or target.comparator == Comparator.QUALITATIVE:
        return Projection(ProjectionStatus.NO_DATA, projected=None, required_yearly_change=None)
    projected = _to_decimal(_trend_at(points, target_date), VALUE_PLACES)
    at_target = Fraction(projected)
    latest_date = max(d for d, _v in points)
    latest = [v for d, v in points if d == latest_date][-1]
    required = None
    if target_date > latest_date and not meets_bound(latest, target, direction):
        years = (target_date - latest_date).days / _DAYS_PER_YEAR
        required = _to_decimal(
            (_reference(latest, target, direction) - latest) / years, VALUE_PLACES
        )
    if (as_of - latest_date).days > stale_after_days:
        status = ProjectionStatus.STALE
    elif meets_bound(at_target, target, direction):
        status = ProjectionStatus.ON_TRACK
    else:
        bound = _reference(at_target, target, direction)
        close = abs(at_target - bound) <= abs(bound) * _AT_RISK_SHARE
        status = ProjectionStatus.AT_RISK if close else ProjectionStatus.OFF_TRACK
    return Projection(status, projected=projected, required_yearly_change=required)


def _reference(value: Fraction, bound: TargetBound, direction: Direction) -> Fraction:
    """The point of the target that ``value`` is measured against."""
    low, high = get_span(bound)
    lower = require_side(high if low is None else low)
    upper = require_side(low if high is None else high)
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


def get_decimal_places(value: Decimal | int) -> int:
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    # Not finite ("n", "N", "F"): refused by ``to_fraction`` before the places matter.
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _weight(weight: Decimal | None, index: int) -> Fraction:
    if weight is None or to_fraction(weight, _("Trọng số")) < 0:
        _fail("rollup_weight_invalid", index=index, weight="" if weight is None else weight)
    return Fraction(weight)
