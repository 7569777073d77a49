"""The one gate for tasks: who may see a task and what they may do to it.

Pages, the API and exports call ``access_task``; templates show buttons from
``get_task_actions``, which is the same rule, so a hidden button and a refused request
never disagree.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from chidao.assignments.choices import TaskKind, TaskState
from chidao.assignments.models import DeadlineChange, Evidence, ProgressUpdate, Task
from chidao.committees.access import Roles, get_roles


class TaskAction(models.TextChoices):
    VIEW = "view", _("Xem")
    REPORT = "report", _("Báo cáo tiến độ")
    CLAIM_COMPLETION = "claim_completion", _("Đề nghị xác nhận hoàn thành")
    REQUEST_DEADLINE_CHANGE = "request_deadline_change", _("Đề nghị điều chỉnh thời hạn")
    APPROVE_FOR_UNIT = "approve_for_unit", _("Lãnh đạo đơn vị duyệt báo cáo")
    REVIEW = "review", _("Xem xét báo cáo, điều chỉnh thời hạn")
    EDIT = "edit", _("Sửa, giao nhiệm vụ")
    DIRECT = "direct", _("Cho ý kiến chỉ đạo")


# Who may urge (đôn đốc) a task's lead unit: those who review its reports, i.e. manage its
# committee. The urge page (reminders.views.urge_task) gates on it and every page that
# offers the "Đôn đốc" button asks the same question, so button and page agree.
URGE_ACTION = TaskAction.REVIEW


def may_urge(roles: Roles, task: Task) -> bool:
    """Whether ``roles`` may urge ``task``'s lead unit (``URGE_ACTION``); no query: being
    a coordinating unit never grants it."""
    return URGE_ACTION in get_task_actions(roles, task, coordinating_ids=())


def get_task_actions(roles: Roles, task: Task, coordinating_ids=None) -> frozenset[str]:
    """What a user with ``roles`` may do to ``task``; empty when they may not see it.

    ``coordinating_ids`` saves a query when the caller already has them.
    """
    if coordinating_ids is None:
        coordinating_ids = {unit.pk for unit in task.coordinating_units.all()}
    leads_task = roles.unit_id is not None and roles.unit_id == task.lead_unit_id
    coordinates = roles.unit_id is not None and roles.unit_id in coordinating_ids
    manages = roles.manages(task.committee_id)
    leads_committee = roles.leads(task.committee_id)
    if not (leads_task or coordinates or manages or leads_committee):
        return frozenset()

    actions = {TaskAction.VIEW}
    is_open = task.state == TaskState.OPEN
    if is_open and (leads_task or coordinates):
        actions.add(TaskAction.REPORT)
        if roles.is_unit_head:
            actions.add(TaskAction.APPROVE_FOR_UNIT)
    if is_open and leads_task:
        actions.add(TaskAction.CLAIM_COMPLETION)
        if task.kind == TaskKind.DEADLINE:
            actions.add(TaskAction.REQUEST_DEADLINE_CHANGE)
    if manages:
        actions |= {TaskAction.REVIEW, TaskAction.EDIT}
    if leads_committee or roles.is_admin:
        actions.add(TaskAction.DIRECT)
    return frozenset(actions)


def access_task(user, pk, action: str = TaskAction.VIEW, *, queryset=None) -> Task:
    """The task ``pk`` if ``user`` may do ``action`` to it.

    Raises 404 when the user may not see the task (no existence leak) and 403 when they
    may see it but not do this. ``queryset`` (of tasks) lets a page read the task with
    what it shows (its status, related rows) in the same query as the check, instead of
    reading it twice; the visibility filter is applied to it all the same.
    """
    if queryset is None:
        queryset = Task.objects.select_related("committee", "lead_unit")
    # ``get`` rather than ``first``: one row needs no ORDER BY, and Django matches each
    # ordering term against every selected column (≈ 1.3 ms for the task page's 189).
    try:
        task = queryset.visible_to(user).get(pk=pk)
    except Task.DoesNotExist:
        raise Http404 from None
    if action not in get_task_actions(get_roles(user), task):
        raise PermissionDenied
    return task


def access_progress_update(user, pk, action: str = TaskAction.VIEW) -> ProgressUpdate:
    """The progress report ``pk`` if ``user`` may do ``action`` to it.

    404 when its task is hidden from the user; 403 when they see it but may not act:
    ``APPROVE_FOR_UNIT`` only for the head of the unit that filed the report, ``REVIEW``
    never on a report the reviewer wrote (no one confirms their own completion claim).
    """
    update = (
        ProgressUpdate.objects.filter(task__in=Task.objects.visible_to(user), pk=pk)
        .select_related("task__committee", "task__lead_unit", "unit", "author__person")
        .first()
    )
    if update is None:
        raise Http404
    roles = get_roles(user)
    allowed = action in get_task_actions(roles, update.task)
    if action == TaskAction.APPROVE_FOR_UNIT:
        allowed = allowed and update.unit_id == roles.unit_id
    if action == TaskAction.REVIEW:
        allowed = allowed and update.author_id != user.pk
    if not allowed:
        raise PermissionDenied
    return update


def access_evidence(user, pk) -> Evidence:
    """The evidence file ``pk`` if ``user`` may see its task; 404 otherwise."""
    evidence = (
        Evidence.objects.filter(progress_update__task__in=Task.objects.visible_to(user), pk=pk)
        .select_related("progress_update")
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def access_deadline_change(user, pk, action: str = TaskAction.REVIEW) -> DeadlineChange:
    """The deadline-change request ``pk`` if ``user`` may do ``action`` to its task.

    404 when the task is hidden from the user, 403 when they see it but may not act.
    """
    change = (
        DeadlineChange.objects.filter(task__in=Task.objects.visible_to(user), pk=pk)
        .select_related("task__committee", "task__lead_unit", "requested_by__person")
        .first()
    )
    if change is None:
        raise Http404
    if action not in get_task_actions(get_roles(user), change.task):
        raise PermissionDenied
    return change
