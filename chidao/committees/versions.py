"""The versions of what a committee's dashboard shows (``models.CountsVersion``).

One version per kind of change, so that a write invalidates only the panels it changes:
``STATUSES`` (task status spans and tallies), ``REPORTS`` (progress reports, dependencies,
early-warning settings), ``INDICATORS`` (indicator roll-ups), ``HISTORY`` (status spans
changed on a day a year back or more: ``is_history``). Every write calls
``bump_counts_versions`` with the kinds it changes, in its transaction; the dashboard
caches each panel under the versions it reads (``get_counts_versions``), so a write is
seen at the next view and the other panels stay cached.
"""

import secrets
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction

from chidao.committees.models import Committee, CountsVersion

STATUSES = "statuses"
REPORTS = "reports"
INDICATORS = "indicators"
# Changed, with ``STATUSES``, by a write that moves a status span on a day that
# ``is_history``: last year's figures on a dashboard (a year back from a date no later
# than today) stay cached through the writes of this year, which is almost all of them.
HISTORY = "history"
KINDS = (STATUSES, REPORTS, INDICATORS, HISTORY)

# Days past the same day last year that still count as history: room for a clock or a
# time zone a day off between the server that cached and the one that writes, and for
# 29 February.
HISTORY_MARGIN_DAYS = 7


def _year_ago(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def is_history(day: date, today: date) -> bool:
    """Whether a write today that changes the status spans from ``day`` on must change
    the ``HISTORY`` version (with ``STATUSES``): ``day`` is a year back or more, give or
    take the margin."""
    return day <= _year_ago(today) + timedelta(days=HISTORY_MARGIN_DAYS)


def is_settled(day: date, today: date) -> bool:
    """Whether a figure of the status spans as of ``day``, computed today, may be cached
    under the ``HISTORY`` version instead of ``STATUSES``: ``day`` is a year before today
    or earlier, so every later write that changes it changes a span on or before
    ``day``, which ``is_history`` then (today only moves forward; the margin covers a
    clock a few days off)."""
    return day <= _year_ago(today)


def get_counts_versions(committee: int) -> dict[str, int] | None:
    """The versions of a committee's counts by kind; ``None`` if never written."""
    row = CountsVersion.objects.filter(committee=committee).values_list(*KINDS).first()
    return None if row is None else dict(zip(KINDS, row, strict=True))


def get_committee_chains(committees: Iterable[int]) -> dict[int, list[int]]:
    """Each committee with those above it, itself first (committees nest three deep)."""
    rows = Committee.objects.filter(pk__in=list(committees)).values_list(
        "pk", "parent_id", "parent__parent_id", "parent__parent__parent_id"
    )
    return {pk: [pk, *above] for pk, *above in rows}


def bump_counts_versions(
    committees: Iterable[int], *, kinds: Iterable[str], with_above: bool = True
) -> None:
    """Change the ``kinds`` versions of ``committees`` (and of those above them: their
    dashboards roll the counts up). The tree's root row is locked first, then the rows in
    pk order, so concurrent writers queue rather than deadlock; the lock is also what
    serialises writers of the same kept tallies. A random number, not the next one: a
    cache that outlives the database (a committee deleted and its number taken again, a
    test database) never meets a version it saw before."""
    kinds = tuple(kinds)
    unknown = set(kinds) - set(KINDS)
    if unknown or not kinds:
        raise ValueError(f"kinds of counts version: {sorted(unknown) or 'none given'}")
    # In the write's own transaction when there is one (no savepoint: the bump is part of
    # the write); in a short one of its own for a save outside any (the shell, a fixture),
    # where the root's lock could not be taken otherwise.
    with transaction.atomic(savepoint=False):
        _bump(set(committees), kinds, with_above)


def _bump(pks: set[int], kinds: tuple[str, ...], with_above: bool) -> None:
    chains = get_committee_chains(pks)
    if with_above:
        pks = {pk for chain in chains.values() for pk in chain if pk}
    # The root of each tree is locked first, by every call: whoever holds it has that
    # tree's rows to itself. Rows in pk order alone deadlocked under load (bench/RESULTS.md,
    # "Deadlock"), because one transaction bumps more than once (a progress report, then
    # the spans it moves) and its calls' rows together are not in pk order.
    roots = sorted({[pk for pk in chain if pk][-1] for chain in chains.values()})
    ordered = sorted(pks)
    # A missing row is inserted: the roots' before their lock (waiting on another
    # writer's uncommitted root is waiting for the root's holder), the others' after it.
    # Inserted together before the lock, two writers each waited on a row the other had
    # inserted and not committed, outside the root-first order (m-cpu's load run).
    _insert_missing(roots)
    locked = CountsVersion.objects.select_for_update().filter(committee_id__in=roots)
    list(locked.order_by("committee_id").values_list("pk", flat=True))
    _insert_missing(sorted(pks - set(roots)))
    for pk in ordered:
        CountsVersion.objects.filter(committee_id=pk).update(
            **{kind: secrets.randbits(62) for kind in kinds}
        )


def _insert_missing(pks: list[int]) -> None:
    if pks:
        CountsVersion.objects.bulk_create(
            [CountsVersion(committee_id=pk) for pk in pks], ignore_conflicts=True
        )
