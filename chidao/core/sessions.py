"""Session lifetime: an idle timeout and an absolute one, on top of Django's session.

Django rotates the session id at sign-in and flushes the session at sign-out; it has no
idle timeout that does not rewrite the session on every request (``SESSION_SAVE_EVERY_
REQUEST`` would add a write to every page). Here the sign-in time and the last activity
are kept in the session; the last activity is rewritten at most once a minute.

Settings: ``CHIDAO_SESSION_IDLE_MINUTES`` (30) and ``CHIDAO_SESSION_MAX_HOURS`` (12).

Which session belongs to whom is noted at sign-in (``UserSession``), so that signing out
ends the account's sessions in every browser, and an admin can end them too.
"""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LogoutView
from django.db import transaction
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
    note_session_owner(request, user)


def note_session_owner(request, user) -> None:
    """Notes that ``request``'s session belongs to ``user``; called at sign-in and when the
    session id is rotated again (the second sign-in step). Also forgets this user's rows
    whose session has ended on its own (expired, cleared)."""
    from django.contrib.sessions.models import Session

    from chidao.core.models import UserSession

    session = request.session
    if session.session_key is None:
        session.save()
    UserSession.objects.update_or_create(session_key=session.session_key, defaults={"user": user})
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        UserSession.objects.filter(user=user).exclude(
            session_key__in=Session.objects.values("session_key")
        ).delete()


def do_end_all_sessions(*, user) -> int:
    """Ends every session of ``user`` on the server (all browsers); returns how many.

    The caller has checked that the acting person may do this (the user themself at
    sign-out, an admin in the admin pages). Any session engine works: each session is
    deleted through the engine's own store.
    """
    from chidao.core.models import UserSession

    store = import_module(settings.SESSION_ENGINE).SessionStore
    with transaction.atomic(durable=True):
        keys = list(
            UserSession.objects.select_for_update()
            .filter(user=user)
            .values_list("session_key", flat=True)
        )
        for key in keys:
            store(session_key=key).delete()
        UserSession.objects.filter(user=user).delete()
    return len(keys)


class SignOutView(LogoutView):
    """Django's sign-out (POST only), which also ends the account's other sessions: a
    user who signs out on one computer is signed out on every computer."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            do_end_all_sessions(user=request.user)
        return super().post(request, *args, **kwargs)


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
