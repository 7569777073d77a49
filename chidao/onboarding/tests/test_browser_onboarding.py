"""Issue [K] §1–2 and §9: from an empty installation, an administrator sets up a province
that is not in the demo from its unit list, the secretariat signs in through its one-time
link and imports its plan: a small file written at once, then a 2,000-row file written by
the background job, whose page shows a progress bar and then the result.

Nam Định's departments are on record (as in the demo); the list carries one of them by
mistake, which the preview flags until the row is left out.

The job is run by the test between two steps (as the worker would), while the page's
clock is paused, so the bar is seen before the job and the result after it, with no
waiting on time: the page asks again when its clock is resumed.
"""

import datetime

import pytest
from huey.contrib.djhuey import HUEY
from playwright.sync_api import expect

from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in
from chidao.imports.choices import ImportState
from chidao.imports.models import DataImport
from chidao.imports.tests.fixtures.plans import build_xlsx
from chidao.onboarding.tests.files import THAI_NGUYEN, build_list_xlsx, build_nam_dinh
from chidao.org.models import Unit, User
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "Quan-tri-Thai-Nguyen-2025"
# Names as the province's plans write them: abbreviations, "tỉnh" cut short, commas and
# "và" inside a name, two names in a cell, a group of communes.
PLAN = [
    ("I.", "Hoàn thiện thể chế", "", "", "", ""),
    (
        "1.",
        "Ban hành quy chế quản lý dữ liệu của tỉnh",
        "Sở KH&CN",
        "Văn phòng UBND tỉnh; Công an tỉnh",
        "Quy chế",
        "Quý II/2026",
    ),
    (
        "2.",
        "Số hóa di sản văn hóa",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh, Truyền hình Thái Nguyên; UBND các xã, phường",
        "Kho dữ liệu số",
        "Thường xuyên",
    ),
    ("II.", "Nhân lực số", "", "", "", ""),
    ("1.", "Đào tạo kỹ năng số cho giáo viên", "Sở GD&ĐT", "Sở Tài chính", "Kế hoạch", "2026"),
    ("", "Ghi chú: thời hạn tính đến hết ngày cuối của kỳ ghi.", "", "", "", ""),
]
LEADS = ("Sở KH&CN", "Sở Tài chính", "Sở GD&ĐT", "Công an tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
BIG_PLAN_TASKS = 2000
# Groups after the two of the first plan (a group I of another title would be flagged).
GROUPS = ("III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def big_plan() -> list[tuple[str, ...]]:
    rows = []
    for n in range(BIG_PLAN_TASKS):
        if n % 200 == 0:
            rows.append((f"{GROUPS[n // 200]}.", f"Chương trình số {n // 200 + 1}", "", ""))
        rows.append(
            (
                f"{n % 200 + 1}.",
                f"Triển khai nền tảng số dùng chung, phần việc {n + 1}",
                LEADS[n % len(LEADS)],
                f"{LEADS[(n + 1) % len(LEADS)]}; Văn phòng UBND tỉnh",
                "Báo cáo",
                ("Quý IV/2026", "6/2027", "Thường xuyên")[n % 3],
            )
        )
    return rows


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

    # The secretariat imports its plan: every name read from its own directory.
    plan_file = tmp_path / "ke-hoach-thai-nguyen.xlsx"
    plan_file.write_bytes(build_xlsx(PLAN))
    upload_url = web.url("imports:task_upload", committee_pk=committee.pk)
    secretariat.goto(upload_url)
    secretariat.set_input_files("#id_file", str(plan_file))
    secretariat.fill("#id_assigned_on", "2026-01-05")
    with secretariat.expect_navigation():
        secretariat.click("form[enctype='multipart/form-data'] button[type=submit]")
    expect(secretariat.locator("#import-summary")).to_contain_text("3 nhiệm vụ sẽ tạo mới")
    expect(secretariat.locator("#task-commit-form button")).to_be_enabled()
    web.step(secretariat, "plan preview")
    with secretariat.expect_navigation():
        secretariat.click("#task-commit-form button")
    tasks = Task.objects.filter(committee=committee)
    assert tasks.count() == 3
    assert {unit.name for unit in tasks.get(code="I.1").coordinating_units.all()} == {
        "Văn phòng UBND tỉnh Thái Nguyên",
        "Công an tỉnh Thái Nguyên",
    }
    assert (
        not tasks.exclude(lead_unit__name__contains="Thái Nguyên")
        .exclude(lead_unit__name__contains="Phú Bình")
        .exists()
    )
    web.step(secretariat, "small plan written at once")

    # A 2,000-row plan: the commit answers at once with a progress bar.
    HUEY.flush()
    big_file = tmp_path / "ke-hoach-lon-thai-nguyen.xlsx"
    big_file.write_bytes(build_xlsx(big_plan(), title="KẾ HOẠCH CHI TIẾT"))
    secretariat.goto(upload_url)
    secretariat.set_input_files("#id_file", str(big_file))
    secretariat.fill("#id_assigned_on", "2026-01-05")
    secretariat.fill("#id_code_prefix", "CT-")
    # Reading and previewing 2,000 rows takes a while on a loaded machine.
    with secretariat.expect_navigation(timeout=300_000):
        secretariat.click(
            "form[enctype='multipart/form-data'] button[type=submit]", timeout=300_000
        )
    expect(secretariat.locator("#import-summary")).to_contain_text(
        f"{BIG_PLAN_TASKS} nhiệm vụ sẽ tạo mới", timeout=60_000
    )
    # The page's clock stops: no request for the progress until the test resumes it.
    start = datetime.datetime(2026, 1, 5, 1, 0, tzinfo=datetime.UTC)
    secretariat.clock.install(time=start)
    secretariat.clock.pause_at(start + datetime.timedelta(seconds=1))
    with secretariat.expect_navigation(timeout=120_000):
        secretariat.click("#task-commit-form button", timeout=120_000)
    panel = secretariat.locator("#import-progress")
    expect(panel).to_have_attribute("data-state", "queued")
    expect(secretariat.locator("#import-progress-bar")).to_be_visible()
    web.step(secretariat, "big plan queued, progress bar")
    assert tasks.count() == 3

    # The worker runs the job; the page, asking again, shows the result and stops asking.
    job = HUEY.dequeue()
    assert job is not None
    HUEY.execute(job)
    assert HUEY.dequeue() is None
    big_import = DataImport.objects.get(filename=big_file.name)
    assert big_import.state == ImportState.COMMITTED
    assert tasks.count() == 3 + BIG_PLAN_TASKS
    secretariat.clock.resume()
    expect(panel).to_have_attribute("data-state", "committed", timeout=60_000)
    expect(panel).to_contain_text(f"Đã ghi {BIG_PLAN_TASKS} nhiệm vụ vào hệ thống")
    expect(panel).not_to_have_attribute("hx-trigger", "every 1s")
    web.step(secretariat, "big plan written by the background job")
