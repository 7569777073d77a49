"""Issue [K] §1–2: from an empty installation, an administrator sets up a province that is
not in the demo from its unit list, and the secretariat signs in through its one-time link.

Nam Định's departments are on record (as in the demo); the list carries one of them by
mistake, which the preview flags until the row is left out.
"""

import pytest
from playwright.sync_api import expect

from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in
from chidao.onboarding.tests.files import THAI_NGUYEN, build_list_xlsx, build_nam_dinh
from chidao.org.models import Unit, User
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "Quan-tri-Thai-Nguyen-2025"
NEW_PASSWORD = "Thuong-truc-Thai-Nguyen-2025"


def test_an_admin_sets_up_a_new_province_and_hands_over_the_accounts(web, live_server, tmp_path):
    build_nam_dinh()
    UserFactory(
        username="quantri", is_superuser=True, is_staff=True, person=None, password=PASSWORD
    )
    units_file = tmp_path / "thai-nguyen-don-vi.xlsx"
    units_file.write_bytes(
        build_list_xlsx((*THAI_NGUYEN, ("16", "Sở Tài chính tỉnh Nam Định", "", "")))
    )

    admin = web.new_page()
    sign_in(admin, live_server, "quantri", PASSWORD)
    web.step(admin, "admin home with no committee")
    admin.click("#link-first-committee")
    admin.wait_for_url(web.url("onboarding:start"))
    admin.fill("#id_name", "Ban Chỉ đạo tỉnh Thái Nguyên")
    admin.select_option("#id_level", "province")
    admin.fill("#id_place", "Thái Nguyên")
    admin.set_input_files("#id_file", str(units_file))
    admin.fill("#id_standing_unit", "Sở KH&CN")
    admin.fill("#id_secretariat_username", "thuongtruc.tn")
    admin.fill("#id_secretariat_full_name", "Hoàng Thị Thu")
    web.step(admin, "particulars and the unit list")
    with admin.expect_navigation():
        admin.click("#onboarding-form button[type=submit]")

    # The preview: every unit, Nam Định's flagged, nothing created yet.
    rows = admin.locator("#onboarding-rows tbody tr")
    expect(rows).to_have_count(16)
    expect(admin.locator("tr[data-outcome=error]")).to_contain_text("đơn vị của Nam Định")
    expect(admin.locator("#onboarding-commit")).to_be_disabled()
    web.step(admin, "preview with another province's unit")
    assert not Committee.objects.exists()
    admin.locator("tr[data-outcome=error] input[name=skip]").check()
    with admin.expect_navigation():
        admin.click("#onboarding-save-decisions")
    expect(admin.locator("tr[data-outcome=error]")).to_have_count(0)
    expect(admin.locator("#onboarding-roles")).to_contain_text(
        "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    )
    web.step(admin, "preview with the row left out")
    with admin.expect_navigation():
        admin.click("#onboarding-commit")

    # Created: the secretariat's one-time link is shown once.
    expect(admin.locator("#handover")).to_contain_text("thuongtruc.tn")
    link = admin.locator("#handover-link").inner_text()
    web.step(admin, "committee created, secretariat link")
    committee = Committee.objects.get()
    assert committee.standing_unit.name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    assert Unit.objects.filter(name__contains="Nam Định").count() == 4

    # A unit officer's account from the same page.
    admin.fill("#id_full_name", "Lò Văn An")
    admin.fill("#id_username", "canbo.stc.tn")
    admin.select_option("#id_unit", label="Sở Tài chính")
    admin.select_option("#id_role", "unit_officer")
    with admin.expect_navigation():
        admin.click("#account-form button[type=submit]")
    expect(admin.locator("#handover")).to_contain_text("canbo.stc.tn")
    expect(admin.locator("#account-table")).to_contain_text("Lò Văn An")
    web.step(admin, "unit officer account created")
    admin.reload()
    expect(admin.locator("#handover")).to_have_count(0)
    assert User.objects.get(username="canbo.stc.tn").person.unit.name == (
        "Sở Tài chính tỉnh Thái Nguyên"
    )

    # The secretariat opens its link, chooses a password and signs in.
    secretariat = web.new_page()
    secretariat.goto(link.replace(link.split("/thiet-lap/")[0], live_server.url))
    expect(secretariat.locator("#first-sign-in-form")).to_be_visible()
    secretariat.fill("#id_new_password1", NEW_PASSWORD)
    secretariat.fill("#id_new_password2", NEW_PASSWORD)
    web.step(secretariat, "secretariat chooses a password")
    with secretariat.expect_navigation():
        secretariat.click("#first-sign-in-form button[type=submit]")
    sign_in(secretariat, live_server, "thuongtruc.tn", NEW_PASSWORD)
    expect(secretariat.locator("h1")).to_contain_text("Ban Chỉ đạo tỉnh Thái Nguyên")
    web.step(secretariat, "secretariat home")
