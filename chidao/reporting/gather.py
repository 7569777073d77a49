"""Reads for cycles: what a unit reported in the window, and the consolidated report.

``get_report_data`` gathers everything the consolidated report says, once, so that the
Word report, the Excel appendix and the pages print the same numbers. The task counts
come from ``assignments.counts.get_count_table``, the table the dashboard shows.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import CountRow, CountTable, get_count_table
from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.rules import get_days_overdue
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.reads import get_latest_values, judge
from chidao.indicators.targets import format_number
from chidao.reporting.choices import ReportLayout, Timeliness
from chidao.reporting.models import ReportingCycle, UnitSubmission
from chidao.reporting.rules import (
    format_document_date,
    format_number_line,
    get_issuing_body_name,
    get_period_phrase,
    get_report_layout,
)


def get_unit_progress_updates(cycle: ReportingCycle, unit_id: int):
    """The unit's progress reports on the committee's tasks within the data window."""
    return (
        ProgressUpdate.objects.filter(
            task__committee=cycle.committee_id,
            unit=unit_id,
            reported_on__range=(cycle.window_start, cycle.window_end),
        )
        .select_related("task")
        .order_by("task__code", "reported_on", "pk")
    )


def get_unit_observations(cycle: ReportingCycle, unit_id: int):
    """The unit's approved indicator values for the periods inside the cycle's period."""
    return (
        Observation.objects.filter(
            indicator__committee=cycle.committee_id,
            unit=unit_id,
            state=ObservationState.APPROVED,
            period_start__range=(cycle.period_start, cycle.period_end),
        )
        .select_related("indicator")
        .order_by("indicator__code", "period_start")
    )


@dataclass(frozen=True)
class SubmissionLine:
    submission: UnitSubmission
    timeliness: Timeliness
    submitted_on: date | None


def get_submission_lines(cycle: ReportingCycle, as_of: date) -> list[SubmissionLine]:
    """Every required unit's report with whether it came on time, late, or not at all."""
    submissions = cycle.submissions.select_related("unit").order_by("unit__name")
    lines = []
    for submission in submissions:
        submission.cycle = cycle
        on = submission.submitted_on
        lines.append(
            SubmissionLine(
                submission=submission,
                timeliness=submission.get_timeliness(as_of),
                submitted_on=on if on is not None and on <= as_of else None,
            )
        )
    return lines


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    measure_unit: str
    group_code: str
    target: str
    value: str
    ratio: str
    assessment: str
    # The same value and ratio as numbers, for the .xlsx (None where there is no number:
    # no value, a yes/no indicator, a ratio that cannot be computed), and the value's period.
    value_number: Decimal | None = None
    ratio_number: Decimal | None = None
    period_label: str = ""
    stale: bool = False


@dataclass(frozen=True)
class TaskLine:
    code: str
    title: str
    lead_unit: str
    coordinating_units: str
    deadline: str
    output: str
    result: str
    status: str
    status_label: str
    deadline_as_of: date | None
    days_overdue: int
    difficulties: str


@dataclass
class GroupSection:
    code: str
    name: str
    counts: CountRow
    tasks: list[TaskLine] = field(default_factory=list)
    completed_in_window: list[TaskLine] = field(default_factory=list)


@dataclass
class ReportData:
    """Everything the consolidated report of a cycle says on a date."""

    cycle: ReportingCycle
    as_of: date
    layout: ReportLayout
    superior_body: str
    issuing_body: str
    number_line: str
    date_line: str
    subject: str
    count_by_group: CountTable
    count_by_unit: CountTable
    group_codes: dict[int | None, str]
    groups: list[GroupSection]
    indicators: list[IndicatorLine]
    overdue: list[TaskLine]
    next_period: list[TaskLine]
    submissions: list[SubmissionLine]
    signer_name: str
    signer_role: str
    recipients: list[str]

    @property
    def submitted(self) -> list[SubmissionLine]:
        return [s for s in self.submissions if s.submitted_on is not None]

    def count(self, timeliness: Timeliness) -> int:
        return sum(1 for s in self.submissions if s.timeliness == timeliness)

    def unit_texts(self, name: str) -> list[tuple[str, str]]:
        """(unit, text) of the submitted reports that wrote something under ``name``."""
        found = []
        for line in self.submitted:
            text = getattr(line.submission, name).strip()
            if text:
                found.append((line.submission.unit.short_name or line.submission.unit.name, text))
        return found


def get_report_data(cycle: ReportingCycle, as_of: date) -> ReportData:
    """Gather the consolidated report of ``cycle`` as of ``as_of`` (a fixed number of
    queries whatever the number of tasks)."""
    committee = cycle.committee
    host = committee.host_unit
    layout = get_report_layout(host.kind)
    tasks = Task.objects.filter(committee=committee)
    due_soon_days = committee.due_soon_days
    by_group = _in_group_order(
        get_count_table(tasks, as_of=as_of, by="group", due_soon_days=due_soon_days), committee
    )
    by_unit = get_count_table(tasks, as_of=as_of, by="lead_unit", due_soon_days=due_soon_days)
    task_lines = _get_task_lines(tasks, as_of)

    groups = []
    rows = {row.key: row for row in by_group.rows}
    for group in committee.task_groups.order_by("order", "code"):
        section = GroupSection(
            code=group.code,
            name=group.name,
            counts=rows.get(group.pk, CountRow(key=group.pk, label=group.name)),
        )
        groups.append(section)
    ungrouped = GroupSection(
        code="", name="Nhiệm vụ khác", counts=rows.get(None, CountRow(key=None, label=""))
    )
    by_code = {section.code: section for section in groups}
    for line, group_code, completed_on in task_lines:
        section = by_code.get(group_code, ungrouped)
        section.tasks.append(line)
        if completed_on and cycle.window_start <= completed_on <= cycle.window_end:
            section.completed_in_window.append(line)
    if ungrouped.tasks:
        groups.append(ungrouped)

    next_start, next_end = _next_period_span(cycle)
    all_lines = [line for line, _code, _done in task_lines]
    return ReportData(
        cycle=cycle,
        as_of=as_of,
        layout=layout,
        superior_body=host.name.upper(),
        issuing_body=get_issuing_body_name(committee.name, cycle.place),
        number_line=format_number_line(layout, cycle.report_number, cycle.issuer_code),
        date_line=format_document_date(cycle.place, as_of),
        subject=_get_subject(cycle),
        count_by_group=by_group,
        count_by_unit=by_unit,
        group_codes={g.pk: g.code for g in committee.task_groups.all()},
        groups=groups,
        indicators=_get_indicator_lines(cycle, as_of),
        overdue=sorted(
            (line for line in all_lines if line.status == TaskStatus.OVERDUE),
            key=lambda line: (-line.days_overdue, line.code),
        ),
        next_period=[
            line
            for line in all_lines
            if line.deadline_as_of
            and next_start <= line.deadline_as_of <= next_end
            and line.status in (TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE)
        ],
        submissions=get_submission_lines(cycle, as_of),
        signer_name=get_head_name(committee),
        signer_role="TRƯỞNG BAN",
        recipients=[line for line in cycle.recipients.splitlines() if line.strip()],
    )


def _get_subject(cycle: ReportingCycle) -> str:
    """ "Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị quý III
    năm 2026"."""
    resolution = cycle.committee.resolution
    if resolution is None:
        about = "nhiệm vụ của Ban Chỉ đạo"
    else:
        about = f"Nghị quyết số {resolution.symbol} ngày {resolution.issued_on:%d/%m/%Y}"
        if resolution.issuing_unit_id:
            about += f" của {resolution.issuing_unit.name}"
    return f"Kết quả thực hiện {about} {get_period_phrase(cycle.period, cycle.title)}"


def _in_group_order(table: CountTable, committee) -> CountTable:
    """The same rows in the programme's order (I–VII) rather than by name."""
    order = {g.pk: (g.order, g.code) for g in committee.task_groups.all()}
    rows = sorted(table.rows, key=lambda row: (row.key is None, order.get(row.key, (0, ""))))
    return replace(table, rows=rows)


def get_head_name(committee) -> str:
    """The committee's head (Trưởng ban), who signs what the committee files."""
    head = (
        Membership.objects.filter(committee=committee, role=MemberRole.HEAD)
        .select_related("person")
        .order_by("-started_on", "pk")
        .first()
    )
    return head.person.full_name if head else ""


def _next_period_span(cycle: ReportingCycle) -> tuple[date, date]:
    period = cycle.period
    if period is None:
        return cycle.period_end, cycle.period_end + (cycle.period_end - cycle.period_start)
    following = period.next()
    return following.start, following.end


def _get_task_lines(tasks, as_of: date) -> list[tuple[TaskLine, str, date | None]]:
    """One line per task assigned by ``as_of``, with its group code and completion date."""
    # Only two reports per task are printed (the latest, and the latest naming a
    # difficulty): pick their ids in SQL rather than loading every report of the province.
    updates = ProgressUpdate.objects.filter(task=OuterRef("pk"), reported_on__lte=as_of).order_by(
        "-reported_on", "-pk"
    )
    annotated = list(
        tasks.with_status(as_of)
        .exclude(status=TaskStatus.NOT_YET_ASSIGNED)
        .annotate(
            last_update_id=Subquery(updates.values("pk")[:1]),
            difficulty_update_id=Subquery(updates.exclude(difficulties="").values("pk")[:1]),
        )
        .select_related("group", "lead_unit")
        .prefetch_related("coordinating_units")
        .order_by("group__order", "group__code", "code_sort", "pk")
    )
    ids = {t.last_update_id for t in annotated} | {t.difficulty_update_id for t in annotated}
    reports = ProgressUpdate.objects.in_bulk(ids - {None})
    lines = []
    for task in annotated:
        last = reports.get(task.last_update_id)
        with_difficulties = reports.get(task.difficulty_update_id)
        completed_on = task.completed_on if task.status in _DONE else None
        line = TaskLine(
            code=task.code,
            title=task.title,
            lead_unit=task.lead_unit.short_name or task.lead_unit.name,
            coordinating_units="; ".join(
                sorted(u.short_name or u.name for u in task.coordinating_units.all())
            ),
            deadline=task.deadline_text
            or (task.deadline_as_of.strftime("%d/%m/%Y") if task.deadline_as_of else ""),
            output=task.expected_output,
            result=_result_text(task, task.status, last),
            status=task.status,
            status_label=str(TaskStatus(task.status).label),
            deadline_as_of=task.deadline_as_of,
            days_overdue=get_days_overdue(task.status, task.deadline_as_of, as_of),
            difficulties=with_difficulties.difficulties.strip() if with_difficulties else "",
        )
        lines.append((line, task.group.code if task.group else "", completed_on))
    return lines


_DONE = (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)


def _result_text(task: Task, status: str, last: ProgressUpdate | None) -> str:
    if status in _DONE and task.completed_on:
        output = last.completion_output if last and last.completion_output else ""
        done = f"Đã hoàn thành ngày {task.completed_on:%d/%m/%Y}"
        return f"{done}: {output}" if output else f"{done}."
    if last is None:
        return "Chưa có báo cáo tiến độ."
    when = f"tiến độ {last.percent}%, báo cáo ngày {last.reported_on:%d/%m/%Y}"
    return f"{last.results.strip()} ({when})"


def _get_indicator_lines(cycle: ReportingCycle, as_of: date) -> list[IndicatorLine]:
    """Each indicator's latest value known at the cycle's period end (or ``as_of`` if
    earlier), with its period, against the target of the period's year.

    The value is the dashboard's (``indicators.reads.get_latest_values``): the report
    prints what the leaders saw for the same date. A value older than its cycle is marked
    stale; "Chưa có số liệu" is written only where no value exists at all.
    """
    indicators = list(
        Indicator.objects.filter(committee=cycle.committee_id)
        .select_related("group")
        .prefetch_related("targets")
        .order_by("code")
    )
    known = get_latest_values(indicators, min(cycle.period_end, as_of))
    year = cycle.period_end.year
    lines = []
    for indicator in indicators:
        target = next(
            (t for t in indicator.targets.all() if t.year == year and t.unit_id is None), None
        )
        latest = known.get(indicator.pk)
        value = latest.value if latest else None
        ratio, ratio_number = "", None
        assessment = "Chưa có số liệu" if value is None else ""
        if target is not None and value is not None:
            achievement = judge(indicator, value, target)
            if achievement.ratio is not None:
                ratio_number = achievement.ratio
                ratio = f"{format_number(achievement.ratio)}%"
            assessment = {True: "Đạt", False: "Chưa đạt", None: "Chưa đánh giá"}[achievement.met]
        lines.append(
            IndicatorLine(
                code=indicator.code,
                name=indicator.name,
                measure_unit=indicator.measure_unit,
                group_code=indicator.group.code if indicator.group else "",
                target=target.text if target else "",
                value=_value_with_period(value, indicator, latest),
                ratio=ratio,
                assessment=assessment,
                value_number=value if indicator.value_type != "boolean" else None,
                ratio_number=ratio_number,
                period_label=latest.period.label if latest else "",
                stale=bool(latest and latest.stale),
            )
        )
    return lines


def _value_with_period(value: Decimal | None, indicator: Indicator, latest) -> str:
    """ "84 % (tháng 7/2026)", "(…, số liệu cũ)" when older than the indicator's cycle."""
    if value is None:
        return ""
    text = _format_value(value, indicator.value_type)
    if indicator.measure_unit.strip() == "%":
        text += " %"
    period = latest.period.label
    period = period[:1].lower() + period[1:]
    return f"{text} ({period}, số liệu cũ)" if latest.stale else f"{text} ({period})"


def _format_value(value: Decimal | None, value_type: str) -> str:
    if value is None:
        return ""
    if value_type == "boolean":
        return "Có" if value else "Không"
    text = format_number(_trim(value))
    return text


def _trim(value: Decimal) -> Decimal:
    """4 stored decimals written as few as needed: 55,0000 → 55, 0,7000 → 0,7."""
    if value == value.to_integral():
        return value.quantize(Decimal(1))
    return value.normalize()
