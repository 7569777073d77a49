"""Pure rules of meetings: how they are named, and in what order a follow-up lists tasks."""

from chidao.assignments.choices import TaskStatus

_ORDINALS = {
    1: "thứ nhất",
    2: "thứ hai",
    3: "thứ ba",
    4: "thứ tư",
    5: "thứ năm",
    6: "thứ sáu",
    7: "thứ bảy",
    8: "thứ tám",
    9: "thứ chín",
    10: "thứ mười",
}

# The chair reads what is late first, then what is still running, then what is done.
FOLLOW_UP_ORDER = (
    TaskStatus.OVERDUE,
    TaskStatus.IN_PROGRESS,
    TaskStatus.ONGOING,
    TaskStatus.DONE_LATE,
    TaskStatus.DONE_ON_TIME,
    TaskStatus.PAUSED,
    TaskStatus.CANCELLED,
    TaskStatus.NOT_YET_ASSIGNED,
)


def get_ordinal(number: int) -> str:
    """The meeting's number as the press and the minutes write it: 1 → "thứ nhất",
    4 → "thứ tư"; past ten the figure is kept ("thứ 12")."""
    return _ORDINALS.get(number, f"thứ {number}")


def get_follow_up_rank(status: str) -> int:
    """Position of a status in the follow-up brief (overdue first)."""
    try:
        return FOLLOW_UP_ORDER.index(status)
    except ValueError:
        return len(FOLLOW_UP_ORDER)


def format_notice_symbol(*, party: bool, number: str, issuer_code: str = "BCĐ") -> str:
    """The conclusion notice's number-and-symbol: "15/TB-BCĐ" (Decree 30) or "15-TB/BCĐ"
    (the Party's guidance)."""
    number = number.strip()
    return f"{number}-TB/{issuer_code}" if party else f"{number}/TB-{issuer_code}"
