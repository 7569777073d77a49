from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "chidao.imports"
    label = "imports"
    verbose_name = _("Nhập dữ liệu")

    def ready(self) -> None:
        from chidao.imports import jobs  # noqa: F401 -- registers the Huey job
