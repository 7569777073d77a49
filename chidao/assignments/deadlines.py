"""Deadline phrases as written in the "Thời gian hoàn thành" column of real plans.

Plans name a period rather than a day ("6/2025", "Quý II/2025", "2025 - 2026"); the
deadline is the last day of that period. Phrases are matched on their folded form
(no diacritics, no case), so "Hằng năm", "Hàng năm" and "hang nam" read the same.

"Trước", "đến", "trong" and "chậm nhất" in front of a period all mean *by the end of*
it: "Trước 30/6/2025" and "Trước tháng 6/2025" have deadlines 30/6/2025. Plans use
"trước" loosely for "no later than", and reading it as the day before would move
deadlines that their authors did not mean to move.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.assignments.choices import Recurrence, TaskKind
from chidao.core.text import fold_text, normalize_text

MIN_YEAR, MAX_YEAR = 1990, 2100

_EXAMPLES = _(
    'Ví dụ hợp lệ: "6/2025", "Quý II/2025", "30/6/2025", "2025", "2025 - 2026", '
    '"Hằng năm", "Thường xuyên", "2025 và những năm tiếp theo".'
)
_MESSAGES = {
    "required": _("Thời hạn không được để trống."),
    "invalid": _('Không đọc được thời hạn "%(value)s".'),
    "missing_year": _('Thời hạn "%(value)s" không nêu năm.'),
    "invalid_year": _('Thời hạn "%(value)s" có năm %(year)s nằm ngoài khoảng 1990–2100.'),
    "invalid_month": _('Thời hạn "%(value)s" có tháng %(month)s; tháng phải từ 1 đến 12.'),
    "invalid_quarter": _(
        'Thời hạn "%(value)s" có quý %(quarter)s; quý phải là I, II, III hoặc IV (hoặc từ 1 đến 4).'
    ),
    "invalid_date": _('Thời hạn "%(value)s" không phải là một ngày có thật.'),
    "invalid_span": _('Thời hạn "%(value)s" có năm bắt đầu sau năm kết thúc.'),
}
_MAX_SHOWN = 60

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# Patterns run on the folded phrase, after a leading "trước"/"đến"/"trong" is dropped.
_Y = r"(?P<year>[0-9]+)"
_BY = re.compile(r"(?:truoc|den|trong|cham nhat)(?: het)? ")
_DATE_SEP = r" ?[/.-] ?"
_MONTH_SEP = r"(?: ?[/-] ?| nam | )"
# Day and month have one or two digits, years any number (so that "6/20255" is told its
# year is wrong): "2025-2026" is then a span of years and never month 2025 of 2026.
_DAY = re.compile(
    rf"(?:ngay )?(?P<day>[0-9]{{1,2}}){_DATE_SEP}(?P<month>[0-9]{{1,2}}){_DATE_SEP}{_Y}"
)
_DAY_WORDS = re.compile(rf"(?:ngay )?(?P<day>[0-9]{{1,2}}) thang (?P<month>[0-9]{{1,2}}) nam {_Y}")
_MONTH = re.compile(rf"(?:thang )?(?P<month>[0-9]{{1,2}}){_MONTH_SEP}{_Y}")
_QUARTER = re.compile(rf"quy (?P<quarter>[0-9]|[ivx]+){_MONTH_SEP}{_Y}")
_HALF = re.compile(rf"(?:6|sau) thang (?P<half>dau|cuoi) nam {_Y}")
_NINE_MONTHS = re.compile(rf"(?:9|chin) thang (?:dau )?nam {_Y}")
_YEAR = re.compile(rf"(?:nam )?{_Y}")
_SPAN = re.compile(
    r"(?:(?:giai doan|nam|tu) )?(?:nam )?"
    r"(?P<first>[0-9]{3,})(?: ?- ?| den (?:nam )?)(?P<last>[0-9]{3,})"
)
_FROM_YEAR = re.compile(
    r"tu (?:nam )?(?P<year>[0-9]+)(?: tro di)?"
    r"|(?:nam )?(?P<year_on>[0-9]+) va (?:nhung|cac) nam (?:tiep theo|sau)"
)
_RECURRING = re.compile(r"(?:dinh ky )?hang (?P<every>nam|quy|thang)")
_ONGOING = re.compile(
    r"(?:nhiem vu )?thuong xuyen(?: ?[,;-]? ?(?:lien tuc|hang (?:nam|quy|thang)))*"
)
_YEARLESS = re.compile(r"(?:thang [0-9]+|quy [0-9ivx]+|(?:nhung |cac )?nam tiep theo)")

_RECURRENCES = {
    "nam": Recurrence.YEARLY,
    "quy": Recurrence.QUARTERLY,
    "thang": Recurrence.MONTHLY,
}


@dataclass(frozen=True)
class ParsedDeadline:
    """What a deadline phrase says: a last day, a recurrence, or a continuing duty."""

    text: str
    kind: TaskKind
    deadline: date | None
    start: date | None = None
    recurrence: Recurrence | None = None


def parse_deadline_phrase(text: str | None) -> ParsedDeadline:
    """Read a deadline phrase such as "6/2025", "Quý II/2025" or "Hằng năm".

    Args:
        text: The phrase as written in the plan.

    Returns:
        The phrase (NFC, stripped) with its kind and dates. A named period gives the
        last day of that period; a span of years ("2025 - 2026") also gives its start.

    Raises:
        ValidationError: In Vietnamese, naming the phrase and listing valid examples.
    """
    original = normalize_text(text)
    phrase = fold_text(original.translate(_DASHES)).rstrip(" .,;")
    if not original:
        _fail("required", original)
    if match := _BY.match(phrase):
        phrase = phrase[match.end() :]
    for pattern, read in _READERS:
        if match := pattern.fullmatch(phrase):
            return read(original, match)
    _fail("missing_year" if _YEARLESS.fullmatch(phrase) else "invalid", original)


def _read_day(original: str, match: re.Match) -> ParsedDeadline:
    year = _year(original, match["year"])
    month = _month(original, match["month"])
    day = int(match["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        _fail("invalid_date", original)
    return _by(original, date(year, month, day))


def _read_month(original: str, match: re.Match) -> ParsedDeadline:
    return _by(
        original, _month_end(_year(original, match["year"]), _month(original, match["month"]))
    )


def _read_quarter(original: str, match: re.Match) -> ParsedDeadline:
    written = match["quarter"]
    quarter = int(written) if written.isdigit() else _ROMAN_QUARTERS.get(written, 0)
    if not 1 <= quarter <= 4:
        _fail("invalid_quarter", original, quarter=written.upper())
    return _by(original, _month_end(_year(original, match["year"]), quarter * 3))


def _read_half(original: str, match: re.Match) -> ParsedDeadline:
    month = 6 if match["half"] == "dau" else 12
    return _by(original, _month_end(_year(original, match["year"]), month))


def _read_nine_months(original: str, match: re.Match) -> ParsedDeadline:
    return _by(original, _month_end(_year(original, match["year"]), 9))


def _read_year(original: str, match: re.Match) -> ParsedDeadline:
    return _by(original, date(_year(original, match["year"]), 12, 31))


def _read_span(original: str, match: re.Match) -> ParsedDeadline:
    first, last = _year(original, match["first"]), _year(original, match["last"])
    if first > last:
        _fail("invalid_span", original)
    return ParsedDeadline(original, TaskKind.DEADLINE, date(last, 12, 31), date(first, 1, 1))


def _read_from_year(original: str, match: re.Match) -> ParsedDeadline:
    # "2025 và những năm tiếp theo" names no end: the duty continues every year from
    # 2025, so it is judged per reporting period like any "thường xuyên" task, and the
    # start keeps the periods before 2025 out of its reports.
    year = _year(original, match["year"] or match["year_on"])
    return ParsedDeadline(original, TaskKind.ONGOING, None, start=date(year, 1, 1))


def _read_recurring(original: str, match: re.Match) -> ParsedDeadline:
    recurrence = _RECURRENCES[match["every"]]
    return ParsedDeadline(original, TaskKind.RECURRING, None, recurrence=recurrence)


def _read_ongoing(original: str, match: re.Match) -> ParsedDeadline:
    return ParsedDeadline(original, TaskKind.ONGOING, None)


_READERS: tuple[tuple[re.Pattern, Callable[[str, re.Match], ParsedDeadline]], ...] = (
    (_DAY, _read_day),
    (_DAY_WORDS, _read_day),
    (_MONTH, _read_month),
    (_QUARTER, _read_quarter),
    (_HALF, _read_half),
    (_NINE_MONTHS, _read_nine_months),
    (_YEAR, _read_year),
    (_SPAN, _read_span),
    (_FROM_YEAR, _read_from_year),
    (_RECURRING, _read_recurring),
    (_ONGOING, _read_ongoing),
)


def _by(original: str, deadline: date) -> ParsedDeadline:
    return ParsedDeadline(original, TaskKind.DEADLINE, deadline)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(original: str, written: str) -> int:
    # The length check comes first: int() of a pasted 5,000-digit number raises ValueError.
    if len(written) != 4 or not MIN_YEAR <= int(written) <= MAX_YEAR:
        _fail("invalid_year", original, year=written)
    return int(written)


def _month(original: str, written: str) -> int:
    if len(written) > 2 or not 1 <= int(written) <= 12:
        _fail("invalid_month", original, month=written)
    return int(written)


def _fail(code: str, original: str, **params: str) -> NoReturn:
    shown = {name: _shorten(value) for name, value in {"value": original, **params}.items()}
    raise ValidationError(f"{_MESSAGES[code]} {_EXAMPLES}", code=code, params=shown)


def _shorten(value: str) -> str:
    return value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…"
