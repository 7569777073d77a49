"""Indicator values the way people read them: "45,5 %", "1.234", "Có"."""

from django import template
from django.utils.translation import gettext as _

from chidao.indicators.choices import OBSERVATION_STATE_BADGES, ValueType
from chidao.indicators.targets import format_number

register = template.Library()


@register.simple_tag
def indicator_value(value, indicator) -> str:
    """``value`` (a Decimal) of ``indicator``, with its measure unit."""
    if value is None:
        return ""
    if indicator.value_type == ValueType.BOOLEAN:
        return _("Có") if value else _("Không")
    text = format_number(value.normalize())
    if indicator.value_type == ValueType.PERCENT:
        return f"{text} %"
    return f"{text} {indicator.measure_unit}".strip()


@register.filter
def state_badge(state) -> str:
    """The Bootstrap colour of an observation state's badge."""
    return OBSERVATION_STATE_BADGES.get(state, "secondary")
