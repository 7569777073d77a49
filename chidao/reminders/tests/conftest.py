"""The small province most reminder tests run in."""

import datetime
from dataclasses import dataclass

import pytest

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory

DEADLINE = datetime.date(2025, 6, 30)  # a Monday


def make_user(username, unit, *, is_unit_leader=False):
    person = PersonFactory(unit=unit, is_unit_leader=is_unit_leader)
    return UserFactory(username=username, person=person, email=f"{username}@example.gov.vn")


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
    science = UnitFactory(name="Sở Khoa học và Công nghệ")
    lead_unit = UnitFactory(name="Sở Tài chính", short_name="Sở TC")
    committee = CommitteeFactory(standing_unit=science)
    officer = make_user("canbo", lead_unit)
    head = make_user("giamdoc", lead_unit, is_unit_leader=True)
    overseer = make_user("lanhdao", science)
    secretariat = make_user("thuongtruc", science)
    bystander = make_user("donvikhac", UnitFactory())
    seat = Membership.objects.create(
        committee=committee, person=overseer.person, role=MemberRole.DEPUTY
    )
    Membership.objects.create(
        committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    task = TaskFactory(
        committee=committee,
        code="II.3.a",
        title="Ban hành kế hoạch chuyển đổi số",
        lead_unit=lead_unit,
        deadline=DEADLINE,
        overseeing_member=seat,
    )
    return Setting(committee, task, officer, head, overseer, secretariat, bystander)
