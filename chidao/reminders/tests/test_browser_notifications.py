"""Issue [O] §6 in Chromium: an officer's notices grouped by day and by task, compact, and
"mark all read" empties the bell."""

import datetime

import pytest
from django.utils import timezone

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.browser import sign_in
from chidao.reminders.choices import NotificationKind
from chidao.reminders.models import Notification
from chidao.reminders.tests.factories import NotificationFactory

pytestmark = pytest.mark.browser

PASSWORD = "Mat-khau-thu-nghiem-2025"


def test_notices_grouped_by_day_and_task_then_all_marked_read(web, live_server, setting):
    other = TaskFactory(committee=setting.committee, lead_unit=setting.task.lead_unit, code="II.4")
    now = timezone.now()
    yesterday = now - datetime.timedelta(days=1)
    for kind, task, at in (
        (NotificationKind.TASK_OVERDUE, setting.task, now),
        (NotificationKind.TASK_DUE_SOON, setting.task, now),
        (NotificationKind.TASK_OVERDUE, other, now),
        (NotificationKind.TASK_OVERDUE, setting.task, yesterday),
    ):
        NotificationFactory(
            recipient=setting.officer, task=task, kind=kind, created_at=at, occurrence=at.date()
        )
    page = web.new_page()
    sign_in(page, live_server, "canbo", PASSWORD)

    assert page.locator("[data-testid=unread-count]").inner_text() == "4"
    page.locator("#notification-bell").click()
    page.wait_for_url(web.url("reminders:notification_list"))
    days = page.locator(".notification-part .notification-day")
    assert days.count() == 2
    assert days.first.inner_text().startswith("Hôm nay")
    today = page.locator(".notification-part").first
    first_day_groups = today.locator(".notification-group").evaluate_all(
        "groups => groups.slice(0, 2).map((g) => g.querySelectorAll('li').length)"
    )
    assert sorted(first_day_groups) == [1, 2], first_day_groups
    web.step(page, "notifications grouped")

    page.get_by_role("button", name="Đánh dấu tất cả đã đọc").click()
    page.wait_for_load_state("load")
    assert page.locator("[data-testid=unread-count]").count() == 0
    assert page.locator(".notification-part h2").all_inner_texts() == ["Đã đọc"]
    assert not Notification.objects.filter(recipient=setting.officer, read_at__isnull=True).exists()
    web.step(page, "all read")
