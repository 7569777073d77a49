"""The chains of dependent tasks of a committee, with forecasts and the critical path.

Issue [R] §3: the tasks that wait for others or are waited for, each with its deadline
and expected completion, drawn as a timeline (vendored ECharts, from a static script)
and listed in a table that says the same without the chart.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from chidao.assignments.dependencies import get_critical_path
from chidao.assignments.models import Task, TaskDependency
from chidao.assignments.risk import get_forecasts, get_task_label
from chidao.committees.access import access_committee
from chidao.core.asof import get_as_of


@login_required
def dependency_chains(request, pk):
    """The committee's tasks linked by dependencies (those the user may see)."""
    committee = access_committee(request.user, pk)
    as_of = get_as_of(request, default=timezone.localdate())
    visible = Task.objects.visible_to(request.user)
    links = list(
        TaskDependency.objects.filter(
            Q(task__committee=committee) | Q(depends_on__committee=committee),
            task__in=visible,
            depends_on__in=visible,
        ).values_list("task_id", "depends_on_id")
    )
    ids = {pk for link in links for pk in link}
    tasks = {
        task.pk: task
        for task in visible.filter(pk__in=ids).with_status(as_of).select_related("lead_unit")
    }
    forecasts = get_forecasts(list(tasks), as_of)
    edges: dict[int, list[int]] = {}
    for task_id, before_id in links:
        edges.setdefault(task_id, []).append(before_id)
    finish = {
        pk: (task.completed_on or forecasts[pk].expected_on) if pk in forecasts else None
        for pk, task in tasks.items()
    }
    critical = get_critical_path(edges, finish)
    rows = []
    for pk in sorted(tasks, key=lambda pk: (tasks[pk].code, pk)):
        task = tasks[pk]
        forecast = forecasts.get(pk)
        rows.append(
            {
                "task": task,
                "label": get_task_label(task.code, task.title),
                "forecast": forecast,
                "waits_for": [
                    get_task_label(tasks[b].code, tasks[b].title) for b in edges.get(pk, ())
                ],
                "critical": pk in critical,
            }
        )
    chart = [
        {
            "label": row["label"],
            "start": f"{row['task'].start_date or row['task'].assigned_on:%Y-%m-%d}",
            "deadline": f"{row['task'].deadline_as_of:%Y-%m-%d}"
            if row["task"].deadline_as_of
            else None,
            "expected": f"{finish[row['task'].pk]:%Y-%m-%d}" if finish[row["task"].pk] else None,
            "risk": row["forecast"].risk if row["forecast"] else None,
            "critical": row["critical"],
        }
        for row in rows
    ]
    return render(
        request,
        "assignments/dependency_chains.html",
        {
            "committee": committee,
            "rows": rows,
            "chart": chart,
            "critical": [get_task_label(tasks[pk].code, tasks[pk].title) for pk in critical],
            "as_of": as_of,
        },
    )
