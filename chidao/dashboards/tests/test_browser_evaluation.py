"""Issue [L] in Chromium: the leader and the secretariat read the QĐ 366 evaluation, open
the tasks behind a figure, change the period and download the .docx and .xlsx."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from docx import Document as WordDocument
from openpyxl import load_workbook

from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in
from chidao.dashboards.tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text) or 0)


def download(page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.locator(selector).click()
    return info.value.path().read_bytes()


def test_leader_and_secretariat_walk_the_evaluation(web, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    province = Committee.objects.get(
        parent__isnull=True, memberships__person__user__username="lanhdao"
    )
    for username in ("lanhdao", "thuongtruc"):
        page = web.new_page()
        sign_in(page, live_server, username, DEMO_PASSWORD)

        page.goto(web.url("dashboards:unit_evaluation", pk=province.pk))
        rows = page.locator("#evaluation-table tbody tr[data-rating]")
        assert rows.count() > 0
        assert page.locator("#units-without-data").is_visible()
        assert page.locator("#evaluation-minimum").is_visible()
        for rating in rows.evaluate_all("rows => rows.map(r => r.dataset.rating)"):
            assert rating in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
        web.step(page, f"{username} evaluation")

        # The lead tasks due behind the first unit's figure, in the task list.
        first = rows.first.locator("a.drill").first
        due = number(first.inner_text())
        first.click()
        page.wait_for_url(re.compile(r"due_in_from="))
        assert number(page.locator("#task-list-total").inner_text()) == due
        web.step(page, f"{username} tasks behind the figure")
        page.go_back()

        word = WordDocument(io.BytesIO(download(page, "#evaluation-docx")))
        text = "\n".join(p.text for p in word.paragraphs)
        assert "Kết quả đánh giá, xếp loại các cơ quan, đơn vị" in text
        sheet = load_workbook(io.BytesIO(download(page, "#evaluation-xlsx"))).active
        counts = [row[5] for row in sheet.iter_rows(min_row=4, values_only=True)]
        assert counts
        assert all(isinstance(value, int) for value in counts)

        # The whole year instead of the last quarter.
        page.select_option("#id_kind", "year")
        page.locator("#evaluation-show").click()
        page.wait_for_url(re.compile(r"kind=year"))
        assert "Năm " in page.locator("h1 + p").inner_text()
        web.step(page, f"{username} evaluation of the year")
