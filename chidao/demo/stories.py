"""What happens to each demo task, and the dated events that make it happen.

A task row of ``content`` ends with a *story*, named after the status the task must have
on the day the demo is loaded: ``OnTime``, ``Late``, ``InProgress``, ``Overdue``,
``Ongoing``, ``Paused``, ``Cancelled``. ``plan_task`` turns the row into the events a real
committee would have recorded (progress reports, completion claims accepted or returned,
deadline-change requests, a pause) dated relative to ``today`` (see ``timeline``), and
checks that the result has the status the story names. It touches no database, so a test
can plan the whole content for every day of several years; ``services`` then replays the
events through the ``assignments`` services.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import ClassVar

from chidao.assignments.choices import TaskState, TaskStatus
from chidao.assignments.deadlines import ParsedDeadline, parse_deadline_phrase
from chidao.assignments.rules import get_task_status
from chidao.demo.timeline import days_from, render

# A unit's first report comes at least this long after the task was assigned.
_FIRST_REPORT_AFTER_DAYS = 7
# An open task's latest report, still awaiting review.
_LATEST_REPORT_DAYS_AGO = 12


class DemoContentError(ValueError):
    """The demo content cannot be loaded as written on this day (a bug in the content)."""


# Stories -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extension:
    """A request to move the deadline to ``to`` (a phrase template, e.g. "Tháng {M+2}").

    ``decided`` is the day of the secretariat's decision, in days from today (negative:
    in the past); None leaves the request pending.
    """

    to: str
    reason: str
    decided: int | None
    approved: bool = True
    note: str = ""


@dataclass(frozen=True)
class ReturnedClaim:
    """A completion claim the secretariat sent back, ``days_ago`` days before today.

    It comes before the latest report (12 days ago), which sets the percent again.
    """

    output: str
    reason: str
    days_ago: int


@dataclass(frozen=True)
class Story:
    status: ClassVar[TaskStatus]


@dataclass(frozen=True)
class _Done(Story):
    """Completed with ``output``; ``returned`` is why a first claim was sent back."""

    output: str
    returned: str = field(default="", kw_only=True)

    def output_offset(self) -> int:
        """Days from the deadline to the output's date."""
        raise NotImplementedError


@dataclass(frozen=True)
class OnTime(_Done):
    """Completed ``days_early`` days before the deadline."""

    status: ClassVar[TaskStatus] = TaskStatus.DONE_ON_TIME
    days_early: int = 10

    def output_offset(self) -> int:
        return -self.days_early


@dataclass(frozen=True)
class Late(_Done):
    """Completed ``days_late`` days after the deadline."""

    status: ClassVar[TaskStatus] = TaskStatus.DONE_LATE
    days_late: int = 20

    def output_offset(self) -> int:
        return self.days_late


@dataclass(frozen=True)
class _Open(Story):
    """Still open; the latest report gives ``percent`` and awaits review."""

    percent: int
    extension: Extension | None = None
    returned_claim: ReturnedClaim | None = None
    returned: str = ""  # why the latest report was sent back; empty: awaiting review


@dataclass(frozen=True)
class InProgress(_Open):
    status: ClassVar[TaskStatus] = TaskStatus.IN_PROGRESS


@dataclass(frozen=True)
class Overdue(_Open):
    status: ClassVar[TaskStatus] = TaskStatus.OVERDUE


@dataclass(frozen=True)
class Ongoing(Story):
    """A duty without an end ("Thường xuyên", "Hằng năm"), reported every quarter."""

    status: ClassVar[TaskStatus] = TaskStatus.ONGOING
    percent: int = 50


@dataclass(frozen=True)
class _Stopped(Story):
    """Stopped ``days_ago`` days before today for ``reason``, having reached ``percent``."""

    state: ClassVar[TaskState]
    days_ago: int
    reason: str
    percent: int = 20


@dataclass(frozen=True)
class Paused(_Stopped):
    status: ClassVar[TaskStatus] = TaskStatus.PAUSED
    state: ClassVar[TaskState] = TaskState.PAUSED


@dataclass(frozen=True)
class Cancelled(_Stopped):
    status: ClassVar[TaskStatus] = TaskStatus.CANCELLED
    state: ClassVar[TaskState] = TaskState.CANCELLED


# Events --------------------------------------------------------------------------------


class Review(StrEnum):
    ACCEPT = "accept"
    RETURN = "return"
    PENDING = "pending"


@dataclass(frozen=True)
class Report:
    """A progress report of the lead unit, possibly claiming completion with ``output``."""

    on: date
    percent: int
    results: str
    difficulties: str = ""
    proposals: str = ""
    review: Review = Review.ACCEPT
    reason: str = ""
    output: str = ""
    output_date: date | None = None

    @property
    def claims_completion(self) -> bool:
        return bool(self.output)


@dataclass(frozen=True)
class DeadlineRequest:
    """A deadline-change request; ``on`` is the day of the decision (or of the request)."""

    on: date
    new_deadline: date
    reason: str
    approved: bool | None  # None: still pending
    note: str = ""


@dataclass(frozen=True)
class Stop:
    on: date
    state: TaskState
    reason: str


Event = Report | DeadlineRequest | Stop


@dataclass(frozen=True)
class TaskPlan:
    """A task as it is created (phrase, assignment day) and the events that follow."""

    deadline_text: str
    parsed: ParsedDeadline
    assigned_on: date
    events: tuple[Event, ...]
    status: TaskStatus  # the status on the load day that the events lead to


@dataclass(frozen=True)
class TaskNotes:
    """What the unit writes in its reports; empty fields fall back to stock texts."""

    results: str = ""
    difficulties: str = ""
    proposals: str = ""


def plan_task(
    *,
    due: str,
    story: Story,
    notes: TaskNotes,
    stock: Mapping[str, str],
    assigned_days_ago: int,
    today: date,
) -> TaskPlan:
    """Plan one task: render its deadline phrase and date the events of its story.

    Args:
        due: the deadline phrase template ("Quý {Q+1}", "Thường xuyên").
        story: what happens to the task.
        notes: the unit's own words for its latest report.
        stock: stock report texts by stage ("start", "draft", "final", "done",
            "ongoing", "late").
        assigned_days_ago: how long before ``today`` the task was assigned.
        today: the load day.

    Raises:
        DemoContentError: an event would fall outside the task's life (before it was
            assigned or after ``today``), or the events do not lead to the story's status.
    """
    deadline_text = render(due, today)
    parsed = parse_deadline_phrase(deadline_text)
    assigned_on = days_from(today, -assigned_days_ago)
    if parsed.deadline is not None and parsed.deadline < assigned_on:
        raise DemoContentError(f"{deadline_text!r} falls before the task is assigned.")
    planner = _Planner(parsed, assigned_on, today, notes, stock)
    events = tuple(sorted(planner.events_for(story), key=lambda event: event.on))
    for event in events:
        if not assigned_on <= event.on <= today:
            raise DemoContentError(f"{deadline_text!r}: {event} is outside the task's life.")
    status = _status_after(parsed, assigned_on, events, today)
    if status != story.status:
        raise DemoContentError(
            f"{deadline_text!r} with {type(story).__name__} gives {status} on {today}."
        )
    return TaskPlan(deadline_text, parsed, assigned_on, events, status)


@dataclass(frozen=True)
class _Planner:
    parsed: ParsedDeadline
    assigned_on: date
    today: date
    notes: TaskNotes
    stock: Mapping[str, str]

    def events_for(self, story: Story) -> list[Event]:
        if isinstance(story, _Done):
            return self._done(story)
        if isinstance(story, _Open):
            return self._open(story)
        if isinstance(story, Ongoing):
            return self._ongoing(story)
        if isinstance(story, _Stopped):
            return self._stopped(story)
        raise DemoContentError(f"Unknown story {story!r}.")

    def _done(self, story: _Done) -> list[Event]:
        if self.parsed.deadline is None:
            raise DemoContentError("A completed story needs a deadline to be on time or late.")
        output_date = days_from(self.parsed.deadline, story.output_offset())
        results = self.notes.results or self.stock["done"]
        claim = {"percent": 100, "results": results, "output": story.output}
        late = isinstance(story, Late)
        difficulties = (self.notes.difficulties or self.stock["late"]) if late else ""
        events = self._early_reports(days_from(output_date, -45), 60, difficulties=difficulties)
        if story.returned:
            events.append(
                Report(
                    on=days_from(output_date, 2),
                    output_date=output_date,
                    review=Review.RETURN,
                    reason=story.returned,
                    **claim,
                )
            )
            events.append(Report(on=days_from(output_date, 12), output_date=output_date, **claim))
        else:
            events.append(Report(on=days_from(output_date, 3), output_date=output_date, **claim))
        return events

    def _open(self, story: _Open) -> list[Event]:
        events = self._early_reports(days_from(self.today, -100), _earlier(story.percent))
        if claim := story.returned_claim:
            if claim.days_ago <= _LATEST_REPORT_DAYS_AGO:
                raise DemoContentError(f"{claim!r} must come before the latest report.")
            on = days_from(self.today, -claim.days_ago)
            events.append(
                Report(
                    on=on,
                    percent=100,
                    results=self.stock["final"],
                    output=claim.output,
                    output_date=days_from(on, -1),
                    review=Review.RETURN,
                    reason=claim.reason,
                )
            )
        events.append(
            Report(
                on=days_from(self.today, -_LATEST_REPORT_DAYS_AGO),
                percent=story.percent,
                results=self.notes.results or self._stage(story.percent),
                difficulties=self.notes.difficulties,
                proposals=self.notes.proposals,
                review=Review.RETURN if story.returned else Review.PENDING,
                reason=story.returned,
            )
        )
        if extension := story.extension:
            events.append(self._deadline_request(extension))
        return events

    def _ongoing(self, story: Ongoing) -> list[Event]:
        results = self.notes.results or self.stock["ongoing"]
        events = self._early_reports(days_from(self.today, -95), story.percent, results=results)
        events.append(
            Report(
                on=days_from(self.today, -8),
                percent=story.percent,
                results=results,
                difficulties=self.notes.difficulties,
                proposals=self.notes.proposals,
                review=Review.PENDING,
            )
        )
        return events

    def _stopped(self, story: _Stopped) -> list[Event]:
        stopped_on = days_from(self.today, -story.days_ago)
        events = self._early_reports(days_from(stopped_on, -30), story.percent)
        events.append(Stop(on=stopped_on, state=story.state, reason=story.reason))
        return events

    def _early_reports(
        self, on: date, percent: int, *, results: str = "", difficulties: str = ""
    ) -> list[Event]:
        """One accepted report on ``on``, unless that is too soon after assignment."""
        if on < days_from(self.assigned_on, _FIRST_REPORT_AFTER_DAYS):
            return []
        return [
            Report(
                on=on,
                percent=percent,
                results=results or self._stage(percent),
                difficulties=difficulties,
            )
        ]

    def _deadline_request(self, extension: Extension) -> DeadlineRequest:
        new_deadline = parse_deadline_phrase(render(extension.to, self.today)).deadline
        if new_deadline is None:
            raise DemoContentError(f"{extension.to!r} names no deadline.")
        decided = extension.decided
        return DeadlineRequest(
            on=days_from(self.today, -4 if decided is None else decided),
            new_deadline=new_deadline,
            reason=extension.reason,
            approved=None if decided is None else extension.approved,
            note=extension.note,
        )

    def _stage(self, percent: int) -> str:
        if percent < 40:
            return self.stock["start"]
        if percent < 75:
            return self.stock["draft"]
        return self.stock["final"]


def _earlier(percent: int) -> int:
    """The percent an earlier report gave: about 40 % of the latest, in steps of 5."""
    return max(5, round(percent * 0.4 / 5) * 5)


def _status_after(
    parsed: ParsedDeadline, assigned_on: date, events: tuple[Event, ...], today: date
) -> TaskStatus:
    """The status the task has on ``today`` once the events are recorded."""
    deadline, completed_on, stopped_on, state = parsed.deadline, None, None, TaskState.OPEN
    for event in events:
        if isinstance(event, Report) and event.claims_completion:
            if event.review == Review.ACCEPT:
                state, completed_on = TaskState.COMPLETED, event.output_date
        elif isinstance(event, DeadlineRequest) and event.approved:
            deadline = event.new_deadline
        elif isinstance(event, Stop):
            state, stopped_on = event.state, event.on
    return get_task_status(
        state=state,
        kind=parsed.kind,
        deadline=deadline,
        assigned_on=assigned_on,
        completed_on=completed_on,
        stopped_on=stopped_on,
        as_of=today,
    )
