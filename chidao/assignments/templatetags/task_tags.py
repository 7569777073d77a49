"""Template helpers of the task pages."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.assignments.choices import Risk, TaskKind, TaskState, TaskStatus
from chidao.assignments.models import Task
from chidao.assignments.risk import get_tasks_at_risk

register = template.Library()


@register.filter
def task_status(value) -> TaskStatus | None:
    """The ``TaskStatus`` of a stored value, for its label and badge colour."""
    try:
        return TaskStatus(value)
    except ValueError:
        return None


# A number no task has yet, reversed once and replaced by each task's number.
ADDRESS_MARK = 987654321987


def _get_status_badge(value) -> str:
    """A status's badge, as ``includes/status_badge.html`` writes it."""
    shown = task_status(value)
    if not shown:
        return ""
    return format_html(
        '<span class="badge text-bg-{} status-badge" data-status="{}">{}</span>',
        shown.badge,
        shown.value,
        shown.label,
    )


def _get_warning_badges() -> tuple[SafeString, SafeString]:
    """The "due soon" and "awaiting verification" badges of a list row or a card."""
    due_soon = format_html(
        ' <span class="badge text-bg-warning due-soon-badge">{}</span>', _("Sắp đến hạn")
    )
    awaiting = format_html(
        ' <span class="badge text-bg-warning awaiting-badge" title="{}">{}</span>',
        _("Đơn vị đã báo cáo hoàn thành; nhiệm vụ chỉ hoàn thành khi Thường trực xác nhận."),
        _("Chờ xác nhận hoàn thành"),
    )
    return due_soon, awaiting


@register.simple_tag
def task_rows(tasks, *, show_committee: bool = False, selectable: bool = False) -> SafeString:
    """The rows of ``includes/task_table.html``, written here rather than by a template
    loop: fifty rows of a list page cost more through the template engine (an include and
    a dozen look-ups per row) than the page's queries. The same HTML as
    ``includes/status_badge.html`` for the badges; every value escaped."""
    key_badge = format_html(' <span class="badge text-bg-secondary ms-1">{}</span>', _("Trọng tâm"))
    due_soon_badge, awaiting_badge = _get_warning_badges()
    no_unit = format_html('<span class="text-body-secondary">{}</span>', "—")
    # What repeats from row to row is written once: the address (one reverse), each
    # status's badge, each committee's line.
    detail_url = reverse("assignments:task_detail", args=[ADDRESS_MARK])
    badges: dict[str, str] = {}
    committees: dict[int, str] = {}
    rows = []
    for task in tasks:
        cells = []
        if selectable:
            if getattr(task, "can_urge", False):
                code = Truncator(task.code or task.title).chars(40)
                cells.append(
                    format_html(
                        '<td><input class="form-check-input" type="checkbox" name="task"'
                        ' value="{}" id="urge-{}" aria-label="{}"></td>',
                        task.pk,
                        task.pk,
                        _("Chọn %(code)s để đôn đốc") % {"code": code},
                    )
                )
            else:
                cells.append("<td></td>")
        if task.status not in badges:
            badges[task.status] = _get_status_badge(task.status)
        if show_committee and task.committee_id not in committees:
            committees[task.committee_id] = format_html(
                '<div class="small text-body-secondary">{}</div>', task.committee
            )
        deadline = task.deadline_as_of.strftime("%d/%m/%Y") if task.deadline_as_of else ""
        units = [unit.name for unit in task.coordinating_units.all()]
        cells.append(
            format_html(
                '<td class="text-nowrap">{}</td><td class="task-title"><a href="{}">{}</a>'
                '{}{}</td><td>{}</td><td class="small">{}</td>'
                '<td class="text-nowrap">{}{}</td><td>{}{}{}</td>'
                '<td class="text-end">{}%</td>',
                task.code,
                detail_url.replace(str(ADDRESS_MARK), str(task.pk)),
                task.title,
                key_badge if task.is_key else "",
                mark_safe(committees[task.committee_id]) if show_committee else "",
                task.lead_unit.name,
                "; ".join(units) if units else no_unit,
                deadline,
                format_html(
                    '<div class="small text-body-secondary text-wrap">{}</div>', task.deadline_text
                )
                if task.deadline_text and task.deadline_text != deadline
                else "",
                mark_safe(badges[task.status]),
                due_soon_badge if getattr(task, "due_soon", False) else "",
                awaiting_badge if getattr(task, "awaiting_verification", False) else "",
                localize(task.progress_percent),
            )
        )
        rows.append(f'<tr data-task="{task.pk}">{"".join(cells)}</tr>')
    return mark_safe("\n".join(rows))


@register.simple_tag
def unit_task_cards(tasks) -> SafeString:
    """The cards of one status group of the unit's task page (``unit_tasks.html``),
    written here for the reason ``task_rows`` is: a unit's sixty cards through the
    template engine (an include and a dozen look-ups each) cost a third of the page.
    Each task carries ``status``, ``due_soon``, ``unit_leads`` and
    ``awaiting_verification`` (the view's). The same HTML as
    ``includes/status_badge.html`` for the badges; every value escaped."""
    due_soon_badge, awaiting_badge = _get_warning_badges()
    lead_badge = format_html('<span class="badge text-bg-light border">{}</span>', _("Chủ trì"))
    coordinator_badge = format_html(
        '<span class="badge text-bg-light border">{}</span>', _("Phối hợp")
    )
    deadline_label, progress_label, lead_label = _("Thời hạn"), _("Tiến độ"), _("Chủ trì")
    detail_url = reverse("assignments:task_detail", args=[ADDRESS_MARK])
    badges: dict[str, str] = {}
    cards = []
    for task in tasks:
        if task.status not in badges:
            badges[task.status] = _get_status_badge(task.status)
        due_soon = getattr(task, "due_soon", False)
        if task.deadline_as_of:
            deadline = task.deadline_as_of.strftime("%d/%m/%Y")
        else:
            deadline = task.deadline_text or "—"
        cards.append(
            format_html(
                '<div class="col">\n<article class="card h-100 unit-task{}" data-task="{}">'
                '<div class="card-body p-2">'
                '<div class="d-flex flex-wrap gap-1 align-items-center small mb-1">'
                "{}{}{}{} {}</div>"
                '<a class="card-title d-block text-break" href="{}">{}</a>'
                '<div class="small text-body-secondary">{}: {} · {}: {}%</div>{}'
                "</div></article>\n</div>",
                " border-warning" if due_soon else "",
                task.pk,
                format_html('<span class="fw-semibold">{}</span> ', task.code) if task.code else "",
                mark_safe(badges[task.status]),
                due_soon_badge if due_soon else "",
                awaiting_badge if getattr(task, "awaiting_verification", False) else "",
                lead_badge if task.unit_leads else coordinator_badge,
                detail_url.replace(str(ADDRESS_MARK), str(task.pk)),
                task.title,
                deadline_label,
                deadline,
                progress_label,
                localize(task.progress_percent),
                ""
                if task.unit_leads
                else format_html(
                    '<div class="small text-body-secondary text-break">{}: {}</div>',
                    lead_label,
                    task.lead_unit.name,
                ),
            )
        )
    return mark_safe("\n".join(cards))


@register.filter
def task_risk(value) -> Risk | None:
    """The ``Risk`` of a stored value, for its label and badge colour."""
    try:
        return Risk(value)
    except ValueError:
        return None


@register.inclusion_tag("assignments/includes/at_risk_panel.html", takes_context=True)
def at_risk_panel(context, committee=None, unit=None, as_of=None, limit=10):
    """The "Nguy cơ chậm" panel: tasks the early warning flags, with their reasons.

    A tag rather than view code so the pages that show it (the leader's dashboard, the
    secretariat's queue, the unit's tasks) each add one line. ``committee``: its tasks
    (and those below it the user may see are left to their own committee's panel);
    ``unit``: the tasks the unit leads; neither: every task the user may see.
    """
    request = context["request"]
    as_of = as_of or timezone.localdate()
    tasks = Task.objects.visible_to(request.user).filter(
        kind=TaskKind.DEADLINE, state=TaskState.OPEN
    )
    if committee is not None:
        tasks = tasks.filter(committee=committee)
    if unit is not None:
        tasks = tasks.filter(lead_unit=unit)
    found = get_tasks_at_risk(tasks, as_of)
    return {"items": found[:limit], "total": len(found), "as_of": as_of}
