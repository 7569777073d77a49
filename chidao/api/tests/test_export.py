"""The export for the upper level: one builder behind the API call and the command."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from chidao.api.tests.test_api import api_client
from chidao.core.periods import PeriodKind
from chidao.core.tests.world import build_world
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation, Target
from chidao.indicators.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    indicator = IndicatorFactory(committee=world.committee, code="KPI-1", frequency=PeriodKind.YEAR)
    Target.objects.create(indicator=indicator, year=2025, text="≥ 80")
    Observation.objects.create(
        indicator=indicator,
        unit=world.lead_unit,
        period_kind=PeriodKind.YEAR,
        period_start=date(2025, 1, 1),
        value=Decimal("82.5"),
        state=ObservationState.APPROVED,
    )
    return world


def test_secretariat_exports_tasks_and_indicator_values_as_json(world):
    client = api_client(world.users["secretariat"])
    url = reverse("api:committee-export", kwargs={"pk": world.committee.pk})

    data = client.get(url, {"period": "2025"}).json()

    assert data["schema"] == "chidao.upper-level-export/1"
    assert data["period"]["label"] == "Năm 2025"
    task = next(row for row in data["tasks"] if row["code"] == world.task.code)
    assert task["lead_unit"]["name"] == world.lead_unit.name
    assert task["status"] == "in_progress"
    kpi = next(row for row in data["indicators"] if row["code"] == "KPI-1")
    assert kpi["target"] == "≥ 80"
    assert kpi["values"] == [
        {
            "unit": {"code": world.lead_unit.code, "name": world.lead_unit.name},
            "value": "82.5000",
            "note": "",
        }
    ]


def test_the_export_is_also_a_workbook(world):
    client = api_client(world.users["secretariat"])
    url = reverse("api:committee-export", kwargs={"pk": world.committee.pk})

    response = client.get(url, {"period": "2025", "output": "xlsx"})

    book = load_workbook(io.BytesIO(response.content))
    assert [sheet.title for sheet in book.worksheets] == ["Nhiệm vụ", "Chỉ tiêu"]
    codes = [row[0] for row in book["Nhiệm vụ"].iter_rows(min_row=3, values_only=True)]
    assert world.task.code in codes


def test_only_the_secretariat_exports(world):
    url = reverse("api:committee-export", kwargs={"pk": world.committee.pk})
    assert api_client(world.users["unit_officer"]).get(url).status_code == 403
    assert api_client(world.users["other_secretariat"]).get(url).status_code == 404
    bad = api_client(world.users["secretariat"]).get(url, {"period": "mai kia"})
    assert bad.status_code == 400


def test_the_command_writes_the_same_export(world, tmp_path):
    out = tmp_path / "export.json"
    call_command(
        "export_upper_level",
        "--committee",
        str(world.committee.pk),
        "--period",
        "2025",
        "-o",
        str(out),
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {row["code"] for row in data["tasks"]} >= {world.task.code}
