"""What the indicator page shows: targets, latest approved values and their achievement."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from chidao.indicators.choices import Comparator, ObservationState
from chidao.indicators.maths import Achievement, get_achievement
from chidao.indicators.models import Indicator, Observation, Target
from chidao.indicators.targets import TargetBound


@dataclass(frozen=True)
class LatestValue:
    """A unit's latest approved value, judged against the target of its year."""

    observation: Observation
    target: Target | None
    achievement: Achievement


def get_target_bound(target: Target | None) -> TargetBound | None:
    """The clause a value is judged against: the first quantitative one, if any."""
    if target is None:
        return None
    try:
        bounds = target.bounds
    except ValidationError:
        return None
    quantitative = [b for b in bounds if b.comparator != Comparator.QUALITATIVE]
    return (quantitative or list(bounds))[0]


def judge(indicator: Indicator, value: Decimal, target: Target | None) -> Achievement:
    bound = get_target_bound(target)
    if bound is None:
        return Achievement(ratio=None, met=None)
    return get_achievement(value, bound, indicator.direction, indicator.value_type)


def get_indicator_summary(indicator: Indicator, observations) -> dict:
    """The detail page's context; ``observations`` are those the user may read."""
    targets = list(indicator.targets.select_related("unit").order_by("year", "unit__name"))
    general = {t.year: t for t in targets if t.unit_id is None}
    by_unit = {(t.unit_id, t.year): t for t in targets if t.unit_id is not None}
    values = list(
        observations.filter(indicator=indicator)
        .select_related("unit")
        .order_by("-period_start", "unit__name")
    )
    latest = {}
    for observation in values:
        if observation.state == ObservationState.APPROVED and observation.unit_id not in latest:
            latest[observation.unit_id] = observation
    latest_values = []
    for observation in sorted(latest.values(), key=lambda o: o.unit.name):
        observation.indicator = indicator
        year = observation.period_start.year
        target = by_unit.get((observation.unit_id, year)) or general.get(year)
        latest_values.append(
            LatestValue(observation, target, judge(indicator, observation.value, target))
        )
    for observation in values:
        observation.indicator = indicator
    return {
        "indicator": indicator,
        "targets": targets,
        "latest_values": latest_values,
        "values": values,
    }
