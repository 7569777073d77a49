"""Reporting cycles for tests: opened through the service, with explicit dates."""

from chidao.core.periods import Period, PeriodKind
from chidao.reporting.models import ReportingCycle
from chidao.reporting.services import do_open_cycle


def build_reporting_cycle(
    *, committee, by, units, period: Period | None = None, **options
) -> ReportingCycle:
    """A cycle of Quý III/2025 (window 15/6–14/9/2025, due 18/9/2025) unless told."""
    period = period or Period(PeriodKind.QUARTER, 2025, 3)
    return do_open_cycle(
        committee=committee,
        by=by,
        kind=period.kind,
        period=period,
        required_units=units,
        **options,
    )
