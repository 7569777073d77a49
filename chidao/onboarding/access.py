"""Who may set a committee up.

An administrator sets up any committee; the secretariat of a committee sets up the
committees below it (a province's secretariat its communes). A set-up in progress is
seen by whoever may set it up: its author, an administrator, or the secretariat of the
parent committee it names.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from chidao.committees.access import get_roles
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.onboarding.models import Onboarding


def get_parent_choices(user):
    """The committees ``user`` may set a committee up under (province-level ones)."""
    roles = get_roles(user)
    committees = Committee.objects.filter(is_active=True).exclude(level=CommitteeLevel.COMMUNE)
    if roles.is_admin:
        return committees
    return committees.filter(pk__in=roles.secretariat_scope)


def can_start_onboarding(user) -> bool:
    """An administrator, or the secretariat of a committee that may have committees below."""
    roles = get_roles(user)
    return roles.is_admin or get_parent_choices(user).exists()


def access_start_onboarding(user) -> None:
    """Raises 403 unless ``user`` may set a committee up."""
    if not can_start_onboarding(user):
        raise PermissionDenied


def access_onboarding(user, pk) -> Onboarding:
    """The set-up ``pk`` if ``user`` may see it; 404 otherwise (no existence leak)."""
    onboarding = Onboarding.objects.select_related("parent", "committee").filter(pk=pk).first()
    if onboarding is None:
        raise Http404
    roles = get_roles(user)
    if roles.is_admin or (onboarding.created_by_id == user.pk and can_start_onboarding(user)):
        return onboarding
    if onboarding.parent_id and roles.manages(onboarding.parent_id):
        return onboarding
    raise Http404
