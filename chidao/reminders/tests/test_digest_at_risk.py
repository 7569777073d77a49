"""The weekly digest lists each unit's tasks at risk, with the main reasons."""

import datetime

import pytest

from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.core.tests.world import build_world
from chidao.reminders.digests import get_digest

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2026-06-01 09:00 +07:00", tick=False)
    return build_world()


def section(digest, title):
    return next(s for s in digest.sections if s.title == title)


def test_each_unit_reads_its_own_tasks_at_risk_and_the_secretariat_every_units(world):
    slow = TaskFactory(
        committee=world.committee,
        code="R.1",
        lead_unit=world.lead_unit,
        assigned_on=datetime.date(2026, 1, 1),
        deadline=datetime.date(2026, 8, 31),
    )
    ProgressUpdateFactory(task=slow, reported_on=datetime.date(2026, 5, 20), percent=10)
    other = TaskFactory(
        committee=world.committee,
        code="R.2",
        lead_unit=world.other_unit,
        assigned_on=datetime.date(2026, 1, 1),
        deadline=datetime.date(2026, 8, 31),
    )
    ProgressUpdateFactory(task=other, reported_on=datetime.date(2026, 5, 20), percent=10)

    unit = section(get_digest(world.users["unit_officer"], TODAY), "Nhiệm vụ có nguy cơ chậm")
    secretariat = section(get_digest(world.users["secretariat"], TODAY), "Nhiệm vụ có nguy cơ chậm")

    assert [item["label"].split()[0] for item in unit.items] == ["R.1"]
    assert "tiến độ 10 % khi đã qua" in unit.items[0]["note"]
    assert {item["label"].split()[0] for item in secretariat.items} >= {"R.1", "R.2"}
    assert {item["unit"] for item in secretariat.items} >= {"Sở Tài chính", "Sở Y tế"}
