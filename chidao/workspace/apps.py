from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The pages that know a user's roles across committees: the main menu, the home
    page each role lands on, and who owes a two-step sign-in. They sit above every
    domain app so that ``core`` needs to know nothing of committees."""

    name = "chidao.workspace"
    verbose_name = _("Trang chủ")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from chidao.workspace import twofactor

        user_logged_in.connect(twofactor.note_sign_in, dispatch_uid="workspace_two_factor")
