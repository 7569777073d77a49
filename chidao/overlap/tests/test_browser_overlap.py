"""Issue [J] in a real browser: the overlaps report and the directive-text assistant."""

import pytest
from playwright.sync_api import expect

from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.browser

PLAN = (
    "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí số hóa hồ sơ thủ tục "
    "hành chính, hoàn thành trong Quý IV/2025.\n"
    "- Sở Y tế: Triển khai bệnh án điện tử tại các bệnh viện công lập (Thường xuyên)."
)


@pytest.fixture
def world():
    world = build_world()
    TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.other_unit,
        code="V.1",
        title="So hoa ho so TTHC tren dia ban xa",
    )
    return world


def test_report_then_drafts_from_a_plan_saved_in_one_step(web, world, live_server):
    page = web.new_page()
    sign_in(page, live_server, world.users["secretariat"].username, PASSWORD)

    page.goto(web.url("overlap:report", committee_pk=world.committee.pk))
    expect(page.locator(".overlap-pair")).to_have_count(1)
    expect(page.locator(".overlap-pair mark").first).to_be_visible()
    web.step(page, "overlaps report")

    page.goto(web.url("overlap:draft_from_text", committee_pk=world.committee.pk))
    page.fill("#id_text", PLAN)
    page.click("#directive-form button[type=submit]")
    expect(page.locator("article.draft-task")).to_have_count(2)
    # The first draft repeats the task already given: the card says so.
    expect(page.locator("article.draft-task").first.locator(".alert-warning")).to_be_visible()
    # Issue [S]: the assistant says what the draft and the task share.
    expect(
        page.locator("article.draft-task").first.locator(".overlap-explained").first
    ).to_contain_text("cùng số hóa")
    web.step(page, "drafts read from the plan")

    page.locator("#id_draft-1-keep").uncheck()
    page.click("#draft-save")
    page.wait_for_url("**/nhiem-vu/**")
    web.step(page, "task list after saving")

    saved = Task.objects.get(title="Bố trí kinh phí số hóa hồ sơ thủ tục hành chính")
    assert saved.lead_unit == world.lead_unit
    assert saved.deadline_text == "trong Quý IV/2025"
    assert not Task.objects.filter(title__startswith="Triển khai bệnh án").exists()


def test_the_slots_warn_on_the_form_and_list_like_tasks_on_the_task_page(
    web, world, live_server, settings
):
    # Pages that include the two slots exactly as the task pages are to include them.
    settings.ROOT_URLCONF = "chidao.overlap.tests.urls_with_slots"
    page = web.new_page()
    sign_in(page, live_server, world.users["secretariat"].username, PASSWORD)

    page.goto(f"{live_server.url}/thu-nghiem/giao/{world.committee.pk}/")
    page.fill("#id_title", "So hoa ho so thu tuc hanh chinh")
    warning = page.locator("#possible-duplicates-list")
    expect(warning).to_be_visible()
    expect(warning.locator("li.possible-duplicate")).to_have_count(2)
    web.step(page, "warning before saving")

    page.goto(f"{live_server.url}/thu-nghiem/nhiem-vu/{world.task.pk}/")
    expect(page.locator("#similar-tasks li.similar-task")).to_have_count(1)
    expect(page.locator("#similar-tasks mark").first).to_be_visible()
    web.step(page, "similar tasks on the task page")


def test_a_match_says_which_parts_agree_and_which_differ(web, world, live_server, settings):
    """Issue [S]: the warning on the form and the report explain each match; a task that
    differs in the one word that matters (which database) is not flagged."""
    settings.ROOT_URLCONF = "chidao.overlap.tests.urls_with_slots"
    TaskFactory(
        committee=world.committee,
        lead_unit=world.other_unit,
        code="IX.1",
        title="Vận hành Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh",
    )
    TaskFactory(
        committee=world.committee,
        lead_unit=world.other_unit,
        code="IX.2",
        title="Kết nối hệ thống một cửa điện tử với Cơ sở dữ liệu quốc gia về dân cư",
    )
    page = web.new_page()
    sign_in(page, live_server, world.users["secretariat"].username, PASSWORD)

    page.goto(f"{live_server.url}/thu-nghiem/giao/{world.committee.pk}/")
    page.fill("#id_title", "Duy trì hoạt động hiệu quả Trung tâm IOC tỉnh")
    warning = page.locator("#possible-duplicates-list li.possible-duplicate")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("IX.1")
    # A kind of body by itself is no agreement (t-explain: "cùng trung tâm" said
    # nothing of which centre).
    expect(warning.locator(".overlap-explained")).to_contain_text("cùng duy trì")
    expect(warning.locator(".overlap-explained")).not_to_contain_text("trung tâm")
    web.step(page, "warning explained: IOC written short")

    page.fill(
        "#id_title", "Kết nối hệ thống một cửa điện tử với Cơ sở dữ liệu quốc gia về bảo hiểm"
    )
    page.locator("#id_title").dispatch_event("keyup")
    expect(page.locator("#possible-duplicates-list")).to_have_count(0)
    web.step(page, "another database: no warning")

    settings.ROOT_URLCONF = "chidao.urls"
    page.goto(web.url("overlap:report", committee_pk=world.committee.pk))
    pair = page.locator(".overlap-pair-explained .overlap-explained").first
    expect(pair).to_contain_text("cùng số hóa")
    # The province's task and the commune committee's: another level's version.
    expect(pair).to_contain_text("Cấp trên – cấp dưới")
    expect(pair).to_contain_text("khác cấp: tỉnh / xã")
    web.step(page, "overlaps report explained")
