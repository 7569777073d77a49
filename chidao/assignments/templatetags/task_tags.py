"""Template helpers of the task pages."""

from django import template
from django.utils import timezone

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
