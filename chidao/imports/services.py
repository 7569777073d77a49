"""Writes of the import: storing an upload, committing it, recording a unit alias.

Contract shared by every function here: the caller has checked that ``by`` manages the
committee (``committees.access.access_committee(..., "manage")``); the function raises
``ValidationError`` with a Vietnamese message and writes nothing when it refuses; it
writes in one transaction. A commit writes every row or none.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.assignments.models import Task
from chidao.assignments.services import (
    break_down_task,
    create_tasks_in_bulk,
    do_create_task,
    do_update_task,
)
from chidao.committees.models import TaskGroup
from chidao.core.uploads import scan_upload
from chidao.imports.choices import (
    DecisionAction,
    DecisionSubject,
    GroupLeads,
    GroupMode,
    ImportKind,
    ImportState,
    UnknownNames,
)
from chidao.imports.indicator_plans import build_indicator_plan, find_indicator_tables
from chidao.imports.models import DataImport, ImportDecision, UnitAlias
from chidao.imports.observation_plans import build_observation_plan, find_observation_tables
from chidao.imports.tables import check_package, get_file_format, read_tables
from chidao.imports.task_plans import build_task_plan, find_task_tables, get_assigned_on
from chidao.org.names import get_name_key

logger = logging.getLogger(__name__)

# Told how many rows of how many are written: ``progress(done, total)``.
Progress = Callable[[int, int], None]

# The tables each kind of import reads: a file with none of them is refused at upload.
TABLE_FINDERS: dict[str, Callable[[list], list[tuple]]] = {
    ImportKind.TASKS: find_task_tables,
    ImportKind.INDICATORS: find_indicator_tables,
    ImportKind.OBSERVATIONS: find_observation_tables,
}


@transaction.atomic
def do_upload_import(
    *,
    committee,
    by,
    kind: str,
    filename: str,
    content: bytes,
    group_mode: str = GroupMode.EXPAND,
    unknown_names: str = UnknownNames.FLAG,
    group_leads: str = GroupLeads.FLAG,
    code_prefix: str = "",
    assigned_on=None,
    target_year=None,
    source_document=None,
) -> DataImport:
    """Store an uploaded file for preview, refusing one that cannot be read at all.

    Refuses (see ``tables.read_tables``) a file of the wrong type, too big, protected,
    a zip bomb, with a virus (``chidao.core.uploads.scan_upload``, recorded), with too
    many rows, or without a table of the kind (a Word file with no table at all: nothing
    to preview); these errors are keyed ``file``. Returns the stored import, not yet
    committed. The file is kept in the database, never on disk.
    """
    try:
        check_package(content, get_file_format(filename), filename)
        scan_upload(ContentFile(content, name=filename), by=by, purpose=f"import_{kind}")
        found = TABLE_FINDERS[kind](read_tables(content, filename))
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    if source_document is not None and source_document.committee_id not in (
        None,
        committee.pk,
    ):
        raise ValidationError({"source_document": _("Văn bản không thuộc Ban Chỉ đạo này.")})
    return DataImport.objects.create(
        committee=committee,
        kind=kind,
        filename=filename[:255],
        content=content,
        content_hash=hashlib.sha256(content).hexdigest(),
        group_mode=group_mode,
        unknown_names=unknown_names,
        group_leads=group_leads,
        code_prefix=code_prefix.strip(),
        assigned_on=assigned_on,
        target_year=target_year,
        source_document=source_document,
        uploaded_by=by,
        row_count=sum(max(len(table.rows) - first_row, 0) for table, (first_row, _c) in found),
    )


@transaction.atomic
def do_commit_task_import(*, data_import: DataImport, by, progress: Progress | None = None):
    """Create the task groups and tasks of a previewed import, all or nothing.

    The file is read again and planned as the preview showed it; if any row has an
    error, nothing is written. Rows whose code the committee already has are left as
    they are, so committing the same file twice creates nothing the second time.
    New tasks are written in bulk (``assignments.services.create_tasks_in_bulk``: the
    rules of ``do_create_task``, checked once per task); rows of a new version of the
    plan are updated one by one (``do_update_task``, a history entry each).
    ``progress(done, total)`` (optional) is told after every batch of tasks written.

    Returns:
        The plan that was written.
    """
    return _commit_plan(
        data_import,
        by,
        ImportKind.TASKS,
        build_task_plan,
        partial(_write_tasks, progress=progress),
        wrong_kind=_("Lần nhập này không phải nhập nhiệm vụ."),
        nothing_new=_("Không có nhiệm vụ mới nào để ghi."),
    )


# Tasks written per insert batch, and per step of the progress bar of a background commit.
WRITE_BATCH = 250


def _write_tasks(data_import: DataImport, plan, by, progress: Progress | None = None) -> None:
    committee = data_import.committee
    assigned_on = get_assigned_on(data_import, timezone.localdate())
    order = committee.task_groups.count()
    groups = {}
    for group in plan.groups:
        if group.existing is not None:
            groups[group.code] = group.existing
        elif group.code not in groups:
            order += 1
            groups[group.code] = TaskGroup.objects.create(
                committee=committee, code=group.code, name=group.name[:500], order=order
            )
    # Updates first, in an order that frees each new code before it is taken: a task
    # inserted in a new version shifts the numbers of the tasks after it.
    _update_tasks(plan.rows_to_update, by)
    rows = plan.rows_to_create
    total = len(rows) + len(plan.rows_to_update)
    done = len(plan.rows_to_update)
    if progress is not None:
        progress(done, total)
    for start in range(0, len(rows), WRITE_BATCH):
        batch = rows[start : start + WRITE_BATCH]
        tasks = create_tasks_in_bulk(
            committee=committee,
            by=by,
            tasks=[
                {
                    "lead_unit": row.lead_unit,
                    "title": row.title,
                    "deadline_text": row.deadline_text,
                    "assigned_on": assigned_on,
                    "coordinating_units": row.coordinating_units,
                    "coordinators_text": row.coordinators_text_value,
                    "code": row.code,
                    "group": groups.get(row.group.code) if row.group else None,
                    "expected_output": row.output,
                    "source_document": data_import.source_document,
                    "source_clause": row.label[:200],
                }
                for row in batch
            ],
        )
        for row, task in zip(batch, tasks, strict=True):
            if row.fan_out_units:
                # Each unit of the group leads its own part, under the task as written.
                break_down_task(
                    task=task,
                    by=by,
                    units=row.fan_out_units,
                    title=row.title,
                    deadline_text=row.deadline_text,
                    assigned_on=assigned_on,
                    expected_output=row.output,
                )
        done += len(batch)
        if progress is not None:
            progress(done, total)


# A task file of more rows than this is committed by a background job: the page answers
# at once and shows the job's progress.
BACKGROUND_ROWS = 200


def runs_in_background(data_import: DataImport) -> bool:
    """Whether committing ``data_import`` is a background job (a task file of more than
    ``BACKGROUND_ROWS`` rows)."""
    return data_import.kind == ImportKind.TASKS and data_import.row_count > BACKGROUND_ROWS


@transaction.atomic(durable=True)
def do_queue_task_commit(*, data_import: DataImport, by) -> DataImport:
    """Queue the commit of a big task import (``jobs.commit_task_import_job``).

    Refuses an import already written. An import already queued, or whose job failed,
    is queued again: the job writes all or nothing and does nothing to an import that a
    job before it has written, so a second run is harmless. The job starts once this
    transaction commits. Returns the import, now ``QUEUED``.
    """
    from chidao.imports.jobs import clear_progress, commit_task_import_job

    data_import = DataImport.objects.select_for_update().get(pk=data_import.pk)
    if data_import.kind != ImportKind.TASKS:
        raise ValidationError(_("Lần nhập này không phải nhập nhiệm vụ."))
    if data_import.state == ImportState.COMMITTED:
        raise ValidationError(_("Tệp này đã được ghi vào hệ thống."))
    data_import.state = ImportState.QUEUED
    data_import.job_error = ""
    data_import.committed_by = by
    data_import.save(update_fields=["state", "job_error", "committed_by"])
    clear_progress(data_import.pk)
    transaction.on_commit(lambda: commit_task_import_job(data_import.pk, by.pk))
    return data_import


def do_run_task_commit(*, import_pk: int, user_pk: int) -> None:
    """The background job's work: ``do_commit_task_import`` with its progress noted.

    All or nothing: a refusal or a crash rolls every row back and marks the import
    ``FAILED`` with the reason, to be queued again from its page. An import already
    written (a job run twice) is left as it is.
    """
    from chidao.imports.jobs import note_progress
    from chidao.org.models import User

    data_import = DataImport.objects.filter(pk=import_pk).first()
    if data_import is None or data_import.state == ImportState.COMMITTED:
        return
    by = User.objects.get(pk=user_pk)
    try:
        do_commit_task_import(
            data_import=data_import,
            by=by,
            progress=lambda done, total: note_progress(import_pk, done, total),
        )
    except ValidationError as error:
        reason = " ".join(error.messages)
    except Exception:
        logger.exception("The background commit of import %s failed.", import_pk)
        reason = _("Lỗi hệ thống khi ghi; chưa ghi gì. Hãy chạy lại hoặc báo quản trị viên.")
    else:
        return
    # Not over a commit that another run of the job has made in the meantime.
    DataImport.objects.filter(pk=import_pk).exclude(state=ImportState.COMMITTED).update(
        state=ImportState.FAILED, job_error=reason
    )


def _update_tasks(rows, by) -> None:
    held = {row.existing.code: row for row in rows}
    pending = list(rows)
    while pending:
        ready = [
            row for row in pending if "code" not in row.changes or held.get(row.code) in (None, row)
        ]
        if not ready:
            raise ValidationError(
                _("Các mã nhiệm vụ trong tệp đổi chỗ cho nhau; hãy ghi từng phiên bản một.")
            )
        for row in ready:
            _update_task(row, by)
            held.pop(row.existing.code, None)
            pending.remove(row)


def _update_task(row, by) -> None:
    """Apply what a new version of the plan changes in a task, as a history entry."""
    values = {
        "code": row.code,
        "title": row.title,
        "coordinators_text": row.coordinators_text_value,
        "expected_output": row.output,
        "lead_unit": row.lead_unit,
    }
    fields = {name: value for name, value in values.items() if name in row.changes}
    do_update_task(
        task=row.existing,
        by=by,
        deadline_text=row.deadline_text if "deadline_text" in row.changes else None,
        coordinating_units=row.coordinating_units if "coordinating_units" in row.changes else None,
        **fields,
    )


@transaction.atomic(durable=True)
def do_commit_indicator_import(*, data_import: DataImport, by):
    """Create the indicators and targets of a previewed import, all or nothing.

    The file is read again as the preview showed it; any row error writes nothing.
    An indicator the committee already has (same code) keeps its fields and gains only
    a target for a year it has none for, so the same file twice creates nothing.

    Returns:
        The plan that was written.
    """
    return _commit_plan(
        data_import, by, ImportKind.INDICATORS, build_indicator_plan, _write_indicators
    )


def _write_indicators(data_import: DataImport, plan, by) -> None:
    from chidao.indicators.models import Indicator, Target

    indicators: dict[str, Indicator] = {}
    for row in plan.rows_to_create:
        indicator = row.existing
        if indicator is None:
            indicator = Indicator(
                committee=data_import.committee,
                code=row.code,
                name=row.name,
                measure_unit=row.measure_unit[:100],
                direction=row.direction,
                value_type=row.value_type,
                responsible_unit=row.responsible_unit,
                parent=indicators.get(row.parent_code)
                or Indicator.objects.filter(
                    committee=data_import.committee, code=row.parent_code
                ).first(),
            )
            indicator.full_clean()
            indicator.save()
        indicators[row.code] = indicator
        if row.creates_target:
            target = Target(indicator=indicator, year=row.year, text=row.target_text[:500])
            target.full_clean()
            target.save()


@transaction.atomic(durable=True)
def do_commit_observation_import(*, data_import: DataImport, by):
    """Record the values of a previewed observation sheet, all or nothing.

    The secretariat imports figures it already holds (official statistics, last year's
    report), so the values are recorded as approved by ``by``, who must manage the
    committee. A value already recorded for the same indicator, unit and period is left
    as it is. Returns the plan that was written.
    """
    return _commit_plan(
        data_import, by, ImportKind.OBSERVATIONS, build_observation_plan, _write_observations
    )


def _write_observations(data_import: DataImport, plan, by) -> None:
    from chidao.indicators.choices import ObservationState
    from chidao.indicators.models import Observation
    from chidao.indicators.rollups import record_indicator_rollups

    now = timezone.now()
    written = []
    for row in plan.rows_to_create:
        observation = Observation(
            indicator=row.indicator,
            unit=row.unit,
            period_kind=row.period.kind,
            period_start=row.period.start,
            value=row.value,
            note=row.note,
            state=ObservationState.APPROVED,
            entered_by=by,
            submitted_at=now,
            approved_by=by,
            approved_at=now,
        )
        observation.full_clean()
        observation.save()
        written.append(observation)
    record_indicator_rollups(written)


def _commit_plan(data_import, by, kind, build_plan, write_rows, *, wrong_kind="", nothing_new=""):
    """The commit every import kind goes through: nothing is written when one row is wrong.

    Called inside the ``do_commit_…`` function's transaction. The import row is locked
    first so that two clicks on "Ghi" cannot both write; the plan is built again from the
    stored file so what is written is what the last preview showed (an alias may have
    been added since). ``write_rows(data_import, plan, by)`` is the kind's own writing;
    a refusal it raises rolls back every row written before it.
    """
    data_import = DataImport.objects.select_for_update().get(pk=data_import.pk)
    if data_import.kind != kind:
        raise ValidationError(wrong_kind or _("Lần nhập này là loại dữ liệu khác."))
    if data_import.state == ImportState.COMMITTED:
        raise ValidationError(_("Tệp này đã được ghi vào hệ thống."))
    plan = build_plan(data_import)
    if plan.errors or plan.rows_with_errors:
        count = len(plan.rows_with_errors) + len(plan.errors)
        raise ValidationError(
            ngettext(
                "Còn %(count)s dòng có lỗi; hãy sửa tệp hoặc thêm tên gọi khác rồi xem lại.",
                "Còn %(count)s dòng có lỗi; hãy sửa tệp hoặc thêm tên gọi khác rồi xem lại.",
                count,
            )
            % {"count": count}
        )
    if not plan.rows_to_write:
        raise ValidationError(nothing_new or _("Không có gì mới để ghi."))
    write_rows(data_import, plan, by)
    data_import.state = ImportState.COMMITTED
    data_import.committed_by = by
    data_import.committed_at = timezone.now()
    data_import.created_count = len(plan.rows_to_create)
    data_import.skipped_count = len(plan.rows_existing) + len(plan.skipped)
    data_import.save()
    return plan


@transaction.atomic(durable=True)
def do_create_unit_alias(*, committee, by, name: str, unit) -> UnitAlias:
    """Record that ``name`` in this committee's plans means ``unit``. Returns the alias."""
    key = get_name_key(name)
    if not key:
        raise ValidationError({"name": _("Tên gọi không được để trống.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("Đơn vị đã ngừng hoạt động.")})
    alias = UnitAlias(
        committee=committee, name=name.strip()[:300], key=key[:300], unit=unit, created_by=by
    )
    alias.full_clean()
    try:
        with transaction.atomic():
            alias.save()
    except IntegrityError as error:
        raise ValidationError({"name": _("Ban Chỉ đạo đã có tên gọi này.")}) from error
    return alias


@transaction.atomic(durable=True)
def do_create_tasks_from_drafts(
    *, committee, by, drafts: Iterable[dict], source_document=None, assigned_on: date
) -> list[Task]:
    """Create the tasks the secretariat kept from the drafts read out of directive text
    (``drafting.py``), all or none.

    The caller has checked that ``by`` manages ``committee``. Each draft is a dict of
    ``title``, ``lead_unit``, ``coordinating_units``, ``expected_output`` and
    ``deadline_text``; every task gets ``source_document`` as its source and is written
    through ``assignments.services.do_create_task`` (validation, history, events). A
    ``ValidationError`` from any draft leaves nothing created. Returns the tasks.
    """
    return [
        do_create_task(
            committee=committee,
            by=by,
            source_document=source_document,
            assigned_on=assigned_on,
            **draft,
        )
        for draft in drafts
    ]


@transaction.atomic(durable=True)
def do_record_import_decision(
    *, data_import: DataImport, by, subject: str, key: str, action: str, text: str = ""
) -> ImportDecision:
    """Remember a choice made in the preview for this plan (the same file, or any version
    of its source document), replacing an earlier choice on the same row, name or group.

    ``key`` is the row's code (or label), the name as written (folded here) or the
    group's number. Returns the decision.
    """
    if subject not in DecisionSubject.values or action not in DecisionAction.values:
        raise ValidationError(_("Quyết định không hợp lệ."))
    if subject == DecisionSubject.NAME:
        key = get_name_key(key)
    key = key.strip()[:300]
    if not key:
        raise ValidationError(_("Quyết định không hợp lệ."))
    if not data_import.content_hash:
        # Uploaded before imports kept their hash.
        data_import.content_hash = hashlib.sha256(bytes(data_import.content)).hexdigest()
        data_import.save(update_fields=["content_hash"])
    matching = ImportDecision.objects.filter(
        committee=data_import.committee, subject=subject, key=key
    ).filter(content_hash=data_import.content_hash)
    matching.delete()
    return ImportDecision.objects.create(
        committee=data_import.committee,
        content_hash=data_import.content_hash,
        source_document=data_import.source_document,
        subject=subject,
        key=key,
        text=text.strip()[:300],
        action=action,
        created_by=by,
    )
