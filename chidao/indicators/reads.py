"""What the indicator pages, the dashboard and the reports read about values.

``get_value_series`` and ``get_latest_values`` are the one read of "the committee's value
of an indicator, period by period, up to a date": the dashboard's panel and the
consolidated report both call them, so they print the same figure for the same date.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from chidao.core.periods import Period
from chidao.indicators.choices import Comparator, Direction, ObservationState, Rollup, ValueType
from chidao.indicators.maths import Achievement, ValueSummary, get_achievement, roll_up_summary
from chidao.indicators.models import Indicator, IndicatorRollup, Observation, Target
from chidao.indicators.rollups import read_rollups
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
    return get_achievement(
        value, bound, Direction(indicator.direction), ValueType(indicator.value_type)
    )


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


def get_period_summaries(indicators: list[Indicator], as_of: date) -> dict:
    """The approved values of each indicator and period up to ``as_of``, summed up:
    ``{indicator id: {(period kind, period start): ValueSummary}}``.

    One query over the kept roll-ups (``models.IndicatorRollup``, a row per indicator and
    period, written by every write that changes the approved values from
    ``rollups.summarize_approved``: a unit's value is left out where its parent unit
    reported the same period).
    """
    rows = IndicatorRollup.objects.filter(
        indicator__in=[i.pk for i in indicators], period_start__lte=as_of
    ).order_by()
    summaries: defaultdict[int, dict[tuple[str, date], ValueSummary]] = defaultdict(dict)
    for (indicator_id, kind, start), summary in read_rollups(rows).items():
        summaries[indicator_id][(kind, start)] = summary
    return summaries


def roll_period(indicator: Indicator, summary: ValueSummary) -> Decimal | None:
    """The committee's value of one period from its units' values (the indicator's rule)."""
    if summary.count == 1:
        return summary.lowest
    method = Rollup(indicator.rollup)
    if method == Rollup.WEIGHTED_MEAN:  # no weights are stored per value: a plain mean
        method = Rollup.MEAN
    return roll_up_summary(summary, method)


@dataclass(frozen=True)
class PeriodValue:
    """The committee's value of an indicator for one period."""

    period: Period
    value: Decimal


@dataclass(frozen=True)
class KnownValue:
    """The latest value known on a date, with its period; ``stale`` when a newer one was
    due: the period after the value's has ended by the date with no value for it."""

    period: Period
    value: Decimal
    stale: bool


def get_value_series(indicators: list[Indicator], as_of: date) -> dict[int, list[PeriodValue]]:
    """Each indicator's values period by period up to ``as_of``, oldest first (three
    queries at most, whatever the number of units: see ``get_period_summaries``)."""
    summaries = get_period_summaries(indicators, as_of)
    series = {}
    for indicator in indicators:
        points = []
        by_start = sorted(summaries[indicator.pk].items(), key=lambda item: item[0][::-1])
        for (kind, start), summary in by_start:
            value = roll_period(indicator, summary)
            if value is not None:
                points.append(PeriodValue(Period.from_start(kind, start), value))
        series[indicator.pk] = points
    return series


def is_stale(period: Period, as_of: date) -> bool:
    """A value is older than its cycle when the next period of its kind has ended by
    ``as_of`` (a monthly value of July is stale at 30/9, August's is not)."""
    return period.next().end < as_of


def get_latest_values(indicators: list[Indicator], as_of: date) -> dict[int, KnownValue | None]:
    """The latest value of each indicator known as of ``as_of``, with its period; None
    where no value exists at all."""
    latest = {}
    for pk, points in get_value_series(indicators, as_of).items():
        last = points[-1] if points else None
        latest[pk] = (
            None
            if last is None
            else KnownValue(last.period, last.value, is_stale(last.period, as_of))
        )
    return latest
