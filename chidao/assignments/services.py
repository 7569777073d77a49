"""Writes on tasks: every page, API call, import and job goes through these.

Contract shared by every function here: the caller has already checked that ``by``
(the acting user) may do this to this object (``access.py``); the function validates
the domain rules, raising ``ValidationError`` with a Vietnamese message and changing
nothing when they fail; it writes in one transaction and announces what happened
(``signals.announce``) once that transaction commits.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.signals import pre_create_historical_record

from chidao.assignments.choices import (
    CompletionQuality,
    DeadlineChangeDecision,
    ReviewState,
    TaskKind,
    TaskState,
)
from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.assignments.dependencies import find_cycle
from chidao.assignments.models import (
    DeadlineChange,
    Direction,
    Evidence,
    ProgressUpdate,
    Task,
    TaskDependency,
)
from chidao.assignments.rules import report_waits_for_unit_head
from chidao.assignments.signals import TaskEventKind, announce, announce_tasks_created
from chidao.assignments.spans import record_status_spans
from chidao.core.concurrency import check_version, save_with_version
from chidao.core.history import set_history_user
from chidao.core.locks import lock_for_update
from chidao.core.text import normalize_text
from chidao.core.uploads import accept_evidence_file, removing_stored_files_on_error


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
    depends_on: Iterable[Task] = (),
    **fields,
) -> Task:
    """Create a task from its deadline phrase as written in the plan ("Quý II/2025").

    The phrase is parsed into kind, deadline and start date; the text is kept. Other
    model fields (code, group, source_document, expected_output, is_key…) pass through.
    ``depends_on``: the tasks it waits for (``do_set_task_dependencies``).
    Returns the saved task.
    """
    task = _build_task(committee, lead_unit, title, deadline_text, assigned_on, fields)
    task.full_clean()
    task.save()
    record_status_spans([task])
    task.coordinating_units.set(_coordinating(coordinating_units, lead_unit))
    if depends_on:
        do_set_task_dependencies(task=task, by=by, depends_on=depends_on)
    return task


def _build_task(committee, lead_unit, title: str, deadline_text: str, assigned_on, fields) -> Task:
    """The unsaved task ``do_create_task`` and ``create_tasks_in_bulk`` write: the deadline
    phrase parsed into kind, deadline and start date, the phrase kept."""
    parsed = parse_deadline_phrase(deadline_text)
    fields = dict(fields)
    return Task(
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


def _coordinating(units: Iterable, lead_unit) -> list:
    """The coordinating units of a task: never its lead unit too."""
    return [unit for unit in units if unit.pk != lead_unit.pk]


# Given as objects by the caller, so not looked up again one query per row and field.
_BULK_UNCHECKED_FIELDS = [
    "committee",
    "lead_unit",
    "group",
    "source_document",
    "parent",
    "overseeing_member",
    "focal_person",
]


@transaction.atomic
def create_tasks_in_bulk(*, committee, by, tasks: Sequence[dict]) -> list[Task]:
    """``do_create_task`` for many tasks at once (a plan import), written in bulk.

    Each item of ``tasks`` holds ``do_create_task``'s arguments (``lead_unit``,
    ``title``, ``deadline_text``, ``assigned_on``, optionally ``coordinating_units`` and
    model fields such as ``code``, ``group``, ``parent``); ``depends_on`` is not taken.
    The same rules hold as one by one, checked once per task in Python: the deadline
    phrase, every field (``clean_fields`` and ``clean``; the related objects are given, so
    not looked up again), codes unique in the committee and among the new tasks; the
    database's own check constraints stand behind. Any refusal raises ``ValidationError``
    naming the task and writes nothing (the caller's transaction rolls back).

    Written with one insert per table and batch: the tasks, their coordinating units,
    one history row per task ("+", with its coordinating units, attributed to ``by``,
    its origin noted by the ``pre_create_historical_record`` receivers as for any save),
    then ``tasks_written_in_bulk``. Not durable: a step of a larger write. Returns the
    saved tasks, in the order given.
    """
    built: list[Task] = []
    coordinating: list[list] = []
    errors: list[str] = []
    taken = set(
        Task.objects.filter(committee=committee).exclude(code="").values_list("code", flat=True)
    )
    for item in tasks:
        item = dict(item)
        units = item.pop("coordinating_units", ())
        try:
            task = _build_task(
                committee,
                item.pop("lead_unit"),
                item.pop("title"),
                item.pop("deadline_text"),
                item.pop("assigned_on"),
                item,
            )
            task.prepare_text()
            task.clean_fields(exclude=_BULK_UNCHECKED_FIELDS)
            task.clean()
            if task.code and task.code in taken:
                raise ValidationError({"code": _("Ban Chỉ đạo đã có nhiệm vụ với mã này.")})
        except ValidationError as error:
            label = item.get("code") or str(item.get("title", ""))[:60]
            errors.extend(
                _("Nhiệm vụ %(label)s: %(message)s") % {"label": label, "message": message}
                for message in error.messages
            )
            continue
        taken.add(task.code)
        built.append(task)
        coordinating.append(_coordinating(units, task.lead_unit))
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            Task.objects.bulk_create(built, batch_size=_BULK_BATCH)
    except IntegrityError as error:
        raise ValidationError(
            _("Dữ liệu nhiệm vụ vi phạm ràng buộc của hệ thống (%(error)s); không ghi gì.")
            % {"error": error}
        ) from error
    through = Task.coordinating_units.through
    links = [
        through(task_id=task.pk, unit_id=unit.pk)
        for task, units in zip(built, coordinating, strict=True)
        for unit in units
    ]
    through.objects.bulk_create(links, batch_size=_BULK_BATCH)
    _write_creation_history(built, links, by)
    tasks_written_in_bulk(built)
    return built


_BULK_BATCH = 500


def _write_creation_history(tasks: list[Task], links: list, by) -> None:
    """One "+" history row per new task, with its coordinating units, as a save and the
    m2m ``set`` of ``do_create_task`` record them (there in two rows)."""
    history_model = Task.history.model
    m2m_history_model = next(
        relation.related_model
        for relation in history_model._meta.related_objects
        if relation.field.name == "history" and relation.related_model is not history_model
    )
    tracked = history_model.tracked_fields
    now = timezone.now()
    rows = []
    for task in tasks:
        row = history_model(
            history_date=now,
            history_type="+",
            history_user=by,
            history_change_reason=None,
            **{field.attname: getattr(task, field.attname) for field in tracked},
        )
        pre_create_historical_record.send(
            sender=history_model,
            instance=task,
            history_date=now,
            history_user=by,
            history_change_reason=None,
            history_instance=row,
            using=None,
        )
        rows.append(row)
    history_model.objects.bulk_create(rows, batch_size=_BULK_BATCH)
    row_of_task = {row.id: row for row in rows}
    m2m_rows = [
        m2m_history_model(
            id=link.pk,
            history=row_of_task[link.task_id],
            task_id=link.task_id,
            unit_id=link.unit_id,
        )
        for link in links
    ]
    m2m_history_model.objects.bulk_create(m2m_rows, batch_size=_BULK_BATCH)


def tasks_written_in_bulk(tasks: list[Task]) -> None:
    """What follows every bulk creation of tasks (``create_tasks_in_bulk``), in its
    transaction: the hook where kept figures that ``save()`` would have updated are
    brought up to date for the new tasks, and where ``tasks_created`` is announced (the
    webhooks' "task.created", as ``post_save`` gives it for one task) once it commits.
    The tasks' status spans are written here (``spans.record_status_spans``)."""
    record_status_spans(tasks)
    announce_tasks_created(tasks)


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
    evidence_files: Sequence = (),
) -> ProgressUpdate:
    """Record a unit's progress report on an open task, possibly claiming completion.

    ``unit`` is the lead unit (its report) or a coordinating unit (its contribution,
    which never claims completion nor sets the task's percent). A completion claim
    must name its output and the output's date; the task stays open until the
    secretariat accepts the claim (``do_review_progress``). ``evidence_files`` are
    uploaded files, each checked by content and scanned (``core.uploads.accept_evidence_file``)
    before anything is written: one bad file and nothing is saved, no file left on disk.
    When the committee or the unit requires it (``rules.report_waits_for_unit_head``),
    the report waits for the head of the unit (``do_approve_progress_for_unit``) unless
    the head wrote it. Returns the saved update.
    """
    if task.state != TaskState.OPEN:
        raise ValidationError(_("Nhiệm vụ không còn đang triển khai, không thể báo cáo tiến độ."))
    is_lead = unit.pk == task.lead_unit_id
    if not is_lead and not task.coordinating_units.filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị không chủ trì hay phối hợp thực hiện nhiệm vụ này."))
    errors: dict[str, str | list[str]] = {}
    if not 0 <= percent <= 100:
        errors["percent"] = _("Tiến độ phải từ 0 đến 100%.")
    if claims_completion and not is_lead:
        errors["claims_completion"] = _("Chỉ cơ quan chủ trì đề nghị xác nhận hoàn thành nhiệm vụ.")
    elif claims_completion:
        if task.progress_updates.filter(
            claims_completion=True,
            review_state__in=[ReviewState.PENDING_UNIT_HEAD, ReviewState.SUBMITTED],
        ).exists():
            errors["claims_completion"] = _(
                "Nhiệm vụ đã có đề nghị xác nhận hoàn thành đang chờ xem xét."
            )
        if not completion_output.strip():
            errors["completion_output"] = _("Đề nghị xác nhận hoàn thành phải nêu sản phẩm.")
        if output_date is None:
            errors["output_date"] = _("Đề nghị xác nhận hoàn thành phải có ngày của sản phẩm.")
        elif output_date > reported_on:
            errors["output_date"] = _("Ngày của sản phẩm không thể sau ngày báo cáo.")
    kinds, file_errors = [], []
    for file in evidence_files:
        try:
            kinds.append(accept_evidence_file(file, by=by))
        except ValidationError as error:
            file_errors.extend(error.messages)
    if file_errors:
        errors["evidence_files"] = file_errors
    if errors:
        raise ValidationError(errors)

    # The task's row before anything of the tree's (the report's insert bumps the tree's
    # counts versions, whose root row it then holds): every write on a task takes the
    # task first and the root second (reviews, changes, deadline decisions), so a report
    # and a review of one task cannot each hold what the other waits for.
    lock_for_update(Task.objects.filter(pk=task.pk)).values_list("pk").get()
    written_by_head = bool(
        by.person_id and by.person.is_unit_leader and by.person.unit_id == unit.pk
    )
    waits_for_head = report_waits_for_unit_head(
        committee_requires=task.committee.requires_unit_head_approval,
        unit_requires=unit.requires_head_approval,
        written_by_head=written_by_head,
    )
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
        completion_output=completion_output if claims_completion else "",
        output_date=output_date if claims_completion else None,
        review_state=ReviewState.PENDING_UNIT_HEAD if waits_for_head else ReviewState.SUBMITTED,
        unit_approved_by=by if written_by_head else None,
        unit_approved_at=timezone.now() if written_by_head else None,
    )
    with removing_stored_files_on_error() as stored:
        for file, kind in zip(evidence_files, kinds, strict=True):
            original_name = file.name
            file.name = f"minh-chung.{kind.extension}"
            evidence = Evidence.objects.create(
                progress_update=update,
                file=file,
                original_name=original_name[:255],
                content_type=kind.content_type,
                size=file.size,
            )
            stored(evidence.file.name)
        if waits_for_head:
            announce(TaskEventKind.PROGRESS_AWAITS_UNIT_HEAD, task=task, record=update, by=by)
        else:
            _follow_lead_report(update, by=by)
            announce(TaskEventKind.PROGRESS_SUBMITTED, task=task, record=update, by=by)
    return update


def _follow_lead_report(update: ProgressUpdate, *, by) -> None:
    """The task's percent follows the lead unit's latest report that reached the secretariat."""
    task = update.task
    if update.unit_id == task.lead_unit_id:
        task.progress_percent = update.percent
        set_history_user(task, by)
        save_with_version(
            task, expected_version=None, update_fields=["progress_percent", "updated_at"]
        )


@transaction.atomic(durable=True)
def do_approve_progress_for_unit(
    *, update: ProgressUpdate, by, approve: bool, reason: str = ""
) -> ProgressUpdate:
    """``approve_progress_for_unit`` as a page's write of its own (the outermost transaction)."""
    return approve_progress_for_unit(update=update, by=by, approve=approve, reason=reason)


@transaction.atomic
def approve_progress_for_unit(
    *, update: ProgressUpdate, by, approve: bool, reason: str = ""
) -> ProgressUpdate:
    """The head of the reporting unit sends a waiting report on to the secretariat, or
    returns it to the officer with a reason.

    Only a report waiting for the head (``ReviewState.PENDING_UNIT_HEAD``) and only the
    head of the unit that filed it. Also a step of a larger write (the demo replays a
    head's approvals inside its one load), hence not durable; pages call
    ``do_approve_progress_for_unit``. Returns the update.
    """
    update = (
        lock_for_update(ProgressUpdate.objects, "task").select_related("task").get(pk=update.pk)
    )
    if update.review_state != ReviewState.PENDING_UNIT_HEAD:
        raise ValidationError(_("Báo cáo này không còn chờ lãnh đạo đơn vị duyệt."))
    if not (by.person_id and by.person.is_unit_leader and by.person.unit_id == update.unit_id):
        raise ValidationError(_("Chỉ lãnh đạo đơn vị báo cáo mới duyệt được báo cáo này."))
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Trả lại báo cáo phải nêu lý do.")})
    now = timezone.now()
    if approve:
        update.review_state = ReviewState.SUBMITTED
        update.unit_approved_by = by
        update.unit_approved_at = now
        save_with_version(
            update,
            expected_version=update.version,
            update_fields=["review_state", "unit_approved_by", "unit_approved_at"],
        )
        _follow_lead_report(update, by=by)
        announce(TaskEventKind.PROGRESS_APPROVED_BY_UNIT, task=update.task, record=update, by=by)
    else:
        update.review_state = ReviewState.RETURNED
        update.review_reason = reason
        update.reviewed_by = by
        update.reviewed_at = now
        save_with_version(
            update,
            expected_version=update.version,
            update_fields=["review_state", "review_reason", "reviewed_by", "reviewed_at"],
        )
        announce(TaskEventKind.PROGRESS_RETURNED, task=update.task, record=update, by=by)
    return update


@transaction.atomic
def do_review_progress(
    *,
    update: ProgressUpdate,
    by,
    accept: bool,
    reason: str = "",
    quality: str = CompletionQuality.MET,
    quality_reason: str = "",
) -> ProgressUpdate:
    """Accept or return a progress report; accepting a completion claim completes the task.

    The completion date is the date of the output, not of the review. Returning needs a
    reason, which the unit sees. Nobody reviews a report they wrote themselves (a
    secretariat officer whose unit leads the task cannot confirm their own claim).
    Accepting a completion claim records the output's quality (đạt / vượt yêu cầu / chưa
    đạt, the last with a reason) on the report, which the QĐ 366 evaluation reads; it is
    written once and never changed, so the report is its history. Returns the reviewed
    update.
    """
    update = (
        lock_for_update(ProgressUpdate.objects, "task").select_related("task").get(pk=update.pk)
    )
    if update.review_state == ReviewState.PENDING_UNIT_HEAD:
        raise ValidationError(_("Báo cáo đang chờ lãnh đạo đơn vị duyệt."))
    if update.review_state != ReviewState.SUBMITTED:
        raise ValidationError(_("Báo cáo này đã được xem xét."))
    if update.author_id == by.pk:
        raise ValidationError(_("Không thể tự xem xét báo cáo do chính mình gửi."))
    if not accept and not reason.strip():
        raise ValidationError({"review_reason": _("Trả lại báo cáo phải nêu lý do.")})
    if accept and update.claims_completion and update.task.state != TaskState.OPEN:
        raise ValidationError(_("Nhiệm vụ không còn đang triển khai."))
    judged = accept and update.claims_completion
    if judged and quality not in CompletionQuality.values:
        raise ValidationError({"completion_quality": _("Chọn mức chất lượng của sản phẩm.")})
    if judged and quality == CompletionQuality.NOT_MET and not quality_reason.strip():
        raise ValidationError({"quality_reason": _("Sản phẩm chưa đạt yêu cầu phải nêu lý do.")})
    update.review_state = ReviewState.ACCEPTED if accept else ReviewState.RETURNED
    update.review_reason = "" if accept else reason
    update.completion_quality = quality if judged else ""
    update.quality_reason = quality_reason.strip() if judged else ""
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    save_with_version(
        update,
        expected_version=update.version,
        update_fields=[
            "review_state",
            "review_reason",
            "completion_quality",
            "quality_reason",
            "reviewed_by",
            "reviewed_at",
        ],
    )
    task = update.task
    if accept and update.claims_completion:
        task.state = TaskState.COMPLETED
        task.completed_on = update.output_date
        task.progress_percent = 100
        set_history_user(task, by)
        save_with_version(
            task,
            expected_version=None,
            update_fields=["state", "completed_on", "progress_percent", "updated_at"],
        )
        record_status_spans([task])
        kind = TaskEventKind.COMPLETION_ACCEPTED
    else:
        kind = TaskEventKind.PROGRESS_ACCEPTED if accept else TaskEventKind.PROGRESS_RETURNED
    announce(kind, task=task, record=update, by=by)
    return update


@transaction.atomic
def do_request_deadline_change(
    *, task: Task, by, new_deadline: date, reason: str
) -> DeadlineChange:
    """Ask the secretariat to move an open task's deadline. Returns the pending request.

    One request at a time: a second waits until the first is decided.
    """
    if task.kind != TaskKind.DEADLINE or task.deadline is None or task.state != TaskState.OPEN:
        raise ValidationError(
            _("Chỉ điều chỉnh thời hạn của nhiệm vụ có thời hạn đang triển khai.")
        )
    if task.deadline_changes.filter(decision=DeadlineChangeDecision.PENDING).exists():
        raise ValidationError(_("Nhiệm vụ đã có đề nghị điều chỉnh thời hạn đang chờ quyết định."))
    if not reason.strip():
        raise ValidationError({"reason": _("Đề nghị điều chỉnh thời hạn phải nêu lý do.")})
    if new_deadline == task.deadline:
        raise ValidationError({"new_deadline": _("Thời hạn đề nghị trùng thời hạn hiện tại.")})
    if task.start_date and new_deadline < task.start_date:
        raise ValidationError({"new_deadline": _("Thời hạn không thể trước ngày bắt đầu.")})
    change = DeadlineChange.objects.create(
        task=task,
        requested_by=by,
        old_deadline=task.deadline,
        new_deadline=new_deadline,
        reason=reason,
    )
    announce(TaskEventKind.DEADLINE_CHANGE_REQUESTED, task=task, record=change, by=by)
    return change


@transaction.atomic
def do_decide_deadline_change(
    *, change: DeadlineChange, by, approve: bool, decided_on: date, note: str = ""
) -> DeadlineChange:
    """Approve or reject a deadline-change request; approval moves the task's deadline.

    ``old_deadline`` is set to the deadline in force at the decision, so the chain of
    approved changes always reads back to the original deadline; ``original_deadline``
    of the task never moves.
    """
    change = lock_for_update(DeadlineChange.objects).get(pk=change.pk)
    if change.decision != DeadlineChangeDecision.PENDING:
        raise ValidationError(_("Đề nghị này đã được quyết định."))
    task = lock_for_update(Task.objects).get(pk=change.task_id)
    change.decision = (
        DeadlineChangeDecision.APPROVED if approve else DeadlineChangeDecision.REJECTED
    )
    change.decided_by = by
    change.decided_on = decided_on
    change.decided_at = timezone.now()
    change.decision_note = note
    if approve:
        if change.new_deadline == task.deadline:
            raise ValidationError(_("Thời hạn đề nghị trùng thời hạn hiện tại."))
        change.old_deadline = task.deadline
        task.deadline = change.new_deadline
        set_history_user(task, by)
        save_with_version(
            task, expected_version=task.version, update_fields=["deadline", "updated_at"]
        )
    change.save()
    record_status_spans([task])
    announce(
        TaskEventKind.DEADLINE_CHANGE_APPROVED
        if approve
        else TaskEventKind.DEADLINE_CHANGE_REJECTED,
        task=task,
        record=change,
        by=by,
    )
    return change


@transaction.atomic(durable=True)
def do_give_direction(*, task: Task, by, text: str) -> Direction:
    """Record a leader's direction on a task (ý kiến chỉ đạo); the lead unit is told.

    Returns the saved direction.
    """
    if not text.strip():
        raise ValidationError({"text": _("Ý kiến chỉ đạo không được để trống.")})
    direction = Direction.objects.create(task=task, author=by, text=text.strip())
    announce(TaskEventKind.DIRECTION_GIVEN, task=task, record=direction, by=by)
    return direction


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
    set_history_user(task, by)
    save_with_version(
        task,
        expected_version=None,
        update_fields=["state", "stopped_on", "stop_reason", "updated_at"],
    )
    record_status_spans([task])
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
        "coordinators_text",
        "assigned_on",
        "expected_output",
        "is_key",
        "overseeing_member",
        "focal_person",
    }
)


# What an editor is told has changed under them: the fields the edit form shows and
# those other writes move (state, percent, the deadline through an approved change).
TASK_WATCHED_FIELDS = (
    "code",
    "title",
    "description",
    "group",
    "source_document",
    "source_clause",
    "lead_unit",
    "coordinating_units",
    "coordinators_text",
    "deadline_text",
    "deadline",
    "assigned_on",
    "expected_output",
    "is_key",
    "overseeing_member",
    "focal_person",
    "progress_percent",
    "state",
)


def _parse_deadline_field(deadline_text: str, field: str = "deadline_text"):
    try:
        return parse_deadline_phrase(deadline_text)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


@transaction.atomic
def do_update_task(
    *,
    task: Task,
    by,
    expected_version: int | None = None,
    deadline_text: str | None = None,
    coordinating_units=None,
    depends_on: Iterable[Task] | None = None,
    **fields,
) -> Task:
    """Change what the secretariat wrote about a task; the change history records it.

    ``fields`` are any of ``TASK_UPDATABLE_FIELDS``. A new deadline phrase is parsed
    again and corrects the deadline as first entered (kind, deadline, original deadline,
    start): it is a correction of the plan, not an extension. Once a deadline change has
    been approved the deadline moves only through ``do_decide_deadline_change``, so the
    original deadline and the extensions stay true. ``coordinating_units`` (when given)
    replaces the coordinating units; the lead unit is never also coordinating.
    ``depends_on`` (when given) replaces the tasks it waits for (cycles refused).
    ``expected_version`` is the ``version`` the editor loaded: when the task has been
    saved since, nothing is written and ``EditConflict`` names who changed which fields
    (``None``: a write by the system, e.g. a meeting's notice filling in the source).
    Returns the task as saved.
    """
    unknown = set(fields) - TASK_UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"do_update_task() cannot change {sorted(unknown)}")
    current = lock_for_update(Task.objects).get(pk=task.pk)
    check_version(current, expected_version=expected_version, watched=TASK_WATCHED_FIELDS)
    for name, value in fields.items():
        setattr(current, name, value)
    if deadline_text is not None and normalize_text(deadline_text) != current.deadline_text:
        parsed = _parse_deadline_field(deadline_text)
        moved = (parsed.kind, parsed.recurrence or "", parsed.deadline) != (
            current.kind,
            current.recurrence,
            current.deadline,
        )
        if moved:
            approved = current.deadline_changes.filter(decision=DeadlineChangeDecision.APPROVED)
            if approved.exists():
                raise ValidationError(
                    {
                        "deadline_text": _(
                            "Thời hạn của nhiệm vụ đã được điều chỉnh theo đề nghị; "
                            "muốn đổi nữa, hãy dùng chức năng điều chỉnh thời hạn."
                        )
                    }
                )
            current.kind = parsed.kind
            current.recurrence = parsed.recurrence or ""
            current.deadline = parsed.deadline
            current.original_deadline = parsed.deadline
            current.start_date = parsed.start
        current.deadline_text = parsed.text
    set_history_user(current, by)
    current.full_clean()
    save_with_version(current, expected_version=expected_version, watched=TASK_WATCHED_FIELDS)
    record_status_spans([current])
    if coordinating_units is not None:
        current.coordinating_units.set(
            [unit for unit in coordinating_units if unit.pk != current.lead_unit_id]
        )
    else:
        current.coordinating_units.remove(current.lead_unit_id)
    if depends_on is not None:
        do_set_task_dependencies(task=current, by=by, depends_on=depends_on)
    return current


@transaction.atomic(durable=True)
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
    """``break_down_task`` as a page's write of its own (the outermost transaction)."""
    return break_down_task(
        task=task,
        by=by,
        units=units,
        title=title,
        deadline_text=deadline_text,
        assigned_on=assigned_on,
        expected_output=expected_output,
    )


@transaction.atomic
def break_down_task(
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

    Also a step of a larger write (a plan import fans a group lead out inside its own
    all-or-nothing commit), hence not durable; pages call ``do_break_down_task``.

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
    errors: dict[str, str | list[str]] = {}
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
        if (
            task.kind == TaskKind.DEADLINE
            and task.deadline is not None
            and (parsed.deadline is None or parsed.deadline > task.deadline)
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

    codes = _next_subtask_codes(task, len(units))
    # Written in bulk: a group lead fanned out in a plan may name a hundred communes.
    return create_tasks_in_bulk(
        committee=task.committee,
        by=by,
        tasks=[
            {
                "lead_unit": unit,
                "title": f"{normalize_text(title)} — {unit}",
                "deadline_text": deadline_text,
                "assigned_on": assigned_on,
                "parent": task,
                "code": code,
                "group": task.group,
                "source_document": task.source_document,
                "source_clause": task.source_clause,
                "overseeing_member": task.overseeing_member,
                "is_key": task.is_key,
                "expected_output": expected_output,
            }
            for unit, code in zip(units, codes, strict=True)
        ],
    )


def _next_subtask_codes(task: Task, count: int) -> list[str]:
    """``count`` free codes under the task's code; blank when the task has none."""
    if not task.code:
        return [""] * count
    taken = set(
        Task.objects.filter(committee=task.committee, code__startswith=f"{task.code}.").values_list(
            "code", flat=True
        )
    )
    codes: list[str] = []
    number = 0
    while len(codes) < count:
        number += 1
        code = f"{task.code}.{number}"
        if code not in taken:
            codes.append(code)
    return codes


@transaction.atomic
def do_set_task_dependencies(*, task: Task, by, depends_on: Iterable[Task]) -> list[Task]:
    """Replace the tasks ``task`` waits for ("cần hoàn thành trước") with ``depends_on``.

    The caller has checked that ``by`` may edit ``task`` and see every task of
    ``depends_on`` (the form offers only those). A link that would close a cycle
    (A waits for B, B for A, directly or along a chain) is refused with the cycle named,
    and nothing changes. Links added or removed keep their history
    (``TaskDependency.history``). Returns the prerequisites as saved.
    """
    wanted = {other.pk: other for other in depends_on}
    if task.pk in wanted:
        raise ValidationError({"depends_on": _("Nhiệm vụ không thể phụ thuộc chính nó.")})
    edges: dict[int, list[int]] = {}
    for task_id, before_id in TaskDependency.objects.values_list("task_id", "depends_on_id"):
        edges.setdefault(task_id, []).append(before_id)
    cycle = find_cycle(edges, task.pk, list(wanted))
    if cycle:
        names = {
            pk: code or title[:40]
            for pk, code, title in Task.objects.filter(pk__in=cycle).values_list(
                "pk", "code", "title"
            )
        }
        chain = " → ".join(names[pk] for pk in cycle)
        raise ValidationError(
            {
                "depends_on": _(
                    "Không thể ghi phụ thuộc này vì tạo thành vòng lặp: %(chain)s. "
                    "Một nhiệm vụ không thể chờ nhiệm vụ đang chờ chính nó."
                )
                % {"chain": chain}
            }
        )
    current = {link.depends_on_id: link for link in task.dependencies.all()}
    for pk, link in current.items():
        if pk not in wanted:
            set_history_user(link, by)
            link.delete()
    for pk, other in wanted.items():
        if pk not in current:
            link = TaskDependency(task=task, depends_on=other, created_by=by)
            set_history_user(link, by)
            link.save()
    return list(wanted.values())
