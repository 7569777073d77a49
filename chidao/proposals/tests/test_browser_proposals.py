"""Issue [I] §7: a citizen's proposal in Chromium, from the public form to the public page.

A citizen without an account submits it (and answers the offline challenge), follows it
with the tracking code; the secretariat routes it to a unit; the unit's officer drafts the
answer; the secretariat approves and publishes it; the citizen's code shows the answer and
the committee's public page carries it without the sender's name or contact.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import PASSWORD, build_world
from chidao.dashboards.models import Publication
from chidao.proposals.choices import ProposalStatus
from chidao.proposals.models import Proposal

pytestmark = pytest.mark.browser

TITLE = "Mở lớp tập huấn kỹ năng số cho hộ kinh doanh"
CONTENT = (
    "Đề nghị Ban Chỉ đạo tổ chức lớp tập huấn bán hàng trên sàn thương mại điện tử cho hộ "
    "kinh doanh nông sản ở các xã."
)
SENDER = "Lê Thị Công Dân"
CONTACT = "le.thi.cong.dan@example.vn"
DRAFT = "Sở Tài chính phối hợp tổ chức lớp tập huấn vào tháng tới."
ANSWER = "Sở Tài chính phối hợp Sở Công Thương tổ chức lớp tập huấn tại các xã trong quý tới."


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    Publication.objects.update_or_create(committee=world.committee, defaults={"is_published": True})
    return world


def solve_challenge(page) -> None:
    label = page.locator("label[for=id_challenge_answer]").inner_text()
    a, b = map(int, re.search(r"(\d+)\s*\+\s*(\d+)", label).groups())
    page.fill("#id_challenge_answer", str(a + b))


def test_submit_track_route_answer_publish(web, world, live_server):
    before = Proposal.objects.count()
    citizen = web.new_page()
    citizen.goto(web.url("proposals:public_submit"))
    citizen.select_option("#id_committee", str(world.committee.pk))
    citizen.select_option("#id_category", "businesses")
    citizen.fill("#id_title", TITLE)
    citizen.fill("#id_content", CONTENT)
    citizen.fill("#id_sender_name", SENDER)
    citizen.fill("#id_contact", CONTACT)
    citizen.check("#id_consents_to_publish")
    citizen.fill("#id_challenge_answer", "-1")
    with citizen.expect_navigation():
        citizen.click("#proposal-send")
    expect(citizen.locator("#id_challenge_answer-error")).to_contain_text("chưa đúng")
    assert Proposal.objects.count() == before, "a wrong sum saves nothing"
    expect(citizen.locator("#id_title")).to_have_value(TITLE)  # nothing typed is lost
    solve_challenge(citizen)
    web.step(citizen, "public form filled in")
    with citizen.expect_navigation():
        citizen.click("#proposal-send")
    code = citizen.locator("#tracking-code").inner_text().strip()
    proposal = Proposal.objects.get(tracking_code=code)
    assert (proposal.sender_name, proposal.status) == (SENDER, ProposalStatus.RECEIVED)
    web.step(citizen, "tracking code")
    with citizen.expect_navigation():
        citizen.click(f"a[href$='ma={code}']")
    expect(citizen.locator("[data-status]")).to_have_attribute("data-status", "received")

    secretariat = web.new_page()
    sign_in(secretariat, live_server, world.users["secretariat"].username, PASSWORD)
    secretariat.goto(web.url("proposals:proposal_list"))
    with secretariat.expect_navigation():
        secretariat.click(f"#proposal-table a:has-text('{TITLE}')")
    with secretariat.expect_navigation():
        secretariat.click("a:has-text('Chuyển đơn vị xử lý')")
    secretariat.select_option("#id_unit", str(world.lead_unit.pk))
    due = timezone.localdate() + datetime.timedelta(days=15)
    secretariat.fill("#id_response_due", due.isoformat())
    web.step(secretariat, "routing to the unit")
    with secretariat.expect_navigation():
        secretariat.click("#proposal-action-form button[type=submit]")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.routed_unit, proposal.response_due) == (
        ProposalStatus.ROUTED,
        world.lead_unit,
        due,
    )

    officer = web.new_page()
    sign_in(officer, live_server, world.users["unit_officer"].username, PASSWORD)
    officer.goto(web.url("proposals:proposal_detail", pk=proposal.pk))
    with officer.expect_navigation():
        officer.click("a:has-text('Soạn trả lời')")
    officer.fill("#id_answer_draft", DRAFT)
    with officer.expect_navigation():
        officer.click("#proposal-action-form button[type=submit]")
    web.step(officer, "answer drafted")
    proposal.refresh_from_db()
    assert proposal.answer_draft == DRAFT
    assert proposal.status == ProposalStatus.ROUTED, "a draft is not an answer yet"

    secretariat.goto(web.url("proposals:proposal_detail", pk=proposal.pk))
    with secretariat.expect_navigation():
        secretariat.click("a:has-text('Duyệt và trả lời')")
    expect(secretariat.locator("#id_answer")).to_have_value(DRAFT)
    secretariat.fill("#id_answer", ANSWER)
    expect(secretariat.locator("#id_publish")).to_be_checked()  # the sender consented
    with secretariat.expect_navigation():
        secretariat.click("#proposal-action-form button[type=submit]")
    web.step(secretariat, "answer approved and published")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.answer, proposal.is_public) == (
        ProposalStatus.ANSWERED,
        ANSWER,
        True,
    )

    citizen.goto(web.url("proposals:public_track") + f"?ma={code}")
    expect(citizen.locator("[data-status]")).to_have_attribute("data-status", "answered")
    expect(citizen.locator("#proposal-answer")).to_have_text(ANSWER)
    citizen.goto(web.url("dashboards:public_committee", pk=world.committee.pk))
    expect(citizen.locator("#public-proposals")).to_contain_text(ANSWER)
    web.step(citizen, "answer on the public page")
    page_text = citizen.locator("main").inner_text()
    assert SENDER not in page_text
    assert CONTACT not in page_text
