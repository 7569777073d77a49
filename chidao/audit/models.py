from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.audit.choices import AuditAction


class AppendOnlyError(Exception):
    """An audit record was about to be changed or deleted one by one."""


class AuditEvent(models.Model):
    """Something that happened to security rather than to data: a sign-in, a failed
    sign-in, a sign-out, a refused request.

    Changes to data are recorded by django-simple-history on each model (who, when, the
    state before and after); this table holds the events no model row captures. Records
    are append-only: ``save`` refuses to update, ``delete`` refuses, and on PostgreSQL a
    trigger refuses UPDATE. Only the retention job (``services.do_prune_audit``) removes
    records, in bulk, once they are older than ``CHIDAO_AUDIT_RETENTION_DAYS``.
    """

    at = models.DateTimeField(_("lúc"), db_index=True)
    action = models.CharField(_("sự kiện"), max_length=32, choices=AuditAction.choices)
    # No database constraint and nothing done on delete: removing an account must not
    # rewrite its past events (the table refuses updates); ``username`` keeps the name.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    # As typed (a failed sign-in may name no account that exists).
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    method = models.CharField(_("phương thức"), max_length=8, blank=True)
    path = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    request_id = models.CharField(_("mã yêu cầu"), max_length=64, blank=True)
    detail = models.CharField(_("chi tiết"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = pgettext_lazy("số nhiều", "sự kiện nhật ký")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.username}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit events are removed only by the retention job")
