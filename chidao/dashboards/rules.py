"""Unit evaluation (chấm điểm, xếp hạng, DESIGN.md §4): pure scoring functions.

A unit's score is a weighted mean of four criteria, each on a 0–100 scale:

* **on-time completion** (``on_time``): tasks done on time ÷ tasks due (done + overdue),
  the Government Office's denominator; tasks within their deadline are left out;
* **overdue** (``overdue``): ``100 − penalty × overdue tasks``, never below 0;
* **reporting timeliness** (``reporting``): reports sent by the cycle's due date ÷
  reports required of the unit;
* **indicator achievement** (``indicators``): mean achievement of the unit's latest
  approved values against their targets, each capped at 100.

The two task criteria are computed separately for the tasks a unit leads and those it
coordinates and combined with the lead and coordinating weights. A criterion without
data (no task due, no report required, no value) is left out and the other weights are
scaled up, so a unit is never punished for what it was not asked to do; a unit with no
criterion at all has no score and is ranked last.

Ties: scores are compared rounded to 0,1; equal scores share a rank and the next rank
skips ("1, 2, 2, 4"), the way competition rankings are written.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CRITERIA = ("on_time", "overdue", "reporting", "indicators")

# The documented defaults (docs in the page's formula block): completing on time weighs
# most; leading a task counts twice as much as coordinating it.
DEFAULT_WEIGHTS = {
    "on_time": Decimal(40),
    "overdue": Decimal(20),
    "reporting": Decimal(20),
    "indicators": Decimal(20),
    "lead": Decimal(2),
    "coordinating": Decimal(1),
    "overdue_penalty": Decimal(10),
}

# Not enough data is not a score: by default a unit needs at least one task due as lead in
# the period to be scored (the committee changes it, ``EvaluationWeights.min_lead_due``).
DEFAULT_MIN_LEAD_DUE = 1

_ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Weights:
    """Weights of the criteria and of the two roles; the overdue penalty in points."""

    on_time: Decimal = DEFAULT_WEIGHTS["on_time"]
    overdue: Decimal = DEFAULT_WEIGHTS["overdue"]
    reporting: Decimal = DEFAULT_WEIGHTS["reporting"]
    indicators: Decimal = DEFAULT_WEIGHTS["indicators"]
    lead: Decimal = DEFAULT_WEIGHTS["lead"]
    coordinating: Decimal = DEFAULT_WEIGHTS["coordinating"]
    overdue_penalty: Decimal = DEFAULT_WEIGHTS["overdue_penalty"]


@dataclass(frozen=True)
class TaskFacts:
    """Counts of one unit's tasks in one role (lead or coordinating) as of the date."""

    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0

    @property
    def due(self) -> int:
        return self.done_on_time + self.done_late + self.overdue


@dataclass(frozen=True)
class UnitFacts:
    """Everything a unit's score is computed from."""

    unit_id: int
    name: str
    lead: TaskFacts = TaskFacts()
    coordinating: TaskFacts = TaskFacts()
    reports_required: int = 0
    reports_on_time: int = 0
    achievements: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class Part:
    """One criterion of a score: its value (None: no data) and its weight in the sum."""

    criterion: str
    value: Decimal | None
    weight: Decimal

    @property
    def points(self) -> Decimal | None:
        """What the part adds to the score once weights are scaled to the parts present."""
        return None if self.value is None else self.value * self.weight


@dataclass(frozen=True)
class Score:
    facts: UnitFacts
    parts: tuple[Part, ...]
    total: Decimal | None
    rank: int | None = None

    def part(self, criterion: str) -> Part:
        return next(p for p in self.parts if p.criterion == criterion)


def _round(value) -> Decimal:
    return Decimal(value).quantize(_ONE_PLACE, rounding=ROUND_HALF_UP)


def get_on_time_value(facts: TaskFacts) -> Decimal | None:
    """Done on time ÷ due, in percent; None when nothing is due."""
    if facts.due == 0:
        return None
    return Decimal(100) * facts.done_on_time / facts.due


def get_overdue_value(facts: TaskFacts, penalty: Decimal) -> Decimal | None:
    """100 less ``penalty`` points per overdue task, floored at 0; None when nothing is due."""
    if facts.due == 0:
        return None
    return max(Decimal(0), Decimal(100) - penalty * facts.overdue)


def combine_roles(
    lead: Decimal | None, coordinating: Decimal | None, weights: Weights
) -> Decimal | None:
    """The lead and coordinating values of a criterion, weighted; a missing side drops out."""
    sides = ((lead, weights.lead), (coordinating, weights.coordinating))
    present = [(v, w) for v, w in sides if v is not None and w > 0]
    if not present:
        return None
    total_weight = sum((w for _v, w in present), Decimal(0))
    return sum((v * w for v, w in present), Decimal(0)) / total_weight


def score_unit(facts: UnitFacts, weights: Weights) -> Score:
    """The unit's score and its parts (each part rounded to 0,1 for display)."""
    on_time = combine_roles(
        get_on_time_value(facts.lead), get_on_time_value(facts.coordinating), weights
    )
    overdue = combine_roles(
        get_overdue_value(facts.lead, weights.overdue_penalty),
        get_overdue_value(facts.coordinating, weights.overdue_penalty),
        weights,
    )
    reporting = (
        Decimal(100) * facts.reports_on_time / facts.reports_required
        if facts.reports_required
        else None
    )
    indicators = (
        sum(min(a, Decimal(100)) for a in facts.achievements) / len(facts.achievements)
        if facts.achievements
        else None
    )
    values = {
        "on_time": on_time,
        "overdue": overdue,
        "reporting": reporting,
        "indicators": indicators,
    }
    parts = tuple(
        Part(c, None if values[c] is None else _round(values[c]), getattr(weights, c))
        for c in CRITERIA
    )
    present = [(values[c], getattr(weights, c)) for c in CRITERIA if values[c] is not None]
    present = [(v, w) for v, w in present if w > 0]
    total = (
        _round(sum(v * w for v, w in present) / sum(w for _v, w in present)) if present else None
    )
    return Score(facts=facts, parts=parts, total=total)


def _total(score: Score) -> Decimal:
    """The total of a score known to have one."""
    assert score.total is not None
    return score.total


def has_enough_data(facts: UnitFacts, *, min_lead_due: int = DEFAULT_MIN_LEAD_DUE) -> bool:
    """Whether a unit can be scored at all ("chưa đủ dữ liệu để đánh giá" otherwise).

    A unit with no task due (lead or coordinating), no report due and no indicator value
    has nothing to be judged on: scoring it 100 would rank it above units that worked. The
    committee's minimum of lead tasks due applies on top.
    """
    has_any = facts.lead.due or facts.coordinating.due or facts.reports_required
    return bool(has_any or facts.achievements) and facts.lead.due >= min_lead_due


def rank_scores(scores: list[Score]) -> list[Score]:
    """Order by score, best first (ties by name), and give competition ranks (1, 2, 2, 4).

    Units without a score come last, unranked.
    """
    scored = [s for s in scores if s.total is not None]
    scored.sort(key=lambda s: (-_total(s), s.facts.name))
    unscored = sorted((s for s in scores if s.total is None), key=lambda s: s.facts.name)
    ranked: list[Score] = []
    for position, score in enumerate(scored, start=1):
        tied = ranked and ranked[-1].total == score.total
        rank = ranked[-1].rank if tied else position
        ranked.append(Score(score.facts, score.parts, score.total, rank))
    return ranked + unscored
