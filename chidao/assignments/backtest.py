"""Replaying history to measure the early warning (``manage.py backtest_forecast``).

For each past date D, the forecast is made with only what was known on D
(``risk.get_task_facts``) and compared with what happened by D + 30 days: did the task in
progress on D go overdue (still open after its deadline, or finished late) by then?
Precision and recall of "có nguy cơ chậm" (any warning: at risk or certainly late), and
the mean error of the expected completion date against the real one, where the task has
been completed. docs/early-warning.md reports the figures and how to reproduce them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from chidao.assignments.choices import TaskStatus
from chidao.assignments.forecast import TaskFacts, Weights, forecast_tasks
from chidao.assignments.models import Task
from chidao.assignments.risk import get_task_facts

HORIZON_DAYS = 30
WENT_OVERDUE = (TaskStatus.OVERDUE, TaskStatus.DONE_LATE)


@dataclass(frozen=True)
class Snapshot:
    """What was known on one date, and what had happened 30 days later."""

    as_of: date
    facts: Mapping[int, TaskFacts[int]]
    weights: Mapping[int, Weights]
    scope: frozenset[int]
    later_status: Mapping[int, str]
    completed_on: Mapping[int, date | None]
    # How each task ended by the end of the data: True late, False on time, absent unknown.
    ended_late: Mapping[int, bool]


@dataclass(frozen=True)
class Confusion:
    """Warnings against outcomes for one way of counting."""

    cases: int = 0
    flagged: int = 0
    positives: int = 0
    caught: int = 0

    def add(self, flagged: bool, positive: bool) -> "Confusion":
        return Confusion(
            self.cases + 1,
            self.flagged + flagged,
            self.positives + positive,
            self.caught + (flagged and positive),
        )

    @property
    def precision(self) -> float | None:
        return self.caught / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        return self.caught / self.positives if self.positives else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "cases": self.cases,
            "flagged": self.flagged,
            "positives": self.positives,
            "caught": self.caught,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass(frozen=True)
class Score:
    """Three ways of counting, each over tasks in progress within their deadline on D.

    ``within_30``: went overdue by D + 30 (every task in progress on D). ``due_in_30``: the
    same, only tasks whose deadline falls within those 30 days. ``ended_late``: finished
    late or still open after the deadline by the end of the data (tasks whose end is known).
    """

    dates: int
    within_30: Confusion
    due_in_30: Confusion
    ended_late: Confusion
    date_errors: int
    mean_error_days: float | None

    @property
    def f1(self) -> float:
        return self.ended_late.f1

    def as_dict(self) -> dict:
        return {
            "dates": self.dates,
            "went_overdue_within_30_days": self.within_30.as_dict(),
            "due_within_30_days": self.due_in_30.as_dict(),
            "ended_late": self.ended_late.as_dict(),
            "date_errors": self.date_errors,
            "mean_error_days": _round(self.mean_error_days, 1),
        }


def _round(value, digits: int = 3):
    return None if value is None else round(value, digits)


def get_dates(first: date, last: date, step_days: int) -> list[date]:
    dates, day = [], first
    while day <= last:
        dates.append(day)
        day += timedelta(days=step_days)
    return dates


def take_snapshots(
    task_ids: Iterable[int], dates: Iterable[date], data_end: date
) -> list[Snapshot]:
    """The known facts on each date, each task's status 30 days later, and how it ended
    by ``data_end`` (the last day the data knows of)."""
    scope = frozenset(task_ids)
    completed = dict(Task.objects.filter(pk__in=scope).values_list("pk", "completed_on"))
    ended_late = {}
    for pk, status in (
        Task.objects.filter(pk__in=scope).with_status(data_end).values_list("pk", "status")
    ):
        if status in WENT_OVERDUE:
            ended_late[pk] = True
        elif status == TaskStatus.DONE_ON_TIME:
            ended_late[pk] = False
    snapshots = []
    for as_of in dates:
        facts, weights = get_task_facts(scope, as_of)
        later = dict(
            Task.objects.filter(pk__in=scope)
            .with_status(as_of + timedelta(days=HORIZON_DAYS))
            .values_list("pk", "status")
        )
        snapshots.append(Snapshot(as_of, facts, weights, scope, later, completed, ended_late))
    return snapshots


def score(snapshots: Iterable[Snapshot], weights: Weights | None = None) -> Score:
    """Score the forecasts of the snapshots, with the committees' weights or ``weights``.

    A case is a task of the scope in progress within its deadline on the date.
    """
    dates = 0
    within = due = ended = Confusion()
    errors: list[int] = []
    for snap in snapshots:
        dates += 1
        chosen = dict.fromkeys(snap.facts, weights) if weights else snap.weights
        forecasts = forecast_tasks(snap.facts, snap.as_of, chosen)
        horizon = snap.as_of + timedelta(days=HORIZON_DAYS)
        for pk in snap.scope:
            item = snap.facts.get(pk)
            if item is None or item.status != TaskStatus.IN_PROGRESS:
                continue
            forecast = forecasts[pk]
            warned = forecast.is_warning
            positive = snap.later_status.get(pk) in WENT_OVERDUE
            within = within.add(warned, positive)
            if item.deadline and item.deadline <= horizon:
                due = due.add(warned, positive)
            if pk in snap.ended_late:
                ended = ended.add(warned, snap.ended_late[pk])
            done = snap.completed_on.get(pk)
            if forecast.expected_on and done:
                errors.append(abs((forecast.expected_on - done).days))
    return Score(
        dates=dates,
        within_30=within,
        due_in_30=due,
        ended_late=ended,
        date_errors=len(errors),
        mean_error_days=sum(errors) / len(errors) if errors else None,
    )


# The grid the defaults were calibrated on (docs/early-warning.md).
CALIBRATION_GRID = {
    "pace_gap_percent": (10, 20, 30),
    "stale_report_days": (30, 45, 60, 90),
    "risk_points": (1, 2, 3),
}


def calibrate(snapshots: list[Snapshot]) -> list[tuple[Weights, Score]]:
    """Every combination of ``CALIBRATION_GRID``, best F1 (on how tasks ended) first."""
    results = []
    for gap in CALIBRATION_GRID["pace_gap_percent"]:
        for stale in CALIBRATION_GRID["stale_report_days"]:
            for points in CALIBRATION_GRID["risk_points"]:
                weights = Weights(pace_gap_percent=gap, stale_report_days=stale, risk_points=points)
                results.append((weights, score(snapshots, weights)))
    results.sort(key=lambda item: -item[1].f1)
    return results
