"""Progress reports from the unit's side: the lead unit's report and completion claim,
a coordinating unit's contribution, and what a report can never change."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import ReviewState, TaskState, TaskStatus
from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.signals import TaskEventKind, task_event
from chidao.assignments.tests.factories import (
    MINIMAL_PDF,
    DeadlineChangeFactory,
    ProgressUpdateFactory,
    TaskFactory,
)
from chidao.assignments.tests.report_files import upload
from chidao.assignments.timeline import TimelineKind, get_task_timeline
from chidao.core.tests.world import build_world, sign_in

OUTPUT = "Quyết định số 1234/QĐ-UBND phê duyệt Đề án số hóa"


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def task(world):
    """A task with no reports yet, led by the world's lead unit."""
    task = TaskFactory(
        committee=world.committee,
        group=world.group,
        lead_unit=world.lead_unit,
        code="II.3.a",
        title="Xây dựng Đề án số hóa hồ sơ thủ tục hành chính",
        assigned_on=datetime.date(2025, 3, 1),
        deadline=datetime.date(2030, 6, 30),
    )
    task.coordinating_units.set([world.coordinating_unit])
    return task


@pytest.fixture
def events():
    """Task events announced after commit, as a notification receiver would get them."""
    received = []

    def receiver(sender, kind, task, record, by, **kwargs):
        received.append((kind, task.pk, record.pk, by.username))

    task_event.connect(receiver)
    yield received
    task_event.disconnect(receiver)


def list_row(client, list_name: str, task) -> str:
    """The HTML of ``task``'s row (or card) on a task list page."""
    html = client.get(reverse(list_name)).content.decode()
    link = reverse("assignments:task_detail", kwargs={"pk": task.pk})
    [row] = [part for part in re.split(r"<tr|<article", html) if f'href="{link}"' in part]
    return row


def report_url(task):
    return reverse("assignments:progress_create", kwargs={"pk": task.pk})


def test_claim_waits_for_verification_then_secretariat_accepts(
    client, world, task, events, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    sign_in(client, world.users["unit_officer"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(task),
            {
                "percent": "100",
                "results": "Đã số hóa 1.250 hồ sơ.",
                "evidence_files": [upload("bien-ban-nghiem-thu.pdf", MINIMAL_PDF)],
                "claims_completion": "on",
                "completion_output": OUTPUT,
                "output_date": f"{today:%d/%m/%Y}",
            },
        )

    assert response.status_code == 302
    assert response.url == reverse("assignments:task_detail", kwargs={"pk": task.pk})
    update = ProgressUpdate.objects.get(task=task)
    assert (update.claims_completion, update.review_state, update.output_date) == (
        True,
        ReviewState.SUBMITTED,
        today,
    )
    assert update.evidence.get().original_name == "bien-ban-nghiem-thu.pdf"
    task.refresh_from_db()
    assert (task.state, task.progress_percent) == (TaskState.OPEN, 100)
    assert task.get_status(today) == TaskStatus.IN_PROGRESS
    page = client.get(response.url).content.decode()
    assert 'id="awaiting-verification"' in page
    assert "Chờ xác nhận hoàn thành" in page
    assert events == [(TaskEventKind.PROGRESS_SUBMITTED, task.pk, update.pk, "canbo")]
    assert "awaiting-badge" in list_row(client, "assignments:unit_tasks", task)

    client.logout()
    sign_in(client, world.users["secretariat"])
    queue = client.get(reverse("assignments:secretariat_home"))
    claims = {claim.pk: claim.age_days for claim in queue.context["claims"]}
    assert claims[update.pk] == 0
    review_url = reverse("assignments:progress_review", kwargs={"pk": update.pk})
    assert f'href="{review_url}"' in queue.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url, {"decision": "accept"})

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.state, task.completed_on) == (TaskState.COMPLETED, today)
    assert Task.objects.with_status(today).get(pk=task.pk).status == TaskStatus.DONE_ON_TIME
    assert task.get_status(today) == TaskStatus.DONE_ON_TIME
    update.refresh_from_db()
    assert (update.review_state, update.reviewed_by) == (
        ReviewState.ACCEPTED,
        world.users["secretariat"],
    )
    assert events[-1] == (TaskEventKind.COMPLETION_ACCEPTED, task.pk, update.pk, "thuongtruc")
    kinds = [entry.kind for entry in get_task_timeline(task)]
    assert kinds == [TimelineKind.COMPLETION_ACCEPTED, TimelineKind.COMPLETION_CLAIM]
    page = client.get(reverse("assignments:task_detail", kwargs={"pk": task.pk})).content.decode()
    assert "Đã xác nhận hoàn thành" in page
    assert 'id="awaiting-verification"' not in page
    queue = client.get(reverse("assignments:secretariat_home"))
    assert update.pk not in {claim.pk for claim in queue.context["claims"]}
    assert "awaiting-badge" not in list_row(client, "assignments:task_list", task)


def test_completion_date_is_the_outputs_not_the_clicks(client, world, task):
    """A decision signed after the deadline, accepted later: done late, on the signing day."""
    task.deadline = task.original_deadline = datetime.date(2025, 6, 30)
    task.save()
    signed = datetime.date(2025, 7, 4)
    sign_in(client, world.users["unit_officer"])
    client.post(
        report_url(task),
        {
            "percent": "100",
            "claims_completion": "on",
            "completion_output": OUTPUT,
            "output_date": f"{signed:%d/%m/%Y}",
        },
    )
    update = ProgressUpdate.objects.get(task=task)
    client.logout()
    sign_in(client, world.users["secretariat"])

    client.post(
        reverse("assignments:progress_review", kwargs={"pk": update.pk}), {"decision": "accept"}
    )

    task.refresh_from_db()
    assert task.completed_on == signed
    assert task.get_status(timezone.localdate()) == TaskStatus.DONE_LATE


def test_claim_needs_its_output_and_a_date_not_in_the_future(client, world, task):
    sign_in(client, world.users["unit_officer"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        report_url(task),
        {"percent": "100", "claims_completion": "on", "output_date": f"{tomorrow:%d/%m/%Y}"},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["completion_output"] == ["Đề nghị xác nhận hoàn thành phải nêu sản phẩm."]
    assert errors["output_date"] == ["Ngày của sản phẩm không thể sau ngày báo cáo."]
    html = response.content.decode()
    assert 'id="id_completion_output-error"' in html
    assert 'id="id_output_date-error"' in html
    assert not ProgressUpdate.objects.filter(task=task).exists()


def test_one_completion_claim_at_a_time(client, world):
    """The world's task already has a claim waiting for the secretariat."""
    sign_in(client, world.users["unit_officer"])
    before = ProgressUpdate.objects.filter(task=world.task).count()

    response = client.post(
        report_url(world.task),
        {
            "percent": "100",
            "claims_completion": "on",
            "completion_output": OUTPUT,
            "output_date": "10/05/2025",
        },
    )

    assert response.context["form"].errors["claims_completion"] == [
        "Nhiệm vụ đã có đề nghị xác nhận hoàn thành đang chờ xem xét."
    ]
    assert ProgressUpdate.objects.filter(task=world.task).count() == before


def test_percent_out_of_range_is_shown_next_to_the_field(client, world, task):
    sign_in(client, world.users["unit_officer"])

    response = client.post(report_url(task), {"percent": "150"})

    assert response.status_code == 200
    assert "id_percent-error" in response.content.decode()
    assert not ProgressUpdate.objects.filter(task=task).exists()


def test_a_report_cannot_set_state_deadline_review_or_author(client, world, task):
    deadline = task.deadline
    sign_in(client, world.users["unit_officer"])

    client.post(
        report_url(task),
        {
            "percent": "30",
            "state": TaskState.COMPLETED,
            "completed_on": "01/01/2025",
            "deadline": "31/12/2099",
            "review_state": ReviewState.ACCEPTED,
            "author": world.users["secretariat"].pk,
            "unit": world.other_unit.pk,
        },
    )

    task.refresh_from_db()
    assert (task.state, task.deadline, task.completed_on) == (TaskState.OPEN, deadline, None)
    update = ProgressUpdate.objects.get(task=task)
    assert (update.review_state, update.author, update.unit) == (
        ReviewState.SUBMITTED,
        world.users["unit_officer"],
        world.lead_unit,
    )


def test_coordinating_unit_files_its_part_and_the_lead_sees_it(client, world, task):
    sign_in(client, world.users["coordinating_officer"])
    form = client.get(report_url(task))
    assert "claims_completion" not in form.context["form"].fields
    assert "Báo cáo phần phối hợp" in form.content.decode()

    response = client.post(
        report_url(task),
        {
            "percent": "80",
            "results": "Sở Nội vụ đã rà soát 40 thủ tục.",
            # A coordinating unit cannot claim completion, even by adding the fields.
            "claims_completion": "on",
            "completion_output": OUTPUT,
            "output_date": "01/05/2025",
        },
    )

    assert response.status_code == 302
    part = ProgressUpdate.objects.get(task=task)
    assert (part.unit, part.claims_completion, part.is_contribution) == (
        world.coordinating_unit,
        False,
        True,
    )
    task.refresh_from_db()
    assert task.progress_percent == 0, "a contribution is not the task's progress"

    client.logout()
    sign_in(client, world.users["unit_officer"])
    lead_form = client.get(report_url(task))
    assert [item.pk for item in lead_form.context["contributions"]] == [part.pk]
    assert "Sở Nội vụ đã rà soát 40 thủ tục." in lead_form.content.decode()
    page = client.get(reverse("assignments:task_detail", kwargs={"pk": task.pk}))
    assert 'id="unit-parts"' in page.content.decode()
    assert "Báo cáo phần phối hợp" in page.content.decode()


def test_text_with_html_is_shown_as_text(client, world, task):
    sign_in(client, world.users["unit_officer"])
    client.post(
        report_url(task),
        {"percent": "10", "results": "<script>alert('x')</script><b>đậm</b>"},
    )

    page = client.get(reverse("assignments:task_detail", kwargs={"pk": task.pk})).content.decode()

    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in page
    assert "<script>alert" not in page


def test_report_on_a_completed_task_is_refused(client, world, task):
    task.state = TaskState.COMPLETED
    task.completed_on = datetime.date(2025, 5, 1)
    task.save()
    sign_in(client, world.users["unit_officer"])

    response = client.post(report_url(task), {"percent": "100"})

    assert response.status_code == 403
    assert not ProgressUpdate.objects.filter(task=task).exists()


def test_timeline_reads_in_five_queries_whatever_its_length(world, task, django_assert_num_queries):
    for day in range(1, 6):
        update = ProgressUpdateFactory(
            task=task, author=world.users["unit_officer"], reported_on=datetime.date(2025, 4, day)
        )
        update.evidence.create(file="evidence/x.pdf", original_name=f"{day}.pdf", size=1)
    DeadlineChangeFactory(task=task, requested_by=world.users["unit_officer"])
    task.directions.create(author=world.users["leader"], text="Khẩn trương hoàn thành.")

    # Reports with evidence, deadline changes, directions, reviews, and the urges that the
    # reminders app registers as a timeline source.
    with django_assert_num_queries(5):
        timeline = get_task_timeline(task)

    assert len(timeline) == 7
    assert [entry.on for entry in timeline[-5:]] == [
        datetime.date(2025, 4, day) for day in range(5, 0, -1)
    ]
