"""The early warning: when a task in progress will likely be done, and why it may slip.

A pure rule of plain values (no request, no database): ``risk.get_forecasts`` gathers
what was known on a date into ``TaskFacts`` and calls ``forecast_tasks``. Every verdict
comes with its reasons in plain Vietnamese, so a risk can always be traced back.

The signals, each worth points (``Weights``):

* the pace: progress well behind the share of time gone ("tiến độ 30 % khi đã qua 80 %
  thời gian"), and the expected completion date read from the pace of the last reports;
* silence: no report for ``stale_report_days``;
* repeated deadline-change requests;
* coordinating units that have filed nothing for their part;
* the lead unit's on-time record on its tasks already due;
* the tasks it waits for: overdue, stalled, at risk, or expected after its deadline
  (the expected date moves down the chain of dependencies).

A task is "chậm chắc chắn" when its expected completion is more than
``certain_late_days`` past the deadline (or it has stalled and already used most of its
time), "có nguy cơ chậm" when it is expected late or collects ``risk_points``, else
"đúng tiến độ". Only tasks in progress within their deadline get a risk: completed,
cancelled, paused and overdue tasks have their own status and never count as "at risk".
"""

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Generic, TypeVar

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.assignments.choices import Risk, TaskStatus
from chidao.assignments.dependencies import get_topological_order

# A task's key: its primary key in the database, a name in the tests.
Key = TypeVar("Key", bound=Hashable)

# How many of the latest reports set the pace.
PACE_REPORTS = 3


@dataclass(frozen=True)
class Weights:
    """A committee's thresholds (``models.ForecastSettings``) and the points of each signal."""

    pace_gap_percent: int = 20
    stale_report_days: int = 45
    repeated_changes: int = 2
    poor_on_time_percent: int = 60
    certain_late_days: int = 30
    risk_points: int = 2
    pace_points: int = 2
    stale_points: int = 1
    change_points: int = 1
    coordinator_points: int = 1
    lead_record_points: int = 1
    dependency_points: int = 2
    # The lead unit's record counts once it has this many tasks already due.
    min_record: int = 3


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class TaskFacts(Generic[Key]):
    """What was known about one task on the forecast date.

    Attributes:
        label: how reasons name the task (its code, else its title).
        status: ``TaskStatus`` on the forecast date.
        start: the start date, or the day it was assigned.
        deadline: the deadline in force on the forecast date (``None``: no deadline).
        reports: the lead unit's reports known then, as ``(reported_on, percent)``.
        change_requests: deadline-change requests filed by then.
        silent_coordinators: coordinating units that had filed nothing by then.
        lead_record: the lead unit's ``(on time, already due)`` tasks, or ``None``.
        depends_on: keys of the tasks it waits for.
        completed_on: the completion date of a task done by then.
    """

    label: str
    status: str
    start: date
    deadline: date | None
    reports: tuple[tuple[date, int], ...] = ()
    change_requests: int = 0
    silent_coordinators: int = 0
    lead_record: tuple[int, int] | None = None
    depends_on: tuple[Key, ...] = ()
    completed_on: date | None = None


@dataclass(frozen=True)
class Forecast:
    """The verdict on one task.

    Attributes:
        expected_on: the expected completion date; ``None`` when nothing moves (stalled).
        risk: ``Risk`` for a task in progress within its deadline, ``None`` otherwise.
        reasons: the reasons, in plain Vietnamese, most telling first.
        status: the task's ``TaskStatus`` on the forecast date.
    """

    expected_on: date | None
    risk: Risk | None
    reasons: tuple[str, ...] = ()
    status: str = TaskStatus.IN_PROGRESS
    points: int = 0
    late_days: int | None = field(default=None)

    @property
    def is_warning(self) -> bool:
        """At risk or certainly late: what the warning lists show."""
        return self.risk in (Risk.AT_RISK, Risk.CERTAIN_LATE)


def _fmt(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def get_pace_forecast(
    reports: tuple[tuple[date, int], ...], start: date, as_of: date
) -> tuple[date | None, int]:
    """The expected completion date from the pace of the last reports, and the progress.

    The pace is the progress gained over the last ``PACE_REPORTS`` reports (from the start
    at 0 % when there is only one). With no report, the plan is taken at its word
    (``(None, 0)`` is returned and the caller uses the deadline). No progress over the
    last reports: ``None`` (stalled). The date is never before the day after ``as_of``
    unless the work is already at 100 %.
    """
    if not reports:
        return None, 0
    ordered = sorted(reports)
    last_day, last_percent = ordered[-1]
    if last_percent >= 100:
        return last_day, 100
    window = ordered[-PACE_REPORTS:]
    first_day, first_percent = window[0]
    if len(window) == 1 or first_day == last_day:
        first_day, first_percent = start, 0
    days = (last_day - first_day).days
    gained = last_percent - first_percent
    if days <= 0 or gained <= 0:
        return None, last_percent
    needed = math.ceil((100 - last_percent) * days / gained)
    expected = last_day + timedelta(days=needed)
    return max(expected, as_of + timedelta(days=1)), last_percent


def forecast_task(
    facts: TaskFacts,
    as_of: date,
    weights: Weights = DEFAULT_WEIGHTS,
    upstream: Mapping[str, Forecast] | None = None,
) -> Forecast:
    """Forecast one task from its facts and the forecasts of what it waits for.

    Args:
        facts: what was known on ``as_of``.
        as_of: the forecast date.
        weights: the committee's weights.
        upstream: label → forecast of each task it waits for.
    """
    status = facts.status
    if status in (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE):
        return Forecast(expected_on=facts.completed_on, risk=None, status=status)
    if status in (TaskStatus.PAUSED, TaskStatus.CANCELLED, TaskStatus.NOT_YET_ASSIGNED):
        return Forecast(expected_on=None, risk=None, status=status)

    expected, percent = get_pace_forecast(facts.reports, facts.start, as_of)
    reasons: list[tuple[int, str]] = []  # (points, reason)
    stalled = bool(facts.reports) and expected is None
    if not facts.reports:
        expected = max(facts.deadline or as_of, as_of + timedelta(days=1))
    deadline = facts.deadline
    span = (deadline - facts.start).days if deadline else 0
    used = (as_of - facts.start).days / span if span > 0 else 0.0
    used = min(max(used, 0.0), 1.0)

    if deadline and percent < 100 and percent < 100 * used - weights.pace_gap_percent:
        reasons.append(
            (
                weights.pace_points,
                _("tiến độ %(percent)d %% khi đã qua %(used)d %% thời gian")
                % {"percent": percent, "used": round(100 * used)},
            )
        )
    if stalled:
        last_day = max(facts.reports)[0]
        reasons.append(
            (
                weights.pace_points,
                _(
                    "tiến độ đứng ở %(percent)d %%, "
                    "không tăng qua các báo cáo gần nhất (đến %(day)s)"
                )
                % {"percent": percent, "day": _fmt(last_day)},
            )
        )
    last_report = max(facts.reports)[0] if facts.reports else None
    silent_days = (as_of - (last_report or facts.start)).days
    if percent < 100 and silent_days >= weights.stale_report_days:
        if last_report is None:
            text = _("chưa có báo cáo nào sau %(days)d ngày được giao") % {"days": silent_days}
        else:
            text = _("chưa báo cáo %(days)d ngày") % {"days": silent_days}
        reasons.append((weights.stale_points, text))
    if weights.repeated_changes and facts.change_requests >= weights.repeated_changes:
        reasons.append(
            (
                weights.change_points,
                _("đã %(count)d lần đề nghị lùi thời hạn") % {"count": facts.change_requests},
            )
        )
    if facts.silent_coordinators and used >= 0.5:
        reasons.append(
            (
                weights.coordinator_points,
                ngettext(
                    "%(count)d cơ quan phối hợp chưa báo cáo phần việc",
                    "%(count)d cơ quan phối hợp chưa báo cáo phần việc",
                    facts.silent_coordinators,
                )
                % {"count": facts.silent_coordinators},
            )
        )
    if facts.lead_record is not None:
        on_time, due = facts.lead_record
        if due >= weights.min_record and on_time * 100 < weights.poor_on_time_percent * due:
            reasons.append(
                (
                    weights.lead_record_points,
                    _(
                        "cơ quan chủ trì mới hoàn thành đúng hạn "
                        "%(on_time)d/%(due)d nhiệm vụ đã đến hạn"
                    )
                    % {"on_time": on_time, "due": due},
                )
            )

    # What it waits for: an overdue, stalled or late prerequisite holds this task up, and
    # its expected date moves this one's.
    for label, before in sorted((upstream or {}).items()):
        if before.status in (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE):
            continue
        if before.status == TaskStatus.OVERDUE:
            text = _("phụ thuộc nhiệm vụ %(label)s đang quá hạn") % {"label": label}
        elif before.expected_on is None and before.status == TaskStatus.IN_PROGRESS:
            text = _("phụ thuộc nhiệm vụ %(label)s đang đứng, chưa ước tính được ngày xong") % {
                "label": label
            }
        elif deadline and before.expected_on and before.expected_on > deadline:
            text = _(
                "phụ thuộc nhiệm vụ %(label)s dự kiến xong %(day)s, sau thời hạn của nhiệm vụ này"
            ) % {"label": label, "day": _fmt(before.expected_on)}
        elif before.is_warning:
            text = _("phụ thuộc nhiệm vụ %(label)s đang có nguy cơ chậm") % {"label": label}
        else:
            text = ""
        if text:
            reasons.append((weights.dependency_points, text))
        if before.expected_on is None and before.status in (
            TaskStatus.IN_PROGRESS,
            TaskStatus.OVERDUE,
        ):
            stalled = stalled or expected is None
        elif before.expected_on and expected and before.expected_on > expected:
            expected = before.expected_on

    points = sum(p for p, _text in reasons)
    ordered = [text for _p, text in sorted(reasons, key=lambda r: -r[0])]
    if status == TaskStatus.OVERDUE or deadline is None:
        # Overdue is its own status, and a task without a deadline cannot slip.
        return Forecast(
            expected_on=expected, risk=None, reasons=tuple(ordered), status=status, points=points
        )

    late_days = (expected - deadline).days if expected else None
    if expected and late_days is not None and late_days > 0:
        ordered.insert(
            0,
            _("dự kiến hoàn thành %(expected)s, chậm %(days)d ngày so với thời hạn %(deadline)s")
            % {"expected": _fmt(expected), "days": late_days, "deadline": _fmt(deadline)},
        )
    if (late_days is not None and late_days > weights.certain_late_days) or (
        expected is None and used >= 0.75
    ):
        risk = Risk.CERTAIN_LATE
    elif (late_days is not None and late_days > 0) or points >= weights.risk_points or stalled:
        risk = Risk.AT_RISK
    else:
        risk = Risk.ON_TRACK
    return Forecast(
        expected_on=expected,
        risk=risk,
        reasons=tuple(ordered),
        status=status,
        points=points,
        late_days=late_days,
    )


def forecast_tasks(
    facts: Mapping[Key, TaskFacts[Key]],
    as_of: date,
    weights: Mapping[Key, Weights] | None = None,
) -> dict[Key, Forecast]:
    """Forecast every task of ``facts``, each after the tasks it waits for.

    Prerequisites missing from ``facts`` are ignored. ``weights`` maps a task's key to its
    committee's weights (default ``Weights()``).
    """
    edges = {key: [d for d in item.depends_on if d in facts] for key, item in facts.items()}
    result: dict[Key, Forecast] = {}
    for key in get_topological_order(edges):
        item = facts[key]
        upstream = {facts[d].label: result[d] for d in edges[key] if d in result}
        result[key] = forecast_task(
            item, as_of, (weights or {}).get(key, DEFAULT_WEIGHTS), upstream=upstream
        )
    return result
