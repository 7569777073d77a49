"""The one gate for indicators and their values (DESIGN.md §2), built on ``get_roles``.

- Everyone who reads a committee's data (secretariat, leaders, admins) reads its
  indicators; a unit reads the indicators it reports or is responsible for.
- A unit enters values only for itself (``access_unit_grid``); the secretariat of the
  indicator's committee reviews them (``access_observation(..., REVIEW)``).

404 when the user may not know the object exists, 403 when they see it but may not act.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from chidao.committees.access import Roles, get_roles
from chidao.indicators.models import Indicator, Observation
from chidao.org.models import Unit


class ObservationAction(models.TextChoices):
    VIEW = "view", _("Xem")
    REVIEW = "review", _("Duyệt hoặc trả lại")


def may_review_observations(roles: Roles) -> bool:
    """Whether the user has any committee whose indicator values they review."""
    return roles.is_admin or roles.is_secretariat


def get_reviewed_observations(user):
    """Values the user reviews: those of indicators of the committees they manage."""
    roles = get_roles(user)
    if roles.is_admin:
        return Observation.objects.all()
    return Observation.objects.filter(indicator__committee__in=roles.secretariat_scope)


def access_indicator(user, pk) -> Indicator:
    """The indicator ``pk`` if ``user`` may read it, else 404."""
    indicator = (
        Indicator.objects.visible_to(user)
        .select_related("committee", "group", "responsible_unit", "parent")
        .filter(pk=pk)
        .first()
    )
    if indicator is None:
        raise Http404
    return indicator


def access_unit_grid(user, unit_pk) -> Unit:
    """The unit whose data-entry grid ``user`` opens: only their own (admins: any).

    Another unit's grid is a 404: officers never learn what other units report.
    """
    roles = get_roles(user)
    if unit_pk is None or not (roles.is_admin or roles.unit_id == int(unit_pk)):
        raise Http404
    unit = Unit.objects.filter(pk=unit_pk).first()
    if unit is None:
        raise Http404
    return unit


def access_review_queue(user) -> Roles:
    """Let the secretariat (and admins) open the review queue; 403 for anyone else."""
    roles = get_roles(user)
    if not may_review_observations(roles):
        raise PermissionDenied
    return roles


def access_observation(user, pk, action: str = ObservationAction.VIEW) -> Observation:
    """The value ``pk`` if ``user`` may ``action`` it; 404 if unseen, 403 if not allowed."""
    observation = (
        Observation.objects.visible_to(user)
        .select_related("indicator", "indicator__committee", "unit")
        .filter(pk=pk)
        .first()
    )
    if observation is None:
        raise Http404
    if action == ObservationAction.REVIEW and not get_roles(user).manages(
        observation.indicator.committee_id
    ):
        raise PermissionDenied
    return observation
