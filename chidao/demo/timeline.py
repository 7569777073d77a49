"""Dates of the demo, counted from the day it is loaded, so that it never goes stale.

Real plans write deadlines as fixed periods ("6/2025", "Quý II/2025", "2025"). Written
that way, a demo loaded a year later would show every task overdue. Shifting fixed dates
by an offset does not work either: moving "Quý II/2025" by five months lands inside a
quarter, and moving "2025" by five months lands inside a year, so the phrase no longer
names the period its deadline is in.

So the content writes a deadline phrase in the form a plan uses, with the period given
relative to the load day ``today``:

====================  ==========================================  ==================
token                 meaning                                     today = 23/11/2026
====================  ==========================================  ==================
``{D+5}``             the day 5 days after today, "d/m/yyyy"      ``28/11/2026``
``{M-2}``             the month 2 months before this one, "m/yyyy"  ``9/2026``
``{Q+1}``             the next quarter, roman numeral and year    ``I/2027``
``{Y}``, ``{Y-1}``    this year, last year                        ``2026``, ``2025``
====================  ==========================================  ==================

"Tháng {M-2}" renders as "Tháng 9/2026" and "Quý {Q+1}" as "Quý I/2027": the stored phrase
reads exactly like a real plan and is parsed by the same ``parse_deadline_phrase``. A
deadline of "{M-1}" is always past and "Quý {Q+1}" always ahead, whatever the day, which
is what lets every task status be guaranteed (``stories.plan_task``). Every other date of
the demo (assignment, reports, completions, decisions) is a number of days before
``today``. The real documents (57-NQ/TW of 22/12/2024 and the province's programme and
plan) keep their real dates.
"""

import re
from datetime import date, timedelta

from chidao.core.periods import Period, PeriodKind

_TOKEN = re.compile(r"\{(?P<unit>[DMQY])(?P<offset>[+-][0-9]+)?\}")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def render(template: str, today: date) -> str:
    """Replace the ``{D±n}``, ``{M±n}``, ``{Q±n}`` and ``{Y±n}`` tokens of ``template``.

    Args:
        template: e.g. "Quý {Q+1}", "{Y} - {Y+1}", "Kế hoạch năm {Y}"; text without
            tokens is returned unchanged.
        today: the day the demo is loaded.
    """

    def replace(match: re.Match) -> str:
        offset = int(match["offset"] or 0)
        return _RENDERERS[match["unit"]](today, offset)

    return _TOKEN.sub(replace, template)


def days_from(today: date, days: int) -> date:
    """The day ``days`` after ``today`` (before it when negative)."""
    return today + timedelta(days=days)


def last_complete_quarters(today: date, count: int, *, skip: int = 0) -> list[Period]:
    """The ``count`` quarters ending ``skip`` quarters before the last complete one.

    Returned oldest first. With ``today`` = 23/11/2026 and ``skip`` = 0 the newest is
    Quý III/2026, the last quarter wholly before today.
    """
    period = Period.containing(PeriodKind.QUARTER, today).previous()
    for _ in range(skip):
        period = period.previous()
    periods = []
    for _ in range(count):
        periods.append(period)
        period = period.previous()
    return periods[::-1]


def _shift_month(today: date, months: int) -> tuple[int, int]:
    year, index = divmod(today.year * 12 + today.month - 1 + months, 12)
    return year, index + 1


def _render_day(today: date, days: int) -> str:
    day = days_from(today, days)
    return f"{day.day}/{day.month}/{day.year}"


def _render_month(today: date, months: int) -> str:
    year, month = _shift_month(today, months)
    return f"{month}/{year}"


def _render_quarter(today: date, quarters: int) -> str:
    year, month = _shift_month(today, 3 * quarters)
    return f"{_ROMAN[(month - 1) // 3 + 1]}/{year}"


def _render_year(today: date, years: int) -> str:
    return str(today.year + years)


_RENDERERS = {
    "D": _render_day,
    "M": _render_month,
    "Q": _render_quarter,
    "Y": _render_year,
}
