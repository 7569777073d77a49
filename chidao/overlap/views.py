"""Pages of overlap detection: parse input, call the gate, call one read, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from chidao.assignments.access import access_task
from chidao.committees.access import (
    access_committee,
    get_committee_tree,
    get_roles,
    get_visible_committees,
)
from chidao.core.forms import add_service_errors
from chidao.overlap import finder, services
from chidao.overlap.decision import CANDIDATE_THRESHOLD, get_decision
from chidao.overlap.forms import ShortFormForm
from chidao.overlap.index import THRESHOLD
from chidao.overlap.models import ShortForm
from chidao.overlap.rules import get_fixed_meaning


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
            "manages": get_roles(request.user).manages(committee.pk),
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


@login_required
@require_http_methods(["GET", "POST"])
def short_forms(request, committee_pk):
    """The committee's own table of short forms: its secretariat lists, adds and deletes;
    its leaders read it (it says why the report pairs what it pairs). POST adds one."""
    committee = _access_report(request.user, committee_pk)
    form = None
    if request.method == "POST":
        committee = access_committee(request.user, committee_pk, "manage")
        form = ShortFormForm(request.POST, instance=ShortForm(committee=committee))
        if form.is_valid():
            try:
                added = services.do_add_short_form(
                    committee=committee,
                    short=form.cleaned_data["short"],
                    full=form.cleaned_data["full"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Đã thêm từ viết tắt %(short)s: %(full)s.")
                    % {"short": added.short, "full": added.full},
                )
                return redirect("overlap:short_forms", committee_pk=committee.pk)
    manages = get_roles(request.user).manages(committee.pk)
    if form is None and manages:
        form = ShortFormForm()
    return render(
        request,
        "overlap/short_forms.html",
        {
            "committee": committee,
            "form": form,
            "manages": manages,
            "rows": _short_form_rows(committee),
            "unread": finder.get_unread_short_forms(committee),
        },
    )


def _short_form_rows(committee) -> list[dict]:
    """The committee's short forms, each with what else would read it: the fixed table's
    meaning it replaces, and a committee above whose own meaning holds in the tree."""
    root = finder.get_root_committee(committee)
    in_tree = finder.get_tree_short_forms(root.pk, get_committee_tree([root.pk]))
    holds: dict[str, ShortForm] = {}
    for row in in_tree:
        holds.setdefault(row.key, row)
    return [
        {
            "short_form": row,
            "fixed": get_fixed_meaning(row.short),
            "above": holds[row.key] if holds[row.key].committee_id != committee.pk else None,
        }
        for row in in_tree
        if row.committee_id == committee.pk
    ]


@login_required
@require_POST
def short_form_delete(request, pk):
    """Remove one short form from its committee's table (the secretariat)."""
    short_form = get_object_or_404(ShortForm, pk=pk)
    committee = access_committee(request.user, short_form.committee_id, "manage")
    services.do_delete_short_form(short_form=short_form, acting_user=request.user)
    messages.success(request, _("Đã xóa từ viết tắt %(short)s.") % {"short": short_form.short})
    return redirect("overlap:short_forms", committee_pk=committee.pk)
