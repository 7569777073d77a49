"""The level a unit reaches under Quy định 366-QĐ/TW (30/8/2025), Article 11: pure rules.

Article 11 rates a collective on a 100-point basis in four levels. A level needs both its
point band and its conditions; a unit whose points reach a level but whose conditions do
not falls to the highest level whose points and conditions it meets:

* **HTXSNV** (hoàn thành xuất sắc nhiệm vụ): 90 points or more; 100 % of the tasks due
  done on time and with quality (no output judged "chưa đạt yêu cầu"); at least 30 % of
  them exceeding the requirement; no disciplined member. The system holds no discipline
  records, so that condition is shown as met and says so.
* **HTTNV** (hoàn thành tốt nhiệm vụ): 70 points or more; 100 % of the tasks due done on
  time.
* **HTNV** (hoàn thành nhiệm vụ): 50 points or more; 100 % of the tasks due done (none
  overdue); tasks behind schedule (done late) no more than 20 % of those due.
* **KHTNV** (không hoàn thành nhiệm vụ): the rest.

"Tasks" are the tasks the unit leads that fall due in the period (the committee's
evidence for "assigned tasks"); points are the committee's weighted score
(``rules.score_unit``). A unit with a task overdue is therefore never HTXSNV nor HTTNV
(not 100 % on time), nor HTNV (not 100 % done). A unit with no task due meets the "100 %"
conditions vacuously but never the 30 % "exceeding" one.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.dashboards.rules import TaskFacts


class Rating(models.TextChoices):
    """The four levels of Article 11, best first; the value is the abbreviation used."""

    HTXSNV = "HTXSNV", gettext_lazy("Hoàn thành xuất sắc nhiệm vụ")
    HTTNV = "HTTNV", gettext_lazy("Hoàn thành tốt nhiệm vụ")
    HTNV = "HTNV", gettext_lazy("Hoàn thành nhiệm vụ")
    KHTNV = "KHTNV", gettext_lazy("Không hoàn thành nhiệm vụ")


# Lowest points of each level (Article 11); KHTNV has no floor.
POINT_FLOORS = {
    Rating.HTXSNV: Decimal(90),
    Rating.HTTNV: Decimal(70),
    Rating.HTNV: Decimal(50),
}
EXCEEDED_SHARE = Decimal(30)  # at least 30 % of the tasks exceed the requirement
BEHIND_SHARE = Decimal(20)  # at most 20 % of the tasks behind schedule


@dataclass(frozen=True)
class LeadFacts:
    """What Article 11's conditions read: the lead tasks due in the period, as of its end."""

    tasks: TaskFacts
    exceeded: int = 0  # done, output judged "vượt yêu cầu"
    quality_not_met: int = 0  # done, output judged "chưa đạt yêu cầu"


@dataclass(frozen=True)
class Condition:
    """One condition of a level: met or not, and why, with the figures."""

    key: str
    label: str
    met: bool
    detail: str


@dataclass(frozen=True)
class LevelCheck:
    """A level's point band and conditions as they stand for one unit."""

    rating: Rating
    conditions: tuple[Condition, ...]

    @property
    def met(self) -> bool:
        return all(condition.met for condition in self.conditions)


def share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent (one decimal); None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def format_share(value: Decimal | None) -> str:
    """ "83,3 %" as Vietnamese writes it; "—" when there is nothing to divide."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + " %"


def _points(rating: Rating, score: Decimal) -> Condition:
    floor = POINT_FLOORS[rating]
    upper = {Rating.HTTNV: Decimal(90), Rating.HTNV: Decimal(70)}.get(rating)
    band = (
        _("từ %(floor)s điểm trở lên") % {"floor": floor}
        if upper is None
        else _("từ %(floor)s đến dưới %(upper)s điểm") % {"floor": floor, "upper": upper}
    )
    points = f"{score:.1f}".replace(".", ",")
    return Condition(
        key="points",
        label=band,
        met=score >= floor,
        detail=_("%(points)s điểm") % {"points": points},
    )


def _all_on_time(facts: LeadFacts) -> Condition:
    tasks = facts.tasks
    return Condition(
        key="on_time",
        label=_("100 % nhiệm vụ đến hạn hoàn thành đúng hạn"),
        met=tasks.done_on_time == tasks.due,
        detail=_(
            "%(on_time)s/%(due)s đúng hạn (%(share)s); %(late)s hoàn thành muộn, "
            "%(overdue)s quá hạn"
        )
        % {
            "on_time": tasks.done_on_time,
            "due": tasks.due,
            "share": format_share(share(tasks.done_on_time, tasks.due)),
            "late": tasks.done_late,
            "overdue": tasks.overdue,
        },
    )


def _quality(facts: LeadFacts) -> Condition:
    return Condition(
        key="quality",
        label=_("Sản phẩm bảo đảm chất lượng"),
        met=facts.quality_not_met == 0,
        detail=_("%(count)s sản phẩm được Thường trực đánh giá chưa đạt yêu cầu")
        % {"count": facts.quality_not_met},
    )


def _exceeded(facts: LeadFacts) -> Condition:
    value = share(facts.exceeded, facts.tasks.due)
    return Condition(
        key="exceeded",
        label=_("Ít nhất 30 % nhiệm vụ vượt yêu cầu"),
        met=value is not None and value >= EXCEEDED_SHARE,
        detail=_("%(exceeded)s/%(due)s vượt yêu cầu (%(share)s)")
        % {"exceeded": facts.exceeded, "due": facts.tasks.due, "share": format_share(value)},
    )


def _discipline() -> Condition:
    return Condition(
        key="discipline",
        label=_("Không có cá nhân bị xử lý kỷ luật"),
        met=True,
        detail=_("Hệ thống không lưu thông tin kỷ luật: coi là đạt, Thường trực kiểm tra lại"),
    )


def _all_done(facts: LeadFacts) -> Condition:
    tasks = facts.tasks
    done = tasks.done_on_time + tasks.done_late
    return Condition(
        key="completed",
        label=_("100 % nhiệm vụ đến hạn hoàn thành"),
        met=tasks.overdue == 0,
        detail=_("%(done)s/%(due)s hoàn thành (%(share)s); %(overdue)s quá hạn")
        % {
            "done": done,
            "due": tasks.due,
            "share": format_share(share(done, tasks.due)),
            "overdue": tasks.overdue,
        },
    )


def _behind(facts: LeadFacts) -> Condition:
    tasks = facts.tasks
    behind = tasks.done_late + tasks.overdue
    value = share(behind, tasks.due)
    return Condition(
        key="behind",
        label=_("Nhiệm vụ chậm tiến độ không quá 20 %"),
        met=value is None or value <= BEHIND_SHARE,
        detail=_("%(behind)s/%(due)s chậm tiến độ (%(share)s)")
        % {"behind": behind, "due": tasks.due, "share": format_share(value)},
    )


def check_levels(score: Decimal, facts: LeadFacts) -> tuple[LevelCheck, ...]:
    """Each level above KHTNV with its point band and conditions, best first."""
    return (
        LevelCheck(
            Rating.HTXSNV,
            (
                _points(Rating.HTXSNV, score),
                _all_on_time(facts),
                _quality(facts),
                _exceeded(facts),
                _discipline(),
            ),
        ),
        LevelCheck(Rating.HTTNV, (_points(Rating.HTTNV, score), _all_on_time(facts))),
        LevelCheck(Rating.HTNV, (_points(Rating.HTNV, score), _all_done(facts), _behind(facts))),
    )


def rate_unit(score: Decimal, facts: LeadFacts) -> tuple[Rating, tuple[LevelCheck, ...]]:
    """The highest level whose points and conditions all hold, and every level's check."""
    checks = check_levels(score, facts)
    reached = next((check.rating for check in checks if check.met), Rating.KHTNV)
    return reached, checks
