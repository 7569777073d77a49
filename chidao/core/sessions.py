"""Session lifetime: an idle timeout and an absolute one, on top of Django's session.

Django rotates the session id at sign-in and flushes the session at sign-out; it has no
idle timeout that does not rewrite the session on every request (``SESSION_SAVE_EVERY_
REQUEST`` would add a write to every page). Here the sign-in time and the last activity
are kept in the session; the last activity is rewritten at most once a minute.

Settings: ``CHIDAO_SESSION_IDLE_MINUTES`` (30) and ``CHIDAO_SESSION_MAX_HOURS`` (12).
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNED_IN_AT = "chidao_signed_in_at"
LAST_SEEN_AT = "chidao_last_seen_at"
# How stale the stored last activity may get before it is rewritten.
TOUCH_EVERY = datetime.timedelta(minutes=1)


def note_sign_in(sender, request, user, **kwargs):
    """Receiver of ``user_logged_in``: the session starts its clocks now."""
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now().timestamp()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now


def get_expiry_reason(session, now: datetime.datetime) -> str | None:
    """Why a signed-in session has expired at ``now``, or None while it is still valid."""
    idle = datetime.timedelta(minutes=settings.CHIDAO_SESSION_IDLE_MINUTES)
    longest = datetime.timedelta(hours=settings.CHIDAO_SESSION_MAX_HOURS)
    stamp = now.timestamp()
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if signed_in_at is not None and stamp - signed_in_at > longest.total_seconds():
        return "absolute"
    if last_seen_at is not None and stamp - last_seen_at > idle.total_seconds():
        return "idle"
    return None


class SessionTimeoutMiddleware:
    """Signs out a session idle too long or older than the absolute limit. The request
    then goes on as anonymous, so pages send the user to the sign-in page as usual."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        now = timezone.now()
        reason = get_expiry_reason(request.session, now)
        if reason is not None:
            logout(request)
            if reason == "idle":
                text = _("Phiên làm việc đã hết hạn do lâu không thao tác. Vui lòng đăng nhập lại.")
            else:
                text = _("Phiên làm việc đã quá thời gian tối đa. Vui lòng đăng nhập lại.")
            messages.info(request, text)
            return
        stamp = now.timestamp()
        if SIGNED_IN_AT not in request.session:
            # A session from before this middleware: its clocks start now.
            request.session[SIGNED_IN_AT] = stamp
        last_seen_at = request.session.get(LAST_SEEN_AT)
        if last_seen_at is None or stamp - last_seen_at > TOUCH_EVERY.total_seconds():
            request.session[LAST_SEEN_AT] = stamp
