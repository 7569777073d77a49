from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "chidao.audit"
    verbose_name = _("Nhật ký hệ thống")

    def ready(self) -> None:
        # Sign-in events and the "from where" of every historical record.
        from chidao.audit import jobs, receivers  # noqa: F401 -- registers jobs and signals
