from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "chidao.org"
    verbose_name = _("Đơn vị và cán bộ")
