"""Two-step sign-in (issue 5, item 3): TOTP required for admins and secretariat, optional
for others (chidao.core.twofactor). The test settings turn the requirement off for the
rest of the suite; here it is on."""

from base64 import b32decode

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.twofactor import do_generate_recovery_codes
from chidao.org.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_required")]

PASSWORD = "Mat-khau-thu-nghiem-2025"


@pytest.fixture
def _required():
    with override_settings(CHIDAO_TWO_FACTOR_REQUIRED=True):
        yield


def code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def submit_sign_in_form(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_an_admin_must_set_up_an_authenticator_before_any_page(client):
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    submit_sign_in_form(client, admin)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor_setup"))
    page = client.get(response.url)
    assert "Cài đặt xác thực hai bước" in page.content.decode()
    assert "phải bật xác thực hai bước" in page.content.decode()
    # Showing the key stores nothing (GET never changes state); the app is set up from
    # the key as shown on the page.
    assert not TOTPDevice.objects.filter(user=admin).exists()
    assert client.get(response.url).context["secret"] == page.context["secret"]
    shown = TOTPDevice(key=b32decode(page.context["secret"].replace(" ", "")).hex())

    key_before = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("two_factor_setup"), {"token": code(shown), "next": "/"})
    # Confirmed: the ten recovery codes are shown, this once.
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 == len(set(codes))
    assert all(c in response.content.decode() for c in codes)
    assert response["Cache-Control"] == "no-store"
    device = TOTPDevice.objects.get(user=admin)
    assert device.confirmed is True
    assert device.key == shown.key
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != key_before
    assert client.get(reverse("home")).wsgi_request.user == admin


def test_a_secretariat_member_must_set_up_an_authenticator(client):
    user = UserFactory(username="thuongtruc")
    Membership.objects.create(
        committee=CommitteeFactory(), person=user.person, role=MemberRole.SUPPORT_TEAM
    )
    submit_sign_in_form(client, user)
    assert client.get(reverse("home")).url.startswith(reverse("two_factor_setup"))


def test_a_unit_officer_may_skip_it_or_set_it_up(client):
    officer = UserFactory(username="canbo")
    submit_sign_in_form(client, officer)
    response = client.get(reverse("home"))
    assert not response.url.startswith(reverse("two_factor_setup"))
    assert response.wsgi_request.user == officer
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert "phải bật" not in page.content.decode()


def test_with_an_authenticator_the_code_is_asked_after_the_password(client):
    officer = UserFactory(username="canbo")
    device = TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    submit_sign_in_form(client, officer)
    target = reverse("two_factor_verify")
    response = client.get(reverse("home"))
    assert response.url.startswith(target)
    # Nothing else opens until the code is given, not even the API through the session.
    assert client.get(reverse("api:unit-list")).url.startswith(target)
    response = client.post(target, {"token": code(device), "next": reverse("api:unit-list")})
    assert response.url == reverse("api:unit-list")
    assert client.get(reverse("api:unit-list")).status_code == 200


def test_a_wrong_code_is_refused_and_the_step_stays(client):
    officer = UserFactory(username="canbo")
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    submit_sign_in_form(client, officer)
    wrong = client.post(reverse("two_factor_verify"), {"token": "000000", "next": "/"})
    assert wrong.status_code == 200
    assert "Mã xác thực không đúng" in wrong.content.decode()
    assert client.get(reverse("home")).url.startswith(reverse("two_factor_verify"))


def test_a_wrong_code_while_setting_up_keeps_the_key_and_is_counted(client):
    officer = UserFactory(username="canbo")
    submit_sign_in_form(client, officer)
    secret = client.get(reverse("two_factor_setup")).context["secret"]
    wrong = client.post(reverse("two_factor_setup"), {"token": "000000", "next": "/"})
    assert wrong.status_code == 200
    assert "Mã xác thực không đúng" in wrong.content.decode()
    # The app already holds the key shown: it stays; wrong codes count towards throttling.
    assert wrong.context["secret"] == secret
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed is False
    assert device.throttling_failure_count == 1
    client.post(reverse("two_factor_setup"), {"token": "000001", "next": "/"})
    assert TOTPDevice.objects.get(user=officer).throttling_failure_count >= 1
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_sign_out_stays_open_during_the_second_step(client):
    officer = UserFactory(username="canbo")
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    submit_sign_in_form(client, officer)
    client.post(reverse("logout"))
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_an_outside_next_address_is_not_followed(client):
    officer = UserFactory(username="canbo")
    device = TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    submit_sign_in_form(client, officer)
    response = client.post(
        reverse("two_factor_verify"), {"token": code(device), "next": "https://vi-du.com/"}
    )
    assert response.url == "/"


def test_the_requirement_is_on_in_production_settings():
    import chidao.settings as production

    assert production.CHIDAO_TWO_FACTOR_REQUIRED is (not production.DEMO_MODE)
    assert "chidao.core.twofactor.TwoFactorMiddleware" in production.MIDDLEWARE


def test_a_recovery_code_replaces_the_code_once(client):
    officer = UserFactory(username="canbo")
    TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    first, second = do_generate_recovery_codes(user=officer)[:2]
    target = reverse("two_factor_verify")
    submit_sign_in_form(client, officer)
    response = client.post(target, {"token": first.upper(), "next": reverse("home")})
    assert response.url == reverse("home")
    page = client.get(reverse("home"), follow=True)
    assert page.wsgi_request.user == officer
    assert "còn 9 mã" in page.content.decode()
    client.post(reverse("logout"))
    submit_sign_in_form(client, officer)
    response = client.post(target, {"token": first, "next": reverse("home")})
    assert response.status_code == 200
    assert "Mã xác thực không đúng" in response.content.decode()
    assert client.get(reverse("home")).url.startswith(target)
    # The wrong try is throttled by django-otp; once the delay has passed another code works.
    StaticDevice.objects.filter(user=officer).update(throttling_failure_count=0)
    assert client.post(target, {"token": second, "next": "/"}).url == "/"


def test_recovery_codes_are_made_anew_and_the_old_ones_stop_working(client):
    officer = UserFactory(username="canbo")
    device = TOTPDevice.objects.create(user=officer, name="TOTP", confirmed=True)
    old = do_generate_recovery_codes(user=officer)
    client.force_login(officer)
    url = reverse("two_factor_recovery_codes")
    # The page waits behind the second step like every other.
    assert client.get(url).url.startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_verify"), {"token": code(device), "next": "/"})
    page = client.get(url)
    assert "Bạn còn 10 mã dự phòng" in page.content.decode()
    assert old[0] not in page.content.decode()
    response = client.post(url)
    new = response.context["codes"]
    assert len(new) == 10
    assert not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=officer, token__in=old).count() == 0
    assert StaticToken.objects.filter(device__user=officer, token__in=new).count() == 10


def test_recovery_codes_need_an_authenticator_first(client):
    officer = UserFactory(username="canbo")
    client.force_login(officer)
    response = client.post(reverse("two_factor_recovery_codes"))
    assert response.url == reverse("two_factor_setup")
    assert not StaticToken.objects.filter(device__user=officer).exists()


def test_the_user_menu_links_to_the_two_step_set_up(client):
    client.force_login(UserFactory(username="canbo"))
    assert reverse("two_factor_setup") in client.get(reverse("home"), follow=True).content.decode()
