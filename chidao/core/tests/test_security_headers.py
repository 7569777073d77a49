"""Transport, headers and API limits (issue 5, items 4 and 9) with production-like
settings, and ``check --deploy`` clean with the production settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import path, reverse

import chidao.settings as production
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-thu-nghiem-2025"
PRODUCTION_LIKE = override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)


@PRODUCTION_LIKE
def test_plain_http_is_redirected_to_https(client):
    response = client.get(reverse("login"))
    assert response.status_code == 301
    assert response.url.startswith("https://")


@PRODUCTION_LIKE
def test_every_response_carries_the_security_headers(client):
    response = client.get(reverse("login"), secure=True)
    assert response.status_code == 200
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    # Nothing is loaded from the internet (DESIGN.md §5): no other host in the policy.
    assert "http" not in policy


@PRODUCTION_LIKE
def test_cookies_are_secure_httponly_and_samesite(client):
    UserFactory(username="canbo")
    page = client.get(reverse("login"), secure=True)
    csrf = page.cookies[settings.CSRF_COOKIE_NAME]
    response = client.post(
        reverse("login"),
        {"username": "canbo", "password": PASSWORD, "csrfmiddlewaretoken": csrf.value},
        secure=True,
    )
    assert response.status_code == 302
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        cookie = response.cookies[name] if name in response.cookies else page.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    UserFactory(username="canbo")
    response = client.post(reverse("login"), {"username": "canbo", "password": PASSWORD})
    assert response.status_code == 403


def test_production_settings_turn_https_on_when_debug_is_off():
    assert production.DEBUG is False
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SESSION_COOKIE_SECURE is True
    assert production.CSRF_COOKIE_SECURE is True
    assert production.SESSION_COOKIE_HTTPONLY is True
    assert production.CSRF_COOKIE_HTTPONLY is True
    assert production.X_FRAME_OPTIONS == "DENY"


def test_production_policy_allows_script_from_files_only():
    directives = {
        name: rest.split()
        for name, _, rest in (
            part.strip().partition(" ")
            for part in production.CHIDAO_CONTENT_SECURITY_POLICY.split(";")
        )
    }
    # An injected <script> or onclick= must not run, nor a string turned into code.
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


def test_check_deploy_passes_with_the_production_settings():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CHIDAO_", "DJANGO_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "chidao.settings",
        "CHIDAO_SECRET_KEY": secrets.token_urlsafe(64),
        "CHIDAO_ALLOWED_HOSTS": "chidao.example.gov.vn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def broken_view(request):
    raise RuntimeError("bí mật trong ngăn xếp")


urlpatterns = [path("hong/", broken_view)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_error_with_debug_off_shows_no_stack_trace():
    client = Client(raise_request_exception=False)
    response = client.get("/hong/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "bí mật" not in body
    assert "Traceback" not in body
    assert "RuntimeError" not in body


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@override_settings(CHIDAO_API_RATE_USER="3/min")
def test_the_api_answers_429_with_retry_after_past_the_rate(client, fresh_cache):
    client.force_login(UserFactory())
    url = reverse("api:unit-list")
    for _ in range(3):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


@override_settings(CHIDAO_API_RATE_USER="3/min")
def test_the_rate_is_counted_per_user(client, fresh_cache):
    url = reverse("api:unit-list")
    client.force_login(UserFactory())
    for _ in range(3):
        client.get(url)
    assert client.get(url).status_code == 429
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200


def test_api_rates_are_on_in_production_settings():
    assert production.CHIDAO_API_RATE_USER
    assert production.CHIDAO_API_RATE_ANON
    assert production.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]


@override_settings(CHIDAO_EXPORT_RATE="2/min")
def test_exports_answer_429_with_retry_after_past_the_rate(client, fresh_cache, still_rate_clock):
    client.force_login(UserFactory())
    url = reverse("assignments:task_export")
    for _ in range(2):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "quá nhiều yêu cầu" in response.content.decode()
    # Another user is counted apart; other pages are not limited.
    assert client.get(reverse("home")).status_code in (200, 302)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200


@override_settings(CHIDAO_IMPORT_RATE="1/hour")
def test_import_uploads_are_limited_but_not_their_pages(client, fresh_cache, still_rate_clock):
    client.force_login(UserFactory())
    url = reverse("imports:task_upload", kwargs={"committee_pk": 1})
    assert client.post(url).status_code != 429
    assert client.post(url).status_code == 429
    assert client.get(url).status_code != 429


@override_settings(CHIDAO_HEAVY_PAGE_RATE="2/min")
def test_heavy_pages_answer_429_with_retry_after_past_the_rate(
    client, fresh_cache, still_rate_clock
):
    committee = CommitteeFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("dashboards:committee_dashboard", args=[committee.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("dashboards:unit_ranking", args=[committee.pk])).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "quá nhiều yêu cầu mở trang này" in response.content.decode()
    # Ordinary pages are not limited; another user is counted apart.
    assert client.get(reverse("assignments:task_list")).status_code == 200
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 200


@override_settings(CHIDAO_HEAVY_PAGE_RATE="1/min")
def test_the_public_page_is_limited_per_address_when_anonymous(
    client, fresh_cache, still_rate_clock
):
    url = reverse("dashboards:public_index")
    assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_heavy_request_limits_are_on_in_production_settings():
    assert production.CHIDAO_EXPORT_RATE
    assert production.CHIDAO_IMPORT_RATE
    assert production.CHIDAO_HEAVY_PAGE_RATE
    assert "chidao.core.ratelimit.HeavyRequestRateLimitMiddleware" in production.MIDDLEWARE


def test_with_redis_url_the_cache_is_shared_by_every_worker(monkeypatch):
    """Two workers' caches built from the production settings with REDIS_URL see one
    counter: the second worker refuses a request past a limit the first one counted."""
    import runpy

    import redis
    from django.core.cache import CacheHandler

    from chidao.core import ratelimit

    url = os.environ.get("CHIDAO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {url} is unreachable")
        pytest.skip(f"Redis at {url} is unreachable (not in CI; set CHIDAO_TEST_REDIS_URL)")
    monkeypatch.setenv("REDIS_URL", url)
    caches_setting = runpy.run_path(production.__file__)["CACHES"]
    assert caches_setting["default"]["BACKEND"] == "chidao.core.resilience.ResilientRedisCache"
    worker_one = CacheHandler(caches_setting)["default"]
    worker_two = CacheHandler(caches_setting)["default"]
    assert worker_one is not worker_two
    key = f"test-{secrets.token_hex(8)}"
    try:
        monkeypatch.setattr(ratelimit, "cache", worker_one)
        assert ratelimit.hit(key, 1, 60, now=120.0) == 0
        monkeypatch.setattr(ratelimit, "cache", worker_two)
        assert ratelimit.hit(key, 1, 60, now=121.0) == 59
        assert worker_one.get(f"chidao-rate:{key}:2") == 2
    finally:
        worker_one.delete(f"chidao-rate:{key}:2")


def test_without_redis_url_each_process_keeps_its_own_cache():
    assert production.CACHES["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
