"""Task pages: the unit's home, the list and its export, detail, create, edit, break down.

Thin views: parse input, ask ``access_task`` / ``access_committee``, call one service,
render. Lists start from ``Task.objects.visible_to(user)`` through ``TaskFilterSet``, so
a page, its export and the API show the same tasks.
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from chidao.assignments import services
from chidao.assignments.access import (
    URGE_ACTION,
    TaskAction,
    access_task,
    get_task_actions,
    may_urge,
)
from chidao.assignments.choices import TaskStatus
from chidao.assignments.exports import build_task_list_xlsx
from chidao.assignments.filtersets import (
    PICKERS,
    STATUS_ORDER,
    TaskFilterSet,
)
from chidao.assignments.forecast import forecast_tasks
from chidao.assignments.forms.tasks import TaskBreakdownForm, TaskForm
from chidao.assignments.history import get_task_changes
from chidao.assignments.models import Task, TaskDependency
from chidao.assignments.risk import get_forecasts, get_loaded_task_facts
from chidao.assignments.rules import is_due_soon
from chidao.assignments.timeline import get_task_records, get_task_timeline
from chidao.committees.access import access_committee, get_roles, get_visible_committees
from chidao.core.concurrency import EditConflict
from chidao.core.forms import add_service_errors
from chidao.core.keyset import CursorError, get_keyset_page
from chidao.core.spreadsheets import XLSX_CONTENT_TYPE
from chidao.core.uploads import build_attachment
from chidao.core.widgets import SEARCH_SUFFIX
from chidao.documents.models import Document
from chidao.org.models import Unit

PAGE_SIZE = 50
# The task list's filter bar is kept this long in the cache under a key made of all it
# shows (``get_filter_bar``); the limit only bounds the cache's memory. Change the
# version when the bar's template or widgets change what they write.
FILTER_BAR_SECONDS = 3600
FILTER_BAR_VERSION = 1
# Statuses shown open on the unit's home; the rest are folded away.
OPEN_STATUSES = (TaskStatus.OVERDUE, TaskStatus.IN_PROGRESS, TaskStatus.ONGOING)


def _list_rows(queryset):
    return queryset.select_related("committee", "group", "lead_unit").prefetch_related(
        Prefetch("coordinating_units", queryset=Unit.objects.order_by("name"))
    )


@login_required
def unit_tasks(request):
    """ "Nhiệm vụ của đơn vị": what the user's unit leads or coordinates, by status today.

    Overdue first, then what falls due soon, then the rest; each group with its count.
    """
    roles = get_roles(request.user)
    today = timezone.localdate()
    groups = []
    if roles.unit_id:
        coordinated = Task.coordinating_units.through.objects.filter(unit=roles.unit_id)
        # The cards show the lead unit and the committee's warning window, not the
        # coordinating units nor the group: only those two are joined.
        tasks = (
            Task.objects.visible_to(request.user)
            .select_related("committee", "lead_unit")
            .filter(Q(lead_unit=roles.unit_id) | Q(pk__in=coordinated.values("task")))
            .with_status(today)
            .with_awaiting_verification()
            # Grouped by status below, so the database orders only within a status (a
            # status rank in SQL repeated the status rule nine times: a third of the page).
            .order_by("deadline_as_of", "code", "pk")
        )
        by_status = {status: [] for status in STATUS_ORDER}
        for task in tasks:
            task.unit_leads = task.lead_unit_id == roles.unit_id
            # Each committee sets its own warning window; the rule reads it per task.
            task.due_soon = is_due_soon(
                task.status, task.deadline_as_of, today, task.committee.due_soon_days
            )
            by_status[task.status].append(task)
        for found in by_status.values():
            found.sort(key=lambda task: not task.due_soon)  # stable: deadline order kept
        groups = [
            {
                "status": status,
                "tasks": found,
                "due_soon": sum(1 for task in found if task.due_soon),
                "open": status in OPEN_STATUSES,
            }
            for status, found in by_status.items()
            if found
        ]
    unit = request.user.unit if roles.unit_id else None  # read with the user (org.UserManager)
    return render(
        request,
        "assignments/unit_tasks.html",
        {"unit": unit, "groups": groups, "as_of": today, "has_unit": bool(roles.unit_id)},
    )


@login_required
def task_list(request):
    """Every task the user may see, filtered, searched, sorted, 50 a page.

    Pages are keyset pages (``core.keyset``): "next" starts after the last task shown, so
    a deep page costs what the first one does; the total comes from the status counts.
    """
    filterset = TaskFilterSet(request.GET, request=request)
    cursor = request.GET.get("cursor") or None
    cursor_refused = False  # said on the page, not as a message: a read writes nothing
    try:
        page = get_keyset_page(
            _list_rows(filterset.qs), filterset.ordering, cursor=cursor, size=PAGE_SIZE
        )
    except CursorError:  # an old or altered link: the first page, and say so
        page = get_keyset_page(
            _list_rows(filterset.qs), filterset.ordering, cursor=None, size=PAGE_SIZE
        )
        cursor = None
        cursor_refused = True
    query = request.GET.copy()
    for name in ("page", "cursor"):
        query.pop(name, None)
    counts = filterset.get_status_counts()
    status_query = query.copy()
    status_query.pop("status", None)
    status_counts = [
        {
            "status": status,
            "count": counts[status.value],
            "query": _with(status_query, status=status.value),
            "active": request.GET.get("status") == status.value,
        }
        for status in STATUS_ORDER
        if counts[status.value]
    ]
    roles = get_roles(request.user)
    tasks = page.rows
    filters_open = any(
        request.GET.get(name) for name in filterset.filters if name not in ("q", "sort")
    )
    # The overdue and due-soon lists let those who may urge tick several tasks at once.
    urging = request.GET.get("status") in (TaskStatus.OVERDUE, "due_soon")
    for task in tasks:
        task.can_urge = urging and may_urge(roles, task)
    return render(
        request,
        "assignments/task_list.html",
        {
            "filterset": filterset,
            "page": page,
            "is_first_page": cursor is None,
            "cursor_refused": cursor_refused,
            "total": counts[request.GET["status"]]
            if request.GET.get("status") in counts
            else counts["total"],
            "tasks": tasks,
            "urge_selectable": any(task.can_urge for task in tasks),
            "as_of": filterset.report_date,
            "query": query.urlencode(),
            "counts": counts,
            "status_counts": status_counts,
            "all_statuses_query": status_query.urlencode(),
            "due_soon_query": _with(status_query, status="due_soon"),
            "filter_bar": get_filter_bar(filterset, filters_open=filters_open),
            "can_create": roles.is_admin or roles.is_secretariat,
        },
    )


def get_filter_bar(filterset: TaskFilterSet, *, filters_open: bool) -> SafeString:
    """The list's filter form as HTML, rendered once for what it shows and then kept.

    Fourteen widgets cost a list page more than its fifty rows. The bar shows the values
    sent, the label of each chosen option, the field errors and the language: the key is
    made of exactly these, so it needs no invalidation (a committee or unit renamed gives
    a new label, hence a new key) and two users who send the same filters share it. What a
    user may see never rests on it: each chosen option is one the form accepted from the
    user's own scope, and the list is filtered by ``TaskFilterSet`` whatever the bar says.
    A picker with typed text lists matches from the user's scope (the page without
    script): that bar is rendered afresh, never kept.
    """
    form = filterset.form
    data = form.data
    if any(data.get(f"{name}{SEARCH_SUFFIX}") for name in PICKERS):
        return _render_filter_bar(filterset, filters_open)
    form.is_valid()
    chosen = {
        name: (value.pk, form.fields[name].label_from_instance(value))
        for name in PICKERS
        if (value := form.cleaned_data.get(name)) is not None
    }
    shown = (
        FILTER_BAR_VERSION,
        get_language(),
        sorted((name, data.getlist(name)) for name in form.fields if name in data),
        sorted(chosen.items()),
        form.errors.get_json_data(),
        filters_open,
    )
    key = "task-filter-bar:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = _render_filter_bar(filterset, filters_open)
        cache.set(key, str(html), FILTER_BAR_SECONDS)
    return SafeString(html)


def _render_filter_bar(filterset: TaskFilterSet, filters_open: bool) -> SafeString:
    return SafeString(
        render_to_string(
            "assignments/includes/task_filters.html",
            {"filterset": filterset, "filters_open": filters_open},
        )
    )


@login_required
@require_GET
def task_filter_options(request, name):
    """htmx partial of the task list's filter form: the choices of one picker for what
    was typed (``<name>_search``), only within the user's scope, the chosen one kept."""
    filterset = TaskFilterSet(request.GET, request=request)
    widget = filterset.form.fields[name].widget
    return HttpResponse(widget.render_options(name, request.GET.get(name), widget_id=f"id_{name}"))


def _with(query, **values) -> str:
    """``query`` (a QueryDict) with ``values`` set, URL-encoded."""
    changed = query.copy()
    for name, value in values.items():
        changed[name] = value
    return changed.urlencode()


@login_required
def task_export(request):
    """The filtered list as .xlsx: the same rows as the page, every page at once."""
    filterset = TaskFilterSet(request.GET, request=request)
    content = build_task_list_xlsx(_list_rows(filterset.qs), filterset.report_date)
    return build_attachment(
        content, XLSX_CONTENT_TYPE, f"nhiem-vu-{filterset.report_date:%Y-%m-%d}.xlsx"
    )


@login_required
def task_detail(request, pk):
    """Every field of a task, its documents, sub-tasks, timeline and change history."""
    today = timezone.localdate()
    # Read once, with everything the page shows, by the gate itself.
    task = access_task(
        request.user,
        pk,
        queryset=Task.objects.with_status(today)
        .select_related(
            "committee",
            "group",
            "lead_unit",
            "parent",
            "overseeing_member__person",
            "focal_person__unit",
            "source_document__issuing_unit",
            "source_document__implements__implements__implements",
        )
        .prefetch_related(Prefetch("coordinating_units", queryset=Unit.objects.order_by("name")))
        # Most tasks have no sub-tasks: this spares their list's query (≈ 2.5 ms: it
        # computes the status rule) on those.
        .annotate(has_subtasks=Exists(Task.objects.filter(parent=OuterRef("pk")))),
    )
    task.due_soon = is_due_soon(
        task.status, task.deadline_as_of, today, task.committee.due_soon_days
    )
    roles = get_roles(request.user)
    coordinating = list(task.coordinating_units.all())
    actions = get_task_actions(roles, task, {unit.pk for unit in coordinating})
    # Sub-tasks the user may open; a unit sees only the parts it leads or coordinates.
    subtasks = (
        Task.objects.visible_to(request.user)
        .filter(parent=task)
        .with_status(today)
        .select_related("lead_unit")
        .order_by("code_sort", "pk")
        if task.has_subtasks
        else []
    )
    # Read once: the timeline shows them, the task's own forecast counts from them.
    records = get_task_records(task)
    documents = _get_document_chain(task.source_document)
    readable_documents = (
        set(
            Document.objects.visible_to(request.user)
            .filter(pk__in=[document.pk for document in documents])
            .values_list("pk", flat=True)
        )
        if documents
        else set()
    )
    parent_visible = (
        task.parent_id is not None
        and Task.objects.visible_to(request.user).filter(pk=task.parent_id).exists()
    )
    return render(
        request,
        "assignments/task_detail.html",
        {
            **_get_dependency_context(request.user, task, today, records, coordinating),
            "task": task,
            "status": TaskStatus(task.status),
            "coordinating_units": coordinating,
            "documents": documents,
            "readable_documents": readable_documents,
            "subtasks": subtasks,
            "parent_visible": parent_visible,
            "actions": actions,
            # "Đôn đốc" where the problem shows: on an overdue or due-soon task.
            "can_urge": URGE_ACTION in actions
            and (task.status == TaskStatus.OVERDUE or task.due_soon),
            "timeline": get_task_timeline(task, records),
            "changes": get_task_changes(task),
            "as_of": today,
        },
    )


def _get_dependency_context(user, task, today, records, coordinating) -> dict:
    """What the task waits for and what waits for it (those the user may see), each with
    its forecast, and the task's own forecast with its reasons.

    ``task`` carries its status on ``today``; ``records`` and ``coordinating`` are the
    page's (``get_task_records``, the coordinating units)."""
    visible = Task.objects.visible_to(user)
    # Most tasks wait for none and none waits for them: one small look-up then spares the
    # two lists' queries (each computes the status rule).
    links = list(
        TaskDependency.objects.filter(Q(task=task) | Q(depends_on=task))
        .order_by()  # the model's order joins both tasks; only whether any exists counts
        .values_list("task_id", "depends_on_id")
    )
    if not links:
        # Alone: its forecast from the rows the page read (2 queries instead of 7).
        facts, weights = get_loaded_task_facts(
            task, records.updates, records.changes, [unit.pk for unit in coordinating], today
        )
        forecast = forecast_tasks(facts, today, weights).get(task.pk)
        return {"forecast": forecast, "waits_for": [], "waited_by": []}
    waits_for, waited_by = [], []
    if any(waiting == task.pk for waiting, _before in links):
        waits_for = list(
            visible.filter(dependents__task=task).with_status(today).order_by("code", "pk")
        )
    if any(before == task.pk for _waiting, before in links):
        waited_by = list(
            visible.filter(dependencies__depends_on=task).with_status(today).order_by("code", "pk")
        )
    forecasts = get_forecasts([task.pk, *(other.pk for other in waited_by)], today)
    for other in (*waits_for, *waited_by):
        other.forecast = forecasts.get(other.pk)
    return {"forecast": forecasts.get(task.pk), "waits_for": waits_for, "waited_by": waited_by}


def _get_document_chain(document, limit: int = 12) -> list:
    """The source document, the one it implements, and so on up to the resolution."""
    chain = []
    while document is not None and len(chain) < limit and document not in chain:
        chain.append(document)
        document = document.implements
    return chain


def _get_committee_for_create(request):
    """The committee named by ``?committee=``, or the only one the user manages.

    Returns ``(committee, None)``, or ``(None, committees)`` when the user must choose.
    """
    raw = request.GET.get("committee") or request.POST.get("committee")
    if raw:
        if not raw.isdigit():
            raise Http404
        return access_committee(request.user, int(raw), "manage"), None
    roles = get_roles(request.user)
    managed = get_visible_committees(request.user)
    if not roles.is_admin:
        managed = managed.filter(pk__in=roles.secretariat_scope)
    managed = list(managed.order_by("level", "name"))
    if not managed:
        raise PermissionDenied
    if len(managed) == 1:
        return managed[0], None
    return None, managed


@login_required
def task_create(request):
    """The secretariat writes down a new task of its committee (``?committee=<pk>``)."""
    committee, choices = _get_committee_for_create(request)
    if committee is None:
        return render(request, "assignments/task_form.html", {"committees": choices})
    form = TaskForm(request.POST or None, committee=committee, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            task = services.do_create_task(
                committee=committee, by=request.user, **form.get_task_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect("assignments:task_detail", pk=task.pk)
    return render(request, "assignments/task_form.html", {"form": form, "committee": committee})


@login_required
def task_edit(request, pk):
    """The secretariat corrects or completes what it wrote about a task."""
    task = access_task(request.user, pk, TaskAction.EDIT)
    form = TaskForm(
        request.POST or None, instance=task, committee=task.committee, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_task(
                task=task,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.get_task_fields(),
            )
        except EditConflict as conflict:
            form.show_conflict(conflict, Task.objects.get(pk=task.pk))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("assignments:task_detail", pk=task.pk)
    if request.method == "POST":
        task.refresh_from_db()  # the heading shows the task as saved, not as typed
    return render(
        request,
        "assignments/task_form.html",
        {"form": form, "committee": task.committee, "task": task},
    )


@login_required
def task_breakdown(request, pk):
    """The secretariat splits a task into sub-tasks for several units in one step."""
    task = access_task(request.user, pk, TaskAction.EDIT)
    form = TaskBreakdownForm(request.POST or None, task=task)
    if request.method == "POST" and form.is_valid():
        try:
            subtasks = services.do_break_down_task(task=task, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            count = len(subtasks)
            messages.success(
                request,
                ngettext(
                    "Đã giao %(count)d nhiệm vụ con.", "Đã giao %(count)d nhiệm vụ con.", count
                )
                % {"count": count},
            )
            return redirect("assignments:task_detail", pk=task.pk)
    existing = task.subtasks.select_related("lead_unit").order_by("code_sort", "pk")
    return render(
        request,
        "assignments/task_breakdown.html",
        {"form": form, "task": task, "existing": existing},
    )
