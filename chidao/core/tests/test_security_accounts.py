"""Accounts (issue 5, item 3): unused accounts are disabled by a job; the database holds
no account until someone makes one (the demo's accounts come only from ``load_demo``)."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from chidao.core.accounts import do_disable_unused_accounts
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 9, 1, 2, 0, tzinfo=datetime.UTC)


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def test_a_fresh_database_has_no_accounts():
    assert get_user_model().objects.count() == 0


@override_settings(CHIDAO_ACCOUNT_INACTIVE_DAYS=45, DEMO_MODE=False)
def test_accounts_unused_for_45_days_are_disabled():
    recent = UserFactory(username="gan_day", last_login=days_ago(44), date_joined=days_ago(400))
    stale = UserFactory(username="lau_roi", last_login=days_ago(46), date_joined=days_ago(400))
    never = UserFactory(username="chua_dung", last_login=None, date_joined=days_ago(50))
    new = UserFactory(username="moi_tao", last_login=None, date_joined=days_ago(3))
    assert sorted(do_disable_unused_accounts(now=NOW)) == ["chua_dung", "lau_roi"]
    for user, active in ((recent, True), (stale, False), (never, False), (new, True)):
        user.refresh_from_db()
        assert user.is_active is active, user.username
    # Run again: nothing more to do.
    assert do_disable_unused_accounts(now=NOW) == []


@override_settings(CHIDAO_ACCOUNT_INACTIVE_DAYS=10, DEMO_MODE=False)
def test_the_limit_is_configurable_and_the_command_runs_the_same_job(client):
    user = UserFactory(username="muoi_ngay", last_login=days_ago(11), date_joined=days_ago(99))
    client.force_login(user)
    user.last_login = days_ago(11)
    user.save(update_fields=["last_login"])
    out = StringIO()
    call_command("disable_unused_accounts", stdout=out)
    assert "Đã khóa 1 tài khoản" in out.getvalue()
    user.refresh_from_db()
    assert user.is_active is False
    # Its open session ends at the next request.
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


@pytest.mark.parametrize(("days", "demo"), [(0, False), (45, True)])
def test_the_job_is_off_at_zero_days_and_in_the_demo(days, demo):
    UserFactory(last_login=days_ago(400), date_joined=days_ago(400))
    with override_settings(CHIDAO_ACCOUNT_INACTIVE_DAYS=days, DEMO_MODE=demo):
        assert do_disable_unused_accounts(now=NOW) == []
