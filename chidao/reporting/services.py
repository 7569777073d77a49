"""Writes on reporting cycles and units' reports: pages, jobs and the demo call these.

Contract shared by every function here: the caller has already checked that ``by`` (the
acting user) may do this (``reporting.access``); the function checks the domain rules,
raising ``ValidationError`` with a Vietnamese message and changing nothing when they
fail; it writes in one transaction, and django-simple-history records each change with
``by`` as the author.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.core.history import set_history_user
from chidao.core.periods import Period, PeriodKind
from chidao.core.uploads import DOCX, accept_upload, removing_stored_files_on_error
from chidao.reporting.choices import CycleKind, CycleState, SubmissionState
from chidao.reporting.models import ReportingCycle, ReportTemplate, UnitSubmission
from chidao.reporting.report_templates import MAX_TEMPLATE_BYTES, check_report_template
from chidao.reporting.rules import (
    get_default_due_date,
    get_default_recipients,
    get_place_name,
)

# The schedules a year can be generated with; the first is how most provinces report on
# Resolution 57 (quarter I, six months, nine months, the year).
YEAR_SCHEDULES: dict[str, tuple[tuple[PeriodKind, int], ...]] = {
    "milestones": (
        (PeriodKind.QUARTER, 1),
        (PeriodKind.SIX_MONTHS, 1),
        (PeriodKind.NINE_MONTHS, 1),
        (PeriodKind.YEAR, 1),
    ),
    "quarterly": tuple((PeriodKind.QUARTER, n) for n in range(1, 5)),
    "monthly": tuple((PeriodKind.MONTH, n) for n in range(1, 13)),
}


@dataclass(frozen=True)
class ScheduleResult:
    created: list[ReportingCycle]
    existing: list[ReportingCycle]


@transaction.atomic
def do_open_cycle(
    *,
    committee,
    by,
    kind: str,
    required_units: Iterable,
    period: Period | None = None,
    due_on: date | None = None,
    title: str = "",
    window: tuple[date, date] | None = None,
    requires_unit_head_approval: bool | None = None,
) -> ReportingCycle:
    """Open a reporting cycle and a draft report for each unit that must report.

    A periodic cycle (month … year) takes its data window from ``period`` (Decree 09:
    ``Period.reporting_window``); an ad hoc cycle needs a ``title`` and a ``window``. The
    due date defaults to a few days after the window closes
    (``rules.get_default_due_date``); whether unit heads approve follows the committee's
    setting unless given. Returns the saved cycle.
    """
    kind = CycleKind(kind)
    units = list(required_units)
    errors = {}
    if not units:
        errors["required_units"] = _("Chọn ít nhất một đơn vị phải báo cáo.")
    if kind == CycleKind.AD_HOC:
        if not title.strip():
            errors["title"] = _("Báo cáo đột xuất phải có tên.")
        if window is None:
            errors["window_start"] = _("Báo cáo đột xuất phải có kỳ số liệu (từ ngày, đến ngày).")
        else:
            period_start, period_end = window_start, window_end = window
    elif period is None or period.kind != kind:
        errors["period"] = _("Chọn kỳ báo cáo.")
    else:
        period_start, period_end = period.start, period.end
        window_start, window_end = period.reporting_window()
        title = title.strip() or period.label
    if errors:
        raise ValidationError(errors)
    if requires_unit_head_approval is None:
        requires_unit_head_approval = getattr(committee, "requires_unit_head_approval", False)
    cycle = ReportingCycle(
        committee=committee,
        kind=kind,
        title=title,
        period_start=period_start,
        period_end=period_end,
        window_start=window_start,
        window_end=window_end,
        due_on=due_on or get_default_due_date(window_end),
        requires_unit_head_approval=requires_unit_head_approval,
        place=get_place_name(committee.host_unit.name),
        recipients=get_default_recipients(committee.host_unit.name),
        opened_by=by,
    )
    set_history_user(cycle, by)
    cycle.full_clean(exclude=["required_units"])
    cycle.save()
    cycle.required_units.set(units)
    for unit in units:
        submission = UnitSubmission(cycle=cycle, unit=unit)
        set_history_user(submission, by)
        submission.save()
    return cycle


@transaction.atomic(durable=True)
def do_generate_year_schedule(
    *,
    committee,
    by,
    year: int,
    required_units: Sequence,
    schedule: str = "milestones",
) -> ScheduleResult:
    """Open every cycle of ``year`` in one step; cycles already open are left alone.

    Running it twice changes nothing. Returns the cycles created and those that existed.
    """
    if schedule not in YEAR_SCHEDULES:
        raise ValidationError({"schedule": _("Lịch báo cáo không hợp lệ.")})
    created, existing = [], []
    for kind, number in YEAR_SCHEDULES[schedule]:
        period = Period(kind, year, number)
        found = ReportingCycle.objects.filter(
            committee=committee, kind=kind, period_start=period.start
        ).first()
        if found:
            existing.append(found)
            continue
        created.append(
            do_open_cycle(
                committee=committee, by=by, kind=kind, period=period, required_units=required_units
            )
        )
    return ScheduleResult(created=created, existing=existing)


@transaction.atomic(durable=True)
def do_update_cycle(*, cycle: ReportingCycle, by, **fields) -> ReportingCycle:
    """Change a cycle's due date, units' approval rule, or its report's number, place and
    recipients. Units that become required get a draft report; units dropped keep
    theirs only if they have written something."""
    units = fields.pop("required_units", None)
    allowed = {
        "due_on",
        "requires_unit_head_approval",
        "report_number",
        "issuer_code",
        "place",
        "recipients",
        "title",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"do_update_cycle cannot change {sorted(unknown)}")
    for name, value in fields.items():
        setattr(cycle, name, value)
    set_history_user(cycle, by)
    cycle.full_clean(exclude=["required_units"])
    cycle.save()
    if units is not None:
        units = list(units)
        if not units:
            raise ValidationError({"required_units": _("Chọn ít nhất một đơn vị phải báo cáo.")})
        cycle.required_units.set(units)
        have = set(cycle.submissions.values_list("unit_id", flat=True))
        for unit in units:
            if unit.pk not in have:
                UnitSubmission.objects.create(cycle=cycle, unit=unit)
        cycle.submissions.exclude(unit__in=units).filter(
            state=SubmissionState.DRAFT, results="", difficulties="", proposals="", next_steps=""
        ).delete()
    return cycle


@transaction.atomic(durable=True)
def do_close_cycle(*, cycle: ReportingCycle, by) -> ReportingCycle:
    """Stop taking reports for the cycle; units that did not send stay missing."""
    if cycle.state == CycleState.CLOSED:
        raise ValidationError(_("Kỳ báo cáo đã đóng."))
    cycle.state = CycleState.CLOSED
    cycle.closed_at = timezone.now()
    set_history_user(cycle, by)
    cycle.save(update_fields=["state", "closed_at", "search_text"])
    return cycle


@transaction.atomic(durable=True)
def do_reopen_cycle(*, cycle: ReportingCycle, by) -> ReportingCycle:
    """Take reports again in a closed cycle (a late unit asks to send)."""
    if cycle.state == CycleState.OPEN:
        raise ValidationError(_("Kỳ báo cáo đang mở."))
    cycle.state = CycleState.OPEN
    cycle.closed_at = None
    set_history_user(cycle, by)
    cycle.save(update_fields=["state", "closed_at", "search_text"])
    return cycle


@transaction.atomic
def do_save_submission(
    *,
    submission: UnitSubmission,
    by,
    results: str,
    difficulties: str,
    proposals: str,
    next_steps: str,
    at: datetime | None = None,
) -> UnitSubmission:
    """Save the unit's narrative as a draft; only a draft or a returned report changes."""
    _check_cycle_open(submission)
    if not submission.is_editable:
        raise ValidationError(_("Báo cáo đã gửi, không thể sửa. Đề nghị trả lại để sửa."))
    submission.results = results.strip()
    submission.difficulties = difficulties.strip()
    submission.proposals = proposals.strip()
    submission.next_steps = next_steps.strip()
    submission.updated_by = by
    submission.updated_at = at or timezone.now()
    set_history_user(submission, by)
    submission.save()
    return submission


@transaction.atomic
def do_submit_submission(
    *, submission: UnitSubmission, by, is_unit_head: bool, at: datetime | None = None
) -> UnitSubmission:
    """Send the unit's report: to the unit head first where the cycle requires it
    (unless the head sends it), otherwise straight to the secretariat.

    ``at`` is the moment of sending (now by default); it decides lateness.
    """
    _check_cycle_open(submission)
    if not submission.is_editable:
        raise ValidationError(_("Báo cáo đã được gửi."))
    if not submission.results.strip():
        raise ValidationError({"results": _("Báo cáo phải nêu kết quả thực hiện trong kỳ.")})
    at = at or timezone.now()
    submission.sent_by = by
    if submission.cycle.requires_unit_head_approval and not is_unit_head:
        submission.state = SubmissionState.AWAITING_UNIT_HEAD
    else:
        submission.state = SubmissionState.SUBMITTED
        submission.submitted_at = at
        if submission.cycle.requires_unit_head_approval:
            submission.approved_by = by
    submission.return_reason = ""
    set_history_user(submission, by)
    submission.save()
    return submission


@transaction.atomic(durable=True)
def do_approve_submission(
    *, submission: UnitSubmission, by, at: datetime | None = None
) -> UnitSubmission:
    """The unit head approves the report, which then reaches the secretariat."""
    _check_cycle_open(submission)
    if submission.state != SubmissionState.AWAITING_UNIT_HEAD:
        raise ValidationError(_("Báo cáo không ở trạng thái chờ lãnh đạo đơn vị duyệt."))
    submission.state = SubmissionState.SUBMITTED
    submission.approved_by = by
    submission.submitted_at = at or timezone.now()
    set_history_user(submission, by)
    submission.save()
    return submission


@transaction.atomic(durable=True)
def do_return_submission(*, submission: UnitSubmission, by, reason: str) -> UnitSubmission:
    """Send the report back to the unit with a reason (the unit head or the secretariat).

    A returned report no longer counts as sent until the unit sends it again.
    """
    if submission.state not in (SubmissionState.AWAITING_UNIT_HEAD, SubmissionState.SUBMITTED):
        raise ValidationError(_("Chỉ trả lại được báo cáo đã gửi hoặc đang chờ duyệt."))
    if not reason.strip():
        raise ValidationError({"reason": _("Trả lại báo cáo phải nêu lý do.")})
    submission.state = SubmissionState.RETURNED
    submission.return_reason = reason.strip()
    submission.returned_by = by
    submission.returned_at = timezone.now()
    set_history_user(submission, by)
    submission.save()
    return submission


def _check_cycle_open(submission: UnitSubmission) -> None:
    if submission.cycle.state != CycleState.OPEN:
        raise ValidationError(_("Kỳ báo cáo đã đóng, không nhận thêm báo cáo."))


@transaction.atomic(durable=True)
def do_upload_report_template(*, committee, by, file) -> ReportTemplate:
    """Check and store the secretariat's Word template; it replaces the one in use.

    The file passes the rules of every upload first (a Word file by content, at most
    ``MAX_TEMPLATE_BYTES``, zip caps, virus scan: ``chidao.core.uploads``), then
    ``report_templates.check_report_template``. Raises ``ValidationError`` on ``file``
    and stores nothing, on disk or in the database, when the file is not a usable template.
    """
    try:
        accept_upload(
            file, kinds=(DOCX,), max_bytes=MAX_TEMPLATE_BYTES, by=by, purpose="report_template"
        )
        check_report_template(file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    committee.report_templates.filter(is_active=True).update(is_active=False)
    template = ReportTemplate(
        committee=committee, uploaded_by=by, original_name=getattr(file, "name", "")[:255]
    )
    with removing_stored_files_on_error() as stored:
        template.file.save("mau.docx", file, save=False)
        stored(template.file.name)
        set_history_user(template, by)
        template.save()
    return template


@transaction.atomic(durable=True)
def do_use_default_template(*, committee, by) -> int:
    """Go back to the built-in report layout; returns how many templates were retired."""
    retired = 0
    for template in committee.report_templates.filter(is_active=True):
        template.is_active = False
        set_history_user(template, by)
        template.save(update_fields=["is_active"])
        retired += 1
    return retired
