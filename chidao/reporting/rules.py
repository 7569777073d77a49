"""Plain rules of reporting cycles and report formats: no request, no database.

- Timeliness: a unit's report is on time when it reaches the secretariat by the due
  date, late after it, missing when the due date has passed without it.
- Formats: the header lines of a report as Decree 30/2020/NĐ-CP (state bodies) and the
  Party's guidance on document format (Party committees) write them.
"""

import re
from datetime import date, datetime, timedelta

from django.utils import timezone

from chidao.core.periods import Period, PeriodKind
from chidao.org.choices import UnitKind
from chidao.reporting.choices import ReportLayout, Timeliness

# Units send their reports a few days after the data window closes (the 14th) so that the
# secretariat can compile the consolidated report by about the 20th.
DEFAULT_DUE_DAYS_AFTER_WINDOW = 4

# Words that name a body rather than a place, stripped from a host unit's name to find
# the place written in front of the date ("Tỉnh ủy Nam Định" → "Nam Định").
_BODY_PREFIXES = re.compile(
    r"^(?:Tỉnh ủy|Thành ủy|Đảng ủy|Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+"
    r"(?:(?:tỉnh|thành phố|xã|phường|đặc khu)\s+)?",
    re.IGNORECASE,
)
_PLACE_WORDS = re.compile(r"^(?:tỉnh|thành phố|xã|phường|đặc khu)\s+", re.IGNORECASE)


def get_timeliness(*, submitted_on: date | None, due_on: date, as_of: date) -> Timeliness:
    """Whether a unit's report was on time, late, still awaited, or missing on ``as_of``.

    Args:
        submitted_on: the day (Asia/Ho_Chi_Minh) the report reached the secretariat, or
            None when it has not; a report sent after ``as_of`` had not been sent then.
        due_on: the cycle's due date; a report sent on that day is on time.
        as_of: the day the question is asked.
    """
    if submitted_on is not None and submitted_on <= as_of:
        return Timeliness.ON_TIME if submitted_on <= due_on else Timeliness.LATE
    return Timeliness.MISSING if as_of > due_on else Timeliness.PENDING


def get_local_date(moment: datetime | None) -> date | None:
    """The calendar day of ``moment`` in the site's time zone (Asia/Ho_Chi_Minh)."""
    return None if moment is None else timezone.localdate(moment)


def get_default_due_date(window_end: date) -> date:
    """The due date offered for a cycle whose data window ends on ``window_end``."""
    return window_end + timedelta(days=DEFAULT_DUE_DAYS_AFTER_WINDOW)


def get_report_layout(host_unit_kind: str) -> ReportLayout:
    """A committee hosted by a Party committee files in the Party's format."""
    if host_unit_kind == UnitKind.PARTY_COMMITTEE:
        return ReportLayout.PARTY
    return ReportLayout.STATE


def get_place_name(unit_name: str) -> str:
    """The place a body's documents are dated at: "Tỉnh ủy Nam Định" → "Nam Định".

    "Ủy ban nhân dân xã Hải Hậu" gives "Hải Hậu"; a name with no body word is kept.
    """
    name = " ".join(unit_name.split())
    stripped = _BODY_PREFIXES.sub("", name, count=1)
    return _PLACE_WORDS.sub("", stripped, count=1) or name


def get_default_recipients(host_unit_name: str) -> str:
    """The "Nơi nhận" block of a committee's report: the host body's standing committee to
    be reported to, the members, the units, and the file copy."""
    return (
        f"- Thường trực {host_unit_name} (để báo cáo);\n"
        "- Các thành viên Ban Chỉ đạo;\n"
        "- Các cơ quan, đơn vị liên quan;\n"
        "- Lưu: VT, Tổ giúp việc."
    )


def format_document_date(place: str, day: date) -> str:
    """ "Nam Định, ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 take a 0."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def format_number_line(layout: ReportLayout, number: str, issuer_code: str) -> str:
    """The number-and-symbol line of a report.

    State bodies write "Số: 15/BC-BCĐ"; the Party writes "Số 15-BC/BCĐ". Without a number
    (given when the report is signed and registered) the space is left for the clerk.
    """
    number = number.strip() or " " * 6
    if layout == ReportLayout.PARTY:
        return f"Số {number}-BC/{issuer_code}"
    return f"Số: {number}/BC-{issuer_code}"


def get_issuing_body_name(committee_name: str, place: str) -> str:
    """The committee's name as the header writes it, without the place it is of.

    "Ban Chỉ đạo về … chuyển đổi số tỉnh Nam Định" under "TỈNH ỦY NAM ĐỊNH" reads
    "BAN CHỈ ĐẠO VỀ … CHUYỂN ĐỔI SỐ": the line above already names the province.
    """
    name = " ".join(committee_name.split())
    if place:
        name = re.sub(
            rf"\s+(?:(?:tỉnh|thành phố|xã|phường|đặc khu)\s+)?{re.escape(place)}$",
            "",
            name,
            flags=re.IGNORECASE,
        )
    return name.upper()


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def get_period_phrase(period: Period | None, title: str = "") -> str:
    """The period as a report's subject line writes it: "quý III năm 2026", "6 tháng đầu
    năm 2026", "năm 2026"; an ad hoc cycle (no period) is named by its ``title``."""
    if period is None:
        return title
    year = period.year
    match period.kind:
        case PeriodKind.MONTH:
            return f"tháng {period.number} năm {year}"
        case PeriodKind.QUARTER:
            return f"quý {_ROMAN[period.number]} năm {year}"
        case PeriodKind.SIX_MONTHS:
            return f"6 tháng {'đầu' if period.number == 1 else 'cuối'} năm {year}"
        case PeriodKind.NINE_MONTHS:
            return f"9 tháng năm {year}"
    return f"năm {year}"
