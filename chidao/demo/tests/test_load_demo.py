"""``manage.py load_demo`` on a real database: statuses, documents, accounts, reruns."""

import runpy
from datetime import date, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import chidao.settings as production
from chidao.assignments.choices import DeadlineChangeDecision, ReviewState, TaskStatus
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.tests.plain_sql import count_by_plain_sql, count_by_table
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.periods import Period, PeriodKind
from chidao.demo import chains, content
from chidao.demo.services import ALREADY_LOADED, KEPT_PASSWORD, NO_PASSWORD
from chidao.documents.models import Document
from chidao.indicators.choices import Comparator
from chidao.indicators.models import Indicator, Observation, Target
from chidao.org.models import User
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

EVERY_STATUS = set(TaskStatus) - {TaskStatus.NOT_YET_ASSIGNED}


def load_demo(today: date, *flags: str) -> str:
    out = StringIO()
    call_command("load_demo", "--today", today.isoformat(), *flags, stdout=out)
    return out.getvalue()


def nam_dinh() -> Committee:
    return Committee.objects.get(name=content.NAM_DINH_COMMITTEE)


def count_every_model() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.parametrize("days_later", [0, 400])
def test_every_status_occurs_in_nam_dinh_on_the_load_day(days_later):
    today = timezone.localdate() + timedelta(days=days_later)
    load_demo(today)

    tasks = Task.objects.filter(committee=nam_dinh()).with_status(today).with_due_soon(today, 7)

    assert set(tasks.values_list("status", flat=True)) == EVERY_STATUS
    assert tasks.filter(due_soon=True).count() >= 3  # more in the last days of a year
    overdue_days = {(today - t.deadline_as_of).days for t in tasks.filter(status="overdue")}
    assert min(overdue_days) <= 10 < 90 < max(overdue_days)


def test_every_task_has_the_status_its_story_names():
    today = timezone.localdate()
    load_demo(today)
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


def test_status_annotation_and_python_rule_agree_on_the_demo():
    today = timezone.localdate()
    load_demo(today)

    tasks = Task.objects.with_status(today).prefetch_related("deadline_changes")

    assert all(task.get_status(today) == task.status for task in tasks)


def test_count_table_of_nam_dinh_equals_a_plain_sql_count():
    today = timezone.localdate()
    load_demo(today)
    committee = nam_dinh()

    by_table = count_by_table(committee, today)

    assert by_table == count_by_plain_sql(committee.pk, today)
    assert sum(sum(row.values()) for row in by_table.values()) >= 60


def test_nam_dinh_has_enough_tasks_over_enough_units():
    load_demo(timezone.localdate())

    tasks = Task.objects.filter(committee=nam_dinh())

    assert tasks.count() >= 60
    assert tasks.values("lead_unit").distinct().count() >= 15
    assert tasks.filter(is_key=True).exists()
    assert tasks.filter(coordinating_units__isnull=False).distinct().count() >= 50


def test_the_plan_is_stored_under_its_normalised_symbol():
    load_demo(timezone.localdate())

    plan = Document.objects.get(issuing_unit__code="ND-UBND", issued_on=date(2025, 2, 21))

    assert plan.symbol == "29/KH-UBND"
    assert plan.kind == "KH"
    assert "29/UBND-KH" in plan.symbol_note
    assert "đảo thứ tự" in plan.symbol_note
    assert plan.implements.symbol == "54-CTr/TU"
    assert plan.implements.implements.symbol == "57-NQ/TW"
    assert plan.implements.implements.issuing_unit.kind == "central_body"


def test_nam_dinh_committee_is_founded_by_1407_under_resolution_57():
    load_demo(timezone.localdate())

    committee = nam_dinh()

    assert committee.founding_document.symbol == "1407-QĐ/TU"
    assert committee.resolution.symbol == "57-NQ/TW"
    assert committee.standing_unit.code == "ND-SKHCN"
    roles = dict(committee.memberships.values_list("person__full_name", "role"))
    assert roles["Đặng Khánh Toàn"] == "head"
    assert roles["Lê Quốc Chỉnh"] == "deputy"
    assert roles["Phạm Đình Nghị"] == "standing_deputy"
    assert committee.task_groups.count() == 7


def test_commune_committees_sit_under_the_province_with_subtasks():
    load_demo(timezone.localdate())

    communes = Committee.objects.filter(parent=nam_dinh(), level=CommitteeLevel.COMMUNE)

    assert communes.count() == 3
    for committee in communes:
        assert committee.host_unit.kind == "commune"
        assert committee.tasks.filter(parent__committee=nam_dinh()).exists()


def test_long_an_is_a_second_province_with_its_own_units():
    load_demo(timezone.localdate())

    long_an = Committee.objects.get(short_name="BCĐ tỉnh Long An")

    assert long_an.tasks.count() == 10
    assert set(long_an.tasks.values_list("lead_unit__code", flat=True)) <= {
        row.code for row in content.UNITS if row.code.startswith("LA-")
    }
    assert long_an.memberships.get(role="head").person.full_name == "Nguyễn Văn Quyết"


def test_reviews_deadline_changes_and_stops_went_through_the_services():
    load_demo(timezone.localdate())

    returned = ProgressUpdate.objects.filter(review_state=ReviewState.RETURNED)
    decisions = set(DeadlineChange.objects.values_list("decision", flat=True))

    assert returned.exclude(review_reason="").count() == returned.count() >= 3
    assert decisions == set(DeadlineChangeDecision)
    assert not Task.objects.filter(state="completed", completed_on__isnull=True).exists()


def test_the_department_of_science_head_has_last_weeks_reports_waiting(client):
    load_demo(timezone.localdate())
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


def test_indicators_have_parsed_targets_and_quarterly_values():
    today = timezone.localdate()
    load_demo(today)
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


def test_second_run_changes_nothing():
    load_demo(timezone.localdate())
    before = count_every_model()

    output = load_demo(timezone.localdate() + timedelta(days=30))

    assert ALREADY_LOADED in output
    assert count_every_model() == before


def test_command_prints_the_accounts_and_the_address():
    output = load_demo(timezone.localdate())

    for row in content.ACCOUNTS:
        assert row.username in output
    assert content.DEMO_PASSWORD in output
    assert content.SITE_URL in output


def test_demo_accounts_can_sign_in(client):
    load_demo(timezone.localdate())

    for row in content.ACCOUNTS:
        assert client.login(username=row.username, password=content.DEMO_PASSWORD), row.username
        client.logout()


def test_demo_accounts_have_their_roles():
    load_demo(timezone.localdate())

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


def test_reporting_accounts_of_other_units_cannot_sign_in():
    load_demo(timezone.localdate())

    reporter = User.objects.get(username="nd-syt")

    assert not reporter.has_usable_password()
    assert reporter.progress_updates.exists()


def test_an_existing_admin_account_is_kept(client):
    User.objects.create_user(username="admin", password="mat-khau-rieng-cua-toi")

    output = load_demo(timezone.localdate(), "--force")

    assert KEPT_PASSWORD in output
    assert client.login(username="admin", password="mat-khau-rieng-cua-toi")
    assert not User.objects.get(username="admin").is_superuser


def test_today_must_be_a_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("load_demo", "--today", "23/11/2026", stdout=StringIO())


# Outside the demo (issue 19, item 11): refused unless forced, and never a known password.


@override_settings(CHIDAO_DEMO_DATA_ALLOWED=False)
def test_a_database_not_in_demo_mode_is_refused_and_left_untouched():
    before = count_every_model()

    with pytest.raises(CommandError, match="không ở chế độ dữ liệu mẫu"):
        load_demo(timezone.localdate())

    assert count_every_model() == before


@override_settings(CHIDAO_DEMO_DATA_ALLOWED=False)
def test_forced_outside_demo_mode_no_account_has_a_known_password(client):
    output = load_demo(timezone.localdate(), "--force")

    assert content.DEMO_PASSWORD not in output
    assert NO_PASSWORD in output
    assert nam_dinh()
    assert (
        not User.objects.filter(username__in=[row.username for row in content.ACCOUNTS])
        .exclude(password__startswith="!")
        .exists()
    )
    assert not client.login(username="admin", password=content.DEMO_PASSWORD)


def test_a_database_with_its_own_data_is_refused_unless_forced():
    UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Hà Giang")
    before = count_every_model()

    with pytest.raises(CommandError, match="đã có tài khoản, đơn vị"):
        load_demo(timezone.localdate())
    assert count_every_model() == before

    load_demo(timezone.localdate(), "--force")
    assert nam_dinh()


def test_only_a_demo_or_development_installation_may_load_the_demo(monkeypatch):
    for name in ("CHIDAO_DEMO", "CHIDAO_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CHIDAO_SECRET_KEY", "tests-only-key-not-a-secret")
    assert runpy.run_path(production.__file__)["CHIDAO_DEMO_DATA_ALLOWED"] is False
    monkeypatch.setenv("CHIDAO_DEMO", "1")
    assert runpy.run_path(production.__file__)["CHIDAO_DEMO_DATA_ALLOWED"] is True
