"""Session lifetime (issue 5, item 3): signed out after 30 minutes idle and after 12 hours
in all, both configurable (chidao.core.sessions)."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-thu-nghiem-2025"
START = datetime.datetime(2025, 7, 15, 1, 0, tzinfo=datetime.UTC)


@pytest.fixture
def signed_in(client):
    user = UserFactory(username="canbo")
    with time_machine.travel(START, tick=False) as traveller:
        client.post(reverse("login"), {"username": "canbo", "password": PASSWORD})
        yield client, user, traveller


def is_signed_in(client, user) -> bool:
    return client.get(reverse("home")).wsgi_request.user == user


def test_activity_within_the_idle_limit_keeps_the_session(signed_in):
    client, user, traveller = signed_in
    for _ in range(4):  # two hours of work, a request every 29 minutes
        traveller.shift(datetime.timedelta(minutes=29))
        assert is_signed_in(client, user)


def test_thirty_minutes_idle_signs_out_with_a_message(signed_in):
    client, _user, traveller = signed_in
    traveller.shift(datetime.timedelta(minutes=31))
    response = client.get(reverse("home"), follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "hết hạn do lâu không thao tác" in response.content.decode()


def test_twelve_hours_signs_out_even_a_busy_session(signed_in):
    client, user, traveller = signed_in
    for _ in range(12 * 3):  # a request every 20 minutes for 12 hours
        traveller.shift(datetime.timedelta(minutes=20))
        assert is_signed_in(client, user)
    traveller.shift(datetime.timedelta(minutes=20))
    response = client.get(reverse("home"), follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "quá thời gian tối đa" in response.content.decode()


@override_settings(CHIDAO_SESSION_IDLE_MINUTES=5, CHIDAO_SESSION_MAX_HOURS=1)
def test_the_limits_are_configurable(signed_in):
    client, user, traveller = signed_in
    traveller.shift(datetime.timedelta(minutes=4))
    assert is_signed_in(client, user)
    traveller.shift(datetime.timedelta(minutes=6))
    assert not is_signed_in(client, user)


def test_a_request_within_the_minute_does_not_rewrite_the_session(signed_in):
    client, _user, traveller = signed_in
    client.get(reverse("home"))
    traveller.shift(datetime.timedelta(seconds=30))
    key = client.session.session_key
    before = client.session["chidao_last_seen_at"]
    client.get(reverse("home"))
    assert client.session.session_key == key
    assert client.session["chidao_last_seen_at"] == before
    traveller.shift(datetime.timedelta(minutes=2))
    client.get(reverse("home"))
    assert client.session["chidao_last_seen_at"] > before
