"""The leader's overview of tasks per committee (``committees:overview``, /ban-chi-dao/tong-quan/).

A task page, so it lives here rather than in ``committees``; the project URLconf keeps its
old address and name (see ``chidao/urls.py``).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import get_count_table
from chidao.assignments.models import Task
from chidao.committees.access import get_roles
from chidao.committees.models import Committee


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
