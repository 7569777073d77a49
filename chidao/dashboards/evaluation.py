"""Reads the facts a unit is scored on (``rules.UnitFacts``), in aggregate queries.

The evaluation period is the calendar year of the report date, up to that date: tasks
are counted as of the date (``with_status``, as the count table counts them), reporting
timeliness over the cycles due in that year by the date, indicator achievement from each
unit's latest approved value of that year.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from chidao.assignments.counts import get_count_table, get_status_counts
from chidao.assignments.models import Task
from chidao.dashboards.rules import TaskFacts, UnitFacts, Weights, rank_scores, score_unit
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation, Target
from chidao.indicators.reads import judge
from chidao.org.models import Unit
from chidao.reporting.models import ReportingCycle, UnitSubmission


def get_weights(committee) -> Weights:
    from chidao.dashboards.models import EvaluationWeights

    row = EvaluationWeights.objects.filter(committee=committee).first()
    return row.as_weights() if row else Weights()


def get_unit_facts(user, committee, as_of: date) -> list[UnitFacts]:
    tasks = Task.objects.visible_to(user).filter(committee=committee)
    lead = {
        row.key: TaskFacts(row.done_on_time, row.done_late, row.overdue)
        for row in get_count_table(tasks, as_of=as_of, by="lead_unit").rows
    }
    judged = ("done_on_time", "done_late", "overdue")
    coordinated = defaultdict(lambda: dict.fromkeys(judged, 0))
    for cell in get_status_counts(
        tasks.filter(coordinating_units__isnull=False),
        as_of=as_of,
        due_soon_days=committee.due_soon_days,
        fields=("coordinating_units",),
    ):
        row = coordinated[cell["coordinating_units"]]  # a unit with none judged has zeros
        if cell["status"] in judged:
            row[cell["status"]] += cell["n"]
    coordinating = {
        unit: TaskFacts(row["done_on_time"], row["done_late"], row["overdue"])
        for unit, row in coordinated.items()
    }

    year_start = date(as_of.year, 1, 1)
    required = ReportingCycle.required_units.through.objects.filter(
        reportingcycle__committee=committee,
        reportingcycle__due_on__gte=year_start,
        reportingcycle__due_on__lte=as_of,
    )
    on_time = UnitSubmission.objects.filter(
        cycle=OuterRef("reportingcycle"),
        unit=OuterRef("unit"),
        submitted_at__date__lte=OuterRef("reportingcycle__due_on"),
    )
    reports = (
        required.annotate(on_time=Exists(on_time))
        .order_by()
        .values("unit")
        .annotate(required=Count("pk"), on_time_count=Count("pk", filter=Q(on_time=True)))
    )
    report_counts = {row["unit"]: (row["required"], row["on_time_count"]) for row in reports}

    achievements = get_unit_achievements(committee, as_of)
    unit_ids = set(lead) | set(coordinating) | set(report_counts) | set(achievements)
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    return [
        UnitFacts(
            unit_id=pk,
            name=names.get(pk, "—"),
            lead=lead.get(pk, TaskFacts()),
            coordinating=coordinating.get(pk, TaskFacts()),
            reports_required=report_counts.get(pk, (0, 0))[0],
            reports_on_time=report_counts.get(pk, (0, 0))[1],
            achievements=tuple(achievements.get(pk, ())),
        )
        for pk in unit_ids
    ]


def get_unit_achievements(committee, as_of: date) -> dict[int, list]:
    """Each unit's achievement (percent) on each indicator: its latest approved value of
    the year, against its own target of that year or the committee's."""
    values = (
        Observation.objects.filter(
            indicator__committee=committee,
            state=ObservationState.APPROVED,
            period_start__gte=date(as_of.year, 1, 1),
            period_start__lte=as_of,
        )
        .select_related("indicator")
        .order_by("indicator_id", "unit_id", "-period_start", "-pk")
    )
    latest = {}
    for observation in values:
        latest.setdefault((observation.indicator_id, observation.unit_id), observation)
    targets = Target.objects.filter(indicator__committee=committee, year=as_of.year)
    by_key = {(t.indicator_id, t.unit_id): t for t in targets}
    result = defaultdict(list)
    for (indicator_id, unit_id), observation in sorted(latest.items()):
        target = by_key.get((indicator_id, unit_id)) or by_key.get((indicator_id, None))
        ratio = judge(observation.indicator, observation.value, target).ratio
        if ratio is not None:
            result[unit_id].append(ratio)
    return result


def get_ranking(user, committee, as_of: date):
    weights = get_weights(committee)
    facts = get_unit_facts(user, committee, as_of)
    return weights, rank_scores([score_unit(f, weights) for f in facts])
