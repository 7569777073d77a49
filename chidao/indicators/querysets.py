from django.db import models
from django.db.models import Q


class IndicatorQuerySet(models.QuerySet):
    def reported_by(self, unit_id: int | None) -> "IndicatorQuerySet":
        """Indicators whose values ``unit_id`` enters: those listing it among their
        reporting units, or, when none is listed, those it is responsible for."""
        if unit_id is None:
            return self.none()
        return self.filter(
            Q(reporting_units=unit_id) | Q(reporting_units__isnull=True, responsible_unit=unit_id)
        ).distinct()

    def visible_to(self, user) -> "IndicatorQuerySet":
        """Indicators ``user`` may read (``committees.access.get_roles``): admins all;
        secretariat and leaders their committees and those below; a unit the indicators
        it reports or is responsible for."""
        from chidao.committees.access import get_roles

        roles = get_roles(user)
        if roles.is_admin:
            return self
        condition = Q(committee__in=roles.committee_scope)
        if roles.unit_id:
            condition |= Q(responsible_unit=roles.unit_id) | Q(
                pk__in=self.reported_by(roles.unit_id).values("pk")
            )
        return self.filter(condition)


class ObservationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ObservationQuerySet":
        """Values ``user`` may read: their committees' (secretariat, leaders), their own
        unit's, everything for admins."""
        from chidao.committees.access import get_roles

        roles = get_roles(user)
        if roles.is_admin:
            return self
        condition = Q(indicator__committee__in=roles.committee_scope)
        if roles.unit_id:
            condition |= Q(unit=roles.unit_id)
        return self.filter(condition)
