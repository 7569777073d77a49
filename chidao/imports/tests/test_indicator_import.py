"""Indicator import: Appendix I of Resolution 03/NQ-CP (targets as written, sections by
target year, sub-indicators) and the all-or-nothing commit."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chidao.committees.choices import CommitteeLevel
from chidao.committees.tests.factories import CommitteeFactory
from chidao.imports.choices import ImportKind
from chidao.imports.indicator_plans import build_indicator_plan
from chidao.imports.services import do_commit_indicator_import
from chidao.imports.tests.factories import build_task_import
from chidao.imports.tests.fixtures.plans import (
    INDICATOR_HEADER,
    build_docx,
    build_xlsx,
    read_markdown_table,
)
from chidao.indicators.choices import Comparator, Direction, ValueType
from chidao.indicators.models import Indicator, Target
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

RESPONSIBLE = (
    "Bộ Khoa học và Công nghệ",
    "Bộ Thông tin và Truyền thông",
    "Bộ Kế hoạch và Đầu tư",
    "Văn phòng Chính phủ",
    "Ngân hàng Nhà nước Việt Nam",
    "Bộ Tài chính",
    "Bộ Công an",
    "Bộ Y tế",
)


@pytest.fixture
def national():
    government = UnitFactory(code="CP", name="Chính phủ", kind=UnitKind.CENTRAL_BODY)
    units = {
        name: UnitFactory(name=name, kind=UnitKind.CENTRAL_BODY, parent=government)
        for name in RESPONSIBLE
    }
    committee = CommitteeFactory(
        name="Ban Chỉ đạo Trung ương", level=CommitteeLevel.CENTRAL, host_unit=government
    )
    return committee, units, UserFactory()


def indicator_import(committee, by, content, filename="phu-luc-1.xlsx", **fields):
    return build_task_import(
        committee=committee,
        by=by,
        content=content,
        filename=filename,
        kind=ImportKind.INDICATORS,
        **fields,
    )


@pytest.mark.parametrize(
    ("build", "filename"), [(build_xlsx, "pl1.xlsx"), (build_docx, "pl1.docx")]
)
def test_appendix_i_reads_with_targets_years_and_sub_indicators(national, build, filename):
    committee, units, user = national
    rows = read_markdown_table("nq03_cp_appendix1_indicators.md")
    content = build(rows[1:], header=rows[0])

    plan = build_indicator_plan(indicator_import(committee, user, content, filename))

    assert not plan.errors
    assert [(s.code, s.year) for s in plan.sections] == [("I", 2030), ("II", 2045)]
    by_code = {row.code: row for row in plan.rows}
    assert by_code["8"].target_text == "≥ 55"
    assert (by_code["8"].year, by_code["8"].value_type) == (2030, ValueType.PERCENT)
    assert by_code["4"].direction == Direction.LOWER_BETTER
    assert by_code["11.1"].parent_code == "11"
    assert by_code["11"].target_text == ""
    assert by_code["36"].year == 2045
    assert by_code["19"].target_text == "40 - 50"
    assert by_code["8"].responsible_unit == units["Bộ Kế hoạch và Đầu tư"]
    assert not plan.rows_with_errors, [(r.code, r.errors) for r in plan.rows_with_errors]


def test_committing_indicators_creates_targets_once(national):
    committee, units, user = national
    rows = [
        ("I", "Đến năm 2030", "", "", ""),
        (
            "4",
            "Xếp hạng năng lực cạnh tranh số",
            "Thứ bậc",
            "≤ 3 Đông Nam Á; ≤ 50 Thế giới",
            "Bộ Thông tin và Truyền thông",
        ),
        ("11", "Thủ tục hành chính trên môi trường điện tử", "", "", ""),
        ("11.1", "Tỉ lệ sử dụng dịch vụ công trực tuyến", "%", "≥ 80", "Văn phòng Chính phủ"),
        ("14", "Chỉ số HDI", "HDI", "> 0,7", "Bộ Khoa học và Công nghệ"),
        ("1", "Tiềm lực khoa học", "Thứ bậc", "Đạt mức tiên tiến", "Bộ Khoa học và Công nghệ"),
    ]
    data_import = indicator_import(committee, user, build_xlsx(rows, header=INDICATOR_HEADER))

    do_commit_indicator_import(data_import=data_import, by=user)

    sub = Indicator.objects.get(committee=committee, code="11.1")
    assert sub.parent.code == "11"
    assert sub.responsible_unit == units["Văn phòng Chính phủ"]
    ranking = Indicator.objects.get(code="4")
    assert ranking.direction == Direction.LOWER_BETTER
    (target,) = ranking.targets.all()
    assert (target.year, [b.comparator for b in target.bounds]) == (
        2030,
        [Comparator.LE, Comparator.LE],
    )
    assert Target.objects.get(indicator__code="1").bounds[0].comparator == Comparator.QUALITATIVE
    assert Target.objects.count() == 4

    again = indicator_import(committee, user, build_xlsx(rows, header=INDICATOR_HEADER))
    assert {row.outcome for row in build_indicator_plan(again).rows} == {"skip"}
    with pytest.raises(ValidationError):
        do_commit_indicator_import(data_import=again, by=user)
    assert Indicator.objects.count() == 5


def test_an_unreadable_target_writes_nothing(national):
    committee, _units, user = national
    rows = [
        ("I", "Đến năm 2030", "", "", ""),
        ("1", "Chỉ tiêu tốt", "%", "≥ 55", "Bộ Công an"),
        ("2", "Chỉ tiêu lỗi", "%", "≥ 50 - 60", "Bộ Công an"),
    ]
    data_import = indicator_import(committee, user, build_xlsx(rows, header=INDICATOR_HEADER))
    plan = build_indicator_plan(data_import)

    (bad,) = plan.rows_with_errors
    assert "vừa có dấu so sánh vừa là một khoảng" in bad.errors[0].message
    with pytest.raises(ValidationError):
        do_commit_indicator_import(data_import=data_import, by=user)
    assert not Indicator.objects.exists()


def test_secretariat_uploads_indicators_on_the_page(client, national):
    from chidao.committees.choices import MemberRole
    from chidao.committees.models import Membership
    from chidao.org.tests.factories import PersonFactory

    committee, _units, _user = national
    secretariat = UserFactory(username="tgv", person=PersonFactory())
    Membership.objects.create(
        committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    client.force_login(secretariat)
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = [("1", "Tỉ lệ", "%", "≥ 80", "Bộ Y tế")]
    response = client.post(
        reverse("imports:indicator_upload", kwargs={"committee_pk": committee.pk}),
        {
            "file": SimpleUploadedFile("ct.xlsx", build_xlsx(rows, header=INDICATOR_HEADER)),
            "target_year": 2026,
        },
    )
    assert response.status_code == 302
    preview = client.get(response.url)
    assert preview.context["plan"].can_commit
    client.post(response.url + "ghi/")
    assert Target.objects.get().year == 2026


def test_a_formula_in_a_column_the_import_does_not_read_is_ignored(national):
    committee, _, user = national
    header = (*INDICATOR_HEADER, "Ghi chú")
    rows = [
        ("1", "Tỷ lệ dân số trưởng thành có chữ ký số", "%", "≥ 40", RESPONSIBLE[0], "=1+1"),
        ("2", "Số doanh nghiệp công nghệ số", "doanh nghiệp", "≥ 100", RESPONSIBLE[0], ""),
    ]
    plan = build_indicator_plan(
        indicator_import(
            committee, user, build_xlsx(rows, header=header, merge_groups=False), target_year=2030
        )
    )

    assert not plan.rows_with_errors
    assert [row.code for row in plan.rows] == ["1", "2"]


def test_a_formula_without_a_saved_value_in_a_read_column_is_flagged(national):
    committee, _, user = national
    rows = [("1", "Tỷ lệ dân số có chữ ký số", "%", "=40+1", RESPONSIBLE[0])]
    plan = build_indicator_plan(
        indicator_import(
            committee,
            user,
            build_xlsx(rows, header=INDICATOR_HEADER, merge_groups=False),
            target_year=2030,
        )
    )

    (row,) = plan.rows
    assert any("chưa có giá trị lưu trong tệp" in problem.message for problem in row.errors)
