"""Who owes the second sign-in step: a policy on roles, so it lives above ``committees``.

The devices, the session mark and the middleware that holds a user at the step are in
``chidao.core.twofactor``; this module decides at sign-in which step, if any, is owed.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.core.twofactor import PENDING, SETUP, VERIFY, get_confirmed_device


def is_two_factor_required(user) -> bool:
    """Admins and members of a committee's secretariat (thường trực, tổ giúp việc)."""
    if not settings.CHIDAO_TWO_FACTOR_REQUIRED:
        return False
    if user.is_superuser:
        return True
    if not user.person_id:
        return False
    today = timezone.localdate()
    return (
        Membership.objects.filter(
            person_id=user.person_id,
            committee__is_active=True,
            role__in=MemberRole.secretariat_roles(),
        )
        .filter(
            Q(started_on__isnull=True) | Q(started_on__lte=today),
            Q(ended_on__isnull=True) | Q(ended_on__gte=today),
        )
        .exists()
    )


def get_owed_step(user) -> str | None:
    if get_confirmed_device(user) is not None:
        return VERIFY
    if is_two_factor_required(user):
        return SETUP
    return None


def note_sign_in(sender, request, user, **kwargs):
    """Receiver of ``user_logged_in``: decide which second step, if any, is owed."""
    if request is None or not hasattr(request, "session"):
        return
    step = get_owed_step(user)
    if step is None:
        request.session.pop(PENDING, None)
    else:
        request.session[PENDING] = step
