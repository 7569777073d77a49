"""Pages of overlap detection: parse input, call the gate, call one read, render."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from chidao.assignments.access import access_task
from chidao.committees.access import access_committee, get_roles, get_visible_committees
from chidao.overlap import finder
from chidao.overlap.decision import CANDIDATE_THRESHOLD, get_decision
from chidao.overlap.index import THRESHOLD


def _access_report(user, committee_pk):
    """The committee if ``user`` is on its secretariat or a leader of it (or above)."""
    committee = access_committee(user, committee_pk, "view")
    roles = get_roles(user)
    if not (roles.manages(committee.pk) or roles.leads(committee.pk)):
        raise PermissionDenied
    return committee


@login_required
@require_http_methods(["GET"])
def report_index(request):
    """The committees whose overlap report the user may open."""
    roles = get_roles(request.user)
    committees = [
        committee
        for committee in get_visible_committees(request.user).order_by("level", "name")
        if roles.manages(committee.pk) or roles.leads(committee.pk)
    ]
    managed = {committee.pk for committee in committees if roles.manages(committee.pk)}
    return render(
        request, "overlap/report_index.html", {"committees": committees, "managed": managed}
    )


@login_required
@require_http_methods(["GET"])
def similar_tasks(request, pk):
    """htmx partial for a task page: tasks of the committee tree that read like it."""
    task = access_task(request.user, pk)
    found = finder.get_similar_tasks(request.user, task)
    return render(
        request,
        "overlap/similar_tasks.html",
        {"task": task, "found": found, "threshold": THRESHOLD},
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_draft(request, committee_pk):
    """htmx partial for the task form: tasks a draft would repeat, before it is saved.

    Reads ``title``, ``description``, ``lead_unit`` (to say when a match has the same
    lead) and ``task`` (the task being edited, left out) from the form it is posted from;
    the output is not compared, its words ("Quyết định của UBND tỉnh") are shared by
    unrelated tasks. Changes nothing.
    """
    committee = access_committee(request.user, committee_pk, "manage")
    data = request.POST if request.method == "POST" else request.GET
    task_id = data.get("task", "")
    found = finder.get_possible_duplicates(
        request.user,
        committee,
        title=data.get("title", "")[:2000],
        description=data.get("description", "")[:4000],
        exclude_task_id=int(task_id) if task_id.isdigit() else None,
    )
    lead_unit = data.get("lead_unit", "")
    context = {"found": found, "lead_unit_id": int(lead_unit) if lead_unit.isdigit() else None}
    return render(request, "overlap/possible_duplicates.html", context)


@login_required
@require_http_methods(["GET"])
def report(request, committee_pk):
    """Possible overlaps in a committee and those below it, by pair of lead units."""
    committee = _access_report(request.user, committee_pk)
    found = finder.get_overlap_report(request.user, committee)
    return render(
        request,
        "overlap/report.html",
        {
            "committee": committee,
            "groups": found.groups,
            "pair_count": found.pair_count,
            "group_count": found.group_count,
            "hidden_count": found.hidden_count,
            "per_task": found.per_task,
            # The decision (``decision.is_same_work``), said as the report applies it:
            # pairs from this score are read part by part, then weighed by the learned
            # model from this probability.
            "candidate_percent": round(CANDIDATE_THRESHOLD * 100),
            "probability_percent": round(get_decision().threshold * 100),
        },
    )
