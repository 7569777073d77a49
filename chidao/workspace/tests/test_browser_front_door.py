"""Issue [O] §4 in Chromium: a visitor who is not signed in finds, from the sign-in page, the
public page (committees by level and place) and the proposal form, whose list holds only
the committees that take proposals, grouped by province."""

import pytest

from chidao.dashboards.models import Publication
from chidao.workspace.tests.test_front_door import provinces

pytestmark = pytest.mark.browser
__all__ = ["provinces"]


def test_the_front_door_leads_to_the_public_page_and_the_proposal_form(web, provinces):
    nam_dinh, long_an, communes = provinces
    for committee in (nam_dinh, long_an, communes["my_loc"], communes["tan_an"]):
        Publication.objects.create(committee=committee, is_published=True)
    page = web.new_page()

    page.goto(web.base_url + "/")
    assert page.url.startswith(web.url("login"))
    web.step(page, "sign-in page")

    page.locator("#link-proposal").click()
    page.wait_for_url(web.url("proposals:public_submit"))
    groups = page.eval_on_selector_all(
        "#id_committee optgroup",
        "groups => groups.map((g) => [g.label, [...g.querySelectorAll('option')]"
        ".map((o) => o.textContent.trim())])",
    )
    assert groups == [
        ["Ban Chỉ đạo tỉnh Long An", ["Ban Chỉ đạo tỉnh Long An", "Ban Chỉ đạo phường Tân An"]],
        ["Ban Chỉ đạo tỉnh Nam Định", ["Ban Chỉ đạo tỉnh Nam Định", "Ban Chỉ đạo xã Mỹ Lộc"]],
    ], groups
    options = page.locator("#id_committee option").all_inner_texts()
    assert "---------" not in options
    assert "Ban Chỉ đạo xã Không Nhận" not in " ".join(options)
    web.step(page, "proposal form")

    page.go_back()
    page.locator("#link-public").click()
    page.wait_for_url(web.url("dashboards:public_index"))
    provinces_part = page.locator('[data-level="province"]')
    communes_part = page.locator('[data-level="commune"]')
    assert provinces_part.get_by_text("Ban Chỉ đạo tỉnh Nam Định").is_visible()
    assert communes_part.get_by_text("Ban Chỉ đạo phường Tân An").is_visible()
    web.step(page, "public index")
    page.get_by_role("link", name="Ban Chỉ đạo phường Tân An").click()
    page.wait_for_url(web.url("dashboards:public_committee", pk=communes["tan_an"].pk))
    web.step(page, "a commune's public page")
