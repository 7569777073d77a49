"""No lost updates on tasks: two people edit the same task in two browser sessions."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from chidao.assignments.models import Task
from chidao.assignments.services import do_submit_progress, do_update_task
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.core.concurrency import EditConflict
from chidao.core.tests.world import build_world, make_user


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    world = build_world()
    science = world.users["secretariat"].person.unit
    second = make_user("thuongtruc2", science)
    second.person.full_name = "Trần Thị Bình"
    second.person.save()
    Membership.objects.create(
        committee=world.committee, person=second.person, role=MemberRole.SUPPORT_TEAM
    )
    world.users["second_secretariat"] = second
    world.users["secretariat"].person.full_name = "Nguyễn Văn An"
    world.users["secretariat"].person.save()
    return world


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def load_edit_form(client, task) -> dict:
    """What the edit page sends back when saved untouched, hidden version included."""
    form = client.get(reverse("assignments:task_edit", args=[task.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["coordinating_units"] = [unit.pk for unit in data["coordinating_units"]]
    data["assigned_on"] = data["assigned_on"].isoformat()
    return {name: value for name, value in data.items() if name in form.fields}


def test_the_second_save_is_refused_naming_who_changed_which_fields(world):
    url = reverse("assignments:task_edit", args=[world.task.pk])
    an = session(world.users["secretariat"])
    binh = session(world.users["second_secretariat"])
    an_form, binh_form = load_edit_form(an, world.task), load_edit_form(binh, world.task)

    first = an.post(
        url,
        {**an_form, "deadline_text": "Quý III/2026", "expected_output": "Quyết định của UBND"},
    )
    second = binh.post(url, {**binh_form, "title": "Số hóa hồ sơ và kết quả giải quyết"})

    assert first.status_code == 302
    assert second.status_code == 200
    errors = second.context["form"].non_field_errors()
    assert errors == [
        "Nhiệm vụ đã được Nguyễn Văn An sửa lúc 09:00 15/07/2025 trong khi bạn đang sửa. "
        "Các trường đã thay đổi: Thời hạn (như văn bản ghi), Thời hạn, Sản phẩm. "
        "Hãy xem lại và lưu lại."
    ]
    html = second.content.decode()
    assert "Số hóa hồ sơ và kết quả giải quyết" in html  # Bình's typing is kept
    assert second.context["form"].errors["deadline_text"] == ["Vừa được lưu là: Quý III/2026"]
    task = Task.objects.get(pk=world.task.pk)
    assert task.title == "Số hóa hồ sơ thủ tục hành chính"  # An's save stands
    assert task.deadline == datetime.date(2026, 9, 30)
    assert task.expected_output == "Quyết định của UBND"
    assert task.history.count() == world.task.history.count()

    # Bình reloads the page, which now carries An's save, and saves again.
    again = binh.post(url, {**load_edit_form(binh, world.task), "title": "Số hóa hồ sơ mới"})

    assert again.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.deadline, task.expected_output) == (
        "Số hóa hồ sơ mới",
        datetime.date(2026, 9, 30),
        "Quyết định của UBND",
    )
    assert task.history.first().history_user == world.users["second_secretariat"]


def test_the_conflict_page_offers_the_current_version_for_a_considered_second_save(world):
    url = reverse("assignments:task_edit", args=[world.task.pk])
    an = session(world.users["secretariat"])
    binh = session(world.users["second_secretariat"])
    binh_form = load_edit_form(binh, world.task)
    an.post(url, {**load_edit_form(an, world.task), "is_key": "on"})
    refused = binh.post(url, {**binh_form, "source_clause": "Mục II.3"})
    version = Task.objects.get(pk=world.task.pk).version
    assert f'name="version" value="{version}"' in refused.content.decode()

    resent = binh.post(url, {**binh_form, "source_clause": "Mục II.3", "version": version})

    assert resent.status_code == 302
    task = Task.objects.get(pk=world.task.pk)
    assert (task.source_clause, task.version) == ("Mục II.3", version + 1)
    # Bình's form still said "not key": reading the warning and saving is a choice.
    assert task.is_key is False


def test_a_page_without_a_version_saves_nothing(world):
    url = reverse("assignments:task_edit", args=[world.task.pk])
    an = session(world.users["secretariat"])
    data = load_edit_form(an, world.task)
    del data["version"]

    response = an.post(url, {**data, "title": "Không được lưu"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Trang sửa đã cũ. Hãy tải lại trang rồi sửa lại."
    ]
    assert Task.objects.get(pk=world.task.pk).title == "Số hóa hồ sơ thủ tục hành chính"


def test_a_progress_report_moving_the_percent_also_makes_an_open_edit_stale(world):
    task = Task.objects.get(pk=world.task.pk)
    loaded = task.version
    do_submit_progress(
        task=task,
        unit=world.lead_unit,
        by=world.users["unit_officer"],
        reported_on=datetime.date(2025, 7, 15),
        percent=40,
    )

    with pytest.raises(EditConflict) as caught:
        do_update_task(
            task=task, by=world.users["secretariat"], expected_version=loaded, title="Cũ"
        )

    assert caught.value.changes[0].labels == ("Tiến độ (%)",)
    task.refresh_from_db()
    assert (task.title, task.progress_percent, task.version) == (
        "Số hóa hồ sơ thủ tục hành chính",
        40,
        loaded + 1,
    )


def test_every_task_write_moves_the_version_on(world):
    task = Task.objects.get(pk=world.task.pk)
    start = task.version

    updated = do_update_task(task=task, by=world.users["secretariat"], source_clause="Mục 1")
    assert updated.version == start + 1
    updated = do_update_task(
        task=updated, by=world.users["secretariat"], expected_version=start + 1, code="II.9"
    )
    assert Task.objects.get(pk=task.pk).version == start + 2


def test_a_save_in_the_admin_also_makes_an_open_edit_page_stale(world, rf):
    from django.contrib.admin.sites import site

    url = reverse("assignments:task_edit", args=[world.task.pk])
    binh = session(world.users["second_secretariat"])
    binh_form = load_edit_form(binh, world.task)
    task = Task.objects.get(pk=world.task.pk)
    task.source_clause = "Mục III"
    request = rf.post("/admin/")
    request.user = world.users["admin"]
    site._registry[Task].save_model(request, task, form=None, change=True)

    response = binh.post(url, {**binh_form, "title": "Ghi đè"})

    assert response.status_code == 200
    assert "Các trường đã thay đổi: Điều, khoản, mục." in response.content.decode()
    assert Task.objects.get(pk=world.task.pk).source_clause == "Mục III"
