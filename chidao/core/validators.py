"""Checks every form and API field of a kind passes, attached once in ``CoreConfig.ready``.

A date typed as 01/01/0001 or 31/12/9999 parses, but no task, meeting or document of a
steering committee lies there, and such a date breaks the arithmetic behind deadlines
and dashboards (a day after 31/12/9999 does not exist). Rather than a bound on each of
the many date fields, every ``forms.DateField`` and DRF ``DateField`` carries
``validate_plausible_date`` as a default validator, so a new form gets it too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def _shown(day: datetime.date) -> str:
    # strftime writes year 1 as "1" on some platforms; spell the four digits out.
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def validate_plausible_date(value) -> None:
    """Refuse a date before 1900 or after 2100, naming it and the range."""
    if isinstance(value, datetime.date) and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("Ngày %(value)s nằm ngoài khoảng cho phép (%(first)s – %(last)s)."),
            code="date_out_of_range",
            params={
                "value": _shown(value),
                "first": _shown(EARLIEST_DATE),
                "last": _shown(LATEST_DATE),
            },
        )


def attach_default_validators() -> None:
    """Give every form and API date field the plausible-date check (idempotent)."""
    from django import forms
    from rest_framework import fields

    for field_class in (forms.DateField, fields.DateField):
        if validate_plausible_date not in field_class.default_validators:
            field_class.default_validators = [
                *field_class.default_validators,
                validate_plausible_date,
            ]
