"""Data entry: which periods are open for values, and what a typed value means.

Plain functions of plain values, shared by the data-entry grid, the API and the import
of values.

A period is open for entry from its first day until ``grace_days`` after its last day
(``settings.CHIDAO_OBSERVATION_GRACE_DAYS``, 20 by default: Decree 09/2019/NĐ-CP has
units send periodic reports within days of the period's end). A value the secretariat
returned may be corrected after that, since returning it reopens it for the unit.
"""

import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.core.periods import Period
from chidao.core.text import normalize_text
from chidao.indicators.choices import ValueType
from chidao.indicators.maths import VALUE_PLACES, get_decimal_places
from chidao.indicators.targets import NUMBER_PATTERN, parse_number

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
    """Whether units may enter values for ``period`` (a ``core.periods.Period``)."""
    return period.start <= today and (today - period.end).days <= grace_days


def get_open_periods(kind, today: date, *, grace_days: int) -> list:
    """The periods of ``kind`` open for entry on ``today``, earliest first.

    The period ``today`` falls in is open; so is any earlier one still in its grace days.
    """
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
    if not re.fullmatch(NUMBER_PATTERN, raw):
        raise ValidationError(
            _ENTRY_MESSAGES["value_unreadable"], code="value_unreadable", params={"value": raw}
        )
    try:
        value = parse_number(raw, raw)
    except ValidationError:
        raise ValidationError(
            _ENTRY_MESSAGES["value_unreadable"], code="value_unreadable", params={"value": raw}
        ) from None
    if get_decimal_places(value) > VALUE_PLACES:
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
