"""Issue [K] §7-8: groups are matched by number and title, and a new version of the same
plan updates its tasks (history kept) instead of duplicating or ignoring them."""

from datetime import date

import pytest

from chidao.assignments.models import Task
from chidao.committees.models import TaskGroup
from chidao.documents.tests.factories import DocumentFactory
from chidao.imports.choices import RowOutcome
from chidao.imports.services import (
    do_commit_task_import,
    do_record_import_decision,
    do_upload_import,
)
from chidao.imports.task_plans import build_task_plan
from chidao.imports.tests.fixtures.plans import build_xlsx

pytestmark = pytest.mark.django_db

GROUP_I = ("I.", "Nâng cao nhận thức", "", "", "", "")
VERSION_1 = [
    GROUP_I,
    ("1.", "Xây dựng kế hoạch truyền thông", "Sở KH&CN", "Sở Nội vụ", "Kế hoạch", "6/2026"),
    ("2.", "Tổ chức hội nghị quán triệt", "Sở Nội vụ", "", "Hội nghị", "3/2026"),
]
# The next version: a task inserted first shifts the numbers; the truyền thông plan moves
# to September and gains a coordinator outside the directory.
VERSION_2 = [
    GROUP_I,
    ("1.", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "", "Cơ sở dữ liệu", "12/2026"),
    (
        "2.",
        "Xây dựng kế hoạch truyền thông",
        "Sở KH&CN",
        "Sở Nội vụ; các doanh nghiệp viễn thông",
        "Kế hoạch",
        "9/2026",
    ),
    ("3.", "Tổ chức hội nghị quán triệt", "Sở Nội vụ", "", "Hội nghị", "3/2026"),
]


def upload(province, rows, document=None):
    return do_upload_import(
        committee=province.committee,
        by=province.secretariat,
        kind="tasks",
        filename="ke-hoach.xlsx",
        content=build_xlsx(rows),
        assigned_on=date(2026, 1, 5),
        unknown_names="text",
        source_document=document,
    )


def test_a_new_version_of_the_plan_updates_its_tasks_with_history(province):
    document = DocumentFactory(committee=province.committee)
    first = upload(province, VERSION_1, document)
    do_commit_task_import(data_import=first, by=province.secretariat)
    before = {task.title: task for task in Task.objects.filter(committee=province.committee)}
    entries = before["Xây dựng kế hoạch truyền thông"].history.count()

    data_import = upload(province, VERSION_2, document)
    plan = build_task_plan(data_import)

    outcomes = {row.title: row.outcome for row in plan.rows}
    assert outcomes == {
        "Số hóa hồ sơ lưu trữ": RowOutcome.CREATE,
        "Xây dựng kế hoạch truyền thông": RowOutcome.UPDATE,
        "Tổ chức hội nghị quán triệt": RowOutcome.UPDATE,
    }
    changed = {row.title: row.changes for row in plan.rows}["Xây dựng kế hoạch truyền thông"]
    assert changed["code"] == ("I.1", "I.2")
    assert changed["deadline_text"] == ("6/2026", "9/2026")
    assert changed["coordinators_text"] == ("", "các doanh nghiệp viễn thông")

    do_commit_task_import(data_import=data_import, by=province.secretariat)

    tasks = {task.title: task for task in Task.objects.filter(committee=province.committee)}
    assert len(tasks) == 3  # nothing duplicated
    media = tasks["Xây dựng kế hoạch truyền thông"]
    assert media.pk == before["Xây dựng kế hoạch truyền thông"].pk
    assert (media.code, media.deadline) == ("I.2", date(2026, 9, 30))
    assert media.coordinators_text == "các doanh nghiệp viễn thông"
    assert media.history.count() > entries
    latest = media.history.latest()
    assert (latest.code, latest.deadline_text, latest.history_user) == (
        "I.2",
        "9/2026",
        province.secretariat,
    )
    assert tasks["Tổ chức hội nghị quán triệt"].code == "I.3"


def test_a_group_of_the_same_number_and_another_title_is_never_merged_silently(province):
    TaskGroup.objects.create(committee=province.committee, code="I", name="Hoàn thiện thể chế")
    data_import = upload(province, VERSION_1)

    plan = build_task_plan(data_import)
    assert plan.conflicting_groups[0].code == "I"
    assert all("khác tên nhóm" in row.errors[0].message for row in plan.rows)

    do_record_import_decision(
        data_import=data_import,
        by=province.secretariat,
        subject="group",
        key="I",
        action="new-group",
    )
    do_commit_task_import(data_import=data_import, by=province.secretariat)

    new_group = TaskGroup.objects.get(committee=province.committee, name="Nâng cao nhận thức")
    assert new_group.code == "I-2"
    assert set(Task.objects.values_list("code", flat=True)) == {"I-2.1", "I-2.2"}
    assert TaskGroup.objects.get(code="I").tasks.count() == 0


def test_a_group_of_the_same_number_and_title_is_the_existing_one(province):
    TaskGroup.objects.create(committee=province.committee, code="I", name="NÂNG CAO NHẬN THỨC.")

    plan = build_task_plan(upload(province, VERSION_1))

    assert not plan.rows_with_errors
    assert plan.groups[0].existing.name == "NÂNG CAO NHẬN THỨC."


def test_a_decision_outside_the_choices_is_refused_and_writes_nothing(client, province):
    from django.urls import reverse

    from chidao.imports.models import ImportDecision

    data_import = upload(province, VERSION_1)
    client.force_login(province.secretariat)

    response = client.post(
        reverse("imports:task_decide", kwargs={"pk": data_import.pk}),
        {"subject": "row", "key": "I.1", "action": "xoa-het"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Quyết định không hợp lệ." in response.content.decode()
    assert not ImportDecision.objects.exists()
