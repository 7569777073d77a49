"""Sign-in throttling that an attacker cannot turn against the account's owner.

django-axes locks hard by (account, address) and by address (``AXES_LOCKOUT_PARAMETERS``):
someone guessing from one machine is stopped there. Failures on one account spread over
many addresses are answered with a growing delay instead of a lock, so five wrong
passwords typed for ``admin`` from five addresses do not shut the real administrator
out: each further attempt on that account must wait ``2 ** (failures - limit)`` seconds
(at most ``CHIDAO_LOGIN_MAX_DELAY_SECONDS``) after the last failure, and an address the
account has already signed in from successfully (axes' ``AccessLog``) is not delayed at
all. A delayed attempt is answered before the password is checked, so it tells the
attacker nothing and is not counted as a failure.
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import ngettext

from chidao.core.client_address import get_client_ip


def get_sign_in_delay(username: str, ip: str | None, now=None) -> int:
    """Seconds ``username`` must still wait before an attempt from ``ip`` is checked.

    Counts the account's failures from every address within the cool-off time; below
    ``AXES_FAILURE_LIMIT`` there is no delay. An address the account has signed in from
    before is never delayed (its own pair still has axes' hard limit).
    """
    if not username or not settings.CHIDAO_LOGIN_MAX_DELAY_SECONDS:
        return 0
    now = now or timezone.now()
    window = settings.AXES_COOLOFF_TIME or timedelta(days=1)
    failures = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=now - window
    ).aggregate(count=Sum("failures_since_start"), last=Max("attempt_time"))
    count, last = failures["count"] or 0, failures["last"]
    if count < settings.AXES_FAILURE_LIMIT or last is None:
        return 0
    if ip and AccessLog.objects.filter(username=username, ip_address=ip).exists():
        return 0
    delay = min(2 ** (count - settings.AXES_FAILURE_LIMIT), settings.CHIDAO_LOGIN_MAX_DELAY_SECONDS)
    remaining = (last + timedelta(seconds=delay) - now).total_seconds()
    return max(0, int(remaining + 0.999))


class AccountDelayMixin:
    """Checks the account's delay before the password, in any Django sign-in form."""

    wait_seconds = 0

    def clean(self):
        username = self.cleaned_data.get("username")
        # A pair or an address axes has locked gets axes' lock-out page, not a delay.
        if (
            username
            and self.request is not None
            and AxesProxyHandler.is_allowed(self.request, {"username": username})
        ):
            self.wait_seconds = get_sign_in_delay(username, get_client_ip(self.request))
        if self.wait_seconds:
            raise ValidationError(
                ngettext(
                    "Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. "
                    "Vui lòng chờ %(seconds)s giây rồi đăng nhập lại.",
                    "Tài khoản này vừa bị nhập sai mật khẩu nhiều lần. "
                    "Vui lòng chờ %(seconds)s giây rồi đăng nhập lại.",
                    self.wait_seconds,
                )
                % {"seconds": self.wait_seconds},
                code="sign_in_delayed",
            )
        return super().clean()


class SignInForm(AccountDelayMixin, AuthenticationForm):
    """The sign-in page's form."""


class AdminSignInForm(AccountDelayMixin, AdminAuthenticationForm):
    """The admin site's own sign-in form, under the same delay (``admin.site.login_form``)."""


class SignInView(LoginView):
    """The sign-in page; a delayed attempt answers 429 with ``Retry-After``."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.wait_seconds:
            response.status_code = 429
            response["Retry-After"] = str(form.wait_seconds)
        return response
