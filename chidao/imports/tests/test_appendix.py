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
