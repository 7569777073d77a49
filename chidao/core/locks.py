"""Row locks of the write services, taken so that concurrent writes queue, not deadlock.

Django's foreign keys are ``DEFERRABLE INITIALLY DEFERRED`` on PostgreSQL: every row a
transaction inserts (a progress report, a status span, a value) takes ``FOR KEY SHARE``
on the rows it refers to (the task, the committee, the unit) at COMMIT, after all its
other locks. ``FOR KEY SHARE`` waits only for ``FOR UPDATE`` (and deletes, and updates
of a key), so a write that holds a plain ``FOR UPDATE`` on a row others refer to, and
then waits for something those others hold, closes a cycle at their COMMIT. Under the
50-user load that was the committee's row: ``select_for_update()`` locks every row its
query joins, and the indicator values' default ordering joins the indicator, the unit
and the committee (bench/RESULTS.md, "m-deadlock").
"""

from django.db.models import QuerySet
from django.db.models.manager import BaseManager


def lock_for_update(rows: QuerySet | BaseManager, *related: str) -> QuerySet:
    """``rows`` (a queryset or a manager) locking only its own rows and those of the
    ``related`` relations named (``of``: never another row its query joins for a filter,
    an ordering or ``select_related``), and ``FOR NO KEY UPDATE``: the lock of a row
    about to be changed (not deleted, not given a new key), which other transactions'
    foreign-key checks do not wait for. Nothing on SQLite, which locks the whole
    database for a write transaction instead."""
    return rows.select_for_update(of=("self", *related), no_key=True)
