""" "Đôn đốc" where the problem shows (issue [O] §2): on an overdue or due-soon task's page,
on the overdue list (several at once) and from the dashboard's overdue rows, for those the
urge page lets in; the urge lands in the task's timeline."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import sign_in
from chidao.org.models import User
from chidao.reminders.models import Urge

MORNING = datetime.datetime(2025, 7, 10, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(MORNING, tick=False):
        yield


def client_of(client, username):
    return sign_in(client, User.objects.get(username=username))


def urge_link(task):
    return reverse("reminders:urge_task", args=[task.pk])


def test_the_overdue_task_page_offers_urging_to_the_secretariat(client, setting):
    page = client_of(client, "thuongtruc").get(
        reverse("assignments:task_detail", args=[setting.task.pk])
    )

    assert 'id="action-urge"' in page.content.decode()
    assert urge_link(setting.task) in page.content.decode()


@pytest.mark.parametrize("username", ["canbo", "lanhdaodonvi", "lanhdao"])
def test_roles_the_urge_page_refuses_see_no_button(client, setting, username):
    client = client_of(client, username)

    page = client.get(reverse("assignments:task_detail", args=[setting.task.pk]))

    assert page.status_code == 200
    assert 'id="action-urge"' not in page.content.decode()
    assert client.get(urge_link(setting.task)).status_code == 403


def test_a_task_far_from_its_deadline_offers_no_urging(client, setting):
    later = TaskFactory(
        committee=setting.committee, lead_unit=setting.task.lead_unit, code="II.9",
        deadline=datetime.date(2026, 6, 30),
    )  # fmt: skip

    page = client_of(client, "thuongtruc").get(reverse("assignments:task_detail", args=[later.pk]))

    assert 'id="action-urge"' not in page.content.decode()


def test_urging_from_the_task_page_lands_in_its_timeline(client, setting):
    client = client_of(client, "thuongtruc")

    response = client.post(urge_link(setting.task), {"message": "Báo cáo trước ngày 15/7."})

    task_url = reverse("assignments:task_detail", args=[setting.task.pk])
    assert response.status_code == 302
    assert response.url == task_url
    page = client.get(task_url).content.decode()
    assert 'data-kind="urge"' in page
    assert "Thường trực đôn đốc" in page
    assert "Báo cáo trước ngày 15/7." in page


def test_the_overdue_list_urges_several_tasks_at_once(client, setting):
    second = TaskFactory(
        committee=setting.committee, lead_unit=setting.task.lead_unit, code="II.5",
        deadline=datetime.date(2025, 5, 30),
    )  # fmt: skip
    client = client_of(client, "thuongtruc")
    listing = client.get(reverse("assignments:task_list"), {"status": "overdue"})
    text = listing.content.decode()
    assert 'id="urge-form"' in text
    assert f'name="task" value="{setting.task.pk}"' in text
    assert f'name="task" value="{second.pk}"' in text

    url = reverse("reminders:urge_tasks")
    back = reverse("assignments:task_list") + "?status=overdue"
    confirm = client.get(url, {"task": [setting.task.pk, second.pk], "next": back})
    assert confirm.status_code == 200
    response = client.post(
        url,
        {"task": [setting.task.pk, second.pk], "message": "Khẩn trương.", "next": back},
    )

    assert response.status_code == 302
    assert response.url == back
    assert sorted(Urge.objects.values_list("task__code", flat=True)) == ["II.3.a", "II.5"]


def test_the_overdue_list_has_no_checkboxes_for_a_unit_officer(client, setting):
    listing = client_of(client, "canbo").get(
        reverse("assignments:task_list"), {"status": "overdue"}
    )

    assert 'id="urge-form"' not in listing.content.decode()


def test_urging_several_refuses_the_lot_when_one_task_is_not_theirs(client, setting):
    hidden = TaskFactory(code="X.1", deadline=datetime.date(2025, 5, 1))  # another committee
    client = client_of(client, "thuongtruc")

    response = client.post(
        reverse("reminders:urge_tasks"),
        {"task": [setting.task.pk, hidden.pk], "message": "Khẩn trương."},
    )

    assert response.status_code == 404
    assert not Urge.objects.exists()


@pytest.mark.parametrize("tasks", [["abc"], [str(n) for n in range(1, 150)]])
def test_urging_several_answers_400_to_a_bad_choice(client, setting, tasks):
    response = client_of(client, "thuongtruc").post(
        reverse("reminders:urge_tasks"), {"task": tasks, "message": "Khẩn trương."}
    )

    assert response.status_code == 400
    assert not Urge.objects.exists()


def test_urging_several_without_a_choice_says_so(client, setting):
    response = client_of(client, "thuongtruc").post(
        reverse("reminders:urge_tasks"), {"message": "Khẩn trương."}
    )

    assert response.status_code == 200
    assert "Hãy chọn ít nhất một nhiệm vụ để đôn đốc." in response.content.decode()
    assert not Urge.objects.exists()


@pytest.mark.parametrize(("username", "offered"), [("thuongtruc", True), ("lanhdao", False)])
def test_the_dashboards_overdue_rows_offer_urging(client, setting, username, offered):
    page = client_of(client, username).get(
        reverse("dashboards:committee_dashboard", args=[setting.committee.pk])
    )

    assert page.status_code == 200
    assert (urge_link(setting.task) in page.content.decode()) is offered
