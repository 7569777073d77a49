from django.db import models
from django.db.models import Q


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DocumentQuerySet":
        """Documents ``user`` may read: those shared by every committee (no committee) and
        those of the committees the user may open (``committees.access``)."""
        from chidao.committees.access import get_roles, get_visible_committees

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if get_roles(user).is_admin:
            return self
        return self.filter(
            Q(committee__isnull=True)
            | Q(committee__in=get_visible_committees(user).order_by().values("pk"))
        )
