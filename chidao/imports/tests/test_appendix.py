"""The real Appendix II of Resolution 03/NQ-CP (140 tasks in seven groups), converted to
.xlsx and .docx by ``fixtures.plans``, read by the import as a national committee would."""

from collections import Counter
from datetime import date

import pytest

from chidao.assignments.choices import TaskKind
from chidao.committees.choices import CommitteeLevel
from chidao.committees.tests.factories import CommitteeFactory
from chidao.imports.task_plans import build_task_plan
from chidao.imports.tests.factories import build_task_import
from chidao.imports.tests.fixtures.plans import appendix2_rows, build_docx, build_xlsx
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

MINISTRIES = (
    "Bộ Khoa học và Công nghệ",
    "Bộ Tài chính",
    "Bộ Công an",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Nội vụ",
    "Bộ Quốc phòng",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Công Thương",
    "Bộ Ngoại giao",
    "Văn phòng Chính phủ",
    "Bộ Giao thông vận tải",
    "Bộ Y tế",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Xây dựng",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Tư pháp",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Ban Tuyên giáo Trung ương",
    "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam",
    "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    "Viện Hàn lâm Khoa học Xã hội Việt Nam",
    "Bảo hiểm Xã hội Việt Nam",
)


@pytest.fixture
def national():
    government = UnitFactory(code="CP", name="Chính phủ", kind=UnitKind.CENTRAL_BODY)
    units = {
        name: UnitFactory(name=name, kind=UnitKind.CENTRAL_BODY, parent=government)
        for name in MINISTRIES
    }
    committee = CommitteeFactory(
        name="Ban Chỉ đạo Trung ương", level=CommitteeLevel.CENTRAL, host_unit=government
    )
    return committee, units


@pytest.mark.parametrize(
    ("build", "filename"), [(build_xlsx, "phu-luc-2.xlsx"), (build_docx, "phu-luc-2.docx")]
)
def test_appendix_ii_reads_as_140_tasks_in_seven_groups(national, build, filename):
    committee, units = national
    data_import = build_task_import(
        committee=committee,
        by=UserFactory(),
        content=build(appendix2_rows()),
        filename=filename,
    )

    plan = build_task_plan(data_import)

    assert not plan.errors
    assert len(plan.rows) == 140
    assert [group.code for group in plan.groups] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    by_code = {row.code: row for row in plan.rows}
    assert by_code["I.1"].lead_unit == units["Bộ Khoa học và Công nghệ"]
    assert by_code["I.1"].deadline.deadline == date(2025, 6, 30)
    assert by_code["I.5"].lead_unit == units["Bộ Nội vụ"]
    assert by_code["II.18"].lead_unit == units["Bộ Tài chính"]
    assert by_code["II.29"].lead_unit == units["Bộ Công an"]
    assert by_code["II.16"].deadline.deadline == date(2025, 10, 31)
    assert by_code["III.45"].lead_unit == units["Bộ Tài chính"]
    assert units["Bộ Công Thương"] in by_code["III.45"].coordinating_units
    assert by_code["III.47"].deadline.start == date(2025, 1, 1)
    assert by_code["III.49"].deadline.kind == TaskKind.RECURRING
    assert by_code["I.9"].deadline.kind == TaskKind.ONGOING
    # "Bộ Lao động - Thương binh và Xã hội" is one unit, not three.
    assert units["Bộ Lao động - Thương binh và Xã hội"] in by_code["II.14"].coordinating_units
    # Every deadline phrase is either parsed or flagged on its row.
    for row in plan.rows:
        assert row.deadline is not None or any(
            "Thời hạn" in problem.message for problem in row.errors
        ), row.code
    flagged = [row.code for row in plan.rows if row.deadline is None]
    assert "II.42" in flagged  # its deadline cell is empty
    # Leads written as a group phrase ("Các bộ, ngành, địa phương") need a named unit.
    unknown = Counter(problem.name for row in plan.rows for problem in row.errors)
    assert unknown["Các bộ, ngành, địa phương"] > 5


# The names of Appendix II that are no body of a national directory (broadcasters, "the
# provinces chosen", "groups and digital firms"): each decided once in the preview, to be
# kept as written with the standing body leading.
LEADS_KEPT_AS_TEXT = (
    "VTV",
    "VOV",
    "TTXVN",
    "Địa phương được lựa chọn",
    "Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện",
    "Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành",
    "Các tỉnh, thành phố trực thuộc TW",
    "Tập đoàn, doanh nghiệp công nghệ số",
)


def test_appendix_ii_commits_140_tasks_with_preview_decisions_only(national):
    from chidao.assignments.models import Task
    from chidao.imports.services import (
        do_commit_task_import,
        do_record_import_decision,
        do_upload_import,
    )

    committee, units = national
    secretariat = UserFactory()
    content = build_xlsx(appendix2_rows())

    def upload():
        return do_upload_import(
            committee=committee,
            by=secretariat,
            kind="tasks",
            filename="phu-luc-2.xlsx",
            content=content,
            unknown_names="text",
            group_leads="fan-out",
            assigned_on=date(2025, 3, 1),
        )

    data_import = upload()
    plan = build_task_plan(data_import)
    flagged = {p.name for row in plan.rows for p in row.errors if p.name}
    assert flagged == set(LEADS_KEPT_AS_TEXT)
    assert [row.code for row in plan.rows if not row.deadline_text] == ["II.42"]
    for name in LEADS_KEPT_AS_TEXT:
        do_record_import_decision(
            data_import=data_import, by=secretariat, subject="name", key=name, action="text"
        )
    do_record_import_decision(
        data_import=data_import, by=secretariat, subject="row", key="II.42", action="ongoing"
    )

    plan = do_commit_task_import(data_import=data_import, by=secretariat)

    assert len(plan.rows_to_create) == 140
    top = Task.objects.filter(committee=committee, parent__isnull=True)
    assert top.count() == 140
    # "Các bộ, ngành, địa phương" leading: each ministry leads its own sub-task.
    fanned = [row for row in plan.rows if row.fan_out_units]
    assert fanned
    parent = top.get(code=fanned[0].code)
    assert parent.coordinators_text.startswith(fanned[0].lead_text.split(";")[0].strip())
    assert parent.subtasks.count() == len(fanned[0].fan_out_units)
    assert units["Bộ Tài chính"].pk in set(parent.subtasks.values_list("lead_unit", flat=True))
    # Bodies outside the directory are kept as written on the task.
    assert "các cơ quan đại diện Việt Nam ở nước ngoài" in " ".join(
        top.values_list("coordinators_text", flat=True)
    )
    assert top.get(code="II.42").kind == TaskKind.ONGOING
    # Every name of every cell is accounted for.
    for row in plan.rows:
        assert all(result.outcome != "flagged" for result in row.names), row.code

    # The same file again needs no decision: every row is already there.
    again = build_task_plan(upload())
    assert not again.rows_with_errors
    assert len(again.rows_existing) == 140
