"""Issue [R] in Chromium: the demo leader sees "Nguy cơ chậm" on the dashboard, opens a
task of the chain and follows the slippage down to the tasks that wait for it."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "ChiDao@Demo2025"


def test_the_leader_follows_the_slippage_down_the_chain(web, page, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    province = Committee.objects.get(
        parent__isnull=True, memberships__person__user__username="lanhdao"
    )
    sign_in(page, live_server, "lanhdao", DEMO_PASSWORD)

    page.goto(web.url("dashboards:committee_dashboard", pk=province.pk))
    panel = page.locator(".at-risk-panel")
    panel.wait_for()  # loaded after the page (htmx)
    assert panel.is_visible()
    assert page.locator("#at-risk-slot").count() == 0  # the loading state was replaced
    assert int(panel.locator("#at-risk-count").inner_text()) > 0
    items = panel.locator(".at-risk-item")
    assert items.count() > 0
    for i in range(items.count()):
        assert items.nth(i).locator(".at-risk-reasons li").count() > 0
    web.step(page, "at-risk panel on the dashboard")

    stalled = Task.objects.get(committee=province, code="III.13")
    page.goto(web.url("assignments:task_detail", pk=stalled.pk))
    page.locator("#task-forecast").wait_for()
    assert page.locator("#task-forecast .risk-badge").inner_text() == "Chậm chắc chắn"
    assert (
        "tiến độ 30 % khi đã qua 80 % thời gian" in page.locator("#task-risk-reasons").inner_text()
    )
    waiting = page.locator("#task-waited-by .dependency-item")
    assert waiting.count() == 1
    web.step(page, "III.13: stalled, and what waits for it")

    waiting.first.get_by_role("link").click()
    page.locator("#task-forecast").wait_for()
    assert "phụ thuộc nhiệm vụ III.13" in page.locator("#task-risk-reasons").inner_text()
    assert page.locator("#task-waits-for .dependency-item").count() == 1
    page.locator("#task-waited-by .dependency-item").first.get_by_role("link").click()
    page.locator("#task-forecast").wait_for()
    assert "phụ thuộc nhiệm vụ III.14" in page.locator("#task-risk-reasons").inner_text()
    web.step(page, "III.15: moved by III.14")
