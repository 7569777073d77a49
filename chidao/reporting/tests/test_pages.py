"""The pages as users touch them: the board, a unit's report, opening a cycle, downloads."""

import re
from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from chidao.core.periods import Period
from chidao.core.tests.world import PASSWORD, build_world, make_user, sign_in
from chidao.reporting.choices import SubmissionState
from chidao.reporting.models import ReportingCycle
from chidao.reporting.tests.factories import build_reporting_cycle

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def moment(day: int, hour: int = 10) -> datetime:
    return datetime(2025, 9, day, hour, tzinfo=HANOI)


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def cycle(world):
    """Quý II/2025 (due 18/6/2025) where three units must report."""
    return build_reporting_cycle(
        committee=world.committee,
        by=world.users["secretariat"],
        units=[world.lead_unit, world.coordinating_unit, world.other_unit],
        period=Period("quarter", 2025, 2),
    )


def test_board_shows_who_sent_on_time_who_late_and_who_not(client, world, cycle):
    lead = cycle.submissions.get(unit=world.lead_unit)
    coordinating = cycle.submissions.get(unit=world.coordinating_unit)
    form = {"results": "Đã ban hành Kế hoạch số 12/KH-STC.", "action": "submit"}
    sign_in(client, world.users["unit_officer"])
    with time_machine.travel(datetime(2025, 6, 17, 16, tzinfo=HANOI), tick=False):
        client.post(reverse("reporting:submission_detail", args=[lead.pk]), form)
    phoihop = world.users["coordinating_officer"]
    client.login(username=phoihop.username, password=PASSWORD)
    with time_machine.travel(datetime(2025, 6, 20, 9, tzinfo=HANOI), tick=False):
        client.post(reverse("reporting:submission_detail", args=[coordinating.pk]), form)

    sign_in(client, world.users["secretariat"])
    with time_machine.travel(datetime(2025, 6, 25, 9, tzinfo=HANOI), tick=False):
        response = client.get(reverse("reporting:cycle_detail", args=[cycle.pk]))

    html = response.content.decode()
    rows = dict(re.findall(r'data-unit="([^"]+)" data-timeliness="([^"]+)"', html))
    assert rows == {
        world.lead_unit.code: "on_time",
        world.coordinating_unit.code: "late",
        world.other_unit.code: "missing",
    }
    assert "17/06/2025" in html
    assert "20/06/2025" in html
    lead.refresh_from_db()
    assert lead.state == SubmissionState.SUBMITTED
    assert lead.sent_by == world.users["unit_officer"]


def test_board_before_the_due_date_shows_reports_still_awaited(client, world, cycle):
    sign_in(client, world.users["secretariat"])

    response = client.get(
        reverse("reporting:cycle_detail", args=[cycle.pk]), {"as_of": "2025-06-18"}
    )

    assert response.content.decode().count('data-timeliness="pending"') == 3


def test_a_unit_cannot_open_another_units_report_in_the_same_cycle(client, world, cycle):
    other = cycle.submissions.get(unit=world.coordinating_unit)
    own = cycle.submissions.get(unit=world.lead_unit)
    sign_in(client, world.users["unit_officer"])

    assert client.get(reverse("reporting:submission_detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("reporting:submission_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("reporting:submission_detail", args=[own.pk])).status_code == 200
    # Its own cycle's board (every unit's state) is not for it.
    assert client.get(reverse("reporting:cycle_detail", args=[cycle.pk])).status_code == 403


def test_sending_without_results_shows_a_vietnamese_error_and_saves_nothing(client, world, cycle):
    own = cycle.submissions.get(unit=world.lead_unit)
    sign_in(client, world.users["unit_officer"])

    response = client.post(
        reverse("reporting:submission_detail", args=[own.pk]),
        {"results": "", "difficulties": "Thiếu nhân lực.", "action": "submit"},
    )

    assert response.status_code == 200
    assert "Mục này không được để trống." in response.content.decode()
    own.refresh_from_db()
    assert (own.state, own.difficulties) == (SubmissionState.DRAFT, "")


def test_the_unit_page_gathers_progress_reports_of_the_window(client, world, cycle):
    from chidao.assignments.services import do_submit_progress

    do_submit_progress(
        task=world.task,
        unit=world.lead_unit,
        by=world.users["unit_officer"],
        reported_on=date(2025, 6, 10),
        percent=40,
        results="Hoàn thành số hóa 1.200 hồ sơ.",
    )
    do_submit_progress(
        task=world.task,
        unit=world.lead_unit,
        by=world.users["unit_officer"],
        reported_on=date(2025, 6, 16),  # after the window closed on 14/6
        percent=50,
        results="Báo cáo của kỳ sau.",
    )
    sign_in(client, world.users["unit_officer"])

    response = client.get(
        reverse(
            "reporting:submission_detail", args=[cycle.submissions.get(unit=world.lead_unit).pk]
        )
    )

    html = response.content.decode()
    assert "Hoàn thành số hóa 1.200 hồ sơ." in html
    assert "Báo cáo của kỳ sau." not in html


def test_the_secretariat_opens_a_quarter_from_the_page(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("reporting:cycle_create"),
        {
            "committee": world.committee.pk,
            "kind": "quarter",
            "year": 2026,
            "number": 3,
            "required_units": [world.lead_unit.pk, world.other_unit.pk],
        },
    )

    cycle = ReportingCycle.objects.get(committee=world.committee, title="Quý III/2026")
    assert response.status_code == 302
    assert (cycle.window_start, cycle.due_on) == (date(2026, 6, 15), date(2026, 9, 18))
    assert cycle.submissions.count() == 2


def test_a_wrong_period_number_gets_a_vietnamese_message(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("reporting:cycle_create"),
        {
            "committee": world.committee.pk,
            "kind": "quarter",
            "year": 2026,
            "number": 5,
            "required_units": [world.lead_unit.pk],
        },
    )

    assert response.status_code == 200
    assert "số kỳ phải từ 1 đến 4" in response.content.decode()


def test_downloads_open_in_word_and_excel_and_the_board_csv_has_a_bom(client, world, cycle):
    sign_in(client, world.users["leader"])
    url = reverse("reporting:report_docx", args=[cycle.pk])

    docx = client.get(url, {"as_of": "2025-06-30"})
    xlsx = client.get(reverse("reporting:report_xlsx", args=[cycle.pk]))
    board = client.get(reverse("reporting:cycle_board_csv", args=[cycle.pk]))

    assert docx["Content-Disposition"] == 'attachment; filename="Bao-Cao-Quy-Ii-2025.docx"'
    word = WordDocument(BytesIO(docx.content))
    assert any(
        "ngày 30 tháng 6 năm 2025" in p.text for t in word.tables for p in t.cell(0, 1).paragraphs
    )
    assert load_workbook(BytesIO(xlsx.content)).sheetnames[0] == "Nhiệm vụ"
    assert board.content.startswith("\ufeff".encode())
    text = board.content.decode("utf-8-sig")
    assert text.splitlines()[0] == 'STT,"Cơ quan, đơn vị",Trạng thái,Ngày gửi,Đánh giá thời hạn'
    assert "Sở Y tế" in text


def test_a_unit_head_approves_what_the_officer_sent(client, world):
    cycle = build_reporting_cycle(
        committee=world.committee,
        by=world.users["secretariat"],
        units=[world.lead_unit],
        period=Period("quarter", 2025, 1),
        requires_unit_head_approval=True,
    )
    submission = cycle.submissions.get()
    sign_in(client, world.users["unit_officer"])
    url = reverse("reporting:submission_detail", args=[submission.pk])
    client.post(url, {"results": "Đã số hóa 80% hồ sơ.", "action": "submit"})
    submission.refresh_from_db()
    assert submission.state == SubmissionState.AWAITING_UNIT_HEAD

    sign_in(client, world.users["unit_head"])
    client.post(reverse("reporting:submission_approve", args=[submission.pk]))

    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED
    assert submission.approved_by == world.users["unit_head"]


def test_a_new_unit_officer_sees_the_report_to_write_in_the_list(client, world, cycle):
    officer = make_user("canbomoi", world.lead_unit)
    client.login(username=officer.username, password=PASSWORD)

    response = client.get(reverse("reporting:cycle_list"))

    html = response.content.decode()
    assert (
        reverse(
            "reporting:submission_detail", args=[cycle.submissions.get(unit=world.lead_unit).pk]
        )
        in html
    )
    assert reverse("reporting:cycle_detail", args=[cycle.pk]) not in html


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_board_and_list_queries_do_not_grow_with_the_number_of_units(client, world, cycle):
    small = world.objects["cycle"]  # one unit
    sign_in(client, world.users["secretariat"])

    board = [
        count_queries(client, reverse("reporting:cycle_detail", args=[c.pk]))
        for c in (small, cycle)
    ]
    listing = count_queries(client, reverse("reporting:cycle_list"))

    # Session, user with person, roles (2), cycle, its units' reports, the messages:
    # whatever the units.
    assert board == [7, 7]
    assert listing == 7


def test_an_ad_hoc_report_is_opened_without_a_period(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("reporting:cycle_create"),
        {
            "committee": world.committee.pk,
            "kind": "ad_hoc",
            "title": "Báo cáo phục vụ Đoàn công tác của Trung ương",
            "window_start": "2025-01-01",
            "window_end": "2025-10-31",
            "due_on": "2025-11-05",
            "required_units": [world.lead_unit.pk],
        },
    )

    assert response.status_code == 302
    cycle = ReportingCycle.objects.get(kind="ad_hoc")
    assert (cycle.window_start, cycle.window_end, cycle.due_on) == (
        date(2025, 1, 1),
        date(2025, 10, 31),
        date(2025, 11, 5),
    )


def test_the_secretariat_numbers_the_report_and_closes_the_cycle(client, world, cycle):
    sign_in(client, world.users["secretariat"])

    client.post(
        reverse("reporting:cycle_edit", args=[cycle.pk]),
        {
            "title": cycle.title,
            "due_on": "2025-06-20",
            "required_units": [world.lead_unit.pk, world.other_unit.pk],
            "report_number": "42",
            "issuer_code": "BCĐ",
            "place": "Nam Định",
            "recipients": "- Thường trực Tỉnh ủy (để báo cáo);\n- Lưu: VT.",
        },
    )
    client.post(reverse("reporting:cycle_close", args=[cycle.pk]))

    cycle.refresh_from_db()
    assert (cycle.report_number, cycle.due_on, cycle.state) == ("42", date(2025, 6, 20), "closed")
    assert set(cycle.submissions.values_list("unit", flat=True)) == {
        world.lead_unit.pk,
        world.other_unit.pk,
    }
    report = client.get(reverse("reporting:report_docx", args=[cycle.pk]), {"as_of": "2025-06-30"})
    header = WordDocument(BytesIO(report.content)).tables[0].rows[0].cells[0]
    assert header.paragraphs[-1].text == "Số: 42/BC-BCĐ"
    # A closed cycle takes no more reports: the unit's page no longer offers the form.
    sign_in(client, world.users["unit_officer"])
    own = cycle.submissions.get(unit=world.lead_unit)
    assert client.post(reverse("reporting:submission_detail", args=[own.pk])).status_code == 403


def test_the_cycle_list_exports_as_csv_and_xlsx(client, world, cycle):
    sign_in(client, world.users["leader"])
    url = reverse("reporting:cycle_list")

    as_csv = client.get(url, {"xuat": "csv"})
    as_xlsx = client.get(url, {"xuat": "xlsx"})

    lines = as_csv.content.decode("utf-8-sig").splitlines()
    assert as_csv.content.startswith("\ufeff".encode())
    assert lines[0].startswith("STT,Kỳ báo cáo,Loại kỳ,Ban Chỉ đạo")
    assert {line.split(",")[1] for line in lines[1:]} == {"Quý II/2025", "Quý III/2025"}
    sheet = load_workbook(BytesIO(as_xlsx.content)).active
    assert sheet.title == "Kỳ báo cáo"
    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        "Kỳ báo cáo",
        "Quý III/2025",
        "Quý II/2025",
    ]
