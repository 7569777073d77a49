"""The secretariat's side: its queue, reviewing reports and claims, deadline changes;
the unit head's approval gate; leaders' directions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import DeadlineChangeDecision, ReviewState, TaskState, TaskStatus
from chidao.assignments.models import DeadlineChange, Direction, ProgressUpdate, Task
from chidao.assignments.services import do_review_progress
from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.assignments.timeline import TimelineKind, get_task_timeline
from chidao.core.tests.world import PASSWORD, build_world, make_user, sign_in

OUTPUT = "Quyết định số 88/QĐ-UBND"


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def claim(world):
    """The world's completion claim by the lead unit's officer, waiting for the secretariat."""
    return world.objects["completion_claim"]


def review_url(update):
    return reverse("assignments:progress_review", kwargs={"pk": update.pk})


def task_page(client, task) -> str:
    return client.get(reverse("assignments:task_detail", kwargs={"pk": task.pk})).content.decode()


# Reviewing reports ---------------------------------------------------------------------


def test_returned_claim_goes_back_to_the_unit_with_its_reason(client, world, claim):
    reason = "Chưa có quyết định phê duyệt kèm theo; đề nghị bổ sung."
    sign_in(client, world.users["secretariat"])

    response = client.post(review_url(claim), {"decision": "return", "review_reason": reason})

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.review_state, claim.review_reason) == (ReviewState.RETURNED, reason)
    task = Task.objects.get(pk=claim.task_id)
    assert (task.state, task.completed_on) == (TaskState.OPEN, None)
    [returned] = [e for e in get_task_timeline(task) if e.kind == TimelineKind.RETURNED]
    assert (returned.reason, returned.who) == (reason, str(world.users["secretariat"]))
    queue = client.get(reverse("assignments:secretariat_home"))
    assert claim.pk not in {item.pk for item in queue.context["claims"]}
    sign_in(client, world.users["unit_officer"])
    page = task_page(client, task)
    assert reason in page
    assert 'id="action-report"' in page  # the unit can report again


def test_returning_needs_a_reason_next_to_the_field(client, world, claim):
    sign_in(client, world.users["secretariat"])

    response = client.post(review_url(claim), {"decision": "return", "review_reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["review_reason"] == ["Trả lại báo cáo phải nêu lý do."]
    assert 'id="id_review_reason-error"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.SUBMITTED


def test_a_decision_is_required(client, world, claim):
    sign_in(client, world.users["secretariat"])

    response = client.post(review_url(claim), {"review_state": ReviewState.ACCEPTED})

    assert response.status_code == 200
    assert "decision" in response.context["form"].errors
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.SUBMITTED


def test_an_already_reviewed_report_is_not_reviewed_twice(client, world, claim):
    sign_in(client, world.users["secretariat"])
    client.post(review_url(claim), {"decision": "return", "review_reason": "Thiếu minh chứng."})

    response = client.post(review_url(claim), {"decision": "accept"})

    assert response.status_code == 200
    assert "Báo cáo này đã được xem xét." in response.content.decode()
    assert Task.objects.get(pk=claim.task_id).state == TaskState.OPEN


def test_secretariat_cannot_accept_a_claim_it_wrote(client, world):
    """The standing unit's officer sits on the support team and also leads tasks."""
    secretariat = world.users["secretariat"]
    own_task = TaskFactory(
        committee=world.committee,
        lead_unit=secretariat.person.unit,
        assigned_on=datetime.date(2025, 3, 1),
        deadline=datetime.date(2030, 6, 30),
    )
    sign_in(client, world.users["secretariat"])
    client.post(
        reverse("assignments:progress_create", kwargs={"pk": own_task.pk}),
        {
            "percent": "100",
            "claims_completion": "on",
            "completion_output": OUTPUT,
            "output_date": "10/05/2025",
        },
    )
    own_claim = ProgressUpdate.objects.get(task=own_task)

    assert client.get(review_url(own_claim)).status_code == 403
    assert client.post(review_url(own_claim), {"decision": "accept"}).status_code == 403
    queue = client.get(reverse("assignments:secretariat_home"))
    [listed] = [item for item in queue.context["claims"] if item.pk == own_claim.pk]
    assert listed.is_own
    assert f'href="{review_url(own_claim)}"' not in queue.content.decode()
    with pytest.raises(ValidationError, match="chính mình"):
        do_review_progress(update=own_claim, by=secretariat, accept=True)
    own_task.refresh_from_db()
    assert own_task.state == TaskState.OPEN

    sign_in(client, world.users["admin"])
    assert client.post(review_url(own_claim), {"decision": "accept"}).status_code == 302
    own_task.refresh_from_db()
    assert own_task.completed_on == datetime.date(2025, 5, 10)


@pytest.mark.parametrize("role", ["unit_officer", "unit_head", "leader"])
def test_units_and_leaders_cannot_review(client, world, claim, role):
    sign_in(client, world.users[role])

    response = client.post(review_url(claim), {"decision": "accept"})

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.review_state == ReviewState.SUBMITTED


# Unit head approval ------------------------------------------------------------------------


@pytest.fixture
def gated(world):
    world.committee.requires_unit_head_approval = True
    world.committee.save()
    return world


def test_unit_head_gate_holds_a_report_until_the_head_approves(client, gated):
    world = gated
    task = TaskFactory(
        committee=world.committee,
        lead_unit=world.lead_unit,
        assigned_on=datetime.date(2025, 3, 1),
        deadline=datetime.date(2030, 6, 30),
    )
    sign_in(client, world.users["unit_officer"])
    client.post(
        reverse("assignments:progress_create", kwargs={"pk": task.pk}),
        {
            "percent": "100",
            "claims_completion": "on",
            "completion_output": OUTPUT,
            "output_date": "10/05/2025",
        },
    )
    update = ProgressUpdate.objects.get(task=task, completion_output=OUTPUT)
    assert update.review_state == ReviewState.PENDING_UNIT_HEAD
    assert "Chờ lãnh đạo đơn vị duyệt" in task_page(client, task)

    sign_in(client, world.users["secretariat"])
    queue = client.get(reverse("assignments:secretariat_home"))
    assert update.pk not in {item.pk for item in queue.context["claims"]}
    response = client.post(review_url(update), {"decision": "accept"})
    assert response.status_code == 200
    update.refresh_from_db()
    assert update.review_state == ReviewState.PENDING_UNIT_HEAD

    sign_in(client, world.users["unit_head"])
    approve_url = reverse("assignments:progress_approve_unit", kwargs={"pk": update.pk})
    assert f'href="{approve_url}"' in task_page(client, task)
    assert client.post(approve_url, {"decision": "approve"}).status_code == 302
    update.refresh_from_db()
    assert (update.review_state, update.unit_approved_by) == (
        ReviewState.SUBMITTED,
        world.users["unit_head"],
    )
    kinds = [entry.kind for entry in get_task_timeline(task)]
    assert TimelineKind.UNIT_APPROVAL in kinds

    sign_in(client, world.users["secretariat"])
    queue = client.get(reverse("assignments:secretariat_home"))
    assert update.pk in {item.pk for item in queue.context["claims"]}
    assert client.post(review_url(update), {"decision": "accept"}).status_code == 302
    assert Task.objects.get(pk=task.pk).state == TaskState.COMPLETED


def test_a_unit_that_asks_for_it_has_its_reports_wait_for_its_head(client, world):
    """The unit's own flag gates its reports where the committee asks it of no unit."""
    world.lead_unit.requires_head_approval = True
    world.lead_unit.save()
    assert not world.committee.requires_unit_head_approval
    url = reverse("assignments:progress_create", kwargs={"pk": world.task.pk})

    sign_in(client, world.users["unit_officer"])
    assert "chờ lãnh đạo đơn vị duyệt" in client.get(url).content.decode()
    client.post(url, {"percent": "40", "results": "Cán bộ báo cáo."})
    sign_in(client, world.users["unit_head"])
    client.post(url, {"percent": "45", "results": "Lãnh đạo báo cáo."})

    states = dict(
        ProgressUpdate.objects.filter(task=world.task).values_list("percent", "review_state")
    )
    assert (states[40], states[45]) == (ReviewState.PENDING_UNIT_HEAD, ReviewState.SUBMITTED)
    waiting = client.get(reverse("assignments:unit_approvals")).context["updates"]
    percents = [update.percent for update in waiting if update.task_id == world.task.pk]
    assert 40 in percents
    assert 45 not in percents


def test_unit_head_returns_a_report_with_a_reason(client, gated):
    world = gated
    update = world.objects["progress_update_pending_unit"]
    url = reverse("assignments:progress_approve_unit", kwargs={"pk": update.pk})
    sign_in(client, world.users["unit_head"])

    missing = client.post(url, {"decision": "return"})
    assert missing.context["form"].errors["reason"] == ["Trả lại báo cáo phải nêu lý do."]
    assert (
        client.post(url, {"decision": "return", "reason": "Số liệu chưa khớp."}).status_code == 302
    )

    update.refresh_from_db()
    assert (update.review_state, update.review_reason) == (
        ReviewState.RETURNED,
        "Số liệu chưa khớp.",
    )


def test_a_report_written_by_the_head_needs_no_second_approval(client, gated):
    world = gated
    sign_in(client, world.users["unit_head"])

    client.post(
        reverse("assignments:progress_create", kwargs={"pk": world.task.pk}),
        {"percent": "60", "results": "Lãnh đạo Sở báo cáo trực tiếp."},
    )

    update = ProgressUpdate.objects.get(task=world.task, percent=60)
    assert (update.review_state, update.unit_approved_by) == (
        ReviewState.SUBMITTED,
        world.users["unit_head"],
    )


def test_the_head_sees_the_units_reports_waiting(client, gated):
    world = gated
    pending = world.objects["progress_update_pending_unit"]
    sign_in(client, world.users["unit_head"])

    response = client.get(reverse("assignments:unit_approvals"))

    assert [update.pk for update in response.context["updates"]] == [pending.pk]
    approve_url = reverse("assignments:progress_approve_unit", kwargs={"pk": pending.pk})
    assert f'href="{approve_url}"' in response.content.decode()
    sign_in(client, world.users["unit_officer"])
    assert client.get(reverse("assignments:unit_approvals")).status_code == 403


def test_only_the_head_of_the_reporting_unit_approves(client, gated):
    world = gated
    update = world.objects["progress_update_pending_unit"]
    url = reverse("assignments:progress_approve_unit", kwargs={"pk": update.pk})
    make_user("lanhdaophoihop", world.coordinating_unit, is_unit_leader=True)
    make_user("lanhdaokhac", world.other_unit, is_unit_leader=True)

    client.login(username="lanhdaophoihop", password=PASSWORD)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    client.logout()
    client.login(username="lanhdaokhac", password=PASSWORD)
    assert client.post(url, {"decision": "approve"}).status_code == 404

    update.refresh_from_db()
    assert update.review_state == ReviewState.PENDING_UNIT_HEAD


# Deadline changes --------------------------------------------------------------------------


@pytest.fixture
def late_task(world):
    """Ten days past its deadline today."""
    today = timezone.localdate()
    return TaskFactory(
        committee=world.committee,
        lead_unit=world.lead_unit,
        assigned_on=today - datetime.timedelta(days=200),
        deadline=today - datetime.timedelta(days=10),
    )


def test_approved_change_moves_the_deadline_and_keeps_the_original(client, world, late_task):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    original = late_task.deadline
    proposed = today + datetime.timedelta(days=30)
    sign_in(client, world.users["unit_officer"])
    response = client.post(
        reverse("assignments:deadline_change_request", kwargs={"pk": late_task.pk}),
        {"new_deadline": f"{proposed:%d/%m/%Y}", "reason": "Chờ hướng dẫn của Bộ."},
    )
    assert response.status_code == 302
    change = DeadlineChange.objects.get(task=late_task)

    sign_in(client, world.users["secretariat"])
    decide_url = reverse("assignments:deadline_change_decide", kwargs={"pk": change.pk})
    assert (
        f'href="{decide_url}"'
        in client.get(reverse("assignments:secretariat_home")).content.decode()
    )
    response = client.post(decide_url, {"decision": "approve", "note": "Đồng ý."})

    assert response.status_code == 302
    late_task.refresh_from_db()
    assert (late_task.deadline, late_task.original_deadline) == (proposed, original)
    change.refresh_from_db()
    assert (change.decision, change.decided_on, change.old_deadline) == (
        DeadlineChangeDecision.APPROVED,
        today,
        original,
    )
    annotated = {
        day: Task.objects.with_status(day).get(pk=late_task.pk).status for day in (today, yesterday)
    }
    assert annotated == {today: TaskStatus.IN_PROGRESS, yesterday: TaskStatus.OVERDUE}
    assert late_task.get_status(today) == TaskStatus.IN_PROGRESS
    assert late_task.get_status(yesterday) == TaskStatus.OVERDUE
    kinds = [entry.kind for entry in get_task_timeline(late_task)]
    assert kinds == [TimelineKind.DEADLINE_APPROVED, TimelineKind.DEADLINE_REQUEST]
    history = client.get(decide_url)
    assert [item.pk for item in history.context["changes"]] == [change.pk]


def test_rejected_change_leaves_the_deadline(client, world):
    change = world.objects["deadline_change"]
    deadline = world.task.deadline
    sign_in(client, world.users["secretariat"])

    client.post(
        reverse("assignments:deadline_change_decide", kwargs={"pk": change.pk}),
        {"decision": "reject", "note": "Không có căn cứ."},
    )

    change.refresh_from_db()
    assert change.decision == DeadlineChangeDecision.REJECTED
    assert Task.objects.get(pk=world.task.pk).deadline == deadline
    [entry] = [e for e in get_task_timeline(world.task) if e.kind == TimelineKind.DEADLINE_REJECTED]
    assert entry.text == "Không có căn cứ."


@pytest.mark.parametrize("role", ["unit_officer", "unit_head", "coordinating_officer", "leader"])
def test_units_and_leaders_cannot_decide_a_deadline_change(client, world, role):
    change = world.objects["deadline_change"]
    sign_in(client, world.users[role])

    response = client.post(
        reverse("assignments:deadline_change_decide", kwargs={"pk": change.pk}),
        {"decision": "approve", "deadline": "31/12/2099"},
    )

    assert response.status_code == 403
    change.refresh_from_db()
    assert change.decision == DeadlineChangeDecision.PENDING
    assert Task.objects.get(pk=world.task.pk).deadline == world.task.deadline


def test_a_request_cannot_decide_itself_or_set_the_deadline(client, world, late_task):
    deadline = late_task.deadline
    sign_in(client, world.users["unit_officer"])

    client.post(
        reverse("assignments:deadline_change_request", kwargs={"pk": late_task.pk}),
        {
            "new_deadline": "31/12/2026",
            "reason": "Thiếu kinh phí.",
            "decision": DeadlineChangeDecision.APPROVED,
            "deadline": "31/12/2026",
            "old_deadline": "01/01/2020",
            "state": TaskState.COMPLETED,
        },
    )

    change = DeadlineChange.objects.get(task=late_task)
    assert (change.decision, change.old_deadline, change.decided_by) == (
        DeadlineChangeDecision.PENDING,
        deadline,
        None,
    )
    late_task.refresh_from_db()
    assert (late_task.deadline, late_task.state) == (deadline, TaskState.OPEN)


def test_one_request_at_a_time(client, world):
    sign_in(client, world.users["unit_officer"])

    response = client.post(
        reverse("assignments:deadline_change_request", kwargs={"pk": world.task.pk}),
        {"new_deadline": "31/12/2031", "reason": "Thêm một đề nghị."},
    )

    assert response.status_code == 200
    assert "đang chờ quyết định" in response.content.decode()
    assert DeadlineChange.objects.filter(task=world.task).count() == 1


def test_request_needs_a_date_and_a_reason(client, world, late_task):
    sign_in(client, world.users["unit_officer"])

    response = client.post(
        reverse("assignments:deadline_change_request", kwargs={"pk": late_task.pk}),
        {"new_deadline": "ngày mai"},
    )

    errors = response.context["form"].errors
    assert set(errors) == {"new_deadline", "reason"}
    assert not DeadlineChange.objects.filter(task=late_task).exists()


# Directions --------------------------------------------------------------------------------


def test_leader_gives_a_direction_that_shows_in_the_timeline(client, world):
    text = "Đề nghị Sở Tài chính hoàn thành trước 30/6, báo cáo Trưởng ban."
    sign_in(client, world.users["leader"])

    response = client.post(
        reverse("assignments:direction_create", kwargs={"pk": world.task.pk}), {"text": text}
    )

    assert response.status_code == 302
    direction = Direction.objects.get(task=world.task)
    assert (direction.author, direction.text) == (world.users["leader"], text)
    [entry] = [e for e in get_task_timeline(world.task) if e.kind == TimelineKind.DIRECTION]
    assert (entry.text, entry.who) == (text, str(world.users["leader"]))
    sign_in(client, world.users["unit_officer"])
    assert text in task_page(client, world.task)


def test_a_direction_needs_text(client, world):
    sign_in(client, world.users["leader"])

    response = client.post(
        reverse("assignments:direction_create", kwargs={"pk": world.task.pk}), {"text": ""}
    )

    assert "id_text-error" in response.content.decode()
    assert not Direction.objects.exists()


def test_units_cannot_give_directions(client, world):
    sign_in(client, world.users["unit_officer"])

    response = client.post(
        reverse("assignments:direction_create", kwargs={"pk": world.task.pk}),
        {"text": "Tự chỉ đạo"},
    )

    assert response.status_code == 403
    assert not Direction.objects.exists()


# The secretariat's home --------------------------------------------------------------------


def test_queue_lists_what_waits_with_its_age(client, world, claim):
    today = timezone.localdate()
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("assignments:secretariat_home"))

    assert response.status_code == 200
    context = response.context
    assert context["committee"] == world.committee
    assert [(item.pk, item.age_days) for item in context["claims"]] == [
        (claim.pk, (today - claim.reported_on).days)
    ]
    assert [(item.pk, item.age_days) for item in context["changes"]] == [
        (world.objects["deadline_change"].pk, 0)
    ]
    assert context["indicators"].count == 1
    assert context["indicators"].url == reverse("indicators:review")
    assert context["count_table"].total.assigned == 1
    html = response.content.decode()
    assert f'href="{reverse("assignments:task_list")}?committee={world.committee.pk}"' in html
    assert 'id="count-table"' in html


def test_queue_of_another_committee_shows_none_of_ours(client, world):
    sign_in(client, world.users["other_secretariat"])

    response = client.get(reverse("assignments:secretariat_home"))

    assert response.context["committee"] == world.other_committee
    assert (response.context["claims"], response.context["changes"]) == ([], [])
    forbidden = client.get(
        reverse("assignments:secretariat_home"), {"committee": world.committee.pk}
    )
    assert forbidden.status_code == 404


def test_queue_reads_in_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    sign_in(client, world.users["secretariat"])
    url = reverse("assignments:secretariat_home")
    client.get(url)  # session and roles warm
    with django_assert_num_queries(18) as few:  # 10, and the "Nguy cơ chậm" panel's 8
        client.get(url)
    for day in range(1, 8):
        ProgressUpdateFactory(
            task=TaskFactory(committee=world.committee, lead_unit=world.lead_unit),
            author=world.users["unit_officer"],
            claim=True,
            reported_on=datetime.date(2025, 5, day),
        )

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert len(response.context["claims"]) == 8


def test_admin_lands_on_a_queue_and_may_pick_any_committee(client, world):
    sign_in(client, world.users["admin"])

    landing = client.get(reverse("home"))
    picked = client.get(
        reverse("assignments:secretariat_home"), {"committee": world.other_committee.pk}
    )

    assert landing.url == reverse("assignments:secretariat_home")
    assert picked.context["committee"] == world.other_committee
    assert (
        client.get(reverse("assignments:secretariat_home"), {"committee": "x"}).status_code == 404
    )


# The quality of an output, recorded when the completion is accepted (QĐ 366, issue [L]) --


def test_accepting_a_claim_records_the_outputs_quality(client, world, claim):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        review_url(claim), {"decision": "accept", "completion_quality": "exceeded"}
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.review_state, claim.completion_quality) == (ReviewState.ACCEPTED, "exceeded")
    page = client.get(review_url(claim)).content.decode()
    assert "Vượt yêu cầu" in page


def test_an_output_below_the_requirement_needs_a_reason_and_nothing_is_written(
    client, world, claim
):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        review_url(claim), {"decision": "accept", "completion_quality": "not_met"}
    )

    assert response.status_code == 200
    assert "Sản phẩm chưa đạt yêu cầu phải nêu lý do." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.review_state, claim.completion_quality) == (ReviewState.SUBMITTED, "")
    assert Task.objects.get(pk=claim.task_id).state == TaskState.OPEN

    with pytest.raises(ValidationError):
        do_review_progress(update=claim, by=world.users["secretariat"], accept=True,
                           quality="not_met")  # fmt: skip
    do_review_progress(
        update=claim,
        by=world.users["secretariat"],
        accept=True,
        quality="not_met",
        quality_reason="Quyết định chưa kèm danh mục thủ tục.",
    )
    claim.refresh_from_db()
    assert claim.quality_reason == "Quyết định chưa kèm danh mục thủ tục."
