from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from chidao.committees.access import get_roles


@login_required
def home(request):
    """Send each user to the page their role works from (issue [B] §1).

    The secretariat lands on its queue and task list, a leader on the committee dashboard,
    a unit officer or head on the unit's tasks. A user with several roles gets the first.
    """
    roles = get_roles(request.user)
    if roles.is_secretariat or roles.is_admin:
        return redirect("assignments:secretariat_home")
    if roles.is_leader:
        return redirect("dashboards:index")
    if roles.unit_id:
        return redirect("assignments:unit_tasks")
    return render(request, "workspace/no_role.html")
