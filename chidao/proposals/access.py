"""The one gate for proposals, built on ``committees.access.get_roles``.

The committee's secretariat and leaders read its proposals; the secretariat routes and
approves answers; officers of the unit a proposal is routed to read it and draft the
answer. Anyone else who may open the committee gets 403; the rest 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from chidao.committees.access import access_committee, get_roles
from chidao.proposals.models import Proposal


def get_visible_proposals(user):
    roles = get_roles(user)
    if roles.is_admin:
        return Proposal.objects.all()
    condition = Q(committee__in=roles.committee_scope)
    if roles.unit_id:
        condition |= Q(routed_unit=roles.unit_id)
    return Proposal.objects.filter(condition)


def access_proposal(user, pk, action: str = "view") -> Proposal:
    """The proposal ``pk`` if ``user`` may ``action`` it: "view", "answer" (draft the
    answer: the routed unit or the secretariat) or "manage" (route, approve)."""
    proposal = Proposal.objects.select_related("committee", "routed_unit").filter(pk=pk).first()
    if proposal is None:
        raise Http404
    roles = get_roles(user)
    manages = roles.manages(proposal.committee_id)
    routed_here = roles.unit_id is not None and roles.unit_id == proposal.routed_unit_id
    readable = manages or roles.leads(proposal.committee_id) or routed_here
    if not readable:
        access_committee(user, proposal.committee_id, "view")  # 404 when invisible
        raise PermissionDenied
    if action == "manage" and not manages:
        raise PermissionDenied
    if action == "answer" and not (manages or routed_here):
        raise PermissionDenied
    return proposal
