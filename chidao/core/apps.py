from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "chidao.core"
    verbose_name = _("Dùng chung")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import pre_save

        from chidao.core import (
            checks,  # noqa: F401 -- registers the start-up checks
            jobs,  # noqa: F401 -- registers the nightly job with Huey
            sessions,
        )
        from chidao.core.models import normalize_text_before_save
        from chidao.core.validators import attach_default_validators

        user_logged_in.connect(sessions.note_sign_in, dispatch_uid="core_session_clocks")
        pre_save.connect(normalize_text_before_save, dispatch_uid="core_text_in_nfc")
        attach_default_validators()
