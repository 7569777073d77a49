"""Pages of meetings; thin: parse input, call access_…, call one service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from chidao.assignments.models import Task
from chidao.committees.access import get_roles
from chidao.committees.models import Committee
from chidao.core.asof import get_as_of, redirect_legacy_as_of
from chidao.core.forms import add_service_errors
from chidao.core.uploads import build_attachment, build_file_attachment
from chidao.meetings.access import (
    access_meeting,
    access_meeting_create,
    get_visible_meetings,
)
from chidao.meetings.builders import (
    build_conclusion_notice_docx,
    build_follow_up_docx,
    follow_up_row_values,
    get_follow_up_filename,
    get_notice_filename,
)
from chidao.meetings.follow_up import get_follow_up
from chidao.meetings.forms import (
    ConclusionForm,
    FindingForm,
    InspectionForm,
    MeetingForm,
    NoticeForm,
    get_agenda_formset,
    get_recommendation_formset,
    get_task_formset,
)
from chidao.meetings.inspections import (
    RecommendationDraft,
    access_inspection,
    do_add_finding,
    do_create_inspection,
    get_visible_inspections,
)
from chidao.meetings.services import (
    AgendaLine,
    TaskDraft,
    do_add_conclusion,
    do_create_meeting,
    do_register_conclusion_notice,
    do_update_meeting,
    get_next_meeting_number,
)
from chidao.reporting.docx_layout import DOCX_CONTENT_TYPE

_MAX_ROWS = 20


@login_required
def meeting_list(request):
    meetings = get_visible_meetings(request.user).select_related("committee", "chair__person")
    roles = get_roles(request.user)
    managed = Committee.objects.filter(is_active=True)
    if not roles.is_admin:
        managed = managed.filter(pk__in=roles.secretariat_scope)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "meetings": meetings.order_by("committee__name", "-held_on", "-number"),
            "inspections": get_visible_inspections(request.user).select_related("committee"),
            "managed": managed.order_by("level", "name"),
        },
    )


def _members(committee):
    return committee.memberships.select_related("person").order_by("role", "pk")


def _agenda_lines(formset) -> list[AgendaLine]:
    return [
        AgendaLine(
            title=form.cleaned_data.get("title", ""),
            presenter=form.cleaned_data.get("presenter", ""),
            document=form.cleaned_data.get("document"),
        )
        for form in formset
        if form.cleaned_data.get("title")
    ]


def _rows(request, default: int) -> int:
    try:
        return max(1, min(int(request.GET.get("dong", default)), _MAX_ROWS))
    except ValueError:
        return default


def _meeting_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "held_on": data["held_on"],
        "place": data["place"],
        "chair": data["chair"],
        "guests": data["guests"],
        "minutes": data["minutes"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, committee_pk):
    committee = access_meeting_create(request.user, committee_pk)
    members = _members(committee)
    head = next((m for m in members if m.role == "head"), None)
    form = MeetingForm(
        request.POST or None,
        request.FILES or None,
        committee=committee,
        members=members,
        initial={
            "number": get_next_meeting_number(committee),
            "held_on": timezone.localdate(),
            "chair": head.pk if head else None,
        },
    )
    agenda = get_agenda_formset(request.POST or None, committee=committee, rows=_rows(request, 4))
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        try:
            meeting = do_create_meeting(
                committee=committee,
                by=request.user,
                number=form.cleaned_data["number"],
                agenda=_agenda_lines(agenda),
                attendance=form.get_attendance(),
                minutes_file=form.cleaned_data.get("minutes_file"),
                **_meeting_fields(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã ghi %(meeting)s.") % {"meeting": meeting.title})
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "agenda": agenda, "committee": committee, "meeting": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = access_meeting(request.user, pk, "manage")
    committee = meeting.committee
    form = MeetingForm(
        request.POST or None,
        request.FILES or None,
        committee=committee,
        members=_members(committee),
        initial=MeetingForm.initial_for(meeting),
    )
    initial_agenda = [
        {"title": item.title, "presenter": item.presenter, "document": item.document_id}
        for item in meeting.agenda_items.all()
    ]
    agenda = get_agenda_formset(
        request.POST or None,
        committee=committee,
        initial=initial_agenda,
        rows=_rows(request, len(initial_agenda) + 2),
    )
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        try:
            do_update_meeting(
                meeting=meeting,
                by=request.user,
                number=form.cleaned_data["number"],
                agenda=_agenda_lines(agenda),
                attendance=form.get_attendance(),
                minutes_file=form.cleaned_data.get("minutes_file"),
                **_meeting_fields(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "agenda": agenda, "committee": committee, "meeting": meeting},
    )


@login_required
def meeting_detail(request, pk):
    meeting = access_meeting(request.user, pk)
    today = timezone.localdate()
    tasks = (
        Task.objects.filter(source_conclusions__meeting=meeting)
        .with_status(today)
        .select_related("lead_unit")
        .prefetch_related("coordinating_units")
    )
    by_pk = {task.pk: task for task in tasks}
    conclusions = [
        (conclusion, [by_pk[link.task_id] for link in conclusion.task_links.all()])
        for conclusion in meeting.conclusions.prefetch_related("task_links")
    ]
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "attendances": meeting.attendances.select_related("membership__person"),
            "agenda_items": meeting.agenda_items.select_related("document"),
            "conclusions": conclusions,
            "today": today,
            "may_manage": get_roles(request.user).manages(meeting.committee_id),
        },
    )


@login_required
def meeting_minutes_file(request, pk):
    meeting = access_meeting(request.user, pk)
    if not meeting.minutes_file:
        raise Http404
    suffix = "." + meeting.minutes_file.name.rsplit(".", 1)[-1]
    return build_file_attachment(
        meeting.minutes_file, f"bien-ban-phien-hop-{meeting.number}{suffix}"
    )


@login_required
@require_http_methods(["GET", "POST"])
def conclusion_create(request, pk):
    meeting = access_meeting(request.user, pk, "manage")
    committee = meeting.committee
    form = ConclusionForm(request.POST or None)
    tasks = get_task_formset(request.POST or None, committee=committee, rows=_rows(request, 3))
    if request.method == "POST" and form.is_valid() and tasks.is_valid():
        drafts = []
        rows = []
        for task_form in tasks:
            if task_form.is_blank:
                continue
            data = task_form.cleaned_data
            rows.append(task_form)
            drafts.append(
                TaskDraft(
                    title=data["title"],
                    lead_unit=data["lead_unit"],
                    deadline_text=data["deadline_text"],
                    coordinating_units=list(data["coordinating_units"]),
                    expected_output=data["expected_output"],
                    overseeing_member=data["overseeing_member"],
                )
            )
        try:
            conclusion = do_add_conclusion(
                meeting=meeting, by=request.user, text=form.cleaned_data["text"], tasks=drafts
            )
        except ValidationError as error:
            _add_row_errors(form, rows, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Đã ghi kết luận mục %(number)s và giao %(count)s nhiệm vụ.",
                    "Đã ghi kết luận mục %(number)s và giao %(count)s nhiệm vụ.",
                    len(drafts),
                )
                % {"number": conclusion.number, "count": len(drafts)},
            )
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/conclusion_form.html",
        {"form": form, "tasks": tasks, "meeting": meeting},
    )


def _add_row_errors(form, rows, error: ValidationError) -> None:
    """Put the service's errors next to their fields: ``tasks-<row>-<field>`` names the
    row among the rows sent (blank rows skipped); any other key goes to ``form``."""
    if not hasattr(error, "error_dict"):
        add_service_errors(form, error)
        return
    rest = {}
    for key, errors in error.error_dict.items():
        parts = key.split("-", 2)
        is_row = len(parts) == 3 and parts[0] == "tasks" and parts[1].isdigit()
        if is_row and int(parts[1]) < len(rows):
            add_service_errors(rows[int(parts[1])], ValidationError({parts[2]: errors}))
        else:
            rest[key] = errors
    if rest:
        add_service_errors(form, ValidationError(rest))


@login_required
def conclusion_notice_docx(request, pk):
    """The draft of the notice (no number yet), or the registered one as filed."""
    meeting = access_meeting(request.user, pk)
    if not meeting.conclusions.exists():
        raise Http404
    if meeting.notice_document and meeting.notice_document.file:
        content = meeting.notice_document.file.read()
    else:
        content = build_conclusion_notice_docx(meeting, issued_on=timezone.localdate())
    return build_attachment(content, DOCX_CONTENT_TYPE, get_notice_filename(meeting))


@login_required
@require_http_methods(["GET", "POST"])
def conclusion_notice_register(request, pk):
    meeting = access_meeting(request.user, pk, "manage")
    form = NoticeForm(request.POST or None, initial={"issued_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            document = do_register_conclusion_notice(
                meeting=meeting, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã vào sổ thông báo kết luận %(symbol)s.") % {"symbol": document.symbol},
            )
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/notice_form.html", {"form": form, "meeting": meeting})


@redirect_legacy_as_of
@login_required
def follow_up(request, pk):
    meeting = access_meeting(request.user, pk)
    brief = get_follow_up(meeting, as_of=get_as_of(request))
    return render(
        request,
        "meetings/follow_up.html",
        {
            "meeting": meeting,
            "brief": brief,
            "rows": [
                (line, follow_up_row_values(index, line))
                for index, line in enumerate(brief.lines, start=1)
            ],
        },
    )


@redirect_legacy_as_of
@login_required
def follow_up_docx(request, pk):
    meeting = access_meeting(request.user, pk)
    brief = get_follow_up(meeting, as_of=get_as_of(request, notify=False))
    return build_attachment(
        build_follow_up_docx(brief),
        DOCX_CONTENT_TYPE,
        get_follow_up_filename(meeting, brief.as_of),
    )


# Inspections (issue [I] §4; their gate and services are in inspections.py) ------------


@login_required
@require_http_methods(["GET", "POST"])
def inspection_create(request, committee_pk):
    committee = access_meeting_create(request.user, committee_pk)
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = do_create_inspection(
                committee=committee, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lập đợt kiểm tra."))
            return redirect("meetings:inspection_detail", pk=inspection.pk)
    return render(request, "meetings/inspection_form.html", {"form": form, "committee": committee})


@login_required
def inspection_detail(request, pk):
    inspection = access_inspection(request.user, pk)
    today = timezone.localdate()
    tasks = {
        task.pk: task
        for task in Task.objects.filter(source_findings__inspection=inspection)
        .with_status(today)
        .select_related("lead_unit")
    }
    findings = [
        (finding, [tasks[task.pk] for task in finding.tasks.all()])
        for finding in inspection.findings.select_related("unit").prefetch_related("tasks")
    ]
    return render(
        request,
        "meetings/inspection_detail.html",
        {
            "inspection": inspection,
            "units": inspection.units.order_by("name"),
            "findings": findings,
            "may_manage": get_roles(request.user).manages(inspection.committee_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def finding_create(request, pk):
    inspection = access_inspection(request.user, pk, "manage")
    form = FindingForm(request.POST or None, inspection=inspection)
    rows_formset = get_recommendation_formset(request.POST or None, rows=_rows(request, 3))
    if request.method == "POST" and form.is_valid() and rows_formset.is_valid():
        rows = [row for row in rows_formset if not row.is_blank]
        drafts = [
            RecommendationDraft(
                title=row.cleaned_data["title"],
                deadline_text=row.cleaned_data["deadline_text"],
                expected_output=row.cleaned_data["expected_output"],
            )
            for row in rows
        ]
        try:
            do_add_finding(
                inspection=inspection,
                by=request.user,
                unit=form.cleaned_data["unit"],
                text=form.cleaned_data["text"],
                recommendations=drafts,
            )
        except ValidationError as error:
            _add_row_errors(form, rows, error)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm tra."))
            return redirect("meetings:inspection_detail", pk=inspection.pk)
    return render(
        request,
        "meetings/finding_form.html",
        {"form": form, "tasks": rows_formset, "inspection": inspection},
    )
