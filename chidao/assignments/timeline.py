"""A task's timeline: reports, contributions, reviews, deadline changes and directions.

One list, newest first, read by the task page (``includes/timeline.html``) and later by
exports. Entries are ordered by the day they are about (the report date, the decision
date), then by when they were recorded, so a report entered late still sits on its day.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.assignments.choices import DeadlineChangeDecision, ReviewState
from chidao.assignments.models import DeadlineChange, Direction, ProgressUpdate, Task


class TimelineKind(models.TextChoices):
    REPORT = "report", gettext_lazy("Báo cáo tiến độ")
    CONTRIBUTION = "contribution", gettext_lazy("Báo cáo phần phối hợp")
    COMPLETION_CLAIM = "completion_claim", gettext_lazy("Đề nghị xác nhận hoàn thành")
    UNIT_APPROVAL = "unit_approval", gettext_lazy("Lãnh đạo đơn vị duyệt báo cáo")
    ACCEPTED = "accepted", gettext_lazy("Thường trực chấp nhận báo cáo")
    COMPLETION_ACCEPTED = "completion_accepted", gettext_lazy("Xác nhận hoàn thành")
    RETURNED = "returned", gettext_lazy("Trả lại báo cáo")
    DEADLINE_REQUEST = "deadline_request", gettext_lazy("Đề nghị điều chỉnh thời hạn")
    DEADLINE_APPROVED = "deadline_approved", gettext_lazy("Đồng ý điều chỉnh thời hạn")
    DEADLINE_REJECTED = "deadline_rejected", gettext_lazy("Không đồng ý điều chỉnh thời hạn")
    DIRECTION = "direction", gettext_lazy("Ý kiến chỉ đạo")
    URGE = "urge", gettext_lazy("Thường trực đôn đốc")


_KIND_BADGES = {
    TimelineKind.REPORT: "primary",
    TimelineKind.CONTRIBUTION: "info",
    TimelineKind.COMPLETION_CLAIM: "warning",
    TimelineKind.UNIT_APPROVAL: "secondary",
    TimelineKind.ACCEPTED: "success",
    TimelineKind.COMPLETION_ACCEPTED: "success",
    TimelineKind.RETURNED: "danger",
    TimelineKind.DEADLINE_REQUEST: "warning",
    TimelineKind.DEADLINE_APPROVED: "success",
    TimelineKind.DEADLINE_REJECTED: "danger",
    TimelineKind.DIRECTION: "dark",
    TimelineKind.URGE: "danger",
}

# Entries recorded by apps above this one (reminders: urges), which may not be imported
# here (docs/architecture.md): each registers, from its AppConfig.ready, a function
# ``task -> iterable of TimelineEntry``.
TIMELINE_SOURCES: list[Callable[[Task], Iterable["TimelineEntry"]]] = []


def register_timeline_source(source: Callable[[Task], Iterable["TimelineEntry"]]) -> None:
    """Add ``source``'s entries to every task's timeline (once, however often called)."""
    if source not in TIMELINE_SOURCES:
        TIMELINE_SOURCES.append(source)


@dataclass(frozen=True)
class EvidenceLink:
    pk: int
    name: str
    size: int


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened to a task, as the timeline shows it.

    ``on`` is the day the entry is about; ``at`` when it was recorded (None when only a
    day is known). ``update`` and ``change`` are the report or deadline-change request the
    entry belongs to, if any, so the page can offer the actions on it; ``state`` is its
    review state or decision as it stands today.
    """

    on: datetime.date
    at: datetime.datetime | None
    kind: TimelineKind
    who: str
    unit: str
    text: str = ""
    details: tuple[tuple[str, str], ...] = ()
    evidence: tuple[EvidenceLink, ...] = ()
    decision: str = ""
    reason: str = ""
    update: ProgressUpdate | None = field(default=None, compare=False)
    change: DeadlineChange | None = field(default=None, compare=False)
    state: str = ""
    state_badge: str = ""

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def badge(self) -> str:
        return _KIND_BADGES[self.kind]


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def _unit_name(user) -> str:
    # A decision recorded without its decider (``decided_by`` may be empty) names no unit.
    unit = user.person.unit if user is not None and user.person_id else None
    return str(unit) if unit else ""


@dataclass(frozen=True)
class TaskRecords:
    """A task's reports, deadline changes and directions as its timeline reads them: all of
    them, with the people and units the entries name. The task page also builds the task's
    forecast from the reports and changes (``risk.get_loaded_task_facts``)."""

    updates: list[ProgressUpdate]
    changes: list[DeadlineChange]
    directions: list[Direction]


def get_task_records(task: Task) -> TaskRecords:
    """``task``'s records for its timeline: four queries whatever the size, each list in
    its model's order."""
    # Read without ORDER BY and sorted here as the models order them: for rows this wide
    # (up to ten tables joined) Django builds the ORDER BY by matching each term against
    # every selected column, as costly as the rest of the query (≈ 1.1 ms a page), for the
    # few dozen records one task has.
    updates = sorted(
        ProgressUpdate.objects.filter(task=task)
        .select_related(
            "unit",
            "author__person",
            "reviewed_by__person__unit",
            "unit_approved_by__person__unit",
        )
        .prefetch_related("evidence")
        .order_by(),
        key=lambda update: (update.reported_on, update.pk),
        reverse=True,
    )
    for update in updates:
        update.task = task
    changes = sorted(
        DeadlineChange.objects.filter(task=task)
        .select_related("requested_by__person__unit", "decided_by__person__unit")
        .order_by(),
        key=lambda change: (change.requested_at, change.pk),
    )
    directions = sorted(
        Direction.objects.filter(task=task).select_related("author__person__unit").order_by(),
        key=lambda direction: (direction.created_at, direction.pk),
        reverse=True,
    )
    return TaskRecords(updates=updates, changes=changes, directions=directions)


def get_task_timeline(task: Task, records: TaskRecords | None = None) -> list[TimelineEntry]:
    """Everything that happened to ``task``, newest first, from ``records`` (read when not
    given: four queries whatever the size)."""
    if records is None:
        records = get_task_records(task)
    updates, changes, directions = records.updates, records.changes, records.directions

    entries: list[TimelineEntry] = []
    for update in updates:
        entries.extend(_update_entries(update))
    for change in changes:
        entries.extend(_deadline_change_entries(change))
    for direction in directions:
        entries.append(
            TimelineEntry(
                on=_local_day(direction.created_at),
                at=direction.created_at,
                kind=TimelineKind.DIRECTION,
                who=str(direction.author),
                unit=_unit_name(direction.author),
                text=direction.text,
            )
        )
    for source in TIMELINE_SOURCES:
        entries.extend(source(task))
    entries.sort(key=_entry_order, reverse=True)
    return entries


def _entry_order(entry: TimelineEntry):
    at = entry.at or datetime.datetime.combine(entry.on, datetime.time.min, tzinfo=datetime.UTC)
    return (entry.on, at)


def _update_entries(update: ProgressUpdate) -> list[TimelineEntry]:
    if update.claims_completion:
        kind = TimelineKind.COMPLETION_CLAIM
    elif update.is_contribution:
        kind = TimelineKind.CONTRIBUTION
    else:
        kind = TimelineKind.REPORT
    details = [(_("Tiến độ"), f"{update.percent}%")]
    for label, value in (
        (_("Khó khăn, vướng mắc"), update.difficulties),
        (_("Kiến nghị, đề xuất"), update.proposals),
    ):
        if value:
            details.append((label, value))
    if update.claims_completion:
        details.append((_("Sản phẩm"), update.completion_output))
        details.append((_("Ngày của sản phẩm"), f"{update.output_date:%d/%m/%Y}"))
    entries = [
        TimelineEntry(
            on=update.reported_on,
            at=update.created_at,
            kind=kind,
            who=str(update.author),
            unit=str(update.unit),
            text=update.results,
            details=tuple(details),
            evidence=tuple(
                EvidenceLink(pk=item.pk, name=str(item), size=item.size)
                for item in update.evidence.all()
            ),
            update=update,
            state=update.review_label,
            state_badge=update.review_badge,
        )
    ]
    # A decision entry may sit above a later report; it names the report it decided on.
    report_named = ((_("Về báo cáo ngày"), f"{update.reported_on:%d/%m/%Y}"),)
    if update.unit_approved_at:
        entries.append(
            TimelineEntry(
                on=max(update.reported_on, _local_day(update.unit_approved_at)),
                at=update.unit_approved_at,
                kind=TimelineKind.UNIT_APPROVAL,
                who=str(update.unit_approved_by),
                unit=str(update.unit),
                details=report_named,
                update=update,
            )
        )
    if update.reviewed_at and update.review_state != ReviewState.SUBMITTED:
        if update.review_state == ReviewState.RETURNED:
            kind = TimelineKind.RETURNED
        elif update.claims_completion:
            kind = TimelineKind.COMPLETION_ACCEPTED
        else:
            kind = TimelineKind.ACCEPTED
        text = ""
        if kind == TimelineKind.COMPLETION_ACCEPTED:
            text = _("Nhiệm vụ hoàn thành ngày %(day)s (ngày của sản phẩm).") % {
                "day": f"{update.output_date:%d/%m/%Y}"
            }
        entries.append(
            TimelineEntry(
                on=max(update.reported_on, _local_day(update.reviewed_at)),
                at=update.reviewed_at,
                kind=kind,
                who=str(update.reviewed_by),
                unit=_unit_name(update.reviewed_by),
                text=text,
                details=report_named,
                decision=update.get_review_state_display(),
                reason=update.review_reason,
                update=update,
            )
        )
    return entries


def _deadline_change_entries(change: DeadlineChange) -> list[TimelineEntry]:
    requested_on = _local_day(change.requested_at)
    if change.decided_on:
        # Changes recorded after the fact (imports, the demo) carry an earlier decision day.
        requested_on = min(requested_on, change.decided_on)
    entries = [
        TimelineEntry(
            on=requested_on,
            at=change.requested_at,
            kind=TimelineKind.DEADLINE_REQUEST,
            who=str(change.requested_by),
            unit=_unit_name(change.requested_by),
            text=change.reason,
            details=(
                (_("Thời hạn khi đề nghị"), f"{change.old_deadline:%d/%m/%Y}"),
                (_("Thời hạn đề nghị"), f"{change.new_deadline:%d/%m/%Y}"),
            ),
            state=change.get_decision_display(),
            state_badge=_DECISION_BADGES[change.decision],
            change=change,
        )
    ]
    if change.decision != DeadlineChangeDecision.PENDING:
        approved = change.decision == DeadlineChangeDecision.APPROVED
        entries.append(
            TimelineEntry(
                on=change.decided_on,
                at=change.decided_at,
                kind=TimelineKind.DEADLINE_APPROVED if approved else TimelineKind.DEADLINE_REJECTED,
                who=str(change.decided_by),
                unit=_unit_name(change.decided_by),
                text=change.decision_note,
                details=(
                    (
                        (_("Thời hạn mới"), f"{change.new_deadline:%d/%m/%Y}"),
                        (_("Thời hạn trước đó"), f"{change.old_deadline:%d/%m/%Y}"),
                    )
                    if approved
                    else ()
                ),
                decision=change.get_decision_display(),
            )
        )
    return entries


_DECISION_BADGES = {
    DeadlineChangeDecision.PENDING: "warning",
    DeadlineChangeDecision.APPROVED: "success",
    DeadlineChangeDecision.REJECTED: "danger",
}
