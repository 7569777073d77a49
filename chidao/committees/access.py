"""Who a user is in the committees: the one place roles are decided (DESIGN.md §2).

Every page, API endpoint, export and job asks ``get_roles(user)`` and the ``access_…``
gates built on it; nothing else reads memberships to decide permissions.

- system admin: ``is_superuser``; sees and does everything.
- secretariat (thường trực, tổ giúp việc): a membership with a secretariat role; manages
  the committee's tasks, documents and indicators and reviews what units submit.
- leader (lãnh đạo, thành viên BCĐ): any other membership; reads everything of the
  committee and writes directions.
- unit officer / unit head: an account whose person belongs to a unit; sees the tasks
  the unit leads or coordinates. ``Person.is_unit_leader`` makes the unit head.

A committee's secretariat and leaders also see the committees below it (communes roll up
into the province).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.committees.models import Committee, Membership


@dataclass(frozen=True)
class Roles:
    """What one user is, computed once per request."""

    is_admin: bool = False
    unit_id: int | None = None
    is_unit_head: bool = False
    # committee id -> own memberships' roles there
    secretariat_of: frozenset[int] = field(default_factory=frozenset)
    leader_of: frozenset[int] = field(default_factory=frozenset)
    # committees seen through a seat, with the committees below them
    secretariat_scope: frozenset[int] = field(default_factory=frozenset)
    leader_scope: frozenset[int] = field(default_factory=frozenset)
    member_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_secretariat(self) -> bool:
        return bool(self.secretariat_of)

    @property
    def is_leader(self) -> bool:
        return bool(self.leader_of)

    @property
    def committee_scope(self) -> frozenset[int]:
        """Every committee whose data this user reads as secretariat or leader."""
        return self.secretariat_scope | self.leader_scope

    def manages(self, committee_id: int) -> bool:
        """Secretariat (or admin) of this committee or of one above it."""
        return self.is_admin or committee_id in self.secretariat_scope

    def leads(self, committee_id: int) -> bool:
        """Leader of this committee or one above it."""
        return committee_id in self.leader_scope


def get_committee_tree(committee_ids) -> frozenset[int]:
    """The committees given and all committees below them."""
    found = set(committee_ids)
    frontier = set(found)
    while frontier:
        # Three levels a query (the country's depth: a province's tree in one query, as
        # every request of a leader or secretariat asks for it), then on from the third
        # level's committees, so a deeper tree is still walked whole.
        rows = Committee.objects.filter(
            Q(parent__in=frontier)
            | Q(parent__parent__in=frontier)
            | Q(parent__parent__parent__in=frontier)
        ).values_list("pk", "parent_id", "parent__parent_id")
        below = {pk for pk, _parent, _grandparent in rows}
        third = {
            pk
            for pk, parent, grandparent in rows
            if parent not in frontier and grandparent not in frontier
        }
        frontier = third - found
        found |= below
    return frozenset(found)


def get_roles(user, *, on: date | None = None) -> Roles:
    """The roles of ``user`` today (memberships that have ended do not count)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    on = on or timezone.localdate()
    cached = getattr(user, "_chidao_roles", None)
    if cached is not None and cached[0] == on:
        return cached[1]
    person = user.person if user.person_id else None
    secretariat, leader, member_ids = set(), set(), set()
    if person is not None:
        seats = Membership.objects.filter(person=person, committee__is_active=True).filter(
            Q(started_on__isnull=True) | Q(started_on__lte=on),
            Q(ended_on__isnull=True) | Q(ended_on__gte=on),
        )
        # Into sets: the model's order (which joins the committee) is not needed.
        for seat in seats.only("pk", "committee_id", "role").order_by():
            member_ids.add(seat.pk)
            if seat.role in MemberRole.secretariat_roles():
                secretariat.add(seat.committee_id)
            else:
                leader.add(seat.committee_id)
    roles = Roles(
        is_admin=user.is_superuser,
        unit_id=person.unit_id if person else None,
        is_unit_head=bool(person and person.is_unit_leader),
        secretariat_of=frozenset(secretariat),
        leader_of=frozenset(leader),
        secretariat_scope=get_committee_tree(secretariat),
        leader_scope=get_committee_tree(leader),
        member_ids=frozenset(member_ids),
    )
    user._chidao_roles = (on, roles)
    return roles


def get_visible_committees(user):
    """Committees the user may open: those they sit on (and below), or whose tasks
    their unit leads or coordinates."""
    roles = get_roles(user)
    if roles.is_admin:
        return Committee.objects.all()
    condition = Q(pk__in=roles.committee_scope)
    if roles.unit_id:
        condition |= Q(tasks__lead_unit=roles.unit_id) | Q(tasks__coordinating_units=roles.unit_id)
    return Committee.objects.filter(condition).distinct()


def access_committee(user, pk, action: str = "view") -> Committee:
    """The committee ``pk`` if ``user`` may ``action`` it ("view" or "manage").

    Raises 404 when the user may not see it (no existence leak), 403 when they may see
    it but not do this.
    """
    committee = get_visible_committees(user).filter(pk=pk).first()
    if committee is None:
        raise Http404
    if action == "manage" and not get_roles(user).manages(committee.pk):
        raise PermissionDenied
    return committee


def get_committees_to_set_up_under(user):
    """The committees ``user`` may set a committee up under: any province-level (or
    national) committee for an admin, those of their own secretariat scope otherwise
    (a province's secretariat sets up its communes)."""
    roles = get_roles(user)
    committees = Committee.objects.filter(is_active=True).exclude(level=CommitteeLevel.COMMUNE)
    if roles.is_admin:
        return committees
    return committees.filter(pk__in=roles.secretariat_scope)


def can_set_up_committees(user) -> bool:
    """An admin, or the secretariat of a committee that may have committees below it."""
    roles = get_roles(user)
    if roles.is_admin:
        return True
    return bool(roles.secretariat_scope) and get_committees_to_set_up_under(user).exists()
