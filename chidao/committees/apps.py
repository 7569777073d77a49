from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    name = "chidao.committees"
    verbose_name = _("Ban Chỉ đạo")
