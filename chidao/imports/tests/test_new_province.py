"""Issue [K]: a province that is not in the demo imports its real plan with no silent error.

Thái Nguyên is set up from its own unit list (``docs/samples/don-vi-thai-nguyen.xlsx``)
next to the demo's Nam Định and Long An, whose departments have the same names ("Sở
KH&CN", "Sở Tài chính"). Its plan (``docs/samples/ke-hoach-thai-nguyen.xlsx`` and
``.docx``) holds every difficulty of a real plan. Every row comes out right or flagged
with its row and column, no unit of another province is matched or suggested, and every
name written in a cell is accounted for.
"""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from chidao.assignments.models import Task
from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.committees.models import Committee, Membership
from chidao.demo.services import do_load_demo
from chidao.imports.models import DataImport
from chidao.imports.services import (
    do_commit_task_import,
    do_create_unit_alias,
    do_record_import_decision,
    do_upload_import,
)
from chidao.imports.task_plans import build_task_plan
from chidao.imports.tests.fixtures.samples import read_unit_list
from chidao.imports.units import UnitDirectory
from chidao.org.models import Person, Unit, User

# The demo and Thái Nguyên are set up once for the module (``module_db``), on one worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("imports-test_new_province")]

SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "samples"


@pytest.fixture(scope="module")
def _thai_nguyen(module_db):
    do_load_demo(today=date(2026, 3, 2))
    units = {}
    for code, name, short_name, kind, parent in read_unit_list(
        (SAMPLES / "don-vi-thai-nguyen.xlsx").read_bytes()
    ):
        units[code] = Unit.objects.create(
            code=code,
            name=name,
            short_name=short_name,
            kind=kind,
            parent=units.get(parent),
        )
    committee = Committee.objects.create(
        name="Ban Chỉ đạo tỉnh Thái Nguyên",
        level=CommitteeLevel.PROVINCE,
        host_unit=units["TN-UBND"],
        standing_unit=units["TN-SKHCN"],
    )
    person = Person.objects.create(full_name="Trần Thị Mẫu", unit=units["TN-SKHCN"])
    user = User.objects.create_user("tn-thuongtruc", password="x", person=person)
    Membership.objects.create(committee=committee, person=person, role=MemberRole.SUPPORT_TEAM)
    return committee.pk, list(units), user.pk


@pytest.fixture
def thai_nguyen(_thai_nguyen, db):
    """The committee, its units by code and its secretariat, fresh from the database."""
    committee, codes, user = _thai_nguyen
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    return Committee.objects.get(pk=committee), units, User.objects.get(pk=user)


def upload(committee, user, filename, **options):
    return do_upload_import(
        committee=committee,
        by=user,
        kind="tasks",
        filename=filename,
        content=(SAMPLES / filename).read_bytes(),
        assigned_on=date(2026, 3, 2),
        **options,
    )


def units_named(plan):
    for row in plan.rows:
        yield from filter(None, [row.lead_unit, *row.coordinating_units, *row.fan_out_units])
        for problem in row.errors:
            yield from problem.suggestions


@pytest.mark.parametrize("filename", ["ke-hoach-thai-nguyen.xlsx", "ke-hoach-thai-nguyen.docx"])
def test_the_plan_of_a_new_province_reads_right_or_flagged(thai_nguyen, filename):
    committee, units, user = thai_nguyen
    data_import = upload(committee, user, filename)

    plan = build_task_plan(data_import)

    assert not plan.errors
    rows = {row.code: row for row in plan.rows}
    assert list(rows) == ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "II.4"]
    # Not a single unit of Nam Định or Long An, matched or suggested.
    assert {unit.code[:3] for unit in units_named(plan)} == {"TN-"}
    # Names in = names out: each name of a cell ends as exactly one outcome.
    directory = UnitDirectory(committee)
    for row in plan.rows:
        source = directory.split(row.lead_text)
        written = [result.name for result in row.names if result.column == "Cơ quan chủ trì"]
        assert written == source, row.code

    i1, i2, i3, i4 = (rows[code] for code in ("I.1", "I.2", "I.3", "I.4"))
    assert i1.lead_unit == units["TN-BTGDV"]
    communes = {u for c, u in units.items() if u.kind == "commune"}
    assert set(i1.coordinating_units) == {units["TN-BAO"], *communes}
    assert not i1.errors
    # "Văn phòng UBND tỉnh; Công an tỉnh": both, and the formula in "Ghi chú" is no error.
    assert (i2.lead_unit, i2.coordinating_units) == (
        units["TN-SKHCN"],
        [units["TN-VP"], units["TN-CA"]],
    )
    assert not i2.errors
    assert i3.lead_unit == units["TN-SKHCN"]
    assert [(p.name, p.column) for p in i3.errors] == [
        ("các doanh nghiệp viễn thông", "Cơ quan phối hợp")
    ]
    # "Sở Văn hóa, Thể thao và Du lịch, Sở GD&ĐT" and "Sở Tài chính tỉnh, Sở Xây dựng".
    assert i4.lead_unit == units["TN-SVHTTDL"]
    assert set(i4.coordinating_units) == {units[c] for c in ("TN-SGDDT", "TN-STC", "TN-SXD")}
    assert i4.deadline.deadline == date(2026, 12, 31)
    if filename.endswith(".xlsx"):
        assert any("công thức" in warning for warning in i4.warnings)

    ii1, ii2, ii3, ii4 = (rows[code] for code in ("II.1", "II.2", "II.3", "II.4"))
    assert ii1.errors[0].group_lead
    assert (ii2.lead_unit, set(ii2.coordinating_units)) == (
        units["TN-STC"],
        {units["TN-SKHCN"], units["TN-SNNMT"]},
    )
    assert ii3.lead_unit == units["TN-BQLKCN"]
    flagged = {p.name: p for p in ii3.errors}
    assert set(flagged) == {"Các cơ sở giáo dục đại học", "Sở Tài chánh"}
    assert flagged["Sở Tài chánh"].suggestions[0] == units["TN-STC"]
    assert ii4.lead_unit == units["TN-CA"]
    assert ii4.coordinating_units == [units["TN-SKHCN"]]
    assert [p.name for p in ii4.errors] == ["Bộ Khoa học và Công nghệ"]
    for row in plan.rows_with_errors:
        assert all(problem.column for problem in row.errors)

    reasons = " ".join(skipped.reason for skipped in plan.skipped)
    assert "Ghi chú: nhiệm vụ 1 - 4" in reasons
    assert "KT. CHỦ TỊCH" in reasons
    if filename.endswith(".xlsx"):
        assert "tiêu đề lặp lại" in reasons


def test_decisions_in_the_preview_commit_the_plan_and_are_remembered(thai_nguyen):
    committee, units, user = thai_nguyen
    data_import = upload(committee, user, "ke-hoach-thai-nguyen.xlsx")
    for name in ("các doanh nghiệp viễn thông", "Các cơ sở giáo dục đại học"):
        do_record_import_decision(
            data_import=data_import, by=user, subject="name", key=name, action="text"
        )
    do_record_import_decision(
        data_import=data_import,
        by=user,
        subject="name",
        key="Bộ Khoa học và Công nghệ",
        action="text",
    )
    do_record_import_decision(
        data_import=data_import, by=user, subject="name", key="Các sở, ban, ngành", action="fan-out"
    )
    do_create_unit_alias(committee=committee, by=user, name="Sở Tài chánh", unit=units["TN-STC"])

    plan = do_commit_task_import(data_import=data_import, by=user)

    assert len(plan.rows_to_create) == 8
    tasks = {task.code: task for task in Task.objects.filter(committee=committee)}
    assert tasks["I.3"].coordinators_text == "các doanh nghiệp viễn thông"
    assert tasks["II.1"].coordinators_text == "Các sở, ban, ngành"
    departments = {u for u in units.values() if u.kind == "department"}
    assert {task.lead_unit for task in tasks["II.1"].subtasks.all()} == departments - {
        units["TN-SKHCN"]
    }
    assert not Task.objects.filter(committee=committee).exclude(lead_unit__code__startswith="TN-")
    # The same file uploaded again needs no decision: nothing new, nothing flagged.
    again = build_task_plan(upload(committee, user, "ke-hoach-thai-nguyen.xlsx"))
    assert not again.rows_with_errors
    assert len(again.rows_existing) == 8


def test_the_command_prints_one_json_object(thai_nguyen, capsys):
    committee, _, user = thai_nguyen
    call_command(
        "import_tasks",
        str(SAMPLES / "ke-hoach-thai-nguyen.xlsx"),
        committee=committee.pk,
        user=user.username,
        unknown_names="text",
        group_leads="standing",
        json=True,
    )

    printed = json.loads(capsys.readouterr().out)
    # Note, repeated header, blank row and two signature lines are skipped, not errors.
    assert printed["summary"] == {"tasks": 8, "groups": 2, "rows_with_errors": 0, "skipped": 5}
    row = printed["rows"][0]
    assert set(row) == {
        "label",
        "group",
        "title",
        "lead",
        "coordinators",
        "coordinators_text",
        "deadline",
        "deadline_text",
        "kind",
        "output",
        "errors",
        "warnings",
    }
    by_title = {row["title"][:20]: row for row in printed["rows"]}
    ii1 = by_title["Rà soát, đề xuất sửa"]
    assert ii1["lead"] == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    assert "Sở Tư pháp tỉnh Thái Nguyên" in ii1["coordinators"]
    # --unknown-names text: bodies outside the directory kept as written.
    ii3 = by_title["Thu hút các nhà đầu "]
    assert ii3["coordinators_text"] == "Các cơ sở giáo dục đại học; Sở Tài chánh"
    assert ii3["coordinators"] == ["Sở Công Thương tỉnh Thái Nguyên"]
    assert by_title["Kết nối cơ sở dữ liệ"]["deadline"] == "2026-09-30"
    assert not DataImport.objects.exists()


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "trong.xlsx", "không phải Excel"),
        (b"PK\x03\x04 hong", "hong.docx", "không phải"),
    ],
    ids=["empty", "corrupt-docx"],
)
def test_bad_files_write_nothing(thai_nguyen, content, filename, message):
    committee, _, user = thai_nguyen
    with pytest.raises(ValidationError, match=message):
        do_upload_import(
            committee=committee, by=user, kind="tasks", filename=filename, content=content
        )
    assert not DataImport.objects.exists()


def test_a_table_without_a_lead_column_is_no_task_table(thai_nguyen):
    from openpyxl import Workbook

    committee, _, user = thai_nguyen
    book = Workbook()
    book.active.append(["TT", "Tên nhiệm vụ", "Thời gian hoàn thành"])
    book.active.append([1, "Một nhiệm vụ", "6/2026"])
    buffer = io.BytesIO()
    book.save(buffer)
    # Refused at upload with the preview's message (issue 19): nothing is staged.
    with pytest.raises(ValidationError) as refused:
        do_upload_import(
            committee=committee, by=user, kind="tasks", filename="a.xlsx", content=buffer.getvalue()
        )

    message = refused.value.message_dict["file"][0]
    assert "Không tìm thấy bảng nhiệm vụ" in message
    assert "Cơ quan chủ trì" in message
    assert not DataImport.objects.filter(committee=committee).exists()


def test_the_paragraph_assistant_reads_names_in_the_committees_directory(thai_nguyen):
    from chidao.imports.drafting import get_draft_tasks

    committee, units, _ = thai_nguyen

    (draft,) = get_draft_tasks(
        "Giao Sở KH&CN chủ trì, phối hợp với Sở GD&ĐT, Công an tỉnh xây dựng Kế hoạch phát "
        "triển nền tảng học tập số của tỉnh, hoàn thành trong Quý III/2026.",
        committee,
    )

    assert draft.lead_unit.key == units["TN-SKHCN"].pk
    assert [unit.key for unit in draft.coordinating_units] == [
        units["TN-SGDDT"].pk,
        units["TN-CA"].pk,
    ]


def test_forms_offer_no_unit_of_another_province(thai_nguyen):
    from chidao.assignments.forms.tasks import TaskForm
    from chidao.imports.forms import UnitAliasForm

    committee, _, _ = thai_nguyen

    task_units = set(
        TaskForm(committee=committee).fields["lead_unit"].queryset.values_list("code", flat=True)
    )
    alias_units = set(
        UnitAliasForm(committee=committee).fields["unit"].queryset.values_list("code", flat=True)
    )

    assert {"TN-STC", "TN-SKHCN"} <= task_units
    assert not {code for code in task_units if code.startswith(("ND-", "LA-"))}
    assert {code[:3] for code in alias_units} == {"TN-"}
