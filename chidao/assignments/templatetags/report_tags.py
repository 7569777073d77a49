"""Template filters over a task's timeline (``timeline.get_task_timeline``), no queries."""

from dataclasses import dataclass

from django import template

from chidao.assignments.choices import UNDECIDED_REVIEW_STATES
from chidao.assignments.timeline import TimelineEntry, TimelineKind

register = template.Library()

_REPORT_KINDS = (TimelineKind.REPORT, TimelineKind.CONTRIBUTION, TimelineKind.COMPLETION_CLAIM)


@dataclass(frozen=True)
class UnitPart:
    """One unit's part of a task: its latest report and how many it has filed."""

    unit: str
    is_lead: bool
    latest: TimelineEntry
    reports: int


@register.filter
def unit_parts(timeline: list[TimelineEntry]) -> list[UnitPart]:
    """The lead unit's part first, then each coordinating unit's, from the timeline."""
    latest: dict[int, TimelineEntry] = {}
    counts: dict[int, int] = {}
    for entry in timeline or ():
        if entry.kind in _REPORT_KINDS and entry.update is not None:
            unit_id = entry.update.unit_id
            latest.setdefault(unit_id, entry)  # the timeline is newest first
            counts[unit_id] = counts.get(unit_id, 0) + 1
    parts = [
        UnitPart(
            unit=entry.unit,
            is_lead=not entry.update.is_contribution,
            latest=entry,
            reports=counts[unit_id],
        )
        for unit_id, entry in latest.items()
    ]
    return sorted(parts, key=lambda part: (not part.is_lead, part.unit))


@register.filter
def awaiting_verification(timeline: list[TimelineEntry]) -> bool:
    """A completion claim has been filed and not yet accepted or returned."""
    return any(
        entry.kind == TimelineKind.COMPLETION_CLAIM
        and entry.update.review_state in UNDECIDED_REVIEW_STATES
        for entry in timeline or ()
    )
