"""Sign-in hardening (issue 5, item 3): Argon2, password rules, throttling per account
and per address with a Vietnamese lock-out page, session id rotated at sign-in, sign-out
(in every browser of the account) and account disable end the session."""

from datetime import UTC, datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse

import chidao.settings as production
from chidao.audit.choices import AuditAction
from chidao.audit.models import AuditEvent
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-thu-nghiem-2025"
LOCKED_TEXT = "Đăng nhập sai quá nhiều lần"
axes_on = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)


def submit_sign_in_form(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_production_hashes_passwords_with_argon2():
    assert production.PASSWORD_HASHERS[0] == "chidao.core.hashers.BoundedArgon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        encoded = make_password(PASSWORD)
        # Argon2id at OWASP's floor, never below: 19 MiB, 2 passes, 1 lane.
        assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
        assert check_password(PASSWORD, encoded)


def test_a_hash_made_with_djangos_argon2_parameters_verifies_and_is_upgraded():
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"]):
        old = make_password(PASSWORD)
    assert "m=102400" in old
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        upgraded = []
        assert check_password(PASSWORD, old, setter=upgraded.append)
        assert upgraded == [PASSWORD]  # Django re-hashes it with the new parameters


@pytest.mark.parametrize("password", ["Ab1-xyz", "12345678", "password123", "qwertyuiop"])
def test_short_common_and_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("Tinh-uy-Ha-Giang-2025!")


@axes_on
def test_an_account_pair_is_locked_after_repeated_failures_from_one_address(client):
    UserFactory(username="canbo")
    for _ in range(3):
        response = submit_sign_in_form(client, "canbo", "sai", "10.0.1.1")
    assert response.status_code == 429
    # The right password from that address is refused too, with a page in Vietnamese.
    response = submit_sign_in_form(client, "canbo", PASSWORD, "10.0.1.1")
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Logged: by axes and by the audit log.
    assert AccessAttempt.objects.filter(username="canbo").exists()
    assert (
        AuditEvent.objects.filter(action=AuditAction.SIGN_IN_FAILED, username="canbo").count() >= 3
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_five_addresses_guessing_the_admin_password_do_not_lock_the_admin_out(client):
    """The probe's attack: five wrong passwords for ``admin`` from five addresses used to
    lock the account for everyone. Now the admin from their own address signs in at once,
    and from a new address after a short wait, never a 15-minute lock."""
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    with time_machine.travel(datetime(2026, 3, 2, 8, 0, tzinfo=UTC), tick=False) as clock:
        # The administrator has signed in from their office before.
        assert submit_sign_in_form(Client(), "admin", PASSWORD, "10.0.9.9").status_code == 302
        for n in range(5):
            guess = submit_sign_in_form(client, "admin", "doan-bua", f"203.0.113.{n + 1}")
            assert guess.status_code == 200
        # A sixth address: the admin at their own desk signs in at once.
        office = Client()
        assert submit_sign_in_form(office, "admin", PASSWORD, "10.0.9.9").status_code == 302
        assert office.session["_auth_user_id"]
        # From an address the account never used, the attempt waits a second first...
        laptop = Client()
        response = submit_sign_in_form(laptop, "admin", PASSWORD, "10.0.7.7")
        assert response.status_code == 429
        assert response["Retry-After"] == "1"
        assert "Vui lòng chờ 1 giây" in response.content.decode()
        # ...without counting as a failure or checking the password...
        assert AccessAttempt.objects.filter(ip_address="10.0.7.7").count() == 0
        clock.shift(1)
        response = submit_sign_in_form(laptop, "admin", PASSWORD, "10.0.7.7")
        assert response.status_code == 302
        assert laptop.session["_auth_user_id"]


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_the_admin_sign_in_page_applies_the_same_delay(client):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    with time_machine.travel(datetime(2026, 3, 2, 8, 0, tzinfo=UTC), tick=False):
        for n in range(5):
            submit_sign_in_form(client, "admin", "doan-bua", f"203.0.113.{n + 1}")
        response = client.post(
            reverse("admin:login"),
            {"username": "admin", "password": PASSWORD},
            REMOTE_ADDR="203.0.113.50",
        )
    assert response.status_code == 200
    assert "Vui lòng chờ 1 giây" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, CHIDAO_LOGIN_MAX_DELAY_SECONDS=60)
def test_the_delay_grows_with_the_failures_on_the_account_up_to_the_maximum(client):
    UserFactory(username="admin")
    with time_machine.travel(datetime(2026, 3, 2, 8, 0, tzinfo=UTC), tick=False) as clock:
        waits = []
        for n in range(12):
            response = submit_sign_in_form(client, "admin", "sai", f"198.51.100.{n + 1}")
            waits.append(int(response.get("Retry-After", 0)))
            if response.status_code == 429:  # waited out, then the guess is made
                clock.shift(waits[-1])
                submit_sign_in_form(client, "admin", "sai", f"198.51.100.{n + 1}")
        assert waits[:5] == [0, 0, 0, 0, 0]
        assert waits[5:] == [1, 2, 4, 8, 16, 32, 60]


@axes_on
def test_clients_behind_one_proxy_are_told_apart_by_the_trusted_header(client):
    """The shared-address attack: behind nginx every request comes from 127.0.0.1; with the
    header nginx writes trusted, one client's failures lock that client only."""
    UserFactory(username="canbo")
    with override_settings(CHIDAO_TRUSTED_PROXY_HEADER="X-Real-IP"):
        for n in range(3):
            response = client.post(
                reverse("login"),
                {"username": f"doan{n}", "password": "sai"},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_REAL_IP="203.0.113.66",
            )
        assert response.status_code == 429
        colleague = Client()
        response = colleague.post(
            reverse("login"),
            {"username": "canbo", "password": PASSWORD},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP="10.20.30.40",
        )
        assert response.status_code == 302


@pytest.mark.parametrize(
    ("proxy_settings", "warned"),
    [
        ({"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}, True),
        ({"USE_X_FORWARDED_HOST": True}, True),
        (
            {
                "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
                "CHIDAO_TRUSTED_PROXY_HEADER": "X-Real-IP",
            },
            False,
        ),
        ({}, False),
    ],
)
def test_start_up_warns_behind_a_proxy_without_the_trusted_address_header(proxy_settings, warned):
    with override_settings(**{"CHIDAO_TRUSTED_PROXY_HEADER": "", **proxy_settings}):
        found = [message.id for message in run_checks()]
    assert ("chidao.W001" in found) is warned


@axes_on
def test_an_address_is_locked_after_failures_on_several_accounts(client):
    UserFactory(username="nguoikhac")
    for n in range(3):
        submit_sign_in_form(client, f"doan{n}", "sai", "10.0.3.3")
    response = submit_sign_in_form(client, "nguoikhac", PASSWORD, "10.0.3.3")
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    # The same account from another address still signs in.
    response = submit_sign_in_form(client, "nguoikhac", PASSWORD, "10.0.4.4")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@axes_on
def test_failures_below_the_limit_show_the_form_and_a_success_resets_them(client):
    UserFactory(username="canbo")
    for _ in range(2):
        response = submit_sign_in_form(client, "canbo", "sai")
        assert response.status_code == 200
    assert submit_sign_in_form(client, "canbo", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(2):
        assert submit_sign_in_form(client, "canbo", "sai").status_code == 200
    assert submit_sign_in_form(client, "canbo", PASSWORD).status_code == 302


def test_throttling_is_on_in_production_settings():
    assert "axes" in production.INSTALLED_APPS
    assert production.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert production.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "ip_address"]
    assert production.CHIDAO_LOGIN_MAX_DELAY_SECONDS == 60
    assert not hasattr(production, "AXES_ENABLED")  # on unless a test turns it off
    assert settings.AXES_ENABLED is False  # the test settings, see settings_test.py


def test_the_session_id_changes_at_sign_in(client):
    UserFactory(username="canbo")
    session = client.session
    session["truoc_dang_nhap"] = 1
    session.save()
    before = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = before
    response = submit_sign_in_form(client, "canbo", PASSWORD)
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_sign_out_ends_the_session_on_the_server(client):
    UserFactory(username="canbo")
    submit_sign_in_form(client, "canbo", PASSWORD)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()
    # Replaying the old cookie gives an anonymous visitor.
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_sign_out_ends_the_sessions_of_the_account_in_every_browser():
    UserFactory(username="canbo")
    other = UserFactory(username="canbo2")
    here, elsewhere, someone_else = Client(), Client(), Client()
    submit_sign_in_form(here, "canbo", PASSWORD)
    submit_sign_in_form(elsewhere, "canbo", PASSWORD)
    submit_sign_in_form(someone_else, "canbo2", PASSWORD)
    key = elsewhere.cookies[settings.SESSION_COOKIE_NAME].value
    assert elsewhere.get(reverse("home")).wsgi_request.user.username == "canbo"
    here.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()
    # The other browser's cookie replayed is anonymous: sent to the sign-in page.
    response = elsewhere.get(reverse("home"))
    assert not response.wsgi_request.user.is_authenticated
    assert response.url.startswith(reverse("login"))
    # Another account's session is untouched.
    assert someone_else.get(reverse("home")).wsgi_request.user == other


def test_an_admin_ends_all_sessions_of_a_user_from_the_user_list():
    user = UserFactory(username="canbo")
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    admin = Client()
    admin.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    response = admin.post(
        reverse("admin:org_user_changelist"),
        {"action": "end_all_sessions", "_selected_action": [user.pk]},
        follow=True,
    )
    assert "Đã kết thúc 2 phiên đăng nhập của 1 tài khoản" in response.content.decode()
    assert not first.get(reverse("home")).wsgi_request.user.is_authenticated
    assert not second.get(reverse("home")).wsgi_request.user.is_authenticated
    assert admin.get(reverse("home")).wsgi_request.user.username == "quantri"


def test_a_disabled_account_loses_its_session_at_the_next_request(client):
    user = UserFactory(username="canbo")
    client.force_login(user)
    assert client.get(reverse("home")).wsgi_request.user == user
    user.is_active = False
    user.save()
    response = client.get(reverse("home"))
    assert not response.wsgi_request.user.is_authenticated
    assert response.url.startswith(reverse("login"))


def test_a_password_change_ends_the_other_sessions_of_the_account():
    user = UserFactory(username="canbo")
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)
    response = here.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-Ha-Giang-2025",
            "new_password2": "Mat-khau-moi-Ha-Giang-2025",
        },
    )
    assert response.status_code == 302
    assert here.get(reverse("home")).wsgi_request.user == user
    assert not elsewhere.get(reverse("home")).wsgi_request.user.is_authenticated
