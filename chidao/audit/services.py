"""Writes of the audit log: recording events and pruning by retention."""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from chidao.audit import context
from chidao.audit.models import AuditEvent


def do_record_event(
    *, action: str, user=None, username: str = "", request=None, ctx=None, detail: str = ""
):
    """Append one audit event. ``request`` or ``ctx`` (``context.RequestContext``) gives
    where it came from; without either, the current request's context is used if any.
    ``detail`` is what else the event needs to be understood (at most 500 characters)."""
    if ctx is None and request is not None:
        ctx = context.current.get() or context.build_context(request)
    ctx = ctx or context.current.get()
    with transaction.atomic():
        return AuditEvent.objects.create(
            at=timezone.now(),
            action=action,
            user=user,
            username=username or (user.get_username() if user is not None else ""),
            method=ctx.method if ctx else "",
            path=ctx.path if ctx else "",
            ip=ctx.ip if ctx else None,
            request_id=ctx.request_id if ctx else "",
            detail=detail[:500],
        )


def get_retention_days() -> int:
    return int(getattr(settings, "CHIDAO_AUDIT_RETENTION_DAYS", 365))


def do_prune_audit(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete audit events and model history rows older than the retention period.

    Run by the daily job and ``manage.py prune_audit``. The latest history row of each
    object is kept whatever its age, so the current state's origin stays readable.
    Returns the number of rows deleted per table.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=get_retention_days())
    deleted = {}
    with transaction.atomic(durable=True):
        count, _ = AuditEvent.objects.filter(at__lt=cutoff).delete()
        deleted[AuditEvent._meta.db_table] = count
        for model in apps.get_models():
            if not _is_history_model(model):
                continue
            # simple-history's history models carry the model they record; untyped.
            object_id = model.instance_type._meta.pk.attname  # type: ignore[attr-defined]
            latest = (
                model._default_manager.order_by()
                .values(object_id)
                .annotate(latest=Max("history_id"))
                .values("latest")
            )
            old = model._default_manager.filter(history_date__lt=cutoff)
            count, _ = old.exclude(history_id__in=latest).delete()
            deleted[model._meta.db_table] = count
    return deleted


def _is_history_model(model) -> bool:
    """A django-simple-history table (one per tracked model)."""
    names = {field.name for field in model._meta.fields}
    return {"history_id", "history_date"} <= names and hasattr(model, "instance_type")
