"""Two-step sign-in with a TOTP app (django-otp's ``TOTPDevice``).

After the password, a user with a confirmed authenticator must enter its 6-digit code; an
admin or a secretariat member without one must set one up first (``CHIDAO_TWO_FACTOR_
REQUIRED``, on by default); anyone else may set one up. Which step is owed is decided once
at sign-in and kept in the session, so pages cost no extra query; who owes it knows roles,
so that decision lives above the committees (``chidao.workspace.twofactor``), while this
module holds the devices, the session mark and the middleware. Until the step is done
every page except the step's own, sign-out and the language switch sends the user to it.
API tokens are not affected: a token is made by a user who has passed the step.

When the authenticator is set up the user also gets ``RECOVERY_CODE_COUNT`` recovery codes
(django-otp's ``StaticDevice``), shown once; each one replaces a 6-digit code once, for a
phone that is lost or out of battery. They can be made anew at any time (the old ones stop
working).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING = "chidao_two_factor_pending"
VERIFY = "verify"
SETUP = "setup"
RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Mã dự phòng"


def get_confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def do_generate_recovery_codes(*, user) -> list[str]:
    """Makes ``RECOVERY_CODE_COUNT`` new recovery codes for ``user`` and returns them (the
    only time they are readable: show them once). Codes made before stop working. The
    caller has checked that ``user`` is the signed-in user who has passed the second step
    (or has just confirmed an authenticator)."""
    with transaction.atomic(durable=True):
        device, _created = StaticDevice.objects.select_for_update().get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def count_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def do_use_recovery_code(*, user, code: str) -> bool:
    """True when ``code`` is one of ``user``'s unused recovery codes; it is then used up.
    Spaces, dashes and case are ignored. Wrong codes are throttled by django-otp."""
    code = code.replace(" ", "").replace("-", "").lower()
    with transaction.atomic(durable=True):
        device = (
            StaticDevice.objects.select_for_update()
            .filter(user=user, confirmed=True)
            .order_by("pk")
            .first()
        )
        return device is not None and device.verify_token(code)


def do_pass_second_step(request):
    from chidao.core.sessions import note_session_owner

    request.session.pop(PENDING, None)
    request.session.cycle_key()
    note_session_owner(request, request.user)


class TwoFactorMiddleware:
    """Holds a signed-in user at the second step until it is done."""

    ALWAYS_OPEN = ("two_factor_verify", "two_factor_setup", "logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        step = request.session.get(PENDING) if hasattr(request, "session") else None
        if step and user is not None and user.is_authenticated and not self.is_open(request):
            name = "two_factor_verify" if step == VERIFY else "two_factor_setup"
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def is_open(self, request) -> bool:
        path = request.path_info
        if path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        return any(path == reverse(name) for name in self.ALWAYS_OPEN)
