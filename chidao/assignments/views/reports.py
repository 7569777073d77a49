"""Report pages: progress reports with evidence, the unit head's approval, the
secretariat's review and queue, deadline changes, directions, evidence downloads.

Thin views: ask the ``access_…`` gate (404 when the object is hidden, 403 when the user
may see it but not act), call one service, render. A service's ``ValidationError`` is
shown next to the field it names; nothing is saved when it is raised.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Min
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from chidao.assignments import services
from chidao.assignments.access import (
    TaskAction,
    access_deadline_change,
    access_evidence,
    access_progress_update,
    access_task,
    get_task_actions,
)
from chidao.assignments.choices import CompletionQuality, DeadlineChangeDecision, ReviewState
from chidao.assignments.counts import get_count_table
from chidao.assignments.evidence import build_evidence_response
from chidao.assignments.forms.reports import (
    ACCEPT,
    APPROVE,
    DeadlineChangeDecisionForm,
    DeadlineChangeRequestForm,
    DirectionForm,
    ProgressReportForm,
    ProgressReviewForm,
    UnitApprovalForm,
)
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.rules import report_waits_for_unit_head
from chidao.committees.access import access_committee, get_committee_tree, get_roles
from chidao.committees.models import Committee
from chidao.core.forms import add_service_errors
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation


def _task_page(task_id: int):
    return redirect("assignments:task_detail", pk=task_id)


def _get_contributions(task: Task) -> list[ProgressUpdate]:
    """Each coordinating unit's reports on the task, newest first, for the lead to consolidate."""
    return list(
        ProgressUpdate.objects.filter(task=task)
        .exclude(unit_id=task.lead_unit_id)
        .select_related("unit", "author__person")
        .prefetch_related("evidence")
        .order_by("unit__name", "-reported_on", "-pk")
    )


@login_required
def progress_create(request, pk):
    """A unit officer reports on a task: the lead unit's report or a coordinating unit's part."""
    task = access_task(request.user, pk, TaskAction.REPORT)
    roles = get_roles(request.user)
    can_claim = TaskAction.CLAIM_COMPLETION in get_task_actions(roles, task)
    unit = request.user.unit  # roles.unit_id's, read with the user (org.UserManager)
    max_bytes = settings.CHIDAO_EVIDENCE_MAX_BYTES
    form = ProgressReportForm(
        request.POST or None,
        request.FILES or None,
        can_claim=can_claim,
        max_bytes=max_bytes,
        initial={"percent": task.progress_percent} if can_claim else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            update = services.do_submit_progress(
                task=task,
                unit=unit,
                by=request.user,
                reported_on=timezone.localdate(),
                **form.get_report_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if update.review_state == ReviewState.PENDING_UNIT_HEAD:
                messages.success(request, _("Đã ghi báo cáo; báo cáo chờ lãnh đạo đơn vị duyệt."))
            elif update.claims_completion:
                messages.success(
                    request,
                    _("Đã gửi báo cáo và đề nghị xác nhận hoàn thành; chờ Thường trực xác nhận."),
                )
            else:
                messages.success(request, _("Đã gửi báo cáo tiến độ."))
            return _task_page(task.pk)
    return render(
        request,
        "assignments/progress_form.html",
        {
            "task": task,
            "form": form,
            "unit": unit,
            "is_lead": unit.pk == task.lead_unit_id,
            "contributions": _get_contributions(task) if can_claim else [],
            "waits_for_head": report_waits_for_unit_head(
                committee_requires=task.committee.requires_unit_head_approval,
                unit_requires=unit.requires_head_approval,
                written_by_head=roles.is_unit_head,
            ),
        },
    )


@login_required
def progress_approve_unit(request, pk):
    """The head of the reporting unit sends a waiting report on, or returns it."""
    update = access_progress_update(request.user, pk, TaskAction.APPROVE_FOR_UNIT)
    form = UnitApprovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_approve_progress_for_unit(
                update=update,
                by=request.user,
                approve=form.cleaned_data["decision"] == APPROVE,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if form.cleaned_data["decision"] == APPROVE:
                messages.success(request, _("Đã duyệt; báo cáo đã gửi Thường trực."))
            else:
                messages.success(request, _("Đã trả lại báo cáo cho cán bộ."))
            return _task_page(update.task_id)
    return render(
        request,
        "assignments/progress_approve_unit.html",
        {"update": update, "task": update.task, "form": form, "evidence": update.evidence.all()},
    )


@login_required
def progress_review(request, pk):
    """The secretariat accepts a report (a completion claim completes the task) or returns it."""
    update = access_progress_update(request.user, pk, TaskAction.REVIEW)
    form = ProgressReviewForm(request.POST or None, claims_completion=update.claims_completion)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == ACCEPT
        try:
            services.do_review_progress(
                update=update,
                by=request.user,
                accept=accept,
                reason=form.cleaned_data["review_reason"],
                quality=form.cleaned_data.get("completion_quality") or CompletionQuality.MET,
                quality_reason=form.cleaned_data.get("quality_reason", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if accept and update.claims_completion:
                messages.success(
                    request,
                    _("Đã xác nhận hoàn thành nhiệm vụ ngày %(day)s.")
                    % {"day": f"{update.output_date:%d/%m/%Y}"},
                )
            elif accept:
                messages.success(request, _("Đã chấp nhận báo cáo."))
            else:
                messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
            return _task_page(update.task_id)
    task = update.task
    return render(
        request,
        "assignments/progress_review.html",
        {
            "update": update,
            "task": task,
            "form": form,
            "evidence": update.evidence.all(),
            "contributions": _get_contributions(task),
            "deadline": task.deadline,
        },
    )


@login_required
def deadline_change_request(request, pk):
    """The lead unit asks to move the deadline, with a reason and a proposed date."""
    task = access_task(request.user, pk, TaskAction.REQUEST_DEADLINE_CHANGE)
    form = DeadlineChangeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_request_deadline_change(
                task=task,
                by=request.user,
                new_deadline=form.cleaned_data["new_deadline"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã gửi đề nghị điều chỉnh thời hạn; chờ Thường trực."))
            return _task_page(task.pk)
    return render(
        request,
        "assignments/deadline_change_request.html",
        {"task": task, "form": form, "changes": _get_deadline_changes(task)},
    )


def _get_deadline_changes(task: Task) -> list[DeadlineChange]:
    return list(
        DeadlineChange.objects.filter(task=task)
        .select_related("requested_by__person", "decided_by__person")
        .order_by("-requested_at", "-pk")
    )


@login_required
def deadline_change_decide(request, pk):
    """The secretariat approves or rejects a deadline change; the original deadline stays."""
    change = access_deadline_change(request.user, pk, TaskAction.REVIEW)
    form = DeadlineChangeDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == APPROVE
        try:
            services.do_decide_deadline_change(
                change=change,
                by=request.user,
                approve=approve,
                decided_on=timezone.localdate(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if approve:
                messages.success(
                    request,
                    _("Đã đồng ý điều chỉnh thời hạn đến %(day)s.")
                    % {"day": f"{change.new_deadline:%d/%m/%Y}"},
                )
            else:
                messages.success(request, _("Đã không đồng ý điều chỉnh thời hạn."))
            return _task_page(change.task_id)
    return render(
        request,
        "assignments/deadline_change_decide.html",
        {
            "change": change,
            "task": change.task,
            "form": form,
            "changes": _get_deadline_changes(change.task),
        },
    )


@login_required
def direction_create(request, pk):
    """A leader writes a direction (ý kiến chỉ đạo) on a task."""
    task = access_task(request.user, pk, TaskAction.DIRECT)
    form = DirectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_give_direction(task=task, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã ghi ý kiến chỉ đạo."))
            return _task_page(task.pk)
    return render(request, "assignments/direction_form.html", {"task": task, "form": form})


@login_required
@require_GET
def evidence_download(request, pk):
    """An evidence file, only for users who may see its task (404 for anyone else)."""
    evidence = access_evidence(request.user, pk)
    try:
        return build_evidence_response(evidence)
    except FileNotFoundError as error:
        raise Http404 from error


@login_required
def unit_approvals(request):
    """The reports of the head's unit waiting for the head's approval, oldest first."""
    roles = get_roles(request.user)
    if not roles.is_unit_head:
        raise PermissionDenied
    today = timezone.localdate()
    updates = list(
        ProgressUpdate.objects.filter(
            task__in=Task.objects.visible_to(request.user),
            unit_id=roles.unit_id,
            review_state=ReviewState.PENDING_UNIT_HEAD,
        )
        .select_related("task", "author__person")
        .order_by("reported_on", "pk")
    )
    for update in updates:
        update.age_days = _days_since(update.reported_on, today)
    return render(request, "assignments/unit_approvals.html", {"updates": updates})


# The secretariat's home ------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorQueue:
    count: int
    oldest_days: int | None
    url: str | None


def _get_home_committee(request) -> tuple[Committee | None, list[Committee]]:
    """The committee named by ``?committee=``, else the first the user runs; and all of them.

    None for an administrator before any committee exists; 403 for anyone who runs none.
    """
    roles = get_roles(request.user)
    if roles.is_admin:
        managed = Committee.objects.filter(is_active=True)
    else:
        managed = Committee.objects.filter(pk__in=roles.secretariat_of)
    managed = list(managed.order_by("level", "name"))
    raw = request.GET.get("committee")
    if raw:
        if not raw.isdigit():
            raise Http404
        return access_committee(request.user, int(raw), "manage"), managed
    if not managed and not roles.is_admin:
        raise PermissionDenied
    return (managed[0] if managed else None), managed


def _days_since(day: date, today: date) -> int:
    return max((today - day).days, 0)


def _optional_url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@login_required
def secretariat_home(request):
    """What waits for the secretariat: completion claims, deadline-change requests and
    indicator values to approve, each with its age; the count table as of today."""
    committee, committees = _get_home_committee(request)
    if committee is None:
        return render(request, "assignments/secretariat_home.html", {"committee": None})
    today = timezone.localdate()
    roles = get_roles(request.user)
    # The committee and those below it; already known when it is the user's only seat.
    if roles.secretariat_of == {committee.pk}:
        scope = roles.secretariat_scope
    else:
        scope = get_committee_tree([committee.pk])
    claims = list(
        ProgressUpdate.objects.filter(
            task__committee__in=scope,
            claims_completion=True,
            review_state=ReviewState.SUBMITTED,
        )
        .select_related("task", "unit", "author__person")
        .order_by("reported_on", "pk")
    )
    for claim in claims:
        claim.age_days = _days_since(claim.reported_on, today)
        claim.is_own = claim.author_id == request.user.pk
    changes = list(
        DeadlineChange.objects.filter(
            task__committee__in=scope, decision=DeadlineChangeDecision.PENDING
        )
        .select_related("task", "requested_by__person__unit")
        .order_by("requested_at", "pk")
    )
    for change in changes:
        change.age_days = _days_since(timezone.localdate(change.requested_at), today)
    waiting_values = Observation.objects.filter(
        indicator__committee__in=scope, state=ObservationState.SUBMITTED
    ).aggregate(count=Count("pk"), oldest=Min("entered_at"))
    indicators = IndicatorQueue(
        count=waiting_values["count"],
        oldest_days=(
            _days_since(timezone.localdate(waiting_values["oldest"]), today)
            if waiting_values["oldest"]
            else None
        ),
        url=_optional_url("indicators:review"),
    )
    count_table = get_count_table(
        Task.objects.filter(committee=committee),
        as_of=today,
        by="lead_unit",
        due_soon_days=committee.due_soon_days,
    )
    return render(
        request,
        "assignments/secretariat_home.html",
        {
            "committee": committee,
            "committees": committees,
            "claims": claims,
            "changes": changes,
            "indicators": indicators,
            "count_table": count_table,
            "as_of": today,
        },
    )
