"""Reads the facts a unit is scored on (``rules.UnitFacts``), in aggregate queries.

Two reads. The ranking (``get_ranking``) scores the calendar year of the report date, up
to that date: tasks are counted as of the date (``with_status``, as the count table
counts them), reporting timeliness over the cycles due in that year by the date,
indicator achievement from each unit's latest approved value of that year. The
evaluation per Quy định 366-QĐ/TW (``get_evaluation``) scores a period (quarter, six
months, year) the same way over the tasks due in it (``TaskQuerySet.due_in_period``) and
rates each unit (``rating.rate_unit``). Both leave out units without enough data
(``rules.has_enough_data``) and list the committee's directing units apart.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

from chidao.assignments.choices import CompletionQuality, ReviewState
from chidao.assignments.counts import get_kept_count_table, get_kept_status_counts
from chidao.assignments.models import ProgressUpdate, Task, TaskStatusSpan
from chidao.core.periods import Period
from chidao.dashboards.rating import Condition, LeadFacts, LevelCheck, Rating, rate_unit
from chidao.dashboards.rules import (
    DEFAULT_MIN_LEAD_DUE,
    Score,
    TaskFacts,
    UnitFacts,
    Weights,
    has_enough_data,
    rank_scores,
    score_unit,
)
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation, Target
from chidao.indicators.reads import judge
from chidao.org.choices import UnitKind
from chidao.org.models import Unit
from chidao.reporting.models import ReportingCycle, UnitSubmission


def get_weights(committee) -> Weights:
    from chidao.dashboards.models import EvaluationWeights

    row = EvaluationWeights.objects.filter(committee=committee).first()
    return row.as_weights() if row else Weights()


def get_unit_facts(user, committee, as_of: date) -> list[UnitFacts]:
    # Counted from the kept status spans (``assignments.models.TaskStatusSpan``), as the
    # dashboard counts: two range look-ups, not the status rule over every task.
    spans = TaskStatusSpan.objects.visible_to(user).filter(committee=committee)
    lead = {
        row.key: TaskFacts(row.done_on_time, row.done_late, row.overdue)
        for row in get_kept_count_table(spans, as_of=as_of, by="lead_unit").rows
        if row.key is not None  # every task has a lead unit
    }
    judged = ("done_on_time", "done_late", "overdue")
    coordinated: defaultdict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(judged, 0))
    for cell in get_kept_status_counts(
        spans.filter(task__coordinating_units__isnull=False),
        as_of=as_of,
        due_soon_days=committee.due_soon_days,
        fields=("task__coordinating_units",),
    ):
        row = coordinated[cell["task__coordinating_units"]]  # a unit with none judged: zeros
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


def get_unit_achievements(committee, as_of: date, *, since: date | None = None) -> dict[int, list]:
    """Each unit's achievement (percent) on each indicator: its latest approved value of
    the year (or of the periods starting from ``since``), against its own target of that
    year or the committee's."""
    values = (
        Observation.objects.filter(
            indicator__committee=committee,
            state=ObservationState.APPROVED,
            period_start__gte=since or date(as_of.year, 1, 1),
            period_start__lte=as_of,
        )
        .select_related("indicator")
        .order_by("indicator_id", "unit_id", "-period_start", "-pk")
    )
    latest: dict[tuple[int, int], Observation] = {}
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


def get_ranking(user, committee, as_of: date, *, settings=None, directing_ids=None):
    """The weights and the units' scores, ranked; a unit without enough data
    (``rules.has_enough_data``) or directing the committee (``get_directing_unit_ids``)
    has no score and no rank. A page that shows them passes what it read already."""
    weights, min_lead_due, evaluate_directing = settings or get_evaluation_settings(committee)
    if directing_ids is None:
        directing_ids = set() if evaluate_directing else get_directing_unit_ids(committee)
    scores = []
    for facts in get_unit_facts(user, committee, as_of):
        score = score_unit(facts, weights)
        if facts.unit_id in directing_ids or not has_enough_data(facts, min_lead_due=min_lead_due):
            score = replace(score, total=None)
        scores.append(score)
    return weights, rank_scores(scores)


# Evaluation per Quy định 366-QĐ/TW ---------------------------------------------------


@dataclass(frozen=True)
class UnitEvaluation:
    """One unit's evaluation for a period: its points, its Article 11 level and why.

    ``score`` and ``rating`` are None when the unit has not enough data to be judged
    ("chưa đủ dữ liệu để đánh giá"); ``directing`` marks the committee's host and its
    People's Committee, listed apart from the units they direct.
    """

    facts: UnitFacts
    lead: LeadFacts
    indicators_with_data: int
    score: Score | None
    rating: Rating | None
    checks: tuple[LevelCheck, ...]
    directing: bool
    rank: int | None = None

    @property
    def unit_id(self) -> int:
        return self.facts.unit_id

    @property
    def total(self) -> Decimal | None:
        return None if self.score is None else self.score.total

    @property
    def enough_data(self) -> bool:
        return self.score is not None

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """The conditions of the level reached (or, for KHTNV, of HTNV, which it missed)."""
        if self.rating is None:
            return ()
        wanted = Rating.HTNV if self.rating == Rating.KHTNV else self.rating
        return next(check.conditions for check in self.checks if check.rating == wanted)


@dataclass(frozen=True)
class EvaluationSheet:
    """A committee's evaluation of its units for a period, as of ``as_of`` (≤ its end)."""

    committee: object
    period: Period
    as_of: date
    weights: Weights
    min_lead_due: int
    evaluate_directing_units: bool
    units: list[UnitEvaluation]

    @property
    def rated(self) -> list[UnitEvaluation]:
        return [u for u in self.units if u.rating is not None and not u.directing]

    @property
    def directing(self) -> list[UnitEvaluation]:
        return [u for u in self.units if u.directing]

    @property
    def without_data(self) -> list[UnitEvaluation]:
        return [u for u in self.units if u.rating is None and not u.directing]

    def count(self, rating: Rating) -> int:
        return sum(1 for u in self.rated if u.rating == rating)


def get_evaluation_settings(committee) -> tuple[Weights, int, bool]:
    """The committee's weights, minimum of lead tasks due, and whether the directing units
    are evaluated with the others (defaults when the committee saved none)."""
    from chidao.dashboards.models import EvaluationWeights

    row = EvaluationWeights.objects.filter(committee=committee).first()
    if row is None:
        return Weights(), DEFAULT_MIN_LEAD_DUE, False
    return row.as_weights(), row.min_lead_due, row.evaluate_directing_units


def get_directing_unit_ids(committee) -> set[int]:
    """The committee's host and the People's Committees: they direct, they are not
    evaluated with the departments (unless the committee chooses so)."""
    ids = set(Unit.objects.filter(kind=UnitKind.PEOPLES_COMMITTEE).values_list("pk", flat=True))
    if committee.host_unit_id:
        ids.add(committee.host_unit_id)
    return ids


_JUDGED = ("done_on_time", "done_late", "overdue")
_ZEROS = {**dict.fromkeys(_JUDGED, 0), "exceeded": 0, "not_met": 0}


def _count_by(tasks, key: str) -> dict[int, dict]:
    """Tasks counted per ``key`` (lead or coordinating unit) × status in the database, with
    how many of the done ones exceeded or missed the requirement (a few rows per unit,
    never one per task)."""
    done = ~Q(status="overdue")
    cells = (
        tasks.order_by()
        .values(key, "status")
        .annotate(
            n=Count("pk"),
            exceeded_n=Count("pk", filter=done & Q(exceeded=True)),
            not_met_n=Count("pk", filter=done & Q(not_met=True)),
        )
    )
    counts: defaultdict[int, dict[str, int]] = defaultdict(lambda: dict(_ZEROS))
    for cell in cells:
        row = counts[cell[key]]
        row[cell["status"]] += cell["n"]
        row["exceeded"] += cell["exceeded_n"]
        row["not_met"] += cell["not_met_n"]
    return counts


def get_period_tasks(committee, period: Period, as_of: date):
    """The tasks of the evaluation (``TaskQuerySet.due_in_period``) with their status as
    of ``as_of`` and whether their output was judged exceeding or not meeting the
    requirement when the completion was accepted."""
    judged_claims = ProgressUpdate.objects.filter(
        task=OuterRef("pk"), claims_completion=True, review_state=ReviewState.ACCEPTED
    )
    return (
        Task.objects.filter(committee=committee)
        .with_status(as_of)
        .due_in_period(period.start)
        .annotate(
            exceeded=Exists(judged_claims.filter(completion_quality=CompletionQuality.EXCEEDED)),
            not_met=Exists(judged_claims.filter(completion_quality=CompletionQuality.NOT_MET)),
        )
    )


def get_evaluation(committee, period: Period, *, today: date) -> EvaluationSheet:
    """Every unit's evaluation for ``period`` of ``committee``, as of the period's end or
    ``today`` if the period has not ended. A fixed number of queries."""
    as_of = min(period.end, today)
    weights, min_lead_due, evaluate_directing = get_evaluation_settings(committee)
    tasks = get_period_tasks(committee, period, as_of)
    lead_counts = _count_by(tasks, "lead_unit")
    coordinating_counts = _count_by(
        tasks.filter(coordinating_units__isnull=False), "coordinating_units"
    )
    required = ReportingCycle.required_units.through.objects.filter(
        reportingcycle__committee=committee,
        reportingcycle__due_on__gte=period.start,
        reportingcycle__due_on__lte=as_of,
    )
    on_time = UnitSubmission.objects.filter(
        cycle=OuterRef("reportingcycle"),
        unit=OuterRef("unit"),
        submitted_at__date__lte=OuterRef("reportingcycle__due_on"),
    )
    reports = {
        row["unit"]: (row["required"], row["on_time_count"])
        for row in required.annotate(on_time=Exists(on_time))
        .order_by()
        .values("unit")
        .annotate(required=Count("pk"), on_time_count=Count("pk", filter=Q(on_time=True)))
    }
    achievements = get_unit_achievements(committee, as_of, since=period.start)
    unit_ids = set(lead_counts) | set(coordinating_counts) | set(reports) | set(achievements)
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    directing_ids = set() if evaluate_directing else get_directing_unit_ids(committee)

    def task_facts(cell) -> TaskFacts:
        return TaskFacts(cell["done_on_time"], cell["done_late"], cell["overdue"])

    units = []
    for pk in unit_ids:
        lead_cell = lead_counts.get(pk) or _ZEROS
        facts = UnitFacts(
            unit_id=pk,
            name=names.get(pk, "—"),
            lead=task_facts(lead_cell),
            coordinating=task_facts(coordinating_counts.get(pk) or _ZEROS),
            reports_required=reports.get(pk, (0, 0))[0],
            reports_on_time=reports.get(pk, (0, 0))[1],
            achievements=tuple(achievements.get(pk, ())),
        )
        lead = LeadFacts(facts.lead, lead_cell["exceeded"], lead_cell["not_met"])
        enough = has_enough_data(facts, min_lead_due=min_lead_due)
        score = score_unit(facts, weights) if enough else None
        total = None if score is None else score.total
        rating, checks = (None, ()) if total is None else rate_unit(total, lead)
        units.append(
            UnitEvaluation(
                facts=facts,
                lead=lead,
                indicators_with_data=len(achievements.get(pk, ())),
                score=score,
                rating=rating,
                checks=checks,
                directing=pk in directing_ids,
            )
        )
    return EvaluationSheet(
        committee=committee,
        period=period,
        as_of=as_of,
        weights=weights,
        min_lead_due=min_lead_due,
        evaluate_directing_units=evaluate_directing,
        units=rank_evaluations(units),
    )


def rank_evaluations(units: list[UnitEvaluation]) -> list[UnitEvaluation]:
    """Rated units first, best score first and ranked (1, 2, 2, 4); then the directing
    units and the units without enough data, by name, unranked."""
    rated = [u for u in units if u.score is not None and not u.directing]
    scores = [u.score for u in rated if u.score is not None]  # all of them
    ranked = {s.facts.unit_id: s.rank for s in rank_scores(scores)}
    rated.sort(key=lambda u: (ranked[u.unit_id], u.facts.name))
    rest = sorted(
        (u for u in units if u.score is None or u.directing),
        key=lambda u: (not u.directing, u.facts.name),
    )
    return [replace(u, rank=ranked[u.unit_id]) for u in rated] + rest
