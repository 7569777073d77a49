from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlapConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chidao.overlap"
    verbose_name = _("Chống chồng chéo nhiệm vụ")
