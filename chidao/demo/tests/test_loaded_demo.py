"""The demo as ``manage.py load_demo`` leaves it on today's date: statuses, plans,
committees, indicators, accounts, a second run.

These tests only read the demo (or change it in their own savepoint), so it is loaded once
for the module (``module_db`` in ``chidao/conftest.py``), on one worker; the command's
refusals and its runs on a database that already holds data are in ``test_load_demo.py``.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import DeadlineChangeDecision, ReviewState, TaskStatus
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.tests.plain_sql import count_by_plain_sql, count_by_table
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.periods import Period, PeriodKind
from chidao.demo import chains, content
from chidao.demo.services import ALREADY_LOADED
from chidao.demo.tests.test_load_demo import count_every_model, load_demo, nam_dinh
from chidao.documents.models import Document
from chidao.indicators.choices import Comparator
from chidao.indicators.models import Indicator, Observation, Target
from chidao.org.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-test_loaded_demo")]


@dataclass(frozen=True)
class Loaded:
    today: date
    output: str


@pytest.fixture(scope="module")
def _loaded(module_db) -> Loaded:
    today = timezone.localdate()
    return Loaded(today=today, output=load_demo(today))


@pytest.fixture
def demo(_loaded, db) -> Loaded:
    """The day the demo was loaded for and what the command printed."""
    return _loaded


def test_every_task_has_the_status_its_story_names(demo):
    today = demo.today
    expected = {
        (committee.short_name, row.code): row.story.status
        for committee in content.COMMITTEES
        for row in committee.tasks
    }
    # The early warning's chain (demo/chains.py) is in progress within its deadlines.
    expected |= {
        (content.NAM_DINH.short_name, item.code): TaskStatus.IN_PROGRESS for item in chains.CHAIN
    }

    # Tasks the first meeting's conclusions created have no plan code; the meetings
    # app's test_demo checks their statuses.
    actual = {
        (task.committee.short_name, task.code): task.status
        for task in Task.objects.exclude(code="").with_status(today).select_related("committee")
    }

    assert actual == expected


def test_status_annotation_and_python_rule_agree_on_the_demo(demo):
    today = demo.today

    tasks = Task.objects.with_status(today).prefetch_related("deadline_changes")

    assert all(task.get_status(today) == task.status for task in tasks)


def test_count_table_of_nam_dinh_equals_a_plain_sql_count(demo):
    today = demo.today
    committee = nam_dinh()

    by_table = count_by_table(committee, today)

    assert by_table == count_by_plain_sql(committee.pk, today)
    assert sum(sum(row.values()) for row in by_table.values()) >= 60


def test_nam_dinh_has_enough_tasks_over_enough_units(demo):
    tasks = Task.objects.filter(committee=nam_dinh())

    assert tasks.count() >= 60
    assert tasks.values("lead_unit").distinct().count() >= 15
    assert tasks.filter(is_key=True).exists()
    assert tasks.filter(coordinating_units__isnull=False).distinct().count() >= 50


def test_the_plan_is_stored_under_its_normalised_symbol(demo):
    plan = Document.objects.get(issuing_unit__code="ND-UBND", issued_on=date(2025, 2, 21))

    assert plan.symbol == "29/KH-UBND"
    assert plan.kind == "KH"
    assert "29/UBND-KH" in plan.symbol_note
    assert "đảo thứ tự" in plan.symbol_note
    assert plan.implements.symbol == "54-CTr/TU"
    assert plan.implements.implements.symbol == "57-NQ/TW"
    assert plan.implements.implements.issuing_unit.kind == "central_body"


def test_nam_dinh_committee_is_founded_by_1407_under_resolution_57(demo):
    committee = nam_dinh()

    assert committee.founding_document.symbol == "1407-QĐ/TU"
    assert committee.resolution.symbol == "57-NQ/TW"
    assert committee.standing_unit.code == "ND-SKHCN"
    roles = dict(committee.memberships.values_list("person__full_name", "role"))
    assert roles["Đặng Khánh Toàn"] == "head"
    assert roles["Lê Quốc Chỉnh"] == "deputy"
    assert roles["Phạm Đình Nghị"] == "standing_deputy"
    assert committee.task_groups.count() == 7


def test_commune_committees_sit_under_the_province_with_subtasks(demo):
    communes = Committee.objects.filter(parent=nam_dinh(), level=CommitteeLevel.COMMUNE)

    assert communes.count() == 3
    for committee in communes:
        assert committee.host_unit.kind == "commune"
        assert committee.tasks.filter(parent__committee=nam_dinh()).exists()


def test_long_an_is_a_second_province_with_its_own_units(demo):
    long_an = Committee.objects.get(short_name="BCĐ tỉnh Long An")

    assert long_an.tasks.count() == 10
    assert set(long_an.tasks.values_list("lead_unit__code", flat=True)) <= {
        row.code for row in content.UNITS if row.code.startswith("LA-")
    }
    assert long_an.memberships.get(role="head").person.full_name == "Nguyễn Văn Quyết"


def test_reviews_deadline_changes_and_stops_went_through_the_services(demo):
    returned = ProgressUpdate.objects.filter(review_state=ReviewState.RETURNED)
    decisions = set(DeadlineChange.objects.values_list("decision", flat=True))

    assert returned.exclude(review_reason="").count() == returned.count() >= 3
    assert decisions == set(DeadlineChangeDecision)
    assert not Task.objects.filter(state="completed", completed_on__isnull=True).exists()


def test_the_department_of_science_head_has_last_weeks_reports_waiting(demo, client):
    head = User.objects.get(username="lanhdao.khcn")
    science = head.person.unit
    waiting = ProgressUpdate.objects.filter(review_state=ReviewState.PENDING_UNIT_HEAD)

    # Only the unit that asks for it (the committee asks it of no unit); the older reports
    # were approved by the head before the secretariat reviewed them.
    assert science.requires_head_approval
    assert not nam_dinh().requires_unit_head_approval
    assert waiting.count() >= 3
    assert set(waiting.values_list("unit", flat=True)) == {science.pk}
    assert set(waiting.values_list("author__username", flat=True)) == {"canbo.khcn"}
    reviewed = ProgressUpdate.objects.filter(
        unit=science, review_state__in=[ReviewState.ACCEPTED, ReviewState.RETURNED]
    )
    assert reviewed.exists()
    assert set(reviewed.values_list("unit_approved_by", flat=True)) == {head.pk}

    client.force_login(head)
    page = client.get(reverse("assignments:unit_approvals")).content.decode()
    assert page.count('class="card mb-2 unit-approval"') == waiting.count()


def test_indicators_have_parsed_targets_and_quarterly_values(demo):
    today = demo.today
    last_quarter = Period.containing(PeriodKind.QUARTER, today).previous()

    online = Indicator.objects.get(code="CĐS-01")
    province_values = online.observations.filter(unit__code=content.PROVINCE_UNIT)
    (budget,) = Target.objects.get(indicator__code="KHCN-01", year=today.year).bounds

    assert Indicator.objects.count() == len(content.INDICATORS)
    assert province_values.count() == 8
    assert province_values.latest("period_start").period_start == last_quarter.start
    assert set(online.targets.values_list("year", flat=True)) == {today.year - 1, today.year, 2030}
    assert budget.text.startswith("≥ 3% và tăng dần")
    assert (budget.comparator, budget.lower) == (Comparator.GE, 3)
    assert not Observation.objects.filter(indicator__code="ĐMST-02").exists()
    commune_values = Observation.objects.filter(
        indicator__code="CĐS-07", unit__kind="commune", period_start=last_quarter.start
    )
    assert commune_values.count() == 5
    assert not Observation.objects.exclude(state="approved").exists()


def test_second_run_changes_nothing(demo):
    before = count_every_model()

    output = load_demo(demo.today + timedelta(days=30))

    assert ALREADY_LOADED in output
    assert count_every_model() == before


def test_command_prints_the_accounts_and_the_address(demo):
    output = demo.output

    for row in content.ACCOUNTS:
        assert row.username in output
    assert content.DEMO_PASSWORD in output
    assert content.SITE_URL in output


def test_demo_accounts_can_sign_in(demo, client):
    for row in content.ACCOUNTS:
        assert client.login(username=row.username, password=content.DEMO_PASSWORD), row.username
        client.logout()


def test_demo_accounts_have_their_roles(demo):
    secretariat = User.objects.get(username="thuongtruc")
    leader = User.objects.get(username="lanhdao")

    assert User.objects.get(username="admin").is_superuser
    assert secretariat.is_staff
    assert not secretariat.is_superuser
    assert secretariat.has_perm("assignments.change_task")
    assert not secretariat.has_perm("org.change_user")
    assert secretariat.person.memberships.get(committee=nam_dinh()).role == "support_team"
    assert leader.person.memberships.get(committee=nam_dinh()).role in {"deputy", "member"}
    assert User.objects.get(username="lanhdao.khcn").person.is_unit_leader
    officers = User.objects.filter(username__in=["canbo.khcn", "canbo.taichinh"])
    assert officers.values("person__unit").distinct().count() == 2


def test_reporting_accounts_of_other_units_cannot_sign_in(demo):
    reporter = User.objects.get(username="nd-syt")

    assert not reporter.has_usable_password()
    assert reporter.progress_updates.exists()
