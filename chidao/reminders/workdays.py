"""Working days: the one place that knows weekends, public holidays and announced swaps.

Vietnam's public holidays (Labour Code 2019, art. 112) fall partly on lunar dates: the
``holidays`` package computes them for any year (Tết with its eve, the Hùng Kings' day on
the 10th of the third lunar month, the second National Day, the day off in lieu when a
holiday falls on a weekend). On top of that the Government announces each year the bridging
days off and the Saturdays worked in exchange; those are data an administrator keeps
(``models.AnnouncedDay``), passed in here as ``announced``: day -> is it a working day.

The arithmetic takes ``announced`` as a plain mapping so the reminder rules stay free of the
database; ``get_announced_days`` is the read that supplies it, once per reminder run. It is
not cached per process: a web node or job worker that kept its own copy would disagree with
the others for a while after an administrator's edit (docs/deployment.md, "No state in a
process").
"""

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

import holidays

from chidao.reminders.choices import AnnouncedDayKind
from chidao.reminders.models import AnnouncedDay

NO_ANNOUNCED_DAYS: Mapping[date, bool] = MappingProxyType({})


@functools.lru_cache(maxsize=64)
def _get_calendar(year: int) -> holidays.HolidayBase:
    """Vietnam's public holidays of one year; built once per process, never changed."""
    return holidays.country_holidays("VN", years=year)


def is_public_holiday(day: date) -> bool:
    """A public holiday of the computed calendar (announced days aside)."""
    return day in _get_calendar(day.year)


def is_working_day(day: date, announced: Mapping[date, bool] = NO_ANNOUNCED_DAYS) -> bool:
    """Monday to Friday, except public holidays; an announced day decides for itself."""
    if day in announced:
        return announced[day]
    return _get_calendar(day.year).is_working_day(day)


def add_working_days(
    start: date, days: int, announced: Mapping[date, bool] = NO_ANNOUNCED_DAYS
) -> date:
    """The working day ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, announced):
            remaining -= 1
    return day


def count_working_days(
    start: date, end: date, announced: Mapping[date, bool] = NO_ANNOUNCED_DAYS
) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, announced):
            count += 1
    return count


def get_announced_days() -> Mapping[date, bool]:
    """Every announced day -> is it a working day: a few dozen rows, read by the reminder
    job once per run and passed to the working-day arithmetic."""
    return MappingProxyType(
        {
            day: kind == AnnouncedDayKind.WORKING_DAY
            for day, kind in AnnouncedDay.objects.values_list("day", "kind")
        }
    )
