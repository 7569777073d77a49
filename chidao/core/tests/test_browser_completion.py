"""Issue [B] §14 (a): a unit reports 100 % with evidence and claims completion; the
secretariat accepts; the task is "Hoàn thành đúng hạn".

"Reported done" and "verified done" are never the same state: between the claim and the
acceptance the task stays open.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from chidao.assignments.choices import ReviewState, TaskState
from chidao.assignments.models import ProgressUpdate
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.browser import make_pdf, sign_in
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.browser

OUTPUT = "Quyết định số 1234/QĐ-UBND phê duyệt Đề án số hóa hồ sơ thủ tục hành chính"


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def task(world):
    """A task of its own, so that other reports in the shared world do not get in the way."""
    return TaskFactory(
        committee=world.committee,
        group=world.group,
        lead_unit=world.lead_unit,
        code="II.3.a",
        title="Xây dựng Đề án số hóa hồ sơ thủ tục hành chính của tỉnh",
        assigned_on=datetime.date(2025, 3, 1),
        deadline=datetime.date(2030, 6, 30),
    )


def test_unit_claims_completion_and_secretariat_accepts(web, world, task, live_server):
    today = timezone.localdate()
    pdf = make_pdf("Bien ban nghiem thu")

    # The unit officer reports from the unit's home page.
    officer = web.new_page()
    sign_in(officer, live_server, world.users["unit_officer"].username, PASSWORD)
    web.step(officer, "officer home")
    officer.click(f"article.unit-task[data-task='{task.pk}'] a.card-title")
    officer.wait_for_url(web.url("assignments:task_detail", pk=task.pk))
    web.step(officer, "task before the report")
    officer.click("#action-report")
    officer.wait_for_url(web.url("assignments:progress_create", pk=task.pk))
    officer.fill("#id_percent", "100")
    officer.fill("#id_results", "Đã số hóa 1.250 hồ sơ; Đề án được UBND tỉnh phê duyệt.")
    officer.set_input_files(
        "#id_evidence_files",
        files=[{"name": "bien-ban-nghiem-thu.pdf", "mimeType": "application/pdf", "buffer": pdf}],
    )
    officer.check("#id_claims_completion")
    officer.fill("#id_completion_output", OUTPUT)
    officer.fill("#id_output_date", today.isoformat())
    web.step(officer, "report filled in")
    with officer.expect_navigation():
        officer.click("#progress-submit")
    assert officer.url == web.url("assignments:task_detail", pk=task.pk)
    web.step(officer, "task after the claim")

    update = ProgressUpdate.objects.get(task=task)
    assert update.claims_completion
    assert update.percent == 100
    assert update.review_state == ReviewState.SUBMITTED
    assert update.completion_output == OUTPUT
    assert update.output_date == today
    evidence = update.evidence.get()
    assert evidence.original_name == "bien-ban-nghiem-thu.pdf"
    assert evidence.content_type == "application/pdf"
    task.refresh_from_db()
    assert task.state == TaskState.OPEN, "a claim alone never completes the task"
    assert officer.locator("#task-header .status-badge").get_attribute("data-status") == (
        "in_progress"
    )
    expect(officer.locator("#task-timeline .timeline-state").first).to_have_text(
        "Chờ xác nhận hoàn thành"
    )

    # The secretariat finds the claim in its queue, checks the evidence, accepts.
    secretariat = web.new_page()
    sign_in(secretariat, live_server, world.users["secretariat"].username, PASSWORD)
    assert secretariat.url.startswith(web.url("assignments:secretariat_home"))
    web.step(secretariat, "secretariat queue")
    review = reverse("assignments:progress_review", kwargs={"pk": update.pk})
    secretariat.click(f"a[href='{review}']")
    secretariat.wait_for_url(web.url("assignments:progress_review", pk=update.pk))
    web.step(secretariat, "claim under review")
    download = secretariat.get_by_role("link", name="bien-ban-nghiem-thu.pdf")
    answer = secretariat.request.get(download.get_attribute("href"))
    assert answer.status == 200
    assert answer.body() == pdf
    secretariat.check("input[name=decision][value=accept]")
    with secretariat.expect_navigation():
        secretariat.click("#review-submit")
    assert secretariat.url == web.url("assignments:task_detail", pk=task.pk)
    web.step(secretariat, "task after acceptance")

    status = secretariat.locator("#task-header .status-badge")
    assert status.inner_text() == "Hoàn thành đúng hạn"
    assert status.get_attribute("data-status") == "done_on_time"
    task.refresh_from_db()
    assert task.state == TaskState.COMPLETED
    assert task.completed_on == today
    update.refresh_from_db()
    assert update.review_state == ReviewState.ACCEPTED
    assert update.reviewed_by == world.users["secretariat"]

    # The unit sees the verified completion too.
    officer.reload()
    web.step(officer, "officer sees the task completed")
    expect(officer.locator("#task-header .status-badge")).to_have_text("Hoàn thành đúng hạn")
    expect(officer.locator("#task-timeline")).to_contain_text("Đã xác nhận hoàn thành")
