"""No lost updates through the API: a value written over a newer one is a 409 with the
reason as JSON, and nothing is saved; the client reads again and sends the new version."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from chidao.api.services import do_create_api_token
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.world import build_world, make_user
from chidao.indicators.models import Observation


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    world = build_world()
    world.users["unit_officer"].person.full_name = "Lê Văn Cường"
    world.users["unit_officer"].person.save()
    world.users["second_officer"] = make_user("canbo2", world.lead_unit)
    return world


def api_client(user) -> APIClient:
    _token, secret = do_create_api_token(by=user, name="Hệ thống 57")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def send(client, world, value, **extra):
    indicator = world.objects["indicator"]
    period = Period.containing(PeriodKind(indicator.frequency), timezone.localdate())
    body = {"indicator": indicator.pk, "period": period.label, "value": value, **extra}
    return client.post(reverse("api:observation-list"), body, format="json")


def test_a_write_over_a_newer_value_is_a_409_naming_the_change(world):
    cuong = api_client(world.users["unit_officer"])
    dung = api_client(world.users["second_officer"])
    created = send(cuong, world, "40")
    assert created.status_code == 201, created.json()
    pk, first_version = created.json()[0]["id"], created.json()[0]["version"]
    detail = reverse("api:observation-detail", kwargs={"pk": pk})
    dung_read = dung.get(detail).json()
    assert dung_read["version"] == first_version

    cuong_write = send(cuong, world, "45,5", note="Số liệu quý", version=first_version)
    dung_write = send(dung, world, "50", version=dung_read["version"])

    assert cuong_write.status_code == 201
    assert dung_write.status_code == 409
    body = dung_write.json()
    assert body["code"] == "edit_conflict"
    assert body["detail"].startswith(
        "Số liệu đã được Lê Văn Cường sửa lúc 09:00 20/11/2025 trong khi bạn đang sửa. "
        "Các trường đã thay đổi: Giá trị, Ghi chú."
    )
    [conflict] = body["conflicts"]
    assert conflict["id"] == pk
    assert (conflict["your_version"], conflict["current_version"]) == (
        first_version,
        first_version + 1,
    )
    assert conflict["changed_fields"] == ["value", "note"]
    assert conflict["changed_by"] == "Lê Văn Cường"
    saved = Observation.objects.get(pk=pk)
    assert (saved.value, saved.note) == (Decimal("45.5"), "Số liệu quý")

    # Dũng reads again and sends the version he now holds.
    again = send(dung, world, "50", version=dung.get(detail).json()["version"])

    assert again.status_code == 201, again.json()
    assert again.json()[0]["version"] == first_version + 2
    assert Observation.objects.get(pk=pk).value == Decimal("50")


def test_a_value_sent_without_a_version_never_overwrites_one_already_there(world):
    cuong = api_client(world.users["unit_officer"])
    assert send(cuong, world, "40").status_code == 201

    response = send(api_client(world.users["second_officer"]), world, "99")

    assert response.status_code == 409
    assert response.json()["conflicts"][0]["your_version"] == 0
    assert "đã được Lê Văn Cường nhập lúc 09:00 20/11/2025" in response.json()["detail"]
    assert Observation.objects.get(pk=response.json()["conflicts"][0]["id"]).value == 40


def test_the_schema_documents_the_version_and_the_409(world):
    client = APIClient()
    client.force_authenticate(world.users["unit_officer"])

    schema = client.get(reverse("api:schema"), {"format": "json"}).json()

    create = schema["paths"]["/api/v1/observations/"]["post"]
    assert "409" in create["responses"]
    entry = schema["components"]["schemas"]["ObservationEntry"]["properties"]
    assert entry["version"]["minimum"] == 0
    observation = schema["components"]["schemas"]["Observation"]
    assert observation["properties"]["version"]["readOnly"] is True
    task = schema["components"]["schemas"]["Task"]["properties"]
    assert task["version"]["readOnly"] is True
