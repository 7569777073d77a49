"""Notifications grouped by day and by task, compact, with "mark all read" (issue [O] §6)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import sign_in
from chidao.org.tests.factories import UserFactory
from chidao.reminders.models import Notification
from chidao.reminders.rules import group_notifications
from chidao.reminders.tests.factories import NotificationFactory

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day, hour):
    return datetime.datetime(2025, 7, day, hour, tzinfo=HANOI)


@pytest.fixture
def notices(db):
    me = UserFactory(username="canbo")
    first = TaskFactory(code="II.1", title="Số hóa hồ sơ")
    second = TaskFactory(code="II.2", title="Hạ tầng dữ liệu")
    for created, task, occurrence in (
        (at(10, 9), first, datetime.date(2025, 7, 10)),
        (at(10, 8), second, datetime.date(2025, 7, 10)),
        (at(10, 7), first, datetime.date(2025, 7, 9)),
        # 23:30 in Hà Nội on the 9th is still the 9th, though the 9th ends at 17:00 UTC.
        (at(9, 23).replace(minute=30), first, datetime.date(2025, 7, 8)),
    ):
        NotificationFactory(recipient=me, task=task, created_at=created, occurrence=occurrence)
    return me


def test_group_notifications_by_local_day_then_task(notices):
    me = notices
    ordered = Notification.objects.filter(recipient=me).order_by("-created_at")

    days = group_notifications(ordered)

    assert [day.day.day for day in days] == [10, 9]
    assert [(g.task.code, len(g.notices)) for g in days[0].groups] == [("II.1", 2), ("II.2", 1)]
    assert [(g.task.code, len(g.notices)) for g in days[1].groups] == [("II.1", 1)]


def test_the_page_shows_days_and_tasks_and_marks_all_read(client, notices):
    me = notices
    sign_in(client, me)

    page = client.get(reverse("reminders:notification_list")).content.decode()

    assert re.findall(r"notification-day\">([^<]+)<", page) == ["10/07/2025", "09/07/2025"]
    assert page.count('class="notification-group') == 3
    assert reverse("reminders:mark_all_read") in page

    client.post(reverse("reminders:mark_all_read"))

    assert not Notification.objects.filter(recipient=me, read_at__isnull=True).exists()
    page = client.get(reverse("reminders:notification_list")).content.decode()
    assert "Đã đọc" in page
    assert reverse("reminders:mark_all_read") not in page
