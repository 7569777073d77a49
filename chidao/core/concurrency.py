"""No lost updates: an edit made on a stale copy is refused, never saved over another's.

Records that two people may edit at once (``Task``, ``ProgressUpdate``, ``Observation``)
carry an integer ``version``. A page or API client reads the version with the record and
sends it back with the edit; the service saves through ``save_with_version``, which
moves the row from that version to the next in one conditional ``UPDATE … WHERE pk = …
AND version = …``. When another write came first nothing is saved and ``EditConflict``
says who changed what since the user's version (read from the record's history).

Writes that do not start from something a person read (jobs, imports, a task's percent
following an accepted report) pass ``expected_version=None``: they never conflict but
still move the version on, so a person editing at the same time is told. Bulk writes
through ``QuerySet.update()`` add ``version=F("version") + 1`` themselves.

django-concurrency was considered: it checks inside ``Model.save()`` for every save, so
partial saves of stale instances by the services and jobs would need it switched off
case by case, it does not say what changed, and ``QuerySet.update()`` is outside it.
One small function called by the services fits the ``do_…`` pattern better.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Change:
    """What happened to one record since the version the user loaded.

    ``fields`` are the changed fields' names, ``labels`` their verbose names. ``by`` and
    ``at`` come from the record's history and are ``None`` when it cannot tell (a bulk
    write, a model without history). ``version`` is the record's version now, ``None``
    once it is deleted.
    """

    model: type[models.Model]
    pk: int | None
    since_version: int
    version: int | None
    fields: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    by: object = None
    at: datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.version is None

    @property
    def created(self) -> bool:
        return self.since_version == 0 and self.version is not None

    def describe(self, noun: str | None = None) -> str:
        """One Vietnamese sentence or two: who changed the record when, which fields."""
        noun = noun or str(capfirst(self.model._meta.verbose_name))
        values = {"noun": noun, "by": self.by, "at": format_moment(self.at)}
        if self.deleted:
            text = _("%(noun)s đã bị xóa trong khi bạn đang sửa.") % values
        elif self.created and self.by is not None and self.at is not None:
            text = _("%(noun)s đã được %(by)s nhập lúc %(at)s trong khi bạn đang sửa.") % values
        elif self.created:
            text = _("%(noun)s đã được người khác nhập trong khi bạn đang sửa.") % values
        elif self.by is not None and self.at is not None:
            text = _("%(noun)s đã được %(by)s sửa lúc %(at)s trong khi bạn đang sửa.") % values
        else:
            text = _("%(noun)s đã được người khác sửa trong khi bạn đang sửa.") % values
        if self.labels and not self.deleted:
            text += " " + _("Các trường đã thay đổi: %(fields)s.") % {
                "fields": ", ".join(self.labels)
            }
        return text

    def as_data(self) -> dict:
        """The change as the API returns it (JSON-ready)."""
        return {
            "id": self.pk,
            "your_version": self.since_version,
            "current_version": self.version,
            "deleted": self.deleted,
            "changed_fields": list(self.fields),
            "changed_field_labels": list(self.labels),
            "changed_by": str(self.by) if self.by is not None else None,
            "changed_at": self.at.isoformat() if self.at else None,
        }


class EditConflict(ValidationError):
    """The user's copy is stale: someone saved the record(s) after the user loaded them.

    A ``ValidationError``, so a caller that only knows validation errors still shows the
    message and saves nothing; callers that know it re-render with the user's input and
    the current version (pages) or answer 409 (API). ``changes`` lists each stale record.
    """

    def __init__(
        self,
        changes: Sequence[Change],
        message=None,
        noun: str | None = None,
        refresh: dict[str, int] | None = None,
    ):
        self.changes = list(changes)
        # Form fields to refill with the current versions when the form is shown again.
        self.refresh = refresh or {}
        if message is None:
            message = " ".join(change.describe(noun) for change in self.changes)
            message += " " + _("Hãy xem lại và lưu lại.")
        super().__init__(message)


def format_moment(moment: datetime | None) -> str:
    """ "14:05 23/11/2026" in Vietnam's time."""
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def save_with_version(
    obj: models.Model,
    *,
    expected_version: int | None,
    update_fields: Iterable[str] | None = None,
    watched: Iterable[str] | None = None,
    noun: str | None = None,
) -> None:
    """Save ``obj`` as the next version of its row, if the row is still at ``expected_version``.

    The compare and the increment are one conditional ``UPDATE``, so of two saves from
    the same version exactly one wins, on SQLite and PostgreSQL alike; the loser gets
    ``EditConflict`` (naming the ``watched`` fields that changed, by default every
    editable field) and writes nothing. ``obj`` is then saved through ``Model.save()``
    (``update_fields`` when given), so history, ``auto_now`` and search text behave as
    in any save. ``expected_version=None`` is a write by the system: no check, but the
    version still moves on. Call inside the service's transaction.
    """
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    if expected_version is None:
        rows.update(version=F("version") + 1)
        obj.version = rows.values_list("version", flat=True).get()
    elif rows.filter(version=expected_version).update(version=F("version") + 1):
        obj.version = expected_version + 1
    else:
        raise EditConflict([get_change(type(obj), obj.pk, expected_version, watched)], noun=noun)
    obj.save(update_fields=None if update_fields is None else [*update_fields, "version"])


def check_version(
    obj: models.Model, *, expected_version: int | None, watched: Iterable[str] | None = None
) -> None:
    """Refuse early (``EditConflict``) when ``obj``, just read, is past ``expected_version``,
    so a stale edit is told before its other errors. Only a read: the guarantee is the
    conditional ``UPDATE`` of ``save_with_version``."""
    if expected_version is not None and obj.version != expected_version:
        raise EditConflict([get_change(type(obj), obj.pk, expected_version, watched)])


def delete_with_version(obj: models.Model, *, expected_version: int) -> None:
    """Delete ``obj`` only if its row is still at ``expected_version`` (else ``EditConflict``)."""
    model = type(obj)
    deleted, _rows = model._default_manager.filter(pk=obj.pk, version=expected_version).delete()
    if not deleted:
        raise EditConflict([get_change(model, obj.pk, expected_version)])


def get_change(
    model: type[models.Model],
    pk: int | None,
    since_version: int,
    watched: Iterable[str] | None = None,
) -> Change:
    """What changed in ``model`` row ``pk`` since ``since_version`` (0: "it did not exist").

    Compares the row with its history record at ``since_version`` (the last one written
    at that version). Without such a record (no history, a bulk write) the fields are
    left unnamed rather than guessed.
    """
    names = list(watched) if watched is not None else _editable_fields(model)
    current = model._default_manager.filter(pk=pk).first() if pk is not None else None
    history = _history(model, pk)
    latest = history.first() if history is not None else None
    by = at = None
    # Name the author only when the last history record is the write that made the
    # current version; a bulk write leaves no record and must not be pinned on anyone.
    if latest is not None:
        if current is None:
            made_it = latest.history_type == "-"
        else:
            made_it = latest.version == current.version
        if made_it:
            by, at = latest.history_user, latest.history_date
    if current is None:
        return Change(model, pk, since_version, None, by=by, at=at)
    if since_version == 0:
        changed = [name for name in names if _value(current, model, name) not in (None, "")]
    elif history is not None and (then := history.filter(version=since_version).first()):
        changed = [
            name for name in names if _value(then, model, name) != _value(current, model, name)
        ]
    else:
        changed = []
    return Change(
        model,
        pk,
        since_version,
        current.version,
        fields=tuple(changed),
        labels=tuple(str(capfirst(model._meta.get_field(name).verbose_name)) for name in changed),
        by=by,
        at=at,
    )


def _history(model, pk):
    manager = getattr(model, "history", None)
    if manager is None or pk is None:
        return None
    return (
        manager.filter(id=pk)
        .select_related("history_user__person")
        .order_by("-history_date", "-history_id")
    )


def _editable_fields(model) -> list[str]:
    names = [f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    history = getattr(model, "history", None)
    names += [f.name for f in getattr(getattr(history, "model", None), "_history_m2m_fields", ())]
    return names


def _value(record, model, name: str):
    model_field = model._meta.get_field(name)
    if not model_field.many_to_many:
        value = getattr(record, model_field.attname)
        return value.name if hasattr(value, "name") and not isinstance(value, str) else value
    related = getattr(record, name)
    if isinstance(record, model):
        return frozenset(related.values_list("pk", flat=True))
    return frozenset(related.values_list(f"{model_field.m2m_reverse_field_name()}_id", flat=True))


class VersionedAdminMixin:
    """Admin saves move the version on too, so an edit page open elsewhere notices."""

    def save_model(self, request, obj, form, change):
        if change:
            save_with_version(obj, expected_version=None)
        else:
            super().save_model(request, obj, form, change)
