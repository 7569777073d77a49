"""The kept roll-ups of indicator values (``models.IndicatorRollup``).

``summarize_approved`` is the one aggregate of approved values per indicator and period;
``record_indicator_rollups`` writes its result for the periods a write touched, in the
write's transaction; ``find_rollup_mismatches`` and ``rebuild_indicator_rollups`` check
and rebuild them (``manage.py rebuild_status_counts``).
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Sum

from chidao.committees.versions import INDICATORS, bump_counts_versions
from chidao.indicators.choices import ObservationState
from chidao.indicators.maths import ValueSummary
from chidao.indicators.models import Indicator, IndicatorRollup, Observation

# (indicator id, period kind, period start): one cell of the roll-up.
Cell = tuple[int, str, date]

PLACES = Observation._meta.get_field("value").decimal_places


def summarize_approved(observations) -> dict[Cell, ValueSummary]:
    """The approved values among ``observations`` summed up per indicator and period.

    One aggregate query (a few rows per indicator and period, never one per unit), plus
    one for the last entered value of each period. The values of a period all share its
    date, so "latest" is the one entered last: the highest id, as ``roll_up`` breaks ties
    by the order of entry. A unit's value is left out where its parent unit reported the
    same period. ``observations`` may be of a migration's historical model.
    """
    model = observations.model
    # Where a unit and the units below it both report (the province its total, the
    # communes theirs), the upper unit's value stands for them: counting both would
    # count the communes twice.
    upper = model.objects.filter(
        indicator=OuterRef("indicator"),
        unit=OuterRef("unit__parent"),
        period_kind=OuterRef("period_kind"),
        period_start=OuterRef("period_start"),
        state=ObservationState.APPROVED,
    )
    approved = observations.filter(state=ObservationState.APPROVED).exclude(Exists(upper))
    cells = list(
        approved.order_by()
        .values("indicator_id", "period_kind", "period_start")
        .annotate(
            count=Count("pk"),
            total=Sum("value"),
            lowest=Min("value"),
            highest=Max("value"),
            last_pk=Max("pk"),
        )
    )
    last_values = dict(
        model.objects.filter(pk__in=[cell["last_pk"] for cell in cells])
        .order_by()
        .values_list("pk", "value")
    )
    return {
        (cell["indicator_id"], cell["period_kind"], cell["period_start"]): ValueSummary(
            count=cell["count"],
            total=cell["total"],
            lowest=cell["lowest"],
            highest=cell["highest"],
            last=last_values.get(cell["last_pk"]),
            places=PLACES,
        )
        for cell in cells
    }


@transaction.atomic
def record_indicator_rollups(cells: Iterable[Cell | Observation]) -> None:
    """Write again the roll-ups of the periods ``cells`` name (cells, or observations
    whose indicator and period are meant), from the approved values saved.

    Call it in the transaction of any write that approves a value, changes or removes an
    approved one, or takes one back to draft; a bulk write passes all its values at once.
    """
    keys = {
        cell
        if isinstance(cell, tuple)
        else (cell.indicator_id, cell.period_kind, cell.period_start)
        for cell in cells
    }
    keys_list = sorted(keys)
    for start in range(0, len(keys_list), 100):
        chunk = keys_list[start : start + 100]  # SQLite's expression depth: 100 ORs
        where = Q()
        for indicator_id, kind, period_start in chunk:
            where |= Q(indicator_id=indicator_id, period_kind=kind, period_start=period_start)
        IndicatorRollup.objects.filter(where).delete()
        _write(summarize_approved(Observation.objects.filter(where)))
    # The dashboards' indicator panels are cached under the committee's indicators version
    # (the other panels stay cached: a value changes no task count).
    committees = Indicator.objects.filter(pk__in={key[0] for key in keys}).values_list(
        "committee_id", flat=True
    )
    bump_counts_versions({pk for pk in committees if pk is not None}, kinds=[INDICATORS])


def fill_rollups(apps, schema_editor) -> None:
    """The migration's step that writes the roll-ups of the values already saved."""
    _write(
        summarize_approved(apps.get_model("indicators", "Observation").objects.all()),
        apps.get_model("indicators", "IndicatorRollup"),
    )


def rebuild_indicator_rollups(indicators=None) -> int:
    """Write every roll-up of ``indicators`` (a queryset; all when ``None``) again."""
    rows = IndicatorRollup.objects.all()
    observations = Observation.objects.all()
    if indicators is not None:
        rows = rows.filter(indicator__in=indicators)
        observations = observations.filter(indicator__in=indicators)
    with transaction.atomic():
        rows.delete()
        return _write(summarize_approved(observations))


Mismatch = tuple[Cell, ValueSummary | None, ValueSummary | None]


def find_rollup_mismatches(indicators=None) -> list[Mismatch]:
    """Cells whose kept roll-up is not the aggregate of the approved values:
    ``(cell, expected, kept)``, ``None`` where there is none."""
    rows = IndicatorRollup.objects.all()
    observations = Observation.objects.all()
    if indicators is not None:
        rows = rows.filter(indicator__in=indicators)
        observations = observations.filter(indicator__in=indicators)
    expected = summarize_approved(observations)
    kept = read_rollups(rows)
    return [
        (cell, expected.get(cell), kept.get(cell))
        for cell in sorted(expected.keys() | kept.keys())
        if expected.get(cell) != kept.get(cell)
    ]


def read_rollups(rows) -> dict[Cell, ValueSummary]:
    """Kept roll-up rows (a queryset of ``IndicatorRollup``) as ``summarize_approved``
    gives them. Read as tuples: a model object per row was half the dashboard's
    indicator panel (~1,000 rows for a province)."""
    return {
        (indicator_id, kind, start): ValueSummary(
            count=count, total=total, lowest=lowest, highest=highest, last=last, places=PLACES
        )
        for indicator_id, kind, start, count, total, lowest, highest, last in rows.values_list(
            "indicator_id",
            "period_kind",
            "period_start",
            "count",
            "total",
            "lowest",
            "highest",
            "last",
        )
    }


def _write(summaries: dict[Cell, ValueSummary], model=IndicatorRollup) -> int:
    model.objects.bulk_create(
        [
            model(
                indicator_id=indicator_id,
                period_kind=kind,
                period_start=period_start,
                count=summary.count,
                total=summary.total,
                lowest=summary.lowest,
                highest=summary.highest,
                last=summary.last,
            )
            for (indicator_id, kind, period_start), summary in summaries.items()
        ],
        batch_size=2000,
    )
    return len(summaries)
