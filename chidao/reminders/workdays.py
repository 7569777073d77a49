"""Working days: the one place that knows weekends and public holidays.

Vietnam's public holidays (Labour Code 2019, art. 112) fall partly on lunar dates and the
Government announces the days off each year, so they are a table, not a formula. Add the
next year's days here when the Ministry of Home Affairs announces them.
"""

from datetime import date, timedelta

# Days off on weekdays, as announced (Tết and National Day include the bridging days).
PUBLIC_HOLIDAYS: frozenset[date] = frozenset(
    {
        # 2025
        date(2025, 1, 1),
        *(date(2025, 1, day) for day in range(27, 32)),  # Tết Ất Tỵ
        date(2025, 4, 7),  # Giỗ Tổ Hùng Vương
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 9, 1),
        date(2025, 9, 2),
        # 2026
        date(2026, 1, 1),
        *(date(2026, 2, day) for day in range(16, 21)),  # Tết Bính Ngọ
        date(2026, 4, 27),  # Giỗ Tổ Hùng Vương (26/4 is a Sunday)
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 9, 1),
        date(2026, 9, 2),
    }
)
# Fixed-date holidays, for years the table above does not list yet.
FIXED_HOLIDAYS: frozenset[tuple[int, int]] = frozenset({(1, 1), (4, 30), (5, 1), (9, 2)})
_LISTED_YEARS = frozenset(day.year for day in PUBLIC_HOLIDAYS)


def is_working_day(day: date) -> bool:
    """Monday to Friday, except public holidays."""
    if day.weekday() >= 5:
        return False
    if day.year in _LISTED_YEARS:
        return day not in PUBLIC_HOLIDAYS
    return (day.month, day.day) not in FIXED_HOLIDAYS


def add_working_days(start: date, days: int) -> date:
    """The working day ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def count_working_days(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
