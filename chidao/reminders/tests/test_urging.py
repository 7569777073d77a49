"""The secretariat urges a task's unit, or a unit on all its overdue tasks."""

import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import sign_in
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.models import Notification, Urge

MORNING = datetime.datetime(2025, 7, 10, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def secretariat_client(client, setting):
    return sign_in(client, setting.secretariat)


def test_urging_a_task_records_it_and_tells_the_unit(secretariat_client, setting):
    url = reverse("reminders:urge_task", kwargs={"pk": setting.task.pk})
    assert secretariat_client.get(url).status_code == 200

    response = secretariat_client.post(url, {"message": "Đề nghị báo cáo trước ngày 15/7."})

    assert response.status_code == 302
    urge = Urge.objects.get()
    assert (urge.task, urge.unit, urge.by) == (
        setting.task,
        setting.task.lead_unit,
        setting.secretariat,
    )
    notices = Notification.objects.filter(kind=NotificationKind.URGED, channel=Channel.IN_APP)
    assert sorted(n.recipient.username for n in notices) == ["canbo", "lanhdaodonvi"]
    assert "Đề nghị báo cáo trước ngày 15/7." in notices[0].text
    # the secretariat sees it among the reminders sent this week
    listed = secretariat_client.get(reverse("reminders:sent_list")).context["page"].object_list
    assert {n.kind for n in listed} == {NotificationKind.URGED}


def test_an_empty_message_is_refused(secretariat_client, setting):
    url = reverse("reminders:urge_task", kwargs={"pk": setting.task.pk})
    response = secretariat_client.post(url, {"message": "  "})
    assert response.status_code == 200
    assert not Urge.objects.exists()


def test_urging_a_unit_lists_its_overdue_tasks(secretariat_client, setting):
    TaskFactory(
        committee=setting.committee,
        lead_unit=setting.task.lead_unit,
        code="II.4",
        deadline=datetime.date(2030, 1, 1),  # not overdue: left out
    )
    url = reverse(
        "reminders:urge_unit",
        kwargs={"committee_pk": setting.committee.pk, "unit_pk": setting.task.lead_unit.pk},
    )
    with time_machine.travel(MORNING, tick=False):
        page = secretariat_client.get(url)
        assert [t.code for t in page.context["overdue"]] == ["II.3.a"]
        response = secretariat_client.post(url, {"message": "Khẩn trương hoàn thành."})

    assert response.status_code == 302
    urge = Urge.objects.get()
    assert list(urge.tasks.values_list("code", flat=True)) == ["II.3.a"]
    notice = Notification.objects.filter(channel=Channel.IN_APP, recipient=setting.officer).get()
    assert "II.3.a Ban hành kế hoạch chuyển đổi số, hạn 30/06/2025, quá 10 ngày" in notice.text


def test_a_unit_without_overdue_tasks_is_not_urged(secretariat_client, setting):
    url = reverse(
        "reminders:urge_unit",
        kwargs={"committee_pk": setting.committee.pk, "unit_pk": setting.task.lead_unit.pk},
    )
    with time_machine.travel(datetime.datetime(2025, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        response = secretariat_client.post(url, {"message": "Khẩn trương."})
    assert response.status_code == 200
    assert "Đơn vị không có nhiệm vụ quá hạn." in response.content.decode()
    assert not Urge.objects.exists()


def test_the_urging_letter_lists_overdue_and_due_soon_tasks(secretariat_client, setting):
    TaskFactory(
        committee=setting.committee,
        lead_unit=setting.task.lead_unit,
        code="II.5",
        title="Xây dựng cơ sở dữ liệu",
        deadline=datetime.date(2025, 7, 14),
    )
    url = reverse(
        "reminders:urge_letter",
        kwargs={"committee_pk": setting.committee.pk, "unit_pk": setting.task.lead_unit.pk},
    )
    with time_machine.travel(MORNING, tick=False):
        response = secretariat_client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-20250710.docx"')
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    header = "\n".join(cells[:2])
    assert "Kính gửi: Sở Tài chính." in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert "Số:       /BCĐ\nV/v đôn đốc thực hiện nhiệm vụ" in header
    assert "ngày 10 tháng 7 năm 2025" in header
    assert "II.3.a Ban hành kế hoạch chuyển đổi số" in cells
    assert "Quá hạn 10 ngày" in cells
    assert "II.5 Xây dựng cơ sở dữ liệu" in cells
    assert "Còn 4 ngày" in cells


def test_the_sent_list_offers_to_urge_units_with_overdue_tasks(secretariat_client, setting):
    with time_machine.travel(MORNING, tick=False):
        response = secretariat_client.get(reverse("reminders:sent_list"))
    [row] = response.context["units"]
    assert (row["lead_unit"], row["overdue"]) == (setting.task.lead_unit.pk, 1)
    assert (
        reverse(
            "reminders:urge_unit",
            kwargs={"committee_pk": setting.committee.pk, "unit_pk": setting.task.lead_unit.pk},
        )
        in response.content.decode()
    )
