"""Writes on tasks: every page, API call, import and job goes through these.

Contract shared by every function here: the caller has already checked that ``by``
(the acting user) may do this to this object (``access.py`` in a later issue); the
function validates the domain rules, raising ``ValidationError`` with a Vietnamese
message and changing nothing when they fail; it writes in one transaction.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.assignments.choices import (
    DeadlineChangeDecision,
    ReviewState,
    TaskKind,
    TaskState,
)
from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.core.text import normalize_text


@transaction.atomic
def do_create_task(
    *,
    committee,
    by,
    lead_unit,
    title: str,
    deadline_text: str,
    assigned_on: date,
    coordinating_units: Iterable = (),
    **fields,
) -> Task:
    """Create a task from its deadline phrase as written in the plan ("Quý II/2025").

    The phrase is parsed into kind, deadline and start date; the text is kept. Other
    model fields (code, group, source_document, expected_output, is_key…) pass through.
    Returns the saved task.
    """
    parsed = parse_deadline_phrase(deadline_text)
    coordinating = [unit for unit in coordinating_units if unit.pk != lead_unit.pk]
    task = Task(
        committee=committee,
        lead_unit=lead_unit,
        title=title,
        deadline_text=parsed.text,
        kind=parsed.kind,
        recurrence=parsed.recurrence or "",
        deadline=parsed.deadline,
        original_deadline=parsed.deadline,
        start_date=fields.pop("start_date", None) or parsed.start,
        assigned_on=assigned_on,
        **fields,
    )
    task.full_clean()
    task.save()
    task.coordinating_units.set(coordinating)
    return task


@transaction.atomic
def do_submit_progress(
    *,
    task: Task,
    unit,
    by,
    reported_on: date,
    percent: int,
    results: str = "",
    difficulties: str = "",
    proposals: str = "",
    claims_completion: bool = False,
    completion_output: str = "",
    output_date: date | None = None,
) -> ProgressUpdate:
    """Record a unit's progress report on an open task, possibly claiming completion.

    A completion claim must name its output and the output's date; the task stays open
    until the secretariat accepts the claim (``do_review_progress``). The task's
    progress percent follows the latest report. Returns the saved update.
    """
    if task.state != TaskState.OPEN:
        raise ValidationError(_("Nhiệm vụ không còn đang triển khai, không thể báo cáo tiến độ."))
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Tiến độ phải từ 0 đến 100%.")})
    if claims_completion:
        errors = {}
        if not completion_output.strip():
            errors["completion_output"] = _("Đề nghị xác nhận hoàn thành phải nêu sản phẩm.")
        if output_date is None:
            errors["output_date"] = _("Đề nghị xác nhận hoàn thành phải có ngày của sản phẩm.")
        elif output_date > reported_on:
            errors["output_date"] = _("Ngày của sản phẩm không thể sau ngày báo cáo.")
        if errors:
            raise ValidationError(errors)
    update = ProgressUpdate.objects.create(
        task=task,
        unit=unit,
        author=by,
        reported_on=reported_on,
        percent=100 if claims_completion else percent,
        results=results,
        difficulties=difficulties,
        proposals=proposals,
        claims_completion=claims_completion,
        completion_output=completion_output,
        output_date=output_date if claims_completion else None,
    )
    task.progress_percent = update.percent
    task.save(update_fields=["progress_percent", "updated_at"])
    return update


@transaction.atomic
def do_review_progress(
    *, update: ProgressUpdate, by, accept: bool, reason: str = ""
) -> ProgressUpdate:
    """Accept or return a progress report; accepting a completion claim completes the task.

    The completion date is the date of the output, not of the review. Returning needs a
    reason, which the unit sees. Returns the reviewed update.
    """
    if update.review_state != ReviewState.SUBMITTED:
        raise ValidationError(_("Báo cáo này đã được xem xét."))
    if not accept and not reason.strip():
        raise ValidationError({"review_reason": _("Trả lại báo cáo phải nêu lý do.")})
    update.review_state = ReviewState.ACCEPTED if accept else ReviewState.RETURNED
    update.review_reason = "" if accept else reason
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.save(update_fields=["review_state", "review_reason", "reviewed_by", "reviewed_at"])
    if accept and update.claims_completion:
        task = update.task
        if task.state != TaskState.OPEN:
            raise ValidationError(_("Nhiệm vụ không còn đang triển khai."))
        task.state = TaskState.COMPLETED
        task.completed_on = update.output_date
        task.progress_percent = 100
        task.save(update_fields=["state", "completed_on", "progress_percent", "updated_at"])
    return update


@transaction.atomic
def do_request_deadline_change(
    *, task: Task, by, new_deadline: date, reason: str
) -> DeadlineChange:
    """Ask the secretariat to move an open task's deadline. Returns the pending request."""
    if task.kind != TaskKind.DEADLINE or task.state != TaskState.OPEN:
        raise ValidationError(
            _("Chỉ điều chỉnh thời hạn của nhiệm vụ có thời hạn đang triển khai.")
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Đề nghị điều chỉnh thời hạn phải nêu lý do.")})
    if new_deadline == task.deadline:
        raise ValidationError({"new_deadline": _("Thời hạn đề nghị trùng thời hạn hiện tại.")})
    if task.start_date and new_deadline < task.start_date:
        raise ValidationError({"new_deadline": _("Thời hạn không thể trước ngày bắt đầu.")})
    return DeadlineChange.objects.create(
        task=task,
        requested_by=by,
        old_deadline=task.deadline,
        new_deadline=new_deadline,
        reason=reason,
    )


@transaction.atomic
def do_decide_deadline_change(
    *, change: DeadlineChange, by, approve: bool, decided_on: date, note: str = ""
) -> DeadlineChange:
    """Approve or reject a deadline-change request; approval moves the task's deadline.

    ``old_deadline`` is set to the deadline in force at the decision, so the chain of
    approved changes always reads back to the original deadline.
    """
    if change.decision != DeadlineChangeDecision.PENDING:
        raise ValidationError(_("Đề nghị này đã được quyết định."))
    task = Task.objects.select_for_update().get(pk=change.task_id)
    change.decision = (
        DeadlineChangeDecision.APPROVED if approve else DeadlineChangeDecision.REJECTED
    )
    change.decided_by = by
    change.decided_on = decided_on
    change.decision_note = note
    if approve:
        if change.new_deadline == task.deadline:
            raise ValidationError(_("Thời hạn đề nghị trùng thời hạn hiện tại."))
        change.old_deadline = task.deadline
        task.deadline = change.new_deadline
        task.save(update_fields=["deadline", "updated_at"])
    change.save()
    return change


@transaction.atomic
def do_stop_task(*, task: Task, by, state: str, stopped_on: date, reason: str) -> Task:
    """Pause or cancel an open task (tạm dừng / dừng thực hiện); both leave the rates."""
    if state not in (TaskState.PAUSED, TaskState.CANCELLED):
        raise ValidationError(_("Chỉ có thể tạm dừng hoặc dừng thực hiện nhiệm vụ."))
    if task.state != TaskState.OPEN:
        raise ValidationError(_("Nhiệm vụ không còn đang triển khai."))
    if not reason.strip():
        raise ValidationError({"reason": _("Phải nêu lý do tạm dừng hoặc dừng thực hiện.")})
    task.state = state
    task.stopped_on = stopped_on
    task.stop_reason = reason
    task.save(update_fields=["state", "stopped_on", "stop_reason", "updated_at"])
    return task


# Editing tasks and breaking them down (issue [B] §4). Kept together; see the module
# docstring for the contract every function here keeps.

TASK_UPDATABLE_FIELDS = frozenset(
    {
        "code",
        "title",
        "description",
        "group",
        "source_document",
        "source_clause",
        "lead_unit",
        "assigned_on",
        "expected_output",
        "is_key",
        "overseeing_member",
        "focal_person",
    }
)


def _parse_deadline_field(deadline_text: str, field: str = "deadline_text"):
    try:
        return parse_deadline_phrase(deadline_text)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


@transaction.atomic
def do_update_task(
    *, task: Task, by, deadline_text: str | None = None, coordinating_units=None, **fields
) -> Task:
    """Change what the secretariat wrote about a task; the change history records it.

    ``fields`` are any of ``TASK_UPDATABLE_FIELDS``. A new deadline phrase is parsed
    again and corrects the deadline as first entered (kind, deadline, original deadline,
    start): it is a correction of the plan, not an extension. Once a deadline change has
    been approved the deadline moves only through ``do_decide_deadline_change``, so the
    original deadline and the extensions stay true. ``coordinating_units`` (when given)
    replaces the coordinating units; the lead unit is never also coordinating.
    Returns the task as saved.
    """
    unknown = set(fields) - TASK_UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"do_update_task() cannot change {sorted(unknown)}")
    current = Task.objects.select_for_update().get(pk=task.pk)
    for name, value in fields.items():
        setattr(current, name, value)
    if deadline_text is not None and normalize_text(deadline_text) != current.deadline_text:
        parsed = _parse_deadline_field(deadline_text)
        if current.deadline_changes.filter(decision=DeadlineChangeDecision.APPROVED).exists():
            raise ValidationError(
                {
                    "deadline_text": _(
                        "Thời hạn của nhiệm vụ đã được điều chỉnh theo đề nghị; "
                        "muốn đổi nữa, hãy dùng chức năng điều chỉnh thời hạn."
                    )
                }
            )
        current.deadline_text = parsed.text
        current.kind = parsed.kind
        current.recurrence = parsed.recurrence or ""
        current.deadline = parsed.deadline
        current.original_deadline = parsed.deadline
        current.start_date = parsed.start
    current._history_user = by
    current.full_clean()
    current.save()
    if coordinating_units is not None:
        current.coordinating_units.set(
            [unit for unit in coordinating_units if unit.pk != current.lead_unit_id]
        )
    else:
        current.coordinating_units.remove(current.lead_unit_id)
    return current


@transaction.atomic
def do_break_down_task(
    *,
    task: Task,
    by,
    units: Iterable,
    title: str,
    deadline_text: str,
    assigned_on: date,
    expected_output: str = "",
) -> list[Task]:
    """Break an open task into one sub-task per unit (the three-level model), at once.

    Each sub-task has ``parent`` = ``task``, the title followed by the unit's name, the
    task's committee, group, source document, overseeing member and key flag, and a
    code numbered under the task's code ("II.3.1", "II.3.2"…). Its deadline may not fall
    after the task's. A unit that already has a sub-task of this task gets no second one
    (tasks must not overlap). Either every sub-task is created or none. Returns them in
    the order of ``units``.
    """
    units = list(units)
    if task.state != TaskState.OPEN:
        raise ValidationError(_("Chỉ chia nhỏ được nhiệm vụ đang triển khai."))
    errors = {}
    if not units:
        errors["units"] = _("Chọn ít nhất một đơn vị nhận nhiệm vụ con.")
    if not normalize_text(title):
        errors["title"] = _("Tên nhiệm vụ con không được để trống.")
    if assigned_on < task.assigned_on:
        errors["assigned_on"] = _(
            "Ngày giao nhiệm vụ con không thể trước ngày giao nhiệm vụ (%(date)s)."
        ) % {"date": task.assigned_on.strftime("%d/%m/%Y")}
    try:
        parsed = parse_deadline_phrase(deadline_text)
    except ValidationError as error:
        errors["deadline_text"] = error.messages
    else:
        if task.kind == TaskKind.DEADLINE and (
            parsed.deadline is None or parsed.deadline > task.deadline
        ):
            errors["deadline_text"] = _(
                "Thời hạn của nhiệm vụ con không thể sau thời hạn của nhiệm vụ (%(date)s)."
            ) % {"date": task.deadline.strftime("%d/%m/%Y")}
    already = set(task.subtasks.values_list("lead_unit", flat=True))
    repeated = [str(unit) for unit in units if unit.pk in already]
    if repeated:
        errors["units"] = _("Đã có nhiệm vụ con giao cho: %(units)s.") % {
            "units": ", ".join(repeated)
        }
    if errors:
        raise ValidationError(errors)

    codes = iter(_next_subtask_codes(task, len(units)))
    subtasks = []
    for unit in units:
        subtask = do_create_task(
            committee=task.committee,
            by=by,
            lead_unit=unit,
            title=f"{normalize_text(title)} — {unit}",
            deadline_text=deadline_text,
            assigned_on=assigned_on,
            parent=task,
            code=next(codes),
            group=task.group,
            source_document=task.source_document,
            source_clause=task.source_clause,
            overseeing_member=task.overseeing_member,
            is_key=task.is_key,
            expected_output=expected_output,
        )
        subtasks.append(subtask)
    return subtasks


def _next_subtask_codes(task: Task, count: int) -> list[str]:
    """``count`` free codes under the task's code; blank when the task has none."""
    if not task.code:
        return [""] * count
    taken = set(
        Task.objects.filter(committee=task.committee, code__startswith=f"{task.code}.").values_list(
            "code", flat=True
        )
    )
    codes, number = [], 0
    while len(codes) < count:
        number += 1
        code = f"{task.code}.{number}"
        if code not in taken:
            codes.append(code)
    return codes
