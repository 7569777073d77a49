"""The version of what a committee's dashboard counts (``models.CountsVersion``).

Every write that changes a committee's task statuses, progress, dependencies or indicator
values calls ``bump_counts_versions`` in its transaction; the dashboard caches its panels
under ``get_counts_version``, so a write is seen at the next view.
"""

import secrets
from collections.abc import Iterable

from chidao.committees.models import Committee, CountsVersion


def get_counts_version(committee: int) -> int | None:
    """The version of a committee's counts; ``None`` if never written."""
    return (
        CountsVersion.objects.filter(committee=committee).values_list("version", flat=True).first()
    )


def get_committee_chains(committees: Iterable[int]) -> dict[int, list[int]]:
    """Each committee with those above it, itself first (committees nest three deep)."""
    rows = Committee.objects.filter(pk__in=list(committees)).values_list(
        "pk", "parent_id", "parent__parent_id", "parent__parent__parent_id"
    )
    return {pk: [pk, *above] for pk, *above in rows}


def bump_counts_versions(committees: Iterable[int], *, with_above: bool = True) -> None:
    """Change the counts' version of ``committees`` (and of those above them: their
    dashboards roll the counts up). Row locks are taken in pk order, so concurrent writers
    queue rather than deadlock; the lock is also what serialises writers of the same kept
    tallies. A random number, not the next one: a cache that outlives the database (a
    committee deleted and its number taken again, a test database) never meets a version
    it saw before."""
    pks = set(committees)
    if with_above:
        pks = {pk for chain in get_committee_chains(pks).values() for pk in chain if pk}
    ordered = sorted(pks)
    CountsVersion.objects.bulk_create(
        [CountsVersion(committee_id=pk) for pk in ordered], ignore_conflicts=True
    )
    for pk in ordered:
        CountsVersion.objects.filter(committee_id=pk).update(version=secrets.randbits(62))
