"""The follow-up brief for a meeting: what earlier meetings assigned and where it stands.

Read by the page and the Word file alike, so both list the same tasks in the same order:
overdue first (the longest overdue on top), then in progress by deadline, then the rest.
Each line carries the lead unit's last report (any unit's when the lead has none).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Subquery

from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import ProgressUpdate, Task
from chidao.meetings.models import ConclusionTask, Meeting
from chidao.meetings.rules import get_follow_up_rank


@dataclass
class FollowUpLine:
    task: Task
    status: str
    deadline: date | None
    conclusion_label: str
    last_report: ProgressUpdate | None
    overdue_days: int | None = None


@dataclass
class FollowUp:
    meeting: Meeting
    as_of: date
    earlier_meetings: list[Meeting]
    lines: list[FollowUpLine] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, int]]:
        counted = Counter(line.status for line in self.lines)
        return [
            (str(TaskStatus(status).label), counted[status])
            for status in sorted(counted, key=get_follow_up_rank)
        ]


def get_follow_up(meeting: Meeting, *, as_of: date) -> FollowUp:
    """Tasks assigned by the conclusions of the committee's meetings held before
    ``meeting``, with their status as of ``as_of`` and their last reports."""
    earlier = list(
        Meeting.objects.filter(committee=meeting.committee, held_on__lte=meeting.held_on)
        .exclude(pk=meeting.pk)
        .exclude(held_on=meeting.held_on, number__gt=meeting.number)
        .order_by("held_on", "number")
    )
    links = list(
        ConclusionTask.objects.filter(conclusion__meeting__in=earlier)
        .select_related("conclusion__meeting")
        .order_by("conclusion__meeting__held_on", "conclusion__number", "pk")
    )
    first_link: dict[int, ConclusionTask] = {}
    for link in links:
        first_link.setdefault(link.task_id, link)
    last_report = (
        ProgressUpdate.objects.filter(task=OuterRef("pk"))
        .order_by("-reported_on", "-pk")
        .values("pk")[:1]
    )
    lead_report = (
        ProgressUpdate.objects.filter(task=OuterRef("pk"), unit=OuterRef("lead_unit"))
        .order_by("-reported_on", "-pk")
        .values("pk")[:1]
    )
    tasks = list(
        Task.objects.filter(pk__in=first_link)
        .with_status(as_of)
        .annotate(lead_report_id=Subquery(lead_report), any_report_id=Subquery(last_report))
        .select_related("lead_unit")
        .prefetch_related("coordinating_units")
    )
    report_ids = {t.lead_report_id or t.any_report_id for t in tasks} - {None}
    reports = ProgressUpdate.objects.select_related("unit").in_bulk(report_ids)
    lines = []
    for task in tasks:
        link = first_link[task.pk]
        lines.append(
            FollowUpLine(
                task=task,
                status=task.status,
                deadline=task.deadline_as_of,
                conclusion_label=f"{link.conclusion.meeting.title}, mục {link.conclusion.number}",
                last_report=reports.get(task.lead_report_id or task.any_report_id),
                overdue_days=(as_of - task.deadline_as_of).days
                if task.status == TaskStatus.OVERDUE
                else None,
            )
        )
    lines.sort(
        key=lambda line: (
            get_follow_up_rank(line.status),
            line.deadline or date.max,
            line.task.code,
            line.task.pk,
        )
    )
    return FollowUp(meeting=meeting, as_of=as_of, earlier_meetings=earlier, lines=lines)
