"""The task list's unit filter in Chromium: typed, offered from the user's scope, chosen."""

import datetime

import pytest
from playwright.sync_api import expect

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import make_user
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.browser

PASSWORD = "Mat-khau-thu-nghiem-2025"


def test_an_officer_types_a_unit_name_picks_it_and_filters(web, page, live_server):
    north = CommitteeFactory(name="Ban Chỉ đạo tỉnh Bắc")
    south = CommitteeFactory(name="Ban Chỉ đạo tỉnh Nam")
    own = UnitFactory(name="Sở Tài chính tỉnh Bắc")
    partner = UnitFactory(name="Sở Xây dựng tỉnh Bắc")
    southern = UnitFactory(name="Sở Xây dựng tỉnh Nam")
    TaskFactory(committee=north, lead_unit=own, title="Lập dự toán chuyển đổi số")
    shared = TaskFactory(committee=north, lead_unit=partner, title="Số hóa hồ sơ xây dựng")
    shared.coordinating_units.add(own)
    TaskFactory(committee=south, lead_unit=southern, deadline=datetime.date(2025, 9, 1))
    officer = make_user("canbo.taichinh", own)
    sign_in(page, live_server, officer.username, PASSWORD)

    page.goto(web.url("assignments:task_list"))
    page.locator("#task-filters summary").click()
    page.fill("#id_lead_unit", "xay dung")
    options = page.locator("#id_lead_unit_options")
    # Focusing the box first asks for every unit in scope, so wait (retrying) for the typed
    # text's answer: only the typed unit of the officer's own tasks, never another
    # province's "Sở Xây dựng", never the unit not typed.
    expect(options.locator("label")).to_have_text(["Tất cả", "Sở Xây dựng tỉnh Bắc"])
    web.step(page, "typed: only units of the officer's own tasks")

    options.get_by_text("Sở Xây dựng tỉnh Bắc").click()
    with page.expect_navigation():
        page.click("#task-filter-button")
    rows = page.locator("#task-table tbody tr")
    assert rows.count() == 1
    assert "Số hóa hồ sơ xây dựng" in rows.first.inner_text()
    assert page.locator("#id_lead_unit_options input:checked").get_attribute("value") == str(
        partner.pk
    )
    web.step(page, "filtered by the chosen unit, which stays chosen")
