"""The small province most reminder tests run in: the shared world's people
(``core.tests.world.build_base``) and one task with a deadline and an overseer."""

import datetime
from dataclasses import dataclass

import pytest

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_base

DEADLINE = datetime.date(2025, 6, 30)  # a Monday


def get_email(username: str) -> str:
    return f"{username}@example.gov.vn"


@dataclass
class Setting:
    committee: object
    task: object
    officer: object
    head: object
    overseer: object
    secretariat: object
    bystander: object


@pytest.fixture
def setting(db) -> Setting:
    base = build_base()
    lead_unit = base.lead_unit
    lead_unit.short_name = "Sở TC"
    lead_unit.save(update_fields=["short_name"])
    people = {
        "officer": base.users["unit_officer"],
        "head": base.users["unit_head"],
        "overseer": base.users["leader"],
        "secretariat": base.users["secretariat"],
        "bystander": base.users["other_unit_officer"],
    }
    for user in people.values():  # reminders go out by e-mail too
        user.email = get_email(user.username)
        user.save(update_fields=["email"])
    task = TaskFactory(
        committee=base.committee,
        code="II.3.a",
        title="Ban hành kế hoạch chuyển đổi số",
        lead_unit=lead_unit,
        deadline=DEADLINE,
        overseeing_member=base.seats["leader"],
    )
    return Setting(committee=base.committee, task=task, **people)
