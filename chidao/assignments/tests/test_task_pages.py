"""The task pages as their users touch them: list, search, export, detail, unit home."""

import datetime
import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from chidao.assignments.choices import TaskState
from chidao.assignments.services import do_update_task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.org.tests.factories import UnitFactory

TODAY = datetime.date(2025, 7, 15)


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    world = build_world()
    science = world.committee.standing_unit
    world.science = science
    # Led by another unit, coordinated by the lead unit: the unit officer sees it.
    world.coordinated = TaskFactory(
        committee=world.committee,
        code="II.1",
        title="Xây dựng nền tảng dữ liệu khoa học",
        lead_unit=science,
        deadline=datetime.date(2025, 6, 30),  # overdue on TODAY
        is_key=True,
    )
    world.coordinated.coordinating_units.set([world.lead_unit])
    # Nothing to do with the lead unit.
    world.foreign = TaskFactory(
        committee=world.committee,
        code="II.2",
        title="Phát triển y tế số",
        lead_unit=world.other_unit,
        deadline=datetime.date(2025, 7, 20),  # due soon on TODAY
    )
    world.done = TaskFactory(
        committee=world.committee,
        code="II.3",
        title="Ban hành kế hoạch chuyển đổi số",
        lead_unit=world.lead_unit,
        deadline=datetime.date(2025, 6, 30),
        state=TaskState.COMPLETED,
        completed_on=datetime.date(2025, 6, 20),
    )
    return world


def listed_ids(response):
    return [task.pk for task in response.context["tasks"]]


def export_rows(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0] is not None]


def test_unit_officer_sees_led_and_coordinated_tasks_only(client, world):
    sign_in(client, world.users["unit_officer"])

    listed = client.get(reverse("assignments:task_list"))
    exported = client.get(reverse("assignments:task_export"))
    foreign_detail = client.get(reverse("assignments:task_detail", args=[world.foreign.pk]))

    assert set(listed_ids(listed)) == {world.task.pk, world.coordinated.pk, world.done.pk}
    assert world.foreign.title not in listed.content.decode()
    assert {row[2] for row in export_rows(exported)} == {
        world.task.title,
        world.coordinated.title,
        world.done.title,
    }
    assert foreign_detail.status_code == 404


def test_secretariat_sees_every_task_of_its_committee(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("assignments:task_list"))

    assert set(listed_ids(response)) == {
        world.task.pk,
        world.coordinated.pk,
        world.foreign.pk,
        world.done.pk,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("so hoa ho so", "task"),  # "Số hóa hồ sơ…" in the title
        ("SO HOA", "task"),
        ("so khoa hoc", "coordinated"),  # the lead unit is "Sở Khoa học và Công nghệ"
        ("du lieu khoa hoc", "coordinated"),
        ("Y TẾ SỐ", "foreign"),
    ],
)
def test_search_ignores_diacritics_and_case(client, world, query, expected):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("assignments:task_list"), {"q": query})

    assert listed_ids(response) == [getattr(world, expected).pk]


def test_filters_combine(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("assignments:task_list")

    by_unit = client.get(url, {"lead_unit": world.lead_unit.pk})
    by_unit_and_status = client.get(
        url, {"lead_unit": world.lead_unit.pk, "status": "done_on_time"}
    )
    key_and_overdue = client.get(url, {"is_key": "true", "status": "overdue"})
    coordinated_by = client.get(url, {"coordinating_unit": world.lead_unit.pk})
    deadline_range = client.get(url, {"deadline_from": "2025-07-01", "deadline_to": "2025-12-31"})
    due_soon = client.get(url, {"status": "due_soon"})

    assert set(listed_ids(by_unit)) == {world.task.pk, world.done.pk}
    assert listed_ids(by_unit_and_status) == [world.done.pk]
    assert listed_ids(key_and_overdue) == [world.coordinated.pk]
    assert listed_ids(coordinated_by) == [world.coordinated.pk]
    assert listed_ids(deadline_range) == [world.foreign.pk]
    assert listed_ids(due_soon) == [world.foreign.pk]


def test_status_as_of_an_earlier_date(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(
        reverse("assignments:task_list"), {"as_of": "2025-06-15", "status": "in_progress"}
    )

    # On 15/6 the overdue task was still within its deadline, the done one not yet done.
    assert set(listed_ids(response)) == {
        world.coordinated.pk,
        world.foreign.pk,
        world.done.pk,
        world.task.pk,
    }
    assert "15/06/2025" in response.content.decode()


def test_counts_per_status_ignore_the_status_filter(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("assignments:task_list"), {"status": "overdue"})

    counts = response.context["counts"]
    assert counts["total"] == 4
    assert counts["overdue"] == 1
    assert counts["in_progress"] == 2
    assert counts["done_on_time"] == 1
    assert counts["due_soon"] == 1
    assert listed_ids(response) == [world.coordinated.pk]


def test_sorting_by_deadline_and_status(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("assignments:task_list")

    by_deadline = client.get(url, {"sort": "-deadline"})
    by_status = client.get(url, {"sort": "status"})

    assert listed_ids(by_deadline)[0] == world.task.pk  # 2030
    assert listed_ids(by_status)[0] == world.coordinated.pk  # overdue first


def test_export_has_the_rows_of_the_page_with_real_dates(client, world):
    sign_in(client, world.users["secretariat"])
    filters = {"lead_unit": world.lead_unit.pk, "sort": "deadline"}

    page = client.get(reverse("assignments:task_list"), filters)
    export = client.get(reverse("assignments:task_export"), filters)

    assert export["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    rows = export_rows(export)
    assert [row[2] for row in rows] == [task.title for task in page.context["tasks"]]
    sheet = load_workbook(BytesIO(export.content)).active
    assert "15/07/2025" in sheet["A1"].value
    assert sheet.cell(row=3, column=3).value == "Tên nhiệm vụ"
    deadline = sheet.cell(row=4, column=9)
    assert deadline.is_date
    assert deadline.value.date() == datetime.date(2025, 6, 30)
    assert deadline.number_format == "DD/MM/YYYY"
    assert rows[0][9] == "Hoàn thành đúng hạn"
    assert f"{reverse('assignments:task_export')}?lead_unit={world.lead_unit.pk}" in (
        page.content.decode()
    )


def test_export_keeps_formula_like_text_as_text(client, world):
    world.task.title = '=HYPERLINK("http://example.com","bấm vào")'
    world.task.save()
    sign_in(client, world.users["secretariat"])

    export = client.get(reverse("assignments:task_export"), {"q": "hyperlink"})

    cell = load_workbook(BytesIO(export.content)).active.cell(row=4, column=3)
    assert cell.data_type == "s"
    assert cell.value == world.task.title


def test_list_paginates_50_a_page(client, world):
    TaskFactory.create_batch(55, committee=world.committee, lead_unit=world.other_unit)
    sign_in(client, world.users["secretariat"])

    first = client.get(reverse("assignments:task_list"))
    second = client.get(
        reverse("assignments:task_list"), {"cursor": first.context["page"].next_cursor}
    )

    assert len(first.context["tasks"]) == 50
    assert len(second.context["tasks"]) == 9
    assert second.context["page"].next_cursor is None
    assert first.context["counts"]["total"] == 59
    assert 'id="task-page-next"' in first.content.decode()


def test_html_in_a_title_is_shown_as_text(client, world):
    world.task.title = "<script>alert('x')</script> Số hóa"
    world.task.save()
    sign_in(client, world.users["unit_officer"])

    pages = [
        client.get(reverse("assignments:task_list")),
        client.get(reverse("assignments:unit_tasks")),
        client.get(reverse("assignments:task_detail", args=[world.task.pk])),
    ]

    for page in pages:
        html = page.content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_unit_home_groups_by_status_overdue_first(client, world):
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("assignments:unit_tasks"))

    groups = response.context["groups"]
    assert [group["status"].value for group in groups] == [
        "overdue",
        "in_progress",
        "done_on_time",
    ]
    assert [task.pk for task in groups[0]["tasks"]] == [world.coordinated.pk]
    assert [len(group["tasks"]) for group in groups] == [1, 1, 1]
    html = response.content.decode()
    assert world.foreign.title not in html
    assert html.index(world.coordinated.title) < html.index(world.task.title)


def test_unit_home_for_a_user_without_unit(client, world):
    world.users["leader"].person.unit = None
    world.users["leader"].person.save()
    sign_in(client, world.users["leader"])

    response = client.get(reverse("assignments:unit_tasks"))

    assert response.status_code == 200
    assert "chưa gắn với đơn vị" in response.content.decode()


def test_unit_home_puts_due_soon_before_other_tasks_in_progress(client, world):
    soon = TaskFactory(
        committee=world.committee,
        lead_unit=world.lead_unit,
        deadline=datetime.date(2025, 7, 18),
        title="Sắp đến hạn",
    )
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("assignments:unit_tasks"))

    in_progress = response.context["groups"][1]
    assert [task.pk for task in in_progress["tasks"]] == [soon.pk, world.task.pk]
    assert in_progress["due_soon"] == 1


def test_detail_shows_fields_documents_units_and_subtasks(client, world, document_chain):
    world.task.source_document = document_chain
    world.task.expected_output = "Quyết định của UBND tỉnh"
    world.task.save()
    commune = UnitFactory(name="UBND xã Thử Nghiệm")
    TaskFactory(
        committee=world.committee,
        parent=world.task,
        code="II.9.1",
        lead_unit=commune,
        deadline=datetime.date(2025, 6, 1),
    )
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("assignments:task_detail", args=[world.task.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        world.task.title,
        "Sở Tài chính",
        "Sở Nội vụ",
        "Quyết định của UBND tỉnh",
        "29/KH-UBND",
        "54-CTr/TU",
        "57-NQ/TW",
        "UBND xã Thử Nghiệm",
        "Quá hạn, chưa hoàn thành",
        "30/06/2030",
    ):
        assert text in html, text
    assert html.index("29/KH-UBND") < html.index("54-CTr/TU") < html.index("57-NQ/TW")
    assert 'id="action-edit"' in html


def test_detail_of_a_task_without_subtasks_skips_their_list(client, world):
    # Most tasks have none: the page's own query says so and the list is not read.
    sign_in(client, world.users["secretariat"])
    url = reverse("assignments:task_detail", args=[world.task.pk])
    with CaptureQueriesContext(connection) as without:
        response = client.get(url)
    assert response.context["subtasks"] == []
    assert 'id="subtask-table"' not in response.content.decode()

    TaskFactory(committee=world.committee, parent=world.task, code="II.9.1")
    with CaptureQueriesContext(connection) as with_one:
        response = client.get(url)

    assert [task.code for task in response.context["subtasks"]] == ["II.9.1"]
    assert 'id="subtask-table"' in response.content.decode()
    assert len(with_one) == len(without) + 1


def test_unit_officer_sees_no_edit_button(client, world):
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("assignments:task_detail", args=[world.task.pk]))

    assert 'id="action-edit"' not in response.content.decode()


@pytest.fixture
def document_chain(world):
    from chidao.documents.models import Document

    province = UnitFactory(name="Tỉnh ủy Thử nghiệm")
    resolution = Document.objects.create(
        symbol="57-NQ/TW",
        kind="NQ",
        issuing_unit=UnitFactory(name="Bộ Chính trị"),
        issued_on=datetime.date(2024, 12, 22),
        summary="Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
    )
    programme = Document.objects.create(
        symbol="54-CTr/TU",
        kind="CTr",
        issuing_unit=province,
        issued_on=datetime.date(2025, 2, 10),
        summary="Chương trình hành động thực hiện Nghị quyết 57",
        implements=resolution,
    )
    return Document.objects.create(
        symbol="29/KH-UBND",
        kind="KH",
        issuing_unit=province,
        issued_on=datetime.date(2025, 2, 21),
        summary="Kế hoạch thực hiện Chương trình hành động 54",
        implements=programme,
    )


def test_list_query_count_does_not_grow_with_tasks(client, world, django_assert_max_num_queries):
    for _ in range(30):
        task = TaskFactory(committee=world.committee, lead_unit=world.lead_unit)
        task.coordinating_units.set([world.coordinating_unit, world.other_unit])
    sign_in(client, world.users["secretariat"])

    with django_assert_max_num_queries(17):
        response = client.get(reverse("assignments:task_list"), {"q": "ke hoach"})

    assert len(response.context["tasks"]) == 31  # with "Ban hành kế hoạch…"


def test_export_query_count_does_not_grow_with_tasks(client, world, django_assert_max_num_queries):
    for _ in range(30):
        task = TaskFactory(committee=world.committee, lead_unit=world.lead_unit)
        task.coordinating_units.set([world.coordinating_unit])
    sign_in(client, world.users["unit_officer"])

    with django_assert_max_num_queries(6):
        response = client.get(reverse("assignments:task_export"))

    assert len(export_rows(response)) == 33


def test_detail_query_count_is_pinned(
    client, world, document_chain, django_assert_max_num_queries, time_machine
):
    world.task.source_document = document_chain
    world.task.save()
    for number in range(10):
        TaskFactory(committee=world.committee, parent=world.task, code=f"X.{number}")
    for number in range(5):  # a longer change history costs no more queries
        time_machine.shift(datetime.timedelta(minutes=10))
        do_update_task(
            task=world.task,
            by=world.users["secretariat"],
            title=f"Số hóa hồ sơ, lần {number}",
            coordinating_units=[world.other_unit] if number % 2 else [world.coordinating_unit],
        )
    sign_in(client, world.users["secretariat"])

    # 23 (was 33 at most): the task's own forecast is built from the reports and deadline
    # changes its timeline read (3 queries with the dependency look-up, was 9), the user's
    # person comes with the user; + the meeting that assigned the task + urges.
    with django_assert_max_num_queries(23):
        response = client.get(reverse("assignments:task_detail", args=[world.task.pk]))

    assert len(response.context["subtasks"]) == 10
    assert len(response.context["changes"]) == 6  # created, then five edits


def test_bad_filter_values_are_explained_not_a_500(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(
        reverse("assignments:task_list"),
        {"as_of": "31/02/2025", "lead_unit": "abc", "sort": "nonsense", "page": "x"},
    )

    assert response.status_code == 200
    assert 'id="id_as_of-error"' in response.content.decode()
    assert response.context["as_of"] == TODAY  # the bad date falls back to today
    assert len(response.context["tasks"]) == 4


def test_filterset_never_widens_the_queryset_it_is_given(rf, world):
    from chidao.assignments.filtersets import TaskFilterSet
    from chidao.assignments.models import Task

    request = rf.get("/")
    request.user = world.users["unit_officer"]

    filterset = TaskFilterSet({}, Task.objects.all(), request=request)

    assert world.foreign not in filterset.qs
    assert set(filterset.qs) == {world.task, world.coordinated, world.done}


def test_menu_offers_the_task_list_to_every_role(client, world):
    from chidao.org.tests.factories import UserFactory

    menu_link = re.compile(rf'class="nav-link[^"]*" href="{reverse("assignments:task_list")}"')
    for role in ("unit_officer", "secretariat", "leader", "admin"):
        sign_in(client, world.users[role])
        assert menu_link.search(client.get(reverse("password_change")).content.decode()), role

    client.force_login(UserFactory(person=None))
    assert not menu_link.search(client.get(reverse("password_change")).content.decode())
