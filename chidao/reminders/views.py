"""Pages of the app; thin: parse input, call access_…, call one service, render."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from chidao.assignments.access import URGE_ACTION, access_task
from chidao.committees.access import access_committee, get_roles
from chidao.core.forms import add_service_errors
from chidao.core.uploads import build_attachment
from chidao.org.models import Unit
from chidao.reminders.access import access_notification
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.forms import NotificationPreferenceForm, UrgeForm
from chidao.reminders.letters import build_urge_letter_docx, get_letter_filename
from chidao.reminders.models import Notification, NotificationPreference
from chidao.reminders.rules import get_local_date, group_notifications
from chidao.reminders.services import do_mark_all_read, do_mark_read, do_set_preferences
from chidao.reminders.urging import (
    do_urge_task,
    do_urge_tasks,
    do_urge_unit,
    get_overdue_tasks,
    get_units_to_urge,
)
from chidao.reporting.docx_layout import DOCX_CONTENT_TYPE

PAGE_SIZE = 30


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def notification_list(request):
    """The user's notices, unread first, each part by day and by task, compact."""
    notifications = (
        Notification.objects.filter(recipient=request.user, channel=Channel.IN_APP)
        .select_related("task")
        .order_by(F("read_at").asc(nulls_first=True), "-created_at", "-pk")
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    notices = list(page.object_list)
    parts = [
        (label, group_notifications(found))
        for label, found in (
            (_("Chưa đọc"), [n for n in notices if not n.is_read]),
            (_("Đã đọc"), [n for n in notices if n.is_read]),
        )
        if found
    ]
    return render(
        request,
        "reminders/notification_list.html",
        {"page": page, "parts": parts, "today": get_local_date(timezone.now())},
    )


@login_required
@require_POST
def mark_read(request, pk):
    notification = access_notification(request.user, pk)
    do_mark_read(by=request.user, notification=notification)
    if _is_htmx(request):
        return render(request, "reminders/includes/notification_row.htmx.html", {"n": notification})
    return redirect("reminders:notification_list")


@login_required
@require_POST
def mark_all_read(request):
    count = do_mark_all_read(by=request.user)
    if not _is_htmx(request):
        messages.success(
            request,
            ngettext(
                "Đã đánh dấu %(count)s thông báo là đã đọc.",
                "Đã đánh dấu %(count)s thông báo là đã đọc.",
                count,
            )
            % {"count": count},
        )
    response = redirect("reminders:notification_list")
    if _is_htmx(request):
        response["HX-Redirect"] = response.url
    return response


@login_required
def preferences(request):
    instance = NotificationPreference.objects.filter(
        user=request.user
    ).first() or NotificationPreference(user=request.user)
    form = NotificationPreferenceForm(
        request.POST if request.method == "POST" else None, instance=instance
    )
    if request.method == "POST" and form.is_valid():
        do_set_preferences(
            by=request.user,
            in_app=form.cleaned_data["in_app"],
            email=form.cleaned_data["email"],
            digest_weekday=form.cleaned_data["digest_weekday"],
        )
        messages.success(request, _("Đã lưu tùy chọn nhận thông báo."))
        return redirect("reminders:preferences")
    return render(request, "reminders/preferences.html", {"form": form})


SENT_DAYS = 7


@login_required
def sent_list(request):
    """What the automatic urging sent this week in the secretariat's committees."""
    roles = get_roles(request.user)
    if not (roles.is_admin or roles.is_secretariat):
        raise PermissionDenied
    since = timezone.now() - datetime.timedelta(days=SENT_DAYS)
    notices = (
        Notification.objects.filter(channel=Channel.IN_APP, created_at__gte=since)
        .exclude(kind=NotificationKind.WEEKLY_DIGEST)
        .select_related("recipient__person__unit", "committee")
        .order_by("-created_at", "-pk")
    )
    if not roles.is_admin:
        notices = notices.filter(committee__in=roles.secretariat_scope)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reminders/sent_list.html",
        {"page": page, "days": SENT_DAYS, "units": get_units_to_urge(roles)},
    )


@login_required
def urge_task(request, pk):
    """The secretariat urges the lead unit on one task."""
    task = access_task(request.user, pk, URGE_ACTION)
    form = UrgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        do_urge_task(task=task, by=request.user, message=form.cleaned_data["message"])
        messages.success(request, _("Đã gửi đôn đốc đến %(unit)s.") % {"unit": task.lead_unit})
        # Back where the urge shows: the task's timeline.
        return redirect("assignments:task_detail", task.pk)
    return render(request, "reminders/urge_task.html", {"task": task, "form": form})


# More at once would be a circular, not an urge; the list's page holds 50.
MAX_TASKS_TO_URGE = 100


@login_required
def urge_tasks(request):
    """Urge several tasks' lead units at once, chosen by checkboxes on the overdue or
    due-soon list: the choice arrives as ``?task=…`` (GET), the message is confirmed here
    (POST). Every task goes through the one gate; one refused task refuses the lot."""
    data = request.POST if request.method == "POST" else request.GET
    raw_ids = data.getlist("task")
    if len(raw_ids) > MAX_TASKS_TO_URGE or not all(raw.isdigit() for raw in raw_ids):
        return HttpResponseBadRequest(
            _("Chọn tối đa %(n)s nhiệm vụ mỗi lần đôn đốc.") % {"n": MAX_TASKS_TO_URGE}
        )
    tasks = [access_task(request.user, int(raw), URGE_ACTION) for raw in dict.fromkeys(raw_ids)]
    back = data.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = ""
    form = UrgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            do_urge_tasks(tasks=tasks, by=request.user, message=form.cleaned_data["message"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Đã gửi đôn đốc %(n)s nhiệm vụ.", "Đã gửi đôn đốc %(n)s nhiệm vụ.", len(tasks)
                )
                % {"n": len(tasks)},
            )
            return redirect(back or "reminders:sent_list")
    return render(
        request, "reminders/urge_tasks.html", {"tasks": tasks, "form": form, "next": back}
    )


@login_required
def urge_unit(request, committee_pk, unit_pk):
    """The secretariat urges a unit on all its overdue tasks in the committee."""
    committee = access_committee(request.user, committee_pk, "manage")
    unit = get_object_or_404(Unit, pk=unit_pk)
    overdue = get_overdue_tasks(
        committee=committee, unit=unit, today=get_local_date(timezone.now())
    )
    form = UrgeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            do_urge_unit(
                committee=committee,
                unit=unit,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã gửi đôn đốc đến %(unit)s.") % {"unit": unit})
            return redirect("reminders:sent_list")
    return render(
        request,
        "reminders/urge_unit.html",
        {"committee": committee, "unit": unit, "overdue": overdue, "form": form},
    )


@login_required
def urge_letter(request, committee_pk, unit_pk):
    """The urging letter to a unit (Word), listing its overdue and due-soon tasks."""
    committee = access_committee(request.user, committee_pk, "manage")
    unit = get_object_or_404(Unit, pk=unit_pk)
    today = get_local_date(timezone.now())
    return build_attachment(
        build_urge_letter_docx(committee=committee, unit=unit, today=today),
        DOCX_CONTENT_TYPE,
        get_letter_filename(unit, today),
    )
