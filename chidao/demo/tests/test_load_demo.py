"""``manage.py load_demo`` on a real database: the statuses on another day, an existing
admin kept, a bad date, the refusals outside the demo. What the demo holds once loaded
today is read in ``test_loaded_demo.py`` (loaded once for that module)."""

import runpy
from datetime import date, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

import chidao.settings as production
from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.demo import content
from chidao.demo.services import KEPT_PASSWORD, NO_PASSWORD
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
