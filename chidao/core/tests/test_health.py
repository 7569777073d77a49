"""The liveness check answers without a session and without the database."""

import pytest
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
