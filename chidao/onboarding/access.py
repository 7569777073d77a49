"""Who may set a committee up.

An administrator sets up any committee; the secretariat of a committee sets up the
committees below it (a province's secretariat its communes). A set-up in progress is
seen by whoever may set it up: its author, an administrator, or the secretariat of the
parent committee it names.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from chidao.committees.access import (
    can_set_up_committees,
    get_roles,
)
from chidao.onboarding.models import Onboarding


def access_start_onboarding(user) -> None:
    """Raises 403 unless ``user`` may set a committee up."""
    if not can_set_up_committees(user):
        raise PermissionDenied


def access_onboarding(user, pk) -> Onboarding:
    """The set-up ``pk`` if ``user`` may see it; 404 otherwise (no existence leak)."""
    onboarding = Onboarding.objects.select_related("parent", "committee").filter(pk=pk).first()
    if onboarding is None:
        raise Http404
    roles = get_roles(user)
    if roles.is_admin or (onboarding.created_by_id == user.pk and can_set_up_committees(user)):
        return onboarding
    if onboarding.parent_id and roles.manages(onboarding.parent_id):
        return onboarding
    raise Http404
