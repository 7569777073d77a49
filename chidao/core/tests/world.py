"""A small committee with one user per role, shared by permission tests of every app.

Two committees: the province ``committee`` (with a commune committee below it) and an
unrelated ``other_committee``. ``task`` is led by ``lead_unit`` and coordinated by
``coordinating_unit``; ``other_unit`` has nothing to do with it.

``build_base`` builds the committees, units, people and seats alone (no task, no
records): the apps' own settings (meetings, reminders) start from it, so every test
world has the same people in the same places.
"""

import datetime
from dataclasses import dataclass, field

from chidao.api.services import do_create_api_token, do_create_webhook_subscription
from chidao.assignments.tests.factories import TaskFactory, build_report_objects
from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.dashboards.models import Publication, SavedView
from chidao.documents.tests.factories import DocumentFactory
from chidao.imports.tests.factories import (
    build_indicator_import,
    build_observation_import,
    build_task_import,
)
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory
from chidao.meetings.tests.factories import build_inspection, build_meeting
from chidao.onboarding.tests.factories import build_onboarding
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory
from chidao.overlap.models import ShortForm
from chidao.proposals.tests.factories import ProposalAttachmentFactory, build_routed_proposal
from chidao.reminders.tests.factories import NotificationFactory
from chidao.reporting.tests.factories import build_reporting_cycle

PASSWORD = "Mat-khau-thu-nghiem-2025"

# Every role the allow/deny table speaks of, in the order of its columns.
ROLES = (
    "anonymous",
    "unit_officer",  # officer of the task's lead unit
    "coordinating_officer",  # officer of a coordinating unit
    "other_unit_officer",  # officer of a unit with nothing to do with the task
    "unit_head",  # head of the lead unit
    "secretariat",  # support team of the task's committee
    "other_secretariat",  # support team of an unrelated committee
    "leader",  # a member (deputy head) of the task's committee
    "admin",
)


@dataclass
class Base:
    """The committees, units, people (one a role, ``users``) and seats of every world."""

    committee: object
    commune_committee: object
    other_committee: object
    standing_unit: object
    lead_unit: object
    coordinating_unit: object
    other_unit: object
    users: dict = field(default_factory=dict)
    seats: dict = field(default_factory=dict)


@dataclass
class World:
    committee: object
    commune_committee: object
    other_committee: object
    lead_unit: object
    coordinating_unit: object
    other_unit: object
    group: object
    task: object
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def sign_in(client, user):
    """Sign ``user`` in on a test client and return the client: the suite's one way in.

    No password check and no form (``force_login``): what a test is about comes after
    the sign-in. The sign-in itself, its throttling and its second step are tested
    through the real form in ``test_security_signin.py`` and ``test_security_twofactor.py``;
    a browser signs in through the page (``browser.sign_in``).
    """
    client.force_login(user)
    return client


def make_user(username, unit, *, is_unit_leader=False, **fields):
    person = PersonFactory(unit=unit, is_unit_leader=is_unit_leader)
    return UserFactory(username=username, person=person, **fields)


def build_base() -> Base:
    science = UnitFactory(name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN")
    lead_unit = UnitFactory(name="Sở Tài chính")
    coordinating_unit = UnitFactory(name="Sở Nội vụ")
    other_unit = UnitFactory(name="Sở Y tế")
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Thử nghiệm", standing_unit=science)
    commune_committee = CommitteeFactory(
        name="Ban Chỉ đạo xã Thử nghiệm", level=CommitteeLevel.COMMUNE, parent=committee
    )
    other_committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Khác")
    # The province's departments are in its committee's directory, so imports resolve them.
    committee.directory_units.add(lead_unit, coordinating_unit, other_unit)
    users = {
        "unit_officer": make_user("canbo", lead_unit),
        "coordinating_officer": make_user("phoihop", coordinating_unit),
        "other_unit_officer": make_user("donvikhac", other_unit),
        "unit_head": make_user("lanhdaodonvi", lead_unit, is_unit_leader=True),
        "secretariat": make_user("thuongtruc", science),
        "other_secretariat": make_user("thuongtruckhac", science),
        "leader": make_user("lanhdao", science),
        "admin": make_user("quantri", science, is_superuser=True, is_staff=True),
    }
    seats = [
        ("secretariat", committee, MemberRole.SUPPORT_TEAM),
        ("other_secretariat", other_committee, MemberRole.SUPPORT_TEAM),
        ("leader", committee, MemberRole.DEPUTY),
    ]
    return Base(
        committee=committee,
        commune_committee=commune_committee,
        other_committee=other_committee,
        standing_unit=science,
        lead_unit=lead_unit,
        coordinating_unit=coordinating_unit,
        other_unit=other_unit,
        users=users,
        seats={
            role: Membership.objects.create(
                committee=seat_committee, person=users[role].person, role=member_role
            )
            for role, seat_committee, member_role in seats
        },
    )


def build_world() -> World:
    base = build_base()
    committee, lead_unit, users = base.committee, base.lead_unit, base.users
    group = TaskGroupFactory(committee=committee)
    task = TaskFactory(
        committee=committee,
        group=group,
        lead_unit=lead_unit,
        title="Số hóa hồ sơ thủ tục hành chính",
        assigned_on=datetime.date(2025, 2, 21),
        deadline=datetime.date(2030, 6, 30),
    )
    task.coordinating_units.set([base.coordinating_unit])
    notification = NotificationFactory(recipient=users["unit_officer"], task=task)
    task_import = build_task_import(committee=committee, by=users["secretariat"])
    indicator_import = build_indicator_import(committee=committee, by=users["secretariat"])
    observation_import = build_observation_import(committee=committee, by=users["secretariat"])
    onboarding = build_onboarding(by=users["secretariat"], parent=committee)
    api_token, _secret = do_create_api_token(by=users["unit_officer"], name="Hệ thống thử")
    webhook_subscription, _secret = do_create_webhook_subscription(
        committee=committee,
        by=users["secretariat"],
        url="https://he-thong-57.invalid/hook",
        events=["task.created"],
    )
    # Indicator values and documents (issue [B] §9, §10): an indicator the lead unit
    # reports, one of its values waiting for review, a document of the committee's register.
    indicator = IndicatorFactory(committee=committee, responsible_unit=lead_unit)
    observation = ObservationFactory(
        indicator=indicator, unit=lead_unit, submitted=True, with_evidence=True
    )
    document = DocumentFactory(committee=committee, with_file=True)
    # Reports (issue [B] §5–§8): a report waiting for the unit head, a completion claim
    # with an evidence file, a deadline-change request waiting for the secretariat.
    reports = build_report_objects(task=task, officer=users["unit_officer"])
    # Reporting (issue [D]): a quarter's cycle in which the lead unit must report.
    cycle = build_reporting_cycle(committee=committee, by=users["secretariat"], units=[lead_unit])
    # Meetings (issue [I]): the first meeting, whose conclusion assigned ``task``.
    meeting = build_meeting(committee=committee, by=users["secretariat"], task=task)
    inspection = build_inspection(committee=committee, by=users["secretariat"], units=[lead_unit])
    # Proposals (issue [I] §5): a citizen's proposal routed to the lead unit.
    proposal = build_routed_proposal(committee=committee, by=users["secretariat"], unit=lead_unit)
    proposal_attachment = ProposalAttachmentFactory(proposal=proposal)
    # Dashboards (issue [C]): a saved view, and the committee publishes its page.
    saved_view = SavedView.objects.create(
        committee=committee, name="Nhiệm vụ trọng tâm", created_by=users["secretariat"]
    )
    Publication.objects.create(committee=committee, is_published=True)
    # Overlap (issue [S] #20): a short form of the committee's own table, in no task's words.
    short_form = ShortForm.objects.create(
        committee=committee, short="QTDL", full="quản trị dữ liệu", created_by=users["secretariat"]
    )
    return World(
        committee=committee,
        commune_committee=base.commune_committee,
        other_committee=base.other_committee,
        lead_unit=lead_unit,
        coordinating_unit=base.coordinating_unit,
        other_unit=base.other_unit,
        group=group,
        task=task,
        users=users,
        objects={
            "task": task,
            "committee": committee,
            "commune_committee": base.commune_committee,
            "other_committee": base.other_committee,
            "lead_unit": lead_unit,
            "other_unit": base.other_unit,
            **reports,
            "indicator": indicator,
            "observation": observation,
            "document": document,
            "notification": notification,
            "task_import": task_import,
            "indicator_import": indicator_import,
            "observation_import": observation_import,
            "onboarding": onboarding,
            "api_token": api_token,
            "webhook_subscription": webhook_subscription,
            "cycle": cycle,
            "submission": cycle.submissions.get(),
            "meeting": meeting,
            "inspection": inspection,
            "proposal": proposal,
            "proposal_attachment": proposal_attachment,
            "saved_view": saved_view,
            "short_form": short_form,
        },
    )
