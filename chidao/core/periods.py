"""Reporting periods and their data windows (Decree 09/2019/NĐ-CP, article 12).

A period is a calendar span (Quý II/2025 is 1/4–30/6/2025); its *reporting window* is
the span whose data the report counts: from the 15th of the month before the period to
the 14th of its last month (Quý II/2025: 15/3–14/6/2025), so that units can compile and
send before the period ends. Decree 09 names monthly, quarterly, six-month and yearly
reports; nine-month reports follow the same rule (15/12 of the previous year to 14/9).

Periods sit in ``core`` because indicators (how often a value is measured), reporting
(cycles) and reminders all count in them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    """Reporting periods of the national reporting regime (Decree 09/2019/NĐ-CP)."""

    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    SIX_MONTHS = "six_months", _("6 tháng")
    NINE_MONTHS = "nine_months", _("9 tháng")
    YEAR = "year", _("Năm")


MIN_YEAR, MAX_YEAR = 1990, 2100
# The window opens on this day of the month before the period and closes the day before
# it in the period's last month.
_CUT_OFF_DAY = 15

# Months each kind spans, and how many periods of the kind a year holds.
_MONTHS = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.SIX_MONTHS: 6,
    PeriodKind.NINE_MONTHS: 9,
    PeriodKind.YEAR: 12,
}
_PER_YEAR = {kind: max(1, 12 // months) for kind, months in _MONTHS.items()}
# The kinds as stored, once: ``PeriodKind.values`` builds its list on every call (a
# dashboard makes ~1,000 periods).
_KINDS = frozenset(PeriodKind.values)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: a month, quarter, half-year, the first nine months, or a year.

    ``number`` counts periods of the kind within the year: month 1–12, quarter 1–4,
    half 1–2; nine months and year are always 1.
    """

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValidationError(
                _('Loại kỳ báo cáo "%(kind)s" không hợp lệ.'),
                code="invalid_kind",
                params={"kind": self.kind},
            )
        # Callers may pass the plain value ("quarter"); keep the enum so labels work.
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        if not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                _("Năm %(year)s của kỳ báo cáo nằm ngoài khoảng 1990–2100."),
                code="invalid_year",
                params={"year": self.year},
            )
        count = _PER_YEAR[self.kind]
        if not isinstance(self.number, int) or not 1 <= self.number <= count:
            raise ValidationError(
                _("Kỳ %(kind)s số %(number)s không hợp lệ: số kỳ phải từ 1 đến %(count)s."),
                code="invalid_number",
                params={
                    "kind": str(self.kind.label).lower(),
                    "number": self.number,
                    "count": count,
                },
            )

    @property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, self._first_month, 1)

    @property
    def end(self) -> date:
        """Last day of the period."""
        return _month_start(self.year, self._first_month + _MONTHS[self.kind]) - timedelta(1)

    @property
    def label(self) -> str:
        """The period as Vietnamese reports name it, e.g. "Quý II/2025"."""
        params = {"year": self.year, "number": self.number}
        if self.kind == PeriodKind.MONTH:
            return gettext("Tháng %(number)s/%(year)s") % params
        if self.kind == PeriodKind.QUARTER:
            return gettext("Quý %(roman)s/%(year)s") % {**params, "roman": _ROMAN[self.number]}
        if self.kind == PeriodKind.SIX_MONTHS and self.number == 1:
            return gettext("6 tháng đầu năm %(year)s") % params
        if self.kind == PeriodKind.SIX_MONTHS:
            return gettext("6 tháng cuối năm %(year)s") % params
        if self.kind == PeriodKind.NINE_MONTHS:
            return gettext("9 tháng năm %(year)s") % params
        return gettext("Năm %(year)s") % params

    def __str__(self) -> str:
        return self.label

    def reporting_window(self) -> tuple[date, date]:
        """First and last day of the data the period's report counts (both included)."""
        opens = _month_start(self.year, self._first_month - 1).replace(day=_CUT_OFF_DAY)
        last_month = _month_start(self.year, self._first_month + _MONTHS[self.kind] - 1)
        return opens, last_month.replace(day=_CUT_OFF_DAY - 1)

    def next(self) -> "Period":
        """The period of the same kind that follows; nine months go to the next year's."""
        if self.number < _PER_YEAR[self.kind]:
            return Period(self.kind, self.year, self.number + 1)
        return Period(self.kind, self.year + 1, 1)

    def previous(self) -> "Period":
        """The period of the same kind that comes before."""
        if self.number > 1:
            return Period(self.kind, self.year, self.number - 1)
        return Period(self.kind, self.year - 1, _PER_YEAR[self.kind])

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> "Period":
        """The calendar period of ``kind`` that ``day`` falls in.

        Raises:
            ValidationError: For nine months, when ``day`` is in October to December.
        """
        kind = PeriodKind(kind)
        number = (day.month - 1) // _MONTHS[kind] + 1
        if number > _PER_YEAR[kind]:
            raise ValidationError(
                _("Ngày %(day)s không thuộc kỳ 9 tháng nào (từ 01/01 đến 30/9)."),
                code="outside_period",
                params={"day": day.strftime("%d/%m/%Y")},
            )
        return cls(kind, day.year, number)

    @classmethod
    def from_start(cls, kind: PeriodKind, start: date) -> "Period":
        """The period of ``kind`` beginning on ``start``; the inverse of ``Period.start``.

        Raises:
            ValidationError: When no period of ``kind`` begins on ``start``.
        """
        period = cls.containing(kind, start) if start.day == 1 else None
        if period is None or period.start != start:
            raise ValidationError(
                _("Ngày %(day)s không phải ngày bắt đầu của một kỳ %(kind)s."),
                code="not_period_start",
                params={
                    "day": start.strftime("%d/%m/%Y"),
                    "kind": str(PeriodKind(kind).label).lower(),
                },
            )
        return period

    @property
    def _first_month(self) -> int:
        return (self.number - 1) * _MONTHS[self.kind] + 1


def _month_start(year: int, month: int) -> date:
    """First day of ``month`` of ``year``; month 0 is the previous December, 13 next January."""
    years, month_index = divmod(month - 1, 12)
    return date(year + years, month_index + 1, 1)
