"""The liveness check answers without a session and without the database; the readiness
check answers 503 when the database, Redis or the queue cannot do their work."""

from unittest import mock

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client, override_settings
from django.urls import reverse


def test_healthz_answers_ok_without_signing_in(client):
    # No database fixture: a query anywhere in the request would raise here.
    response = client.get(reverse("healthz"), secure=True)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_refuses_writes(client, method):
    response = getattr(client, method)(reverse("healthz"), secure=True)
    assert response.status_code == 405


# Readiness (issue 19, item 5): the database, and Redis and the queue when configured.

CLOSED_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.django_db
def test_readyz_answers_ok_when_the_database_reads_and_writes(client):
    response = client.get(reverse("readyz"), secure=True)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_answers_503_for_a_read_only_database_with_the_reason_in_the_log_only(
    client, caplog
):
    if connection.vendor != "sqlite":
        pytest.skip("read-only switch shown with SQLite's query_only; PostgreSQL: see below")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        response = client.get(reverse("readyz"), secure=True)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "checks": {"database": "fail"}}
    assert "readonly" in caplog.text
    assert "readonly" not in response.content.decode()


# Outside the test's own transaction: the read-only default applies to transactions
# begun after it is set, as the check's own transaction is in production.
@pytest.mark.django_db(transaction=True)
def test_readyz_answers_503_for_a_read_only_postgresql_database(client, caplog):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's read-only transactions; SQLite: the test above")
    with connection.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = on")
    try:
        response = client.get(reverse("readyz"), secure=True)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET default_transaction_read_only = off")
    assert response.status_code == 503
    assert "read-only" in caplog.text


@pytest.mark.django_db
def test_readyz_answers_503_when_redis_and_the_queue_are_unreachable(client, monkeypatch):
    from huey.contrib import djhuey

    from chidao.core.resilience import ResilientRedisHuey

    monkeypatch.setattr(djhuey, "HUEY", ResilientRedisHuey("chidao-test", url=CLOSED_REDIS))
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "chidao.core.resilience.ResilientRedisCache",
                "LOCATION": CLOSED_REDIS,
            }
        },
        HUEY={"huey_class": "chidao.core.resilience.ResilientRedisHuey", "url": CLOSED_REDIS},
    ):
        response = client.get(reverse("readyz"), secure=True)
    assert response.status_code == 503
    assert response.json() == {
        "status": "fail",
        "checks": {"database": "ok", "cache": "fail", "queue": "fail"},
    }


def test_a_database_failure_shows_the_vietnamese_error_page(caplog):
    """The database stops answering mid-request: the page is the Vietnamese 500 page,
    rendered without a single query (this test has no database at all)."""
    client = Client(raise_request_exception=False)
    down = OperationalError("could not connect to server: Connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=down):
        response = client.get(reverse("proposals:public_track"), {"ma": "ABCD-1234"}, secure=True)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Hệ thống gặp lỗi" in body
    assert "Connection refused" not in body
    assert "Server Error" not in body
