"""A task's change history as a reader wants it: who, when, which fields, old → new.

``Task.history`` (django-simple-history) keeps one row per save and per change of the
coordinating units. One edit on a page writes several rows (the save, then the units),
so rows written by the same user within a few seconds are read as one change.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from chidao.assignments.models import Task

# Fields a reader recognises; bookkeeping (ids, timestamps) is left out.
SHOWN_FIELDS = (
    "code",
    "title",
    "description",
    "group",
    "source_document",
    "source_clause",
    "parent",
    "lead_unit",
    "coordinators_text",
    "overseeing_member",
    "focal_person",
    "kind",
    "recurrence",
    "deadline_text",
    "assigned_on",
    "start_date",
    "original_deadline",
    "deadline",
    "expected_output",
    "is_key",
    "progress_percent",
    "state",
    "completed_on",
    "stopped_on",
    "stop_reason",
)
SAME_EDIT = timedelta(seconds=5)


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class TaskChange:
    """One change of the task: the user, the time, and the fields it changed."""

    user: object
    at: datetime
    created: bool = False
    fields: list[FieldChange] = field(default_factory=list)


def get_task_changes(task: Task) -> list[TaskChange]:
    """The task's changes, newest first; a fixed number of queries however long."""
    # Oldest first, sorted here: an ORDER BY on these wide rows costs Django more to build
    # than the sort (``timeline.get_task_records`` says why).
    records = sorted(
        task.history.select_related("history_user__person").order_by(),
        key=lambda record: (record.history_date, record.pk),
    )
    unit_rows = apps.get_model("assignments", "HistoricalTask_coordinating_units").objects
    units_by_record: dict[int, list[int]] = {record.pk: [] for record in records}
    for history_id, unit_id in unit_rows.filter(history__in=records).values_list(
        "history_id", "unit_id"
    ):
        units_by_record[history_id].append(unit_id)
    names = _get_related_names(records, units_by_record)

    groups: list[list] = []
    for record in records:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and record.history_user_id == last.history_user_id
            and record.history_date - last.history_date <= SAME_EDIT
        ):
            groups[-1].append(record)
        else:
            groups.append([record])

    changes = []
    previous = None
    for group in groups:
        newest = group[-1]
        change = TaskChange(
            user=newest.history_user,
            at=newest.history_date,
            created=any(record.history_type == "+" for record in group),
        )
        if previous is not None and not change.created:
            change.fields = _diff(previous, newest, units_by_record, names)
        if change.created or change.fields:
            changes.append(change)
        previous = newest
    changes.reverse()
    return changes


def _get_related_names(records, units_by_record) -> dict[tuple[type, int], str]:
    """Names of every object the records point to, one query per kind of object."""
    wanted: dict[type, set[int]] = {}
    for name in SHOWN_FIELDS:
        model_field = Task._meta.get_field(name)
        if isinstance(model_field, models.ForeignKey):
            ids = {getattr(record, model_field.attname) for record in records}
            wanted.setdefault(model_field.related_model, set()).update(ids - {None})
    unit_model = Task._meta.get_field("coordinating_units").related_model
    for unit_ids in units_by_record.values():
        wanted.setdefault(unit_model, set()).update(unit_ids)
    names = {}
    for model, ids in wanted.items():
        if ids:
            for obj in model.objects.filter(pk__in=ids):
                names[model, obj.pk] = str(obj)
    return names


def _diff(old, new, units_by_record, names) -> list[FieldChange]:
    changed = []
    for name in SHOWN_FIELDS:
        model_field = Task._meta.get_field(name)
        before, after = getattr(old, model_field.attname), getattr(new, model_field.attname)
        if before != after:
            changed.append(
                FieldChange(
                    label=str(model_field.verbose_name),
                    old=_show(model_field, before, names),
                    new=_show(model_field, after, names),
                )
            )
    unit_model = Task._meta.get_field("coordinating_units").related_model
    before = sorted(units_by_record[old.pk])
    after = sorted(units_by_record[new.pk])
    if before != after:
        changed.append(
            FieldChange(
                label=str(Task._meta.get_field("coordinating_units").verbose_name),
                old=_join(names.get((unit_model, pk), str(pk)) for pk in before),
                new=_join(names.get((unit_model, pk), str(pk)) for pk in after),
            )
        )
    return changed


def _show(model_field, value, names) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(model_field, models.ForeignKey):
        return names.get((model_field.related_model, value), str(value))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Có") if value else _("Không"))
    if isinstance(value, date):
        return formats.date_format(value, "d/m/Y")
    return str(value)


def _join(names) -> str:
    return "; ".join(names) or "—"
