"""Issue [B] §14 (b): a unit asks to move a deadline with a reason; the secretariat
approves; the task shows the new deadline and keeps the original one.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from chidao.assignments.choices import DeadlineChangeDecision
from chidao.assignments.models import DeadlineChange
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.browser

REASON = (
    "Bộ Khoa học và Công nghệ chưa ban hành hướng dẫn kết nối Cơ sở dữ liệu quốc gia; "
    "đề nghị lùi thời hạn để hoàn thiện sau khi có hướng dẫn."
)


def original_deadline_text(page) -> str:
    label = page.locator("#task-fields dt", has_text="Thời hạn ban đầu")
    return label.locator("xpath=following-sibling::dd[1]").inner_text()


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def task(world):
    """Due in ten days: the unit sees it cannot make it and asks in time."""
    return TaskFactory(
        committee=world.committee,
        group=world.group,
        lead_unit=world.lead_unit,
        code="II.5.b",
        title="Kết nối Cổng dịch vụ công của tỉnh với Cơ sở dữ liệu quốc gia về dân cư",
        assigned_on=datetime.date(2025, 3, 1),
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )


def test_deadline_change_requested_and_approved(web, world, task, live_server):
    original = task.deadline
    proposed = original + datetime.timedelta(days=90)

    officer = web.new_page()
    sign_in(officer, live_server, world.users["unit_officer"].username, PASSWORD)
    officer.click(f"article.unit-task[data-task='{task.pk}'] a.card-title")
    officer.wait_for_url(web.url("assignments:task_detail", pk=task.pk))
    web.step(officer, "task due soon")
    officer.click("#action-deadline-change")
    officer.wait_for_url(web.url("assignments:deadline_change_request", pk=task.pk))
    officer.fill("#id_new_deadline", proposed.isoformat())
    officer.fill("#id_reason", REASON)
    web.step(officer, "request filled in")
    with officer.expect_navigation():
        officer.click("#deadline-change-submit")
    assert officer.url == web.url("assignments:task_detail", pk=task.pk)
    web.step(officer, "task with the request pending")

    change = DeadlineChange.objects.get(task=task)
    assert change.decision == DeadlineChangeDecision.PENDING
    assert change.requested_by == world.users["unit_officer"]
    assert (change.old_deadline, change.new_deadline, change.reason) == (
        original,
        proposed,
        REASON,
    )
    task.refresh_from_db()
    assert task.deadline == original, "a request alone never moves the deadline"
    expect(officer.locator("#task-deadline")).to_contain_text(f"{original:%d/%m/%Y}")

    secretariat = web.new_page()
    sign_in(secretariat, live_server, world.users["secretariat"].username, PASSWORD)
    web.step(secretariat, "secretariat queue")
    decide = reverse("assignments:deadline_change_decide", kwargs={"pk": change.pk})
    secretariat.click(f"a[href='{decide}']")
    secretariat.wait_for_url(web.url("assignments:deadline_change_decide", pk=change.pk))
    expect(secretariat.locator("#change-old")).to_have_text(f"{original:%d/%m/%Y}")
    expect(secretariat.locator("#change-new")).to_have_text(f"{proposed:%d/%m/%Y}")
    expect(secretariat.locator("#deadline-change-request")).to_contain_text(REASON)
    secretariat.check("input[name=decision][value=approve]")
    secretariat.fill("#id_note", "Đồng ý; đề nghị Sở Tài chính báo cáo kết quả trước thời hạn mới.")
    web.step(secretariat, "decision filled in")
    with secretariat.expect_navigation():
        secretariat.click("#deadline-decision-submit")
    assert secretariat.url == web.url("assignments:task_detail", pk=task.pk)
    web.step(secretariat, "task after approval")

    expect(secretariat.locator("#task-deadline")).to_contain_text(f"{proposed:%d/%m/%Y}")
    assert original_deadline_text(secretariat) == f"{original:%d/%m/%Y}"
    task.refresh_from_db()
    assert (task.deadline, task.original_deadline) == (proposed, original)
    change.refresh_from_db()
    assert change.decision == DeadlineChangeDecision.APPROVED
    assert change.decided_by == world.users["secretariat"]
    assert change.decided_on == timezone.localdate()

    officer.reload()
    web.step(officer, "officer sees the new deadline")
    expect(officer.locator("#task-deadline")).to_contain_text(f"{proposed:%d/%m/%Y}")
    assert original_deadline_text(officer) == f"{original:%d/%m/%Y}"
    expect(officer.locator("#task-timeline")).to_contain_text(REASON)
