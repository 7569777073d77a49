"""Pages of the app; thin: parse input, call access_…, call one service, render."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone

from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import get_count_table
from chidao.assignments.models import Task
from chidao.committees.access import access_committee, get_roles, get_visible_committees
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
    return render(request, "committees/committee_list.html", {"committees": committees})


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


@login_required
def overview(request):
    """The leader's home: per committee they sit on, the count tables as of today and
    the overdue key tasks ([C] builds the full dashboard)."""
    roles = get_roles(request.user)
    seats = roles.leader_of | roles.secretariat_of
    committees = Committee.objects.filter(pk__in=seats, is_active=True)
    if roles.is_admin and not seats:
        committees = Committee.objects.filter(parent__isnull=True, is_active=True)
    today = timezone.localdate()
    panels = []
    for committee in committees.order_by("level", "name"):
        tasks = Task.objects.visible_to(request.user).filter(committee=committee)
        panels.append(
            {
                "committee": committee,
                "by_unit": get_count_table(
                    tasks, as_of=today, by="lead_unit", due_soon_days=committee.due_soon_days
                ),
                "by_group": get_count_table(
                    tasks, as_of=today, by="group", due_soon_days=committee.due_soon_days
                ),
                "overdue_key_tasks": tasks.filter(is_key=True)
                .with_status(today)
                .filter(status=TaskStatus.OVERDUE)
                .select_related("lead_unit")
                .order_by("deadline_as_of", "code"),
            }
        )
    return render(request, "committees/overview.html", {"panels": panels, "today": today})
