"""Reporting pages: cycles (list, open, yearly schedule, board, edit, close), a unit's
report (write, send, approve, return) and the downloads of the consolidated report.

Thin views: ask the ``access_…`` gate (404 when the object is hidden, 403 when the user
may see it but not act), call one service, render. A service's ``ValidationError`` is
shown next to the field it names; nothing is saved when it is raised.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from chidao.committees.access import access_committee, get_roles
from chidao.committees.models import Committee
from chidao.core.asof import get_as_of, redirect_legacy_as_of
from chidao.core.forms import add_service_errors
from chidao.core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from chidao.core.uploads import build_attachment
from chidao.reporting import services
from chidao.reporting.access import (
    CycleAction,
    SubmissionAction,
    access_cycle,
    access_submission,
    can_return,
    get_submission_actions,
    get_visible_cycles,
)
from chidao.reporting.builders import (
    build_board_xlsx,
    build_report_xlsx,
    get_report_filename,
)
from chidao.reporting.choices import CycleState, SubmissionState, Timeliness
from chidao.reporting.docx_layout import DOCX_CONTENT_TYPE
from chidao.reporting.files import (
    build_board_csv,
    build_cycle_list_file,
    build_cycle_report_docx,
)
from chidao.reporting.forms import (
    CycleEditForm,
    CycleForm,
    ReportTemplateForm,
    ReturnForm,
    SubmissionForm,
    YearScheduleForm,
)
from chidao.reporting.gather import (
    get_submission_lines,
    get_unit_observations,
    get_unit_progress_updates,
)
from chidao.reporting.models import UnitSubmission
from chidao.reporting.pdf import convert_docx_to_pdf, is_pdf_available
from chidao.reporting.report_templates import (
    PLACEHOLDERS,
    build_default_template_docx,
    get_active_template,
)


def _managed_committees(user):
    """Committees whose cycles ``user`` may open; 403 when there are none."""
    roles = get_roles(user)
    committees = Committee.objects.filter(is_active=True).order_by("level", "name")
    if not roles.is_admin:
        committees = committees.filter(pk__in=roles.secretariat_scope)
    if not committees.exists():
        raise PermissionDenied
    return committees


@login_required
@require_GET
def cycle_list(request):
    """Cycles of the user's committees (secretariat, leaders) and the unit's own reports."""
    roles = get_roles(request.user)
    today = timezone.localdate()
    submitted = Q(submissions__state=SubmissionState.SUBMITTED)
    cycles = (
        get_visible_cycles(request.user)
        .select_related("committee")
        .annotate(
            required_count=Count("submissions", distinct=True),
            submitted_count=Count("submissions", filter=submitted, distinct=True),
        )
        .order_by("-period_start", "committee__name", "kind")
    )
    export = request.GET.get("xuat")
    if export in ("csv", "xlsx"):
        return _download(*build_cycle_list_file(cycles, export))
    own = []
    if roles.unit_id:
        own = list(
            UnitSubmission.objects.filter(unit=roles.unit_id)
            .select_related("cycle", "cycle__committee")
            .order_by("-cycle__period_start", "cycle__kind")
        )
        for submission in own:
            submission.timeliness = submission.get_timeliness(today)
    return render(
        request,
        "reporting/cycle_list.html",
        {
            "cycles": cycles,
            "own_submissions": own,
            "can_open": roles.is_admin or bool(roles.secretariat_scope),
        },
    )


@login_required
def cycle_create(request):
    """The secretariat opens a cycle: kind and period (or an ad hoc window), due date, units."""
    committees = _managed_committees(request.user)
    form = CycleForm(request.POST or None, committees=committees)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = services.do_open_cycle(
                committee=data["committee"],
                by=request.user,
                kind=data["kind"],
                required_units=data["required_units"],
                period=data.get("period"),
                window=data.get("window"),
                due_on=data["due_on"],
                title=data["title"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã mở kỳ báo cáo %(title)s.") % {"title": cycle.title})
            return redirect("reporting:cycle_detail", pk=cycle.pk)
    return render(request, "reporting/cycle_form.html", {"form": form})


@login_required
def schedule_create(request):
    """The secretariat opens a whole year's cycles in one step."""
    committees = _managed_committees(request.user)
    form = YearScheduleForm(request.POST or None, committees=committees)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.do_generate_year_schedule(
                committee=data["committee"],
                by=request.user,
                year=data["year"],
                required_units=list(data["required_units"]),
                schedule=data["schedule"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            created, existing = len(result.created), len(result.existing)
            existing_text = ngettext(
                "%(count)s kỳ đã có từ trước, giữ nguyên",
                "%(count)s kỳ đã có từ trước, giữ nguyên",
                existing,
            ) % {"count": existing}
            messages.success(
                request,
                ngettext(
                    "Đã mở %(count)s kỳ báo cáo; %(existing)s.",
                    "Đã mở %(count)s kỳ báo cáo; %(existing)s.",
                    created,
                )
                % {"count": created, "existing": existing_text},
            )
            return redirect("reporting:cycle_list")
    return render(request, "reporting/schedule_form.html", {"form": form})


@redirect_legacy_as_of
@login_required
@require_GET
def cycle_detail(request, pk):
    """The cycle board: who has sent, who sent late, who has not, with dates."""
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    as_of = get_as_of(request)
    lines = get_submission_lines(cycle, as_of)
    tally = {t: sum(1 for line in lines if line.timeliness == t) for t in Timeliness}
    return render(
        request,
        "reporting/cycle_detail.html",
        {
            "cycle": cycle,
            "lines": lines,
            "as_of": as_of,
            "tally": [(t, tally[t]) for t in Timeliness],
            "can_manage": get_roles(request.user).manages(cycle.committee_id),
            "pdf_available": is_pdf_available(),
            "query": f"?as_of={as_of:%Y-%m-%d}",
        },
    )


@login_required
def cycle_edit(request, pk):
    """Change the due date, the units, and the report's number, place and recipients."""
    cycle = access_cycle(request.user, pk, CycleAction.MANAGE)
    form = CycleEditForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.do_update_cycle(cycle=cycle, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu kỳ báo cáo."))
            return redirect("reporting:cycle_detail", pk=cycle.pk)
    return render(request, "reporting/cycle_edit.html", {"form": form, "cycle": cycle})


@login_required
@require_POST
def cycle_close(request, pk):
    """Close an open cycle, or reopen a closed one."""
    cycle = access_cycle(request.user, pk, CycleAction.MANAGE)
    if cycle.state == CycleState.OPEN:
        services.do_close_cycle(cycle=cycle, by=request.user)
        messages.success(request, _("Đã đóng kỳ báo cáo; không nhận thêm báo cáo."))
    else:
        services.do_reopen_cycle(cycle=cycle, by=request.user)
        messages.success(request, _("Đã mở lại kỳ báo cáo."))
    return redirect("reporting:cycle_detail", pk=cycle.pk)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    return build_attachment(content, content_type, filename)


@redirect_legacy_as_of
@login_required
@require_GET
def report_docx(request, pk):
    """The consolidated report as Word, as of ``?as_of=`` (today by default)."""
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    try:
        content = build_cycle_report_docx(cycle, get_as_of(request, notify=False))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reporting:cycle_detail", pk=cycle.pk)
    return _download(content, DOCX_CONTENT_TYPE, get_report_filename(cycle, "docx"))


@redirect_legacy_as_of
@login_required
@require_GET
def report_xlsx(request, pk):
    """The report's appendix as Excel: tasks grouped I–VII, counts, indicators."""
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    content = build_report_xlsx(cycle, get_as_of(request, notify=False))
    return _download(content, XLSX_CONTENT_TYPE, get_report_filename(cycle, "xlsx"))


@redirect_legacy_as_of
@login_required
@require_GET
def cycle_board_csv(request, pk):
    """The board as CSV, UTF-8 with a BOM so that Excel shows Vietnamese correctly."""
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    content = build_board_csv(cycle, get_as_of(request, notify=False))
    name = get_report_filename(cycle, "csv").replace("Bao-Cao", "Tinh-Hinh-Nop")
    return _download(content, CSV_CONTENT_TYPE, name)


@redirect_legacy_as_of
@login_required
@require_GET
def cycle_board_xlsx(request, pk):
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    content = build_board_xlsx(cycle, get_as_of(request, notify=False))
    name = get_report_filename(cycle, "xlsx").replace("Bao-Cao", "Tinh-Hinh-Nop")
    return _download(content, XLSX_CONTENT_TYPE, name)


@login_required
def submission_detail(request, pk):
    """A unit's report: what it reported in the window, its narrative, and sending it."""
    action = SubmissionAction.EDIT if request.method == "POST" else SubmissionAction.VIEW
    submission = access_submission(request.user, pk, action)
    roles = get_roles(request.user)
    actions = get_submission_actions(roles, submission)
    cycle = submission.cycle
    editable = SubmissionAction.EDIT in actions and submission.is_editable
    sending = request.POST.get("action") == "submit"
    initial = {
        name: getattr(submission, name)
        for name in ("results", "difficulties", "proposals", "next_steps")
    }
    form = SubmissionForm(request.POST or None, initial=initial, saving_draft=not sending)
    if request.method == "POST" and form.is_valid():
        try:
            # Saving and sending stand or fall together: a refused send keeps no half-save.
            with transaction.atomic():
                services.do_save_submission(
                    submission=submission, by=request.user, **form.cleaned_data
                )
                if sending:
                    services.do_submit_submission(
                        submission=submission, by=request.user, is_unit_head=roles.is_unit_head
                    )
        except ValidationError as error:
            submission.refresh_from_db()
            add_service_errors(form, error)
        else:
            if not sending:
                messages.success(request, _("Đã lưu bản nháp báo cáo."))
            elif submission.state == SubmissionState.AWAITING_UNIT_HEAD:
                messages.success(request, _("Đã gửi lãnh đạo đơn vị duyệt."))
            else:
                messages.success(request, _("Đã gửi báo cáo đến Thường trực Ban Chỉ đạo."))
            return redirect("reporting:submission_detail", pk=submission.pk)
    return render(
        request,
        "reporting/submission_detail.html",
        {
            "submission": submission,
            "cycle": cycle,
            "form": form,
            "editable": editable,
            "can_approve": SubmissionAction.APPROVE in actions
            and submission.state == SubmissionState.AWAITING_UNIT_HEAD,
            "can_return": can_return(roles, submission),
            "return_form": ReturnForm(),
            "timeliness": submission.get_timeliness(timezone.localdate()),
            "progress_updates": get_unit_progress_updates(cycle, submission.unit_id),
            "observations": get_unit_observations(cycle, submission.unit_id),
            "waits_for_head": cycle.requires_unit_head_approval and not roles.is_unit_head,
        },
    )


@login_required
@require_POST
def submission_approve(request, pk):
    """The unit head approves the report; it reaches the secretariat now."""
    submission = access_submission(request.user, pk, SubmissionAction.APPROVE)
    try:
        services.do_approve_submission(submission=submission, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã duyệt và gửi báo cáo đến Thường trực Ban Chỉ đạo."))
    return redirect("reporting:submission_detail", pk=submission.pk)


@login_required
@require_POST
def submission_return(request, pk):
    """The secretariat (or the unit head, before sending) returns the report with a reason."""
    submission = access_submission(request.user, pk, SubmissionAction.RETURN)
    form = ReturnForm(request.POST)
    if not can_return(get_roles(request.user), submission):
        messages.error(request, _("Báo cáo này không ở trạng thái có thể trả lại."))
    elif not form.is_valid():
        messages.error(request, _("Trả lại báo cáo phải nêu lý do."))
    else:
        try:
            services.do_return_submission(
                submission=submission, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    return redirect("reporting:submission_detail", pk=submission.pk)


@login_required
def report_template(request, committee_pk):
    """The committee's Word template: download the default or current one, upload an
    edited one (checked for unknown placeholders), or go back to the default."""
    committee = access_committee(request.user, committee_pk, "manage")
    form = ReportTemplateForm()
    if request.method == "POST" and request.POST.get("action") == "default":
        services.do_use_default_template(committee=committee, by=request.user)
        messages.success(request, _("Đã chuyển về mẫu báo cáo mặc định."))
        return redirect("reporting:report_template", committee_pk=committee.pk)
    if request.method == "POST":
        form = ReportTemplateForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.do_upload_report_template(
                    committee=committee, by=request.user, file=form.cleaned_data["file"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Đã lưu mẫu báo cáo; các báo cáo tải về dùng mẫu này."))
                return redirect("reporting:report_template", committee_pk=committee.pk)
    return render(
        request,
        "reporting/report_template.html",
        {
            "committee": committee,
            "form": form,
            "current": get_active_template(committee),
            "placeholders": PLACEHOLDERS.items(),
        },
    )


@login_required
@require_GET
def report_template_download(request, committee_pk):
    """The template in use (``?mac-dinh=1``: the default one) as a .docx to edit."""
    committee = access_committee(request.user, committee_pk, "manage")
    current = None if request.GET.get("mac-dinh") else get_active_template(committee)
    if current is None:
        return _download(build_default_template_docx(), DOCX_CONTENT_TYPE, "Mau-Bao-Cao.docx")
    with current.file.open("rb") as file:
        content = file.read()
    return _download(content, DOCX_CONTENT_TYPE, "Mau-Bao-Cao-Dang-Dung.docx")


@redirect_legacy_as_of
@login_required
@require_GET
def report_pdf(request, pk):
    """The Word report converted by LibreOffice; without LibreOffice, the Word file."""
    cycle = access_cycle(request.user, pk, CycleAction.VIEW)
    if not is_pdf_available():
        messages.info(request, _("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF."))
        return redirect(
            f"{reverse('reporting:report_docx', args=[cycle.pk])}?{request.GET.urlencode()}"
        )
    try:
        content = convert_docx_to_pdf(
            build_cycle_report_docx(cycle, get_as_of(request, notify=False))
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reporting:cycle_detail", pk=cycle.pk)
    return _download(content, "application/pdf", get_report_filename(cycle, "pdf"))
