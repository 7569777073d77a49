"""Issue [C] §9 in Chromium: the demo leader's dashboard with every panel, the drill-down
from "overdue", an earlier date, the ranking and the public page; screenshots as
artifacts, no console error, nothing loaded from another host."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in
from chidao.dashboards.models import Publication

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "ChiDao@Demo2025"


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_leader_dashboard_drill_down_and_earlier_date(web, page, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    province = Committee.objects.get(
        parent__isnull=True, memberships__person__user__username="lanhdao"
    )
    sign_in(page, live_server, "lanhdao", DEMO_PASSWORD)

    response = page.goto(web.url("dashboards:committee_dashboard", pk=province.pk))
    # The charts below are drawn under the production policy: scripts from files only.
    assert "script-src 'self';" in response.headers["content-security-policy"]
    page.locator("#heatmap-chart svg").wait_for()
    for panel in ("#cards", "#by-unit", "#by-group", "#overdue", "#indicators", "#communes"):
        assert page.locator(panel).is_visible(), panel
    assert page.locator("#indicators .dash-spark svg").count() > 0, "no sparkline drawn"
    web.step(page, "dashboard today")

    overdue = number(page.locator("#card-overdue .dash-value").inner_text())
    assert overdue > 0
    page.locator("#card-overdue .dash-value a").click()
    page.wait_for_url(re.compile(r"status=overdue"))
    assert number(page.locator("#task-list-total").inner_text()) == overdue
    web.step(page, "overdue tasks from the dashboard")

    page.go_back()
    cards_today = page.locator("#cards").inner_text()
    page.locator("#three-months-earlier").click()
    page.wait_for_url(re.compile(r"as_of="))
    page.locator("#heatmap-chart svg").wait_for()
    assert page.locator("#cards").inner_text() != cards_today
    web.step(page, "dashboard three months earlier")

    # The count table, folded under the first screen, sorts by a clicked column.
    page.locator("#by-unit summary").click()
    page.locator("#table-by-unit th", has_text="Quá hạn, chưa hoàn thành").first.click()
    values = page.locator("#table-by-unit tbody tr td:nth-child(7)").all_inner_texts()
    assert [number(v) for v in values] == sorted((number(v) for v in values), reverse=True)

    # The print button (a static script's handler: no inline onclick under the policy).
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="In", exact=True).click()
    assert page.evaluate("window.printed === true")

    page.emulate_media(media="print")
    web.step(page, "dashboard printed")
    assert not page.locator("nav.navbar").is_visible()
    page.emulate_media(media="screen")

    page.goto(web.url("dashboards:unit_ranking", pk=province.pk))
    page.locator("#ranking-chart svg").wait_for()
    assert page.locator("#ranking-table tbody tr").count() > 3
    assert page.locator("#formula").is_visible()
    web.step(page, "unit ranking")

    # The ranking sorts by a clicked column. It opens in rank order (highest score first),
    # so the second click on "Điểm" (lowest first) is the one that shows the sort works.
    score_header = page.locator("#ranking-table th", has_text="Điểm").first
    score_header.click()
    score_header.click()
    scores = [
        float(cell.get_attribute("data-value"))
        for cell in page.locator("#ranking-table tbody tr td:nth-child(3)").all()
    ]
    assert len(set(scores)) > 1, "every unit has the same score: the sort shows nothing"
    assert scores == sorted(scores)
    web.step(page, "unit ranking sorted by score")


def test_public_page_without_sign_in(web, page):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    province = Committee.objects.get(
        parent__isnull=True, memberships__person__user__username="lanhdao"
    )
    # The demo publishes the province's page already; this test sets its own content.
    publication, _ = Publication.objects.update_or_create(
        committee=province,
        defaults={
            "is_published": True,
            "introduction": "Kết quả thực hiện Nghị quyết 57-NQ/TW trên địa bàn tỉnh.",
        },
    )
    publication.indicators.set(province.indicators.all()[:4])

    page.goto(web.url("dashboards:public_index"))
    page.get_by_role("link", name=province.name).click()
    page.locator("#public-chart svg").wait_for()
    assert number(page.locator("#public-assigned").inner_text()) > 0
    assert page.locator("#public-indicators tbody tr").count() == 4
    web.step(page, "public page")


def test_public_numbers_without_javascript(web, browser, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    province = Committee.objects.get(
        parent__isnull=True, memberships__person__user__username="lanhdao"
    )
    Publication.objects.update_or_create(committee=province, defaults={"is_published": True})
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(web.url("dashboards:public_committee", pk=province.pk))
        assert number(page.locator("#public-assigned").inner_text()) > 0
        assert page.locator("#public-groups tbody tr").count() > 0
    finally:
        context.close()
