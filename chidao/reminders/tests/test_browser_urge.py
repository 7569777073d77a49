"""Urging from an overdue task's page in Chromium (issue [O] §2): the button, the form, and
the urge in the task's timeline."""

import pytest

from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import PASSWORD
from chidao.reminders.models import Urge

pytestmark = pytest.mark.browser


def test_urging_from_the_task_page(web, live_server, setting):
    page = web.new_page()
    sign_in(page, live_server, "thuongtruc", PASSWORD)
    page.goto(web.url("assignments:task_detail", pk=setting.task.pk))

    page.click("#action-urge")
    page.fill("textarea[name=message]", "Đề nghị báo cáo kết quả trước ngày 15.")
    web.step(page, "urge form")
    page.get_by_role("button", name="Gửi đôn đốc").click()

    page.wait_for_url(web.url("assignments:task_detail", pk=setting.task.pk))
    entry = page.locator(".timeline-entry[data-kind=urge]")
    assert "Đề nghị báo cáo kết quả trước ngày 15." in entry.inner_text()
    assert Urge.objects.filter(task=setting.task).count() == 1
    web.step(page, "urge in the timeline")
