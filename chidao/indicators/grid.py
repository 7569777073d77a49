"""Reads behind the data-entry grid: which periods a unit fills in, and its rows.

Plain reads; the writes are in ``services``. The grid shows the open periods of every
frequency the unit reports (``entry.get_open_periods``) and any closed period holding a
value the secretariat returned, since returning a value reopens it for the unit.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError

from chidao.core.periods import Period, PeriodKind
from chidao.indicators.entry import get_open_periods
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.services import (
    EDITABLE_STATES,
    evidence_field,
    may_edit,
    value_field,
    version_field,
)
from chidao.indicators.targets import format_number


@dataclass
class GridRow:
    """One indicator's line in the grid: what is stored, what was typed, what is wrong."""

    indicator: Indicator
    observation: Observation | None
    editable: bool
    value: str = ""
    note: str = ""
    # The value's version as the user loaded it (0: empty), sent back with the grid.
    version: int = 0
    errors: list[str] = field(default_factory=list)
    evidence_errors: list[str] = field(default_factory=list)

    @property
    def is_returned(self) -> bool:
        return bool(
            self.observation
            and self.observation.return_reason
            and self.observation.state in EDITABLE_STATES
        )


def get_period_key(period: Period) -> str:
    """How a period travels in a URL or a form: "quarter-2026-10-01"."""
    return f"{period.kind.value}-{period.start.isoformat()}"


def parse_period_key(text: str | None) -> Period | None:
    kind, _sep, start = (text or "").partition("-")
    try:
        return Period.from_start(PeriodKind(kind), date.fromisoformat(start))
    except (ValueError, ValidationError):
        return None


def get_reported_indicators(unit):
    return (
        Indicator.objects.reported_by(unit.pk)
        .select_related("committee")
        .order_by("committee__name", "code")
    )


def get_grid_periods(unit, indicators, today: date) -> list[Period]:
    """Open periods of the unit's indicators' frequencies, plus periods with returned
    values: the nearest deadline first, a quarter before the year ending with it."""
    grace_days = settings.CHIDAO_OBSERVATION_GRACE_DAYS
    periods = set()
    for kind in {indicator.frequency for indicator in indicators}:
        periods.update(get_open_periods(kind, today, grace_days=grace_days))
    returned = (
        Observation.objects.filter(unit=unit, indicator__in=indicators, state__in=EDITABLE_STATES)
        .exclude(return_reason="")
        .values_list("period_kind", "period_start")
        .distinct()
    )
    periods.update(Period.from_start(kind, start) for kind, start in returned)
    return sorted(periods, key=lambda period: (period.end, -period.start.toordinal()))


def get_grid_rows(unit, indicators, period: Period, today: date, data=None, errors=None):
    """The grid's rows for ``period``; ``data`` and ``errors`` replay a refused post."""
    errors = errors or {}
    rows_indicators = [i for i in indicators if i.frequency == period.kind]
    observations = {
        obs.indicator_id: obs
        for obs in Observation.objects.filter(
            unit=unit,
            period_kind=period.kind,
            period_start=period.start,
            indicator__in=rows_indicators,
        )
    }
    rows = []
    for indicator in rows_indicators:
        observation = observations.get(indicator.pk)
        if observation is not None:
            observation.indicator = indicator
        row = GridRow(
            indicator=indicator,
            observation=observation,
            editable=may_edit(observation, period, today),
            value=format_number(observation.value.normalize()) if observation else "",
            note=observation.note if observation else "",
            version=observation.version if observation else 0,
            errors=errors.get(value_field(indicator.pk), []),
            evidence_errors=errors.get(evidence_field(indicator.pk), []),
        )
        if observation is not None and indicator.value_type == "boolean":
            row.value = "1" if observation.value else "0"
        if data is not None and row.editable:
            row.value = data.get(value_field(indicator.pk), "")
            row.note = data.get(f"note-{indicator.pk}", "")
            # A refused grid keeps the versions it was loaded with, unless a conflict
            # gave the current ones: saving again must not slip past a newer value.
            posted = data.get(version_field(indicator.pk), "")
            row.version = int(posted) if posted.isdigit() else row.version
        rows.append(row)
    return rows
