"""Pages of the app; thin: parse input, call access_…, call one service, render."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone

from chidao.committees.access import (
    access_committee,
    can_set_up_committees,
    get_visible_committees,
)
from chidao.committees.choices import MemberRole
from chidao.committees.models import Committee, Membership


@login_required
def committee_list(request):
    committees = (
        get_visible_committees(request.user)
        .select_related("host_unit", "standing_unit", "parent")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("level", "name")
    )
    return render(
        request,
        "committees/committee_list.html",
        {
            "committees": committees,
            # Set-up pages (chidao.onboarding): admins, and a secretariat for its communes.
            "can_create": can_set_up_committees(request.user),
        },
    )


@login_required
def committee_detail(request, pk):
    committee = access_committee(request.user, pk)
    committee = (
        Committee.objects.select_related(
            "host_unit", "standing_unit", "parent", "resolution", "founding_document"
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(
                    Q(ended_on__isnull=True) | Q(ended_on__gte=timezone.localdate())
                )
                .select_related("person", "person__unit")
                .prefetch_related("units_followed")
                .order_by("pk"),
            )
        )
        .get(pk=committee.pk)
    )
    order = {role: index for index, role in enumerate(MemberRole.values)}
    memberships = sorted(committee.memberships.all(), key=lambda m: (order[m.role], m.pk))
    visible = get_visible_committees(request.user)
    return render(
        request,
        "committees/committee_detail.html",
        {
            "committee": committee,
            "members": [m for m in memberships if m.role != MemberRole.SUPPORT_TEAM],
            "support_team": [m for m in memberships if m.role == MemberRole.SUPPORT_TEAM],
            "children": visible.filter(parent=committee).select_related("host_unit"),
            "parent_visible": committee.parent_id
            and visible.filter(pk=committee.parent_id).exists(),
        },
    )
