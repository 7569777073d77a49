"""Redis is an accelerator, not a single point of failure (issue 19, item 10).

With ``REDIS_URL`` pointing at a Redis that does not answer (a closed port), the pages
whose rate limits and caches live in Redis still answer, the warning is logged once per
retry period, and the Huey worker waits instead of logging an error per poll.
"""

import logging
import runpy
import threading

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from huey.consumer import Scheduler, Worker

import chidao.settings as production
from chidao.core import resilience
from chidao.core.tests.world import PASSWORD, build_world

CLOSED_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def production_redis_settings(monkeypatch):
    """CACHES and HUEY exactly as the production settings build them for ``REDIS_URL``."""
    monkeypatch.setenv("REDIS_URL", CLOSED_REDIS)
    monkeypatch.setenv("CHIDAO_SECRET_KEY", "tests-only-key-not-a-secret")
    built = runpy.run_path(production.__file__)
    resilience._cache_outages.clear()
    yield built
    resilience._cache_outages.clear()


@pytest.fixture
def fake_sleep(monkeypatch):
    """The outage's waits, recorded instead of slept, on a clock they move forward."""
    now = [1000.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(resilience.time, "sleep", sleep)
    monkeypatch.setattr(resilience.time, "monotonic", lambda: now[0])
    return slept


@pytest.mark.django_db
def test_every_page_answers_with_redis_down(production_redis_settings, caplog):
    world = build_world()
    caches = production_redis_settings["CACHES"]
    assert caches["default"]["BACKEND"] == "chidao.core.resilience.ResilientRedisCache"
    pages = [
        ("leader", reverse("dashboards:committee_dashboard", kwargs={"pk": world.committee.pk})),
        ("anonymous", reverse("dashboards:public_index")),
        ("anonymous", reverse("dashboards:public_committee", kwargs={"pk": world.committee.pk})),
        ("secretariat", reverse("assignments:task_export")),
        ("secretariat", reverse("dashboards:unit_ranking_xlsx", kwargs={"pk": world.committee.pk})),
        ("unit_officer", "/api/v1/tasks/"),
        ("unit_officer", reverse("api:docs")),
        ("anonymous", reverse("login")),
    ]
    with (
        override_settings(
            CACHES=caches,
            CHIDAO_API_RATE_USER="600/min",
            CHIDAO_API_RATE_ANON="60/min",
            CHIDAO_EXPORT_RATE="60/hour",
            CHIDAO_HEAVY_PAGE_RATE="120/min",
        ),
        caplog.at_level(logging.WARNING, logger="chidao.core.resilience"),
    ):
        for role, url in pages:
            client = Client(raise_request_exception=False)
            if role != "anonymous":
                client.login(username=world.users[role].username, password=PASSWORD)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    warnings = [r for r in caplog.records if r.name == "chidao.core.resilience"]
    assert len(warnings) == 1
    assert "Redis unreachable for the cache" in warnings[0].getMessage()


def test_the_worker_waits_out_a_dead_redis_with_one_log_line_per_period(
    production_redis_settings, fake_sleep, caplog
):
    config = {**production_redis_settings["HUEY"]}
    assert config["huey_class"] == "chidao.core.resilience.ResilientRedisHuey"
    huey = resilience.ResilientRedisHuey(config["name"], url=config["url"])
    stop = threading.Event()
    worker = Worker(huey, stop, default_delay=0.1, max_delay=10, backoff=1.15)
    scheduler = Scheduler(huey, stop, interval=1, periodic=False)
    with caplog.at_level(logging.WARNING):
        for _ in range(200):  # about 200 seconds of polling on the fake clock
            worker.loop()
        scheduler.loop()
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    retry_periods = sum(fake_sleep) / resilience.RETRY_SECONDS
    assert sum(fake_sleep) >= 190
    # One line per retry period (+1 for the first failure), never one per poll.
    assert len(lines) <= retry_periods + 1
    assert all("Redis unreachable for the task queue" in r.getMessage() for r in lines)


def test_the_production_settings_use_the_resilient_backends(monkeypatch):
    monkeypatch.setenv("REDIS_URL", CLOSED_REDIS)
    built = runpy.run_path(production.__file__)
    assert built["CACHES"]["default"]["BACKEND"] == "chidao.core.resilience.ResilientRedisCache"
    assert built["HUEY"]["huey_class"] == "chidao.core.resilience.ResilientRedisHuey"


def test_two_installations_on_one_redis_have_their_own_queue(monkeypatch):
    """The queue's name was "chidao" everywhere, so two installations sharing a Redis
    took each other's jobs; it now follows the installation's database."""
    monkeypatch.setenv("REDIS_URL", CLOSED_REDIS)
    monkeypatch.delenv("CHIDAO_HUEY_NAME", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://chidao@db.tinh-a.vn:5432/chidao")
    province_a = runpy.run_path(production.__file__)["HUEY"]["name"]
    monkeypatch.setenv("DATABASE_URL", "postgres://chidao@db.tinh-b.vn:5432/chidao")
    province_b = runpy.run_path(production.__file__)["HUEY"]["name"]
    assert province_a != province_b
    assert province_a.startswith("chidao-")
    assert runpy.run_path(production.__file__)["HUEY"]["name"] == province_b  # stable
    monkeypatch.setenv("CHIDAO_HUEY_NAME", "chidao-tinh-b")
    assert runpy.run_path(production.__file__)["HUEY"]["name"] == "chidao-tinh-b"


@pytest.mark.django_db
def test_readyz_answers_ok_with_a_live_redis(client, monkeypatch):
    """The other side of /readyz's Redis checks: a Redis that answers is ready (Redis at
    ``CHIDAO_TEST_REDIS_URL``, as the shared-cache test in test_security_headers.py)."""
    import os

    import redis
    from huey.contrib import djhuey

    url = os.environ.get("CHIDAO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {url} is unreachable")
        pytest.skip(f"Redis at {url} is unreachable (not in CI; set CHIDAO_TEST_REDIS_URL)")
    monkeypatch.setattr(djhuey, "HUEY", resilience.ResilientRedisHuey("chidao-test", url=url))
    cache = {"BACKEND": "chidao.core.resilience.ResilientRedisCache", "LOCATION": url}
    with override_settings(
        CACHES={"default": cache},
        HUEY={"huey_class": "chidao.core.resilience.ResilientRedisHuey", "url": url},
    ):
        response = client.get(reverse("readyz"), secure=True)
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "queue": "ok"}
