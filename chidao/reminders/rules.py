"""What is due for notification at a moment: one pure function of plain values.

``get_due_reminders`` knows nothing of the database, email or pages. The sender
(``services.do_send_due_reminders``) collects the facts, calls it and stores what it returns
under a unique key, so the same answer on a rerun sends nothing new.

Each reminder carries an *occurrence*: the day its rule came due (e.g. the deadline minus 7
days, or the first day of the current 7-day overdue window). It depends only on the
deadline and the rule, not on when the job happened to run, so a job that runs late, twice
or on two machines agrees on the key; a job that missed days sends the step now in force
(not every step it missed).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

from chidao.assignments.choices import TaskStatus
from chidao.assignments.rules import DecidedChange, get_deadline_as_of, get_task_status
from chidao.core.periods import Period, PeriodKind
from chidao.reminders.choices import NotificationKind
from chidao.reminders.workdays import NO_ANNOUNCED_DAYS, add_working_days, count_working_days
from chidao.reporting.choices import Timeliness
from chidao.reporting.rules import get_timeliness

# Days are counted in Vietnam, whatever the server's clock zone (DESIGN.md §6).
LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def get_local_date(moment: datetime) -> date:
    """The calendar day in Vietnam at an aware ``moment``."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class RuleConfig:
    """A committee's reminder rule as plain values (defaults of issue [F])."""

    is_active: bool = True
    days_before: tuple[int, ...] = (7, 3)
    on_due_day: bool = True
    overdue_every_days: int = 7
    escalate_after_days: int = 14
    review_wait_working_days: int = 5
    cycle_due_days: int = 3
    stale_indicators: bool = True
    # days after a period's end during which units may still enter its values
    indicator_grace_days: int = 20


DEFAULT_RULE = RuleConfig()


@dataclass(frozen=True)
class TaskFacts:
    """What the rule needs to know about one task.

    ``deadline`` is the task's current deadline; ``approved_changes`` lets the function
    read the deadline in force on the day it is asked about (``get_deadline_as_of``).
    """

    task_id: int
    committee_id: int
    state: str
    kind: str
    deadline: date | None
    assigned_on: date
    completed_on: date | None = None
    stopped_on: date | None = None
    approved_changes: tuple[DecidedChange, ...] = ()
    # who is urged: the focal person, else the lead unit's officers
    officer_ids: tuple[int, ...] = ()
    # who hears of a long overdue task: the lead unit's head and the overseeing member
    escalation_ids: tuple[int, ...] = ()
    # the early warning's verdict today (``assignments.risk``): "có nguy cơ chậm" or worse
    at_risk: bool = False


class WaitingKind:
    CLAIM = "progress_update"
    DEADLINE_REQUEST = "deadline_change"


@dataclass(frozen=True)
class WaitingFacts:
    """A completion claim or deadline request waiting for the secretariat since a day."""

    object_kind: str  # WaitingKind
    object_id: int
    task_id: int
    committee_id: int
    waiting_since: date
    secretariat_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CycleFacts:
    """One unit's report owed in an open reporting cycle (kỳ báo cáo)."""

    cycle_id: int
    committee_id: int
    unit_id: int
    due_on: date
    submitted_on: date | None = None  # the day it reached the secretariat, if it has
    officer_ids: tuple[int, ...] = ()


CYCLE = "reporting_cycle"


@dataclass(frozen=True)
class IndicatorFacts:
    """An indicator one unit must report, and the periods it has reported (sent values)."""

    indicator_id: int
    committee_id: int
    unit_id: int
    frequency: str  # PeriodKind
    reported_starts: frozenset[date] = frozenset()
    officer_ids: tuple[int, ...] = ()


INDICATOR = "indicator"
# A unit missing a value is told this many days before entry for the period closes.
INDICATOR_NOTICE_DAYS = 5


@dataclass(frozen=True)
class ProposalFacts:
    """A proposal routed to a unit, its answer not yet approved (``status`` routed)."""

    proposal_id: int
    committee_id: int
    unit_id: int
    response_due: date
    officer_ids: tuple[int, ...] = ()
    secretariat_ids: tuple[int, ...] = ()


PROPOSAL = "proposal"


@dataclass(frozen=True)
class DueReminder:
    """One notice to one person, identified by (kind, object, occurrence, recipient)."""

    kind: NotificationKind
    object_kind: str  # "task", WaitingKind.CLAIM, WaitingKind.DEADLINE_REQUEST or CYCLE
    object_id: int
    task_id: int | None
    committee_id: int
    occurrence: date
    recipient_id: int
    deadline: date | None = None
    # days left before the deadline, days overdue, or working days waited
    days: int = 0
    unit_id: int | None = None  # the unit whose cycle report or indicator value is owed
    period_label: str = ""  # the indicator period without a value

    @property
    def key(self) -> tuple:
        return (self.kind, self.object_kind, self.object_id, self.occurrence, self.recipient_id)


def get_due_reminders(
    *,
    tasks: Iterable[TaskFacts],
    waiting: Iterable[WaitingFacts] = (),
    cycles: Iterable[CycleFacts] = (),
    indicators: Iterable[IndicatorFacts] = (),
    proposals: Iterable[ProposalFacts] = (),
    rules: Mapping[int, RuleConfig] | None = None,
    announced_days: Mapping[date, bool] = NO_ANNOUNCED_DAYS,
    now: datetime,
) -> list[DueReminder]:
    """Every notice due at ``now``, one per (kind, object, occurrence, recipient).

    Args:
        tasks: the tasks to look at (open tasks with a deadline; others yield nothing).
        waiting: completion claims and deadline requests not yet decided.
        cycles: the reports units owe in open reporting cycles.
        indicators: indicator values units must enter each period.
        proposals: proposals routed to units and not answered yet.
        rules: committee id -> its rule; committees not listed use ``DEFAULT_RULE``.
        announced_days: the Government's announced days off and swapped working days,
            day -> is it a working day (``workdays.get_announced_days``).
        now: an aware datetime; its day in Vietnam is the day judged.
    """
    today = get_local_date(now)
    rules = rules or {}
    found: dict[tuple, DueReminder] = {}

    def add(reminder_template: dict, recipients: Iterable[int]) -> None:
        for recipient_id in recipients:
            reminder = DueReminder(recipient_id=recipient_id, **reminder_template)
            found.setdefault(reminder.key, reminder)

    for task in tasks:
        rule = rules.get(task.committee_id, DEFAULT_RULE)
        if not rule.is_active:
            continue
        for kind, occurrence, deadline, days, escalated in _get_task_steps(task, rule, today):
            template = {
                "kind": kind,
                "object_kind": "task",
                "object_id": task.task_id,
                "task_id": task.task_id,
                "committee_id": task.committee_id,
                "occurrence": occurrence,
                "deadline": deadline,
                "days": days,
            }
            add(template, task.escalation_ids if escalated else task.officer_ids)

    for item in waiting:
        rule = rules.get(item.committee_id, DEFAULT_RULE)
        if not rule.is_active:
            continue
        step = _get_waiting_step(
            item.waiting_since, rule.review_wait_working_days, today, announced_days
        )
        if step is None:
            continue
        occurrence, waited = step
        kind = (
            NotificationKind.CLAIM_WAITING
            if item.object_kind == WaitingKind.CLAIM
            else NotificationKind.DEADLINE_REQUEST_WAITING
        )
        template = {
            "kind": kind,
            "object_kind": item.object_kind,
            "object_id": item.object_id,
            "task_id": item.task_id,
            "committee_id": item.committee_id,
            "occurrence": occurrence,
            "days": waited,
        }
        add(template, item.secretariat_ids)

    for owed in cycles:
        rule = rules.get(owed.committee_id, DEFAULT_RULE)
        if not rule.is_active:
            continue
        step = _get_cycle_step(owed, rule, today)
        if step is None:
            continue
        kind, occurrence, days = step
        template = {
            "kind": kind,
            "object_kind": CYCLE,
            "object_id": owed.cycle_id,
            "task_id": None,
            "committee_id": owed.committee_id,
            "occurrence": occurrence,
            "deadline": owed.due_on,
            "days": days,
            "unit_id": owed.unit_id,
        }
        add(template, owed.officer_ids)

    for indicator in indicators:
        rule = rules.get(indicator.committee_id, DEFAULT_RULE)
        if not (rule.is_active and rule.stale_indicators):
            continue
        step = _get_indicator_step(indicator, rule, today)
        if step is None:
            continue
        period, occurrence, entry_closes = step
        template = {
            "kind": NotificationKind.INDICATOR_STALE,
            "object_kind": INDICATOR,
            "object_id": indicator.indicator_id,
            "task_id": None,
            "committee_id": indicator.committee_id,
            "occurrence": occurrence,
            "deadline": entry_closes,
            "unit_id": indicator.unit_id,
            "period_label": period.label,
        }
        add(template, indicator.officer_ids)

    for proposal in proposals:
        rule = rules.get(proposal.committee_id, DEFAULT_RULE)
        if not rule.is_active:
            continue
        step = _get_proposal_step(proposal, rule, today)
        if step is None:
            continue
        kind, occurrence, days = step
        template = {
            "kind": kind,
            "object_kind": PROPOSAL,
            "object_id": proposal.proposal_id,
            "task_id": None,
            "committee_id": proposal.committee_id,
            "occurrence": occurrence,
            "deadline": proposal.response_due,
            "days": days,
            "unit_id": proposal.unit_id,
        }
        recipients = proposal.officer_ids
        if kind == NotificationKind.PROPOSAL_OVERDUE:
            recipients = (*proposal.officer_ids, *proposal.secretariat_ids)
        add(template, recipients)

    return sorted(
        found.values(),
        key=lambda r: (r.occurrence, r.object_kind, r.object_id, r.kind, r.recipient_id),
    )


def _get_task_steps(task: TaskFacts, rule: RuleConfig, today: date):
    """Yield (kind, occurrence, deadline, days, escalated) for the step in force today."""
    deadline = get_deadline_as_of(task.deadline, task.approved_changes, today)
    if deadline is None:  # a task without a deadline is never due
        return
    status = get_task_status(
        state=task.state,
        kind=task.kind,
        deadline=deadline,
        assigned_on=task.assigned_on,
        completed_on=task.completed_on,
        stopped_on=task.stopped_on,
        as_of=today,
    )
    if status == TaskStatus.IN_PROGRESS:
        days_left = (deadline - today).days
        if task.at_risk and days_left > max(rule.days_before, default=0):
            # Earlier than "due soon": once per deadline in force (a moved deadline is a
            # new occurrence), however many days the forecast keeps it at risk.
            yield NotificationKind.TASK_AT_RISK, deadline, deadline, days_left, False
            return
        if days_left == 0 and rule.on_due_day:
            yield NotificationKind.TASK_DUE_TODAY, deadline, deadline, 0, False
            return
        reached = [days for days in rule.days_before if days >= days_left]
        if reached:
            step = min(reached)
            yield (
                NotificationKind.TASK_DUE_SOON,
                deadline - timedelta(days=step),
                deadline,
                (days_left),
                False,
            )
    elif status == TaskStatus.OVERDUE:
        days_overdue = (today - deadline).days
        every = rule.overdue_every_days
        window = (days_overdue - 1) // every
        first_overdue_day = deadline + timedelta(days=1)
        yield (
            NotificationKind.TASK_OVERDUE,
            first_overdue_day + timedelta(days=window * every),
            deadline,
            days_overdue,
            False,
        )
        limit = rule.escalate_after_days
        if days_overdue > limit:
            window = (days_overdue - limit - 1) // every
            first_escalation_day = deadline + timedelta(days=limit + 1)
            yield (
                NotificationKind.TASK_ESCALATED,
                first_escalation_day + timedelta(days=window * every),
                deadline,
                days_overdue,
                True,
            )


def _get_waiting_step(
    since: date, every: int, today: date, announced: Mapping[date, bool]
) -> tuple[date, int] | None:
    """(occurrence, working days waited) once the wait reaches ``every`` working days;
    again every ``every`` working days after that."""
    waited = count_working_days(since, today, announced)
    if waited < every:
        return None
    steps = waited // every
    return add_working_days(since, steps * every, announced), waited


def _get_cycle_step(owed: CycleFacts, rule: RuleConfig, today: date):
    """(kind, occurrence, days) for a unit's cycle report: due in a few days, due today,
    missed (once, the day after the due date); nothing once it has been sent."""
    timeliness = get_timeliness(submitted_on=owed.submitted_on, due_on=owed.due_on, as_of=today)
    if timeliness == Timeliness.MISSING:
        return (
            NotificationKind.CYCLE_MISSED,
            owed.due_on + timedelta(days=1),
            (today - owed.due_on).days,
        )
    if timeliness != Timeliness.PENDING:
        return None
    days_left = (owed.due_on - today).days
    if days_left == 0:
        return NotificationKind.CYCLE_DUE_TODAY, owed.due_on, 0
    if days_left <= rule.cycle_due_days:
        return (
            NotificationKind.CYCLE_DUE_SOON,
            owed.due_on - timedelta(days=rule.cycle_due_days),
            days_left,
        )
    return None


def get_last_period(kind: str, today: date) -> Period:
    """The latest period of ``kind`` that has ended before ``today``."""
    try:
        return Period.containing(PeriodKind(kind), today).previous()
    except ValidationError:  # nine months, from October: the last one ended on 30/9
        return Period(PeriodKind(kind), today.year, 1)


def _get_indicator_step(item: IndicatorFacts, rule: RuleConfig, today: date):
    """(period, occurrence, entry closes) when the last ended period has no sent value:
    told once, a few days before entry for that period closes (or at once if later)."""
    period = get_last_period(item.frequency, today)
    if period.start in item.reported_starts:
        return None
    entry_closes = period.end + timedelta(days=rule.indicator_grace_days)
    occurrence = max(
        period.end + timedelta(days=1), entry_closes - timedelta(days=INDICATOR_NOTICE_DAYS)
    )
    if today < occurrence:
        return None
    return period, occurrence, entry_closes


def _get_proposal_step(item: ProposalFacts, rule: RuleConfig, today: date):
    """(kind, occurrence, days) for an answer a unit owes: a few days before its response
    deadline (the cycle rule's days), then every ``overdue_every_days`` once it is late,
    the secretariat told too."""
    days_left = (item.response_due - today).days
    if days_left < 0:
        days_overdue = -days_left
        every = rule.overdue_every_days
        window = (days_overdue - 1) // every
        occurrence = item.response_due + timedelta(days=1 + window * every)
        return NotificationKind.PROPOSAL_OVERDUE, occurrence, days_overdue
    if days_left <= rule.cycle_due_days:
        occurrence = item.response_due - timedelta(days=rule.cycle_due_days)
        return NotificationKind.PROPOSAL_DUE_SOON, occurrence, days_left
    return None


@dataclass
class NotificationGroup:
    """Notices about one task (or about no task) on one day, in the list's order."""

    task: object | None
    notices: list


@dataclass
class NotificationDay:
    day: date
    groups: list[NotificationGroup]


def group_notifications(notices: Iterable) -> list[NotificationDay]:
    """``notices`` (already ordered) by local day, then by task within the day, each day
    and task where it first appears: 45 unread cards become a few days of a few tasks."""
    days: dict[date, dict[object, NotificationGroup]] = {}
    for notice in notices:
        by_task = days.setdefault(get_local_date(notice.created_at), {})
        group = by_task.get(notice.task_id)
        if group is None:
            group = by_task[notice.task_id] = NotificationGroup(notice.task, [])
        group.notices.append(notice)
    return [NotificationDay(day, list(groups.values())) for day, groups in days.items()]
