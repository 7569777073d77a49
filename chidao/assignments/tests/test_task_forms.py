"""Creating, editing and breaking down tasks from the secretariat's pages."""

import datetime

import pytest
from django.urls import reverse

from chidao.assignments.choices import DeadlineChangeDecision, TaskKind
from chidao.assignments.models import DeadlineChange, Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world
from chidao.org.tests.factories import UnitFactory


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    return build_world()


@pytest.fixture
def secretariat(client, world):
    client.force_login(world.users["secretariat"])
    return client


def create_url(world):
    return f"{reverse('assignments:task_create')}?committee={world.committee.pk}"


def task_data(world, **changes):
    data = {
        "code": "III.4",
        "title": "Triển khai nền tảng học tập số",
        "lead_unit": world.lead_unit.pk,
        "coordinating_units": [world.coordinating_unit.pk],
        "deadline_text": "Quý II/2026",
        "assigned_on": "2025-07-01",
        "expected_output": "Nền tảng vận hành",
        "group": world.group.pk,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_secretariat_creates_a_task_with_a_deadline_phrase(secretariat, world):
    response = secretariat.post(create_url(world), task_data(world))

    task = Task.objects.get(code="III.4")
    assert response.status_code == 302
    assert response.url == reverse("assignments:task_detail", args=[task.pk])
    assert task.committee == world.committee
    assert task.kind == TaskKind.DEADLINE
    assert task.deadline == task.original_deadline == datetime.date(2026, 6, 30)
    assert task.deadline_text == "Quý II/2026"
    assert list(task.coordinating_units.all()) == [world.coordinating_unit]
    assert task.history.first().history_user == world.users["secretariat"]


def test_an_ongoing_phrase_makes_an_ongoing_task(secretariat, world):
    secretariat.post(create_url(world), task_data(world, deadline_text="Thường xuyên"))

    task = Task.objects.get(code="III.4")
    assert task.kind == TaskKind.ONGOING
    assert task.deadline is None


def test_a_date_is_a_deadline_too(secretariat, world):
    secretariat.post(create_url(world), task_data(world, deadline_text="30/9/2025"))

    assert Task.objects.get(code="III.4").deadline == datetime.date(2025, 9, 30)


def test_bad_phrase_is_explained_next_to_the_field_and_nothing_is_saved(secretariat, world):
    before = Task.objects.count()

    response = secretariat.post(create_url(world), task_data(world, deadline_text="Quý V/2025"))

    html = response.content.decode()
    assert response.status_code == 200
    assert Task.objects.count() == before
    assert 'id="id_deadline_text-error"' in html
    error = html.split('id="id_deadline_text-error">')[1].split("</div>")[0]
    assert "quý phải là I, II, III hoặc IV" in error
    assert 'aria-describedby="id_deadline_text-error' in html  # then the help text


def test_missing_title_and_unit_are_explained_in_vietnamese(secretariat, world):
    response = secretariat.post(create_url(world), task_data(world, title="", lead_unit=None))

    assert response.status_code == 200
    assert 'id="id_title-error"' in response.content.decode()
    assert 'id="id_lead_unit-error"' in response.content.decode()
    assert "Mục này không được để trống." in response.content.decode()
    assert not Task.objects.filter(code="III.4").exists()


def test_duplicate_code_is_refused_with_a_message(secretariat, world):
    response = secretariat.post(create_url(world), task_data(world, code=world.task.code))

    assert response.status_code == 200
    assert "Ban Chỉ đạo đã có nhiệm vụ với mã này." in response.content.decode()
    assert Task.objects.filter(code=world.task.code).count() == 1


def test_focal_person_must_work_in_a_unit_of_the_task(secretariat, world):
    outsider = world.users["other_unit_officer"].person

    response = secretariat.post(create_url(world), task_data(world, focal_person=outsider.pk))

    assert 'id="id_focal_person-error"' in response.content.decode()
    assert not Task.objects.filter(code="III.4").exists()


def test_secretariat_of_another_committee_cannot_create_here(client, world):
    client.force_login(world.users["other_secretariat"])

    response = client.post(create_url(world), task_data(world))

    assert response.status_code == 404
    assert not Task.objects.filter(code="III.4").exists()


def test_leader_cannot_create_tasks(client, world):
    client.force_login(world.users["leader"])

    response = client.post(create_url(world), task_data(world))

    assert response.status_code == 403


def test_create_without_committee_uses_the_only_one_managed(client, world):
    client.force_login(world.users["other_secretariat"])

    response = client.get(reverse("assignments:task_create"))

    assert response.context["committee"] == world.other_committee


def test_create_without_committee_offers_the_committees_managed(secretariat, world):
    response = secretariat.get(reverse("assignments:task_create"))

    html = response.content.decode()
    assert world.committee.name in html
    assert world.commune_committee.name in html  # below the province committee
    assert world.other_committee.name not in html


def test_create_without_committee_offers_a_choice_to_admins(client, world):
    client.force_login(world.users["admin"])

    response = client.get(reverse("assignments:task_create"))

    assert 'id="committee-choice"' in response.content.decode()
    assert world.other_committee.name in response.content.decode()


def test_edit_writes_a_history_row_shown_on_the_detail_page(secretariat, world):
    url = reverse("assignments:task_edit", args=[world.task.pk])
    form = secretariat.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data["coordinating_units"] = [unit.pk for unit in data["coordinating_units"]]
    data["assigned_on"] = "2025-02-21"
    data.update(title="Số hóa toàn bộ hồ sơ thủ tục hành chính", is_key="on")

    response = secretariat.post(url, data)

    world.task.refresh_from_db()
    assert response.status_code == 302, response.context["form"].errors
    assert world.task.title == "Số hóa toàn bộ hồ sơ thủ tục hành chính"
    assert world.task.original_deadline == datetime.date(2030, 6, 30)
    assert world.task.is_key
    latest = world.task.history.first()
    assert latest.history_user == world.users["secretariat"]
    assert latest.title == world.task.title
    detail = secretariat.get(reverse("assignments:task_detail", args=[world.task.pk]))
    change = detail.context["changes"][0]
    assert change.user == world.users["secretariat"]
    assert [(f.label, f.old, f.new) for f in change.fields] == [
        ("tên nhiệm vụ", "Số hóa hồ sơ thủ tục hành chính", world.task.title),
        # The factory wrote no phrase; the form offered the date, and it was kept.
        ("thời hạn (như văn bản ghi)", "—", "30/06/2030"),
        ("nhiệm vụ trọng tâm", "Không", "Có"),
    ]
    html = detail.content.decode()
    assert "Số hóa hồ sơ thủ tục hành chính</del>" in html


def test_edit_changes_units_and_the_history_names_them(secretariat, world):
    url = reverse("assignments:task_edit", args=[world.task.pk])

    secretariat.post(
        url,
        task_data(
            world,
            code=world.task.code,
            title=world.task.title,
            version=world.task.version,
            coordinating_units=[world.other_unit.pk],
            deadline_text="6/2030",
            assigned_on="2025-02-21",
            group=world.group.pk,
            expected_output="",
        ),
    )

    assert list(world.task.coordinating_units.all()) == [world.other_unit]
    detail = secretariat.get(reverse("assignments:task_detail", args=[world.task.pk]))
    fields = {f.label: (f.old, f.new) for f in detail.context["changes"][0].fields}
    assert fields["cơ quan phối hợp"] == ("Sở Nội vụ", "Sở Y tế")


def test_edit_of_deadline_phrase_corrects_the_original_deadline(secretariat, world):
    url = reverse("assignments:task_edit", args=[world.task.pk])

    secretariat.post(
        url,
        task_data(
            world,
            code=world.task.code,
            deadline_text="Quý III/2026",
            expected_output="",
            version=world.task.version,
        ),
    )

    world.task.refresh_from_db()
    assert world.task.deadline == world.task.original_deadline == datetime.date(2026, 9, 30)


def test_edit_cannot_move_a_deadline_already_extended(secretariat, world):
    DeadlineChange.objects.create(
        task=world.task,
        requested_by=world.users["unit_officer"],
        old_deadline=datetime.date(2030, 3, 31),
        new_deadline=datetime.date(2030, 6, 30),
        reason="Chờ hướng dẫn",
        decision=DeadlineChangeDecision.APPROVED,
        decided_on=datetime.date(2025, 5, 1),
    )
    url = reverse("assignments:task_edit", args=[world.task.pk])

    response = secretariat.post(
        url,
        task_data(
            world,
            code=world.task.code,
            deadline_text="12/2030",
            expected_output="",
            version=world.task.version,
        ),
    )

    assert response.status_code == 200
    assert 'id="id_deadline_text-error"' in response.content.decode()
    world.task.refresh_from_db()
    assert world.task.deadline == datetime.date(2030, 6, 30)
    assert world.task.title == "Số hóa hồ sơ thủ tục hành chính"  # nothing half-saved


def test_unit_officer_cannot_edit_their_task(client, world):
    client.force_login(world.users["unit_officer"])
    url = reverse("assignments:task_edit", args=[world.task.pk])

    response = client.post(
        url, task_data(world, code=world.task.code, lead_unit=world.other_unit.pk)
    )

    assert response.status_code == 403
    world.task.refresh_from_db()
    assert world.task.lead_unit == world.lead_unit


def test_breakdown_creates_one_subtask_per_unit_at_once(secretariat, world):
    world.task.code = "II.3"
    world.task.save()
    communes = [UnitFactory(name=f"UBND xã Thử Nghiệm {n}") for n in range(3)]
    url = reverse("assignments:task_breakdown", args=[world.task.pk])

    response = secretariat.post(
        url,
        {
            "units": [unit.pk for unit in communes],
            "title": "Số hóa hồ sơ",
            "deadline_text": "Quý IV/2029",
            "assigned_on": "2025-07-15",
        },
    )

    subtasks = list(world.task.subtasks.order_by("code"))
    assert response.status_code == 302
    assert [task.code for task in subtasks] == ["II.3.1", "II.3.2", "II.3.3"]
    assert {task.lead_unit for task in subtasks} == set(communes)
    assert all(task.deadline == datetime.date(2029, 12, 31) for task in subtasks)
    assert all(task.title.startswith("Số hóa hồ sơ — UBND xã") for task in subtasks)
    assert all(task.committee == world.committee for task in subtasks)
    detail = secretariat.get(reverse("assignments:task_detail", args=[world.task.pk]))
    assert len(detail.context["subtasks"]) == 3


def test_breakdown_refuses_a_deadline_after_the_parent(secretariat, world):
    commune = UnitFactory(name="UBND xã Muộn")
    url = reverse("assignments:task_breakdown", args=[world.task.pk])

    response = secretariat.post(
        url,
        {
            "units": [commune.pk],
            "title": "Số hóa",
            "deadline_text": "2031",
            "assigned_on": "2025-07-15",
        },
    )

    assert response.status_code == 200
    error = response.content.decode().split('id="id_deadline_text-error">')[1]
    assert "không thể sau thời hạn của nhiệm vụ (30/06/2030)" in error
    assert not world.task.subtasks.exists()


def test_breakdown_is_all_or_nothing(secretariat, world):
    first, second = UnitFactory(name="UBND xã A"), UnitFactory(name="UBND xã B")
    TaskFactory(
        committee=world.committee,
        parent=world.task,
        lead_unit=second,
        deadline=datetime.date(2029, 1, 31),
    )
    url = reverse("assignments:task_breakdown", args=[world.task.pk])

    response = secretariat.post(
        url,
        {
            "units": [first.pk, second.pk],
            "title": "Số hóa",
            "deadline_text": "2029",
            "assigned_on": "2025-07-15",
        },
    )

    assert "Đã có nhiệm vụ con giao cho: UBND xã B." in response.content.decode()
    assert list(world.task.subtasks.values_list("lead_unit", flat=True)) == [second.pk]


def test_breakdown_needs_at_least_one_unit(secretariat, world):
    url = reverse("assignments:task_breakdown", args=[world.task.pk])

    response = secretariat.post(
        url, {"title": "Số hóa", "deadline_text": "2029", "assigned_on": "2025-07-15"}
    )

    assert 'id="id_units-error"' in response.content.decode()
    assert not world.task.subtasks.exists()


def test_source_document_comes_from_the_committee_registers(secretariat, world):
    from chidao.documents.models import Document

    def register(symbol, committee):
        return Document.objects.create(
            symbol=symbol,
            kind="KH",
            issuing_unit=world.lead_unit,
            issued_on=datetime.date(2025, 2, 21),
            summary=f"Kế hoạch {symbol}",
            committee=committee,
        )

    own = register("29/KH-UBND", world.committee)
    shared = register("30/KH-UBND", None)
    foreign = register("31/KH-UBND", world.other_committee)

    form = secretariat.get(create_url(world)).context["form"]
    refused = secretariat.post(create_url(world), task_data(world, source_document=foreign.pk))
    accepted = secretariat.post(create_url(world), task_data(world, source_document=own.pk))

    choices = set(form.fields["source_document"].queryset)
    assert {own, shared} <= choices
    assert foreign not in choices
    assert 'id="id_source_document-error"' in refused.content.decode()
    assert accepted.status_code == 302
    assert Task.objects.get(code="III.4").source_document == own
