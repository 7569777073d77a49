from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "chidao.api"
    label = "api"
    verbose_name = _("Giao diện lập trình (API)")

    def ready(self):
        from chidao.api import receivers

        receivers.connect()
