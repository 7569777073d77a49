"""What the write services hold when they queue at their tree's root (``core.locks``).

A write queues at the root row of its committee tree's counts versions
(``committees.versions``) and holds it to COMMIT. Another write of the tree, already
past the root, checks its foreign keys at its own COMMIT (``FOR KEY SHARE`` on the
task, the committee, the unit it refers to). If the first held a lock those checks wait
for, each would wait for the other: the deadlock of the 50-user load ("while locking
tuple (0,2) in relation committees_committee", bench/RESULTS.md, "m-deadlock").

So, at the moment each write reaches the root, a second connection must be able to take
``FOR KEY SHARE NOWAIT`` on every row such a check reads. PostgreSQL only: SQLite has no
row locks (a write transaction holds the whole database); the PostgreSQL pass of CI
(``.ci/run``) runs these.
"""

import datetime
from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections

from chidao.assignments.choices import ReviewState
from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.services import do_review_progress, do_submit_progress, do_update_task
from chidao.committees import versions
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.world import build_world
from chidao.indicators import services as indicator_services
from chidao.indicators.models import Observation
from chidao.indicators.services import ObservationEntry, do_save_observations
from chidao.indicators.tests.factories import IndicatorFactory

pytestmark = [
    # Committed rows: the probing connection must see them.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; run in the PostgreSQL pass of .ci/run",
    ),
]

Q4 = datetime.date(2025, 10, 1)


def refused(rows, mode: str = "KEY SHARE") -> list[str]:
    """The rows (model instances) another connection cannot lock ``FOR <mode>`` at once."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        found = []
        for row in rows:
            table = row._meta.db_table
            try:
                with other.cursor() as cursor:
                    sql = f'SELECT 1 FROM "{table}" WHERE id = %s FOR {mode} NOWAIT'
                    cursor.execute(sql, [row.pk])
            except OperationalError:
                found.append(f"{table} {row.pk}")
        return found
    finally:
        other.close()


@pytest.fixture
def at_the_root():
    """Calls ``probe()`` each time a write reaches its tree's root; returns the results."""
    seen: list = []
    real = versions._bump

    def probing(probe):
        def bump(*args, **kwargs):
            seen.append(probe())
            return real(*args, **kwargs)

        return mock.patch.object(versions, "_bump", bump)

    # The results ride on the fixture's function, so a test reads them beside its probe.
    probing.seen = seen  # type: ignore[attr-defined]
    return probing


@pytest.fixture
def world(settings, tmp_path, time_machine):
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def test_an_indicator_value_saved_again_leaves_the_committee_unit_and_indicator_free(
    world, at_the_root
):
    # Its lock on the value joined the committee, the unit and the indicator (the values'
    # default ordering) and locked their rows FOR UPDATE: every report's COMMIT waited.
    indicator = IndicatorFactory(
        committee=world.committee, responsible_unit=world.lead_unit, frequency=PeriodKind.QUARTER
    )
    officer = world.users["unit_officer"]
    period = Period.from_start(PeriodKind.QUARTER, Q4)

    def save(value: str, submit: bool = False):
        return do_save_observations(
            by=officer,
            unit=world.lead_unit,
            period=period,
            entries=[ObservationEntry(indicator_id=indicator.pk, value=value)],
            submit=submit,
        )

    save("40")
    referred = [world.committee, world.lead_unit, indicator]
    with at_the_root(lambda: refused(referred)):
        save("45")
    # Submitting locks the unit's drafts again (with their indicators read alongside).
    real_submit = indicator_services.do_submit_observations
    after_submit: list = []

    def submit(**kwargs):
        result = real_submit(**kwargs)
        after_submit.append(refused(referred))
        return result

    with mock.patch.object(indicator_services, "do_submit_observations", submit):
        save("50", submit=True)

    assert at_the_root.seen == [[]]
    assert after_submit == [[]]
    assert Observation.objects.get(indicator=indicator).value == 50


def test_a_task_change_leaves_the_task_free_for_other_writes_foreign_keys(world, at_the_root):
    task = Task.objects.get(pk=world.task.pk)
    with at_the_root(lambda: refused([task, world.committee, world.lead_unit])):
        do_update_task(task=task, by=world.users["secretariat"], is_key=not task.is_key)

    assert at_the_root.seen
    assert all(found == [] for found in at_the_root.seen)


def test_a_review_leaves_the_report_and_its_task_free_for_other_writes_foreign_keys(
    world, at_the_root
):
    update = do_submit_progress(
        task=world.task,
        unit=world.lead_unit,
        by=world.users["unit_officer"],
        reported_on=datetime.date(2025, 11, 20),
        percent=30,
        results="Đã lập kế hoạch.",
    )
    assert update.review_state == ReviewState.SUBMITTED
    with at_the_root(lambda: refused([update, world.task, world.committee])):
        do_review_progress(update=update, by=world.users["secretariat"], accept=True)

    assert at_the_root.seen
    assert all(found == [] for found in at_the_root.seen)
    assert ProgressUpdate.objects.get(pk=update.pk).review_state == ReviewState.ACCEPTED


def test_a_progress_report_holds_its_task_before_it_reaches_the_root(world, at_the_root):
    # A review, a task change, a deadline decision lock the task and then the root; a
    # report that took the root first and the task after (the lead's report moves the
    # task's percent) could hold what one of them waits for, and wait for what it holds.
    task = world.task
    with at_the_root(lambda: refused([task], mode="NO KEY UPDATE")):
        do_submit_progress(
            task=task,
            unit=world.lead_unit,
            by=world.users["unit_officer"],
            reported_on=datetime.date(2025, 11, 20),
            percent=35,
            results="Đã lập kế hoạch.",
        )

    assert at_the_root.seen
    assert all(found == [f"assignments_task {task.pk}"] for found in at_the_root.seen)
