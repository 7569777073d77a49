"""Task import: reading real plan layouts, all-or-nothing commits, hostile files."""

import io
import zipfile
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from chidao.assignments.models import Task
from chidao.committees.models import TaskGroup
from chidao.imports.choices import GroupMode, ImportState
from chidao.imports.models import DataImport
from chidao.imports.services import do_commit_task_import, do_upload_import
from chidao.imports.task_plans import build_task_plan
from chidao.imports.tests.factories import build_task_import
from chidao.imports.tests.fixtures.plans import build_docx, build_xlsx

pytestmark = pytest.mark.django_db

GROUP_I = ("I.", "Nâng cao nhận thức", "", "", "", "")


def task(number, title, lead, coordinating="", output="Kế hoạch", deadline="6/2025"):
    return (number, title, lead, coordinating, output, deadline)


def plan_of(province, rows=None, *, content=None, filename="ke-hoach.xlsx", **fields):
    data_import = build_task_import(
        committee=province.committee,
        by=province.secretariat,
        rows=rows,
        content=content,
        filename=filename,
        **fields,
    )
    return data_import, build_task_plan(data_import)


def test_one_bad_row_writes_nothing(province):
    rows = [
        GROUP_I,
        task("1.", "Xây dựng kế hoạch chuyển đổi số", "Sở KH&CN"),
        task("2.", "Ban hành quy chế", "Sở Nội vụ", deadline="Quý V/2025"),
        task("3.", "Bố trí kinh phí", "Sở Tài chính"),
    ]
    data_import, plan = plan_of(province, rows)
    (bad,) = plan.rows_with_errors
    assert bad.code == "I.2"
    assert "quý V" in bad.errors[0].message

    with pytest.raises(ValidationError, match="1 dòng có lỗi"):
        do_commit_task_import(data_import=data_import, by=province.secretariat)

    assert not Task.objects.exists()
    assert not TaskGroup.objects.exists()
    data_import.refresh_from_db()
    assert data_import.state == ImportState.PREVIEWED


def test_xlsx_with_columns_reordered_renamed_and_a_two_line_header(province):
    header = (
        "STT",
        "Nội dung nhiệm vụ",
        "Thời gian",
        "Sản phẩm",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
    )
    second = ("", "", "hoàn thành", "", "", "")
    rows = [
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        ("I", "Hoàn thiện thể chế", "", "", "", ""),
        ("1", "Sửa đổi quy chế làm việc", "Quý II/2025", "Quy chế", "sở khcn", "Sở Nội vụ"),
        ("", "", "", "", "", ""),
        (
            "2",
            "Rà soát thủ tục",
            "Tháng 10/2025",
            "Báo cáo",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Tài chính, UBND các xã, phường",
        ),
        ("II.", "Hạ tầng số", "", "", "", ""),
        ("1.", "Phủ sóng 5G", "2025 và những năm tiếp theo", "", "SỞ KH&CN", ""),
        ("", "Lưu ý: số liệu tính đến hết năm 2024.", "", "", "", ""),
    ]
    content = build_xlsx(rows, header=header, second_header=second)
    data_import, plan = plan_of(province, content=content, code_prefix="KH-")

    assert not plan.errors
    assert not plan.rows_with_errors
    assert [(g.code, g.name) for g in plan.groups] == [
        ("I", "Hoàn thiện thể chế"),
        ("II", "Hạ tầng số"),
    ]
    first, second_row, third = plan.rows
    assert (first.code, first.lead_unit, first.deadline.deadline) == (
        "KH-I.1",
        province.science,
        date(2025, 6, 30),
    )
    assert first.coordinating_units == [province.home_affairs]
    assert second_row.lead_unit == province.culture
    assert set(second_row.coordinating_units) == {
        province.finance,
        province.commune_a,
        province.commune_b,
    }
    assert third.code == "KH-II.1"
    assert third.lead_unit == province.science
    # Blank rows and notes are not tasks: listed as skipped, never as errors.
    assert [row.reason for row in plan.skipped if row.reason != "Dòng trống."] == [
        "Dòng ghi chú: Lưu ý: số liệu tính đến hết năm 2024."
    ]

    do_commit_task_import(data_import=data_import, by=province.secretariat)
    assert Task.objects.count() == 3
    assert TaskGroup.objects.filter(committee=province.committee).count() == 2


def test_merged_lead_cell_down_several_rows_leads_each(province):
    from openpyxl import load_workbook

    rows = [
        GROUP_I,
        task("1.", "Nhiệm vụ một", "Sở Nội vụ"),
        task("2.", "Nhiệm vụ hai", ""),
    ]
    book = load_workbook(io.BytesIO(build_xlsx(rows)))
    book.active.merge_cells("C5:C6")
    buffer = io.BytesIO()
    book.save(buffer)

    _, plan = plan_of(province, content=buffer.getvalue())

    assert [row.lead_unit for row in plan.rows] == [province.home_affairs] * 2


@pytest.mark.parametrize("mode", [GroupMode.EXPAND, GroupMode.KEEP])
def test_group_phrases_expanded_or_kept_as_the_secretariat_chooses(province, mode):
    rows = [GROUP_I, task("1.", "Tuyên truyền", "Sở KH&CN", "Các sở, ngành, UBND các xã")]
    _, plan = plan_of(province, rows, group_mode=mode)

    (row,) = plan.rows
    if mode == GroupMode.EXPAND:
        assert set(row.coordinating_units) == {
            province.finance,
            province.home_affairs,
            province.culture,
            province.commune_a,
            province.commune_b,
        }
        assert not row.coordinators_text
    else:
        assert row.coordinating_units == []
        assert row.coordinators_text == ["Các sở, ngành", "UBND các xã"]
        assert row.coordinators_text_value == "Các sở, ngành; UBND các xã"


def test_several_lead_bodies_make_the_first_lead_and_the_rest_coordinate(province):
    rows = [GROUP_I, task("1.", "Lập quỹ", "Sở Tài chính, Sở Nội vụ", "Sở KH&CN")]
    _, plan = plan_of(province, rows)

    (row,) = plan.rows
    assert row.lead_unit == province.finance
    assert set(row.coordinating_units) == {province.home_affairs, province.science}
    assert "Nhiều cơ quan chủ trì" in row.warnings[0]


def test_a_group_phrase_cannot_lead(province):
    rows = [GROUP_I, task("1.", "Cụ thể hóa nhiệm vụ", "Các sở, ngành")]
    _, plan = plan_of(province, rows)

    (row,) = plan.rows
    assert "“Các sở, ngành” là một cụm nhiều cơ quan" in row.errors[0].message
    assert row.errors[0].column == "Cơ quan chủ trì"
    assert row.errors[0].name == "Các sở, ngành"


def test_committing_the_same_file_twice_changes_nothing(province):
    rows = [GROUP_I, task("1.", "Nhiệm vụ một", "Sở Nội vụ")]
    first, _ = plan_of(province, rows)
    do_commit_task_import(data_import=first, by=province.secretariat)
    second, plan = plan_of(province, rows)

    assert [row.outcome for row in plan.rows] == ["skip"]
    with pytest.raises(ValidationError, match="Không có nhiệm vụ mới"):
        do_commit_task_import(data_import=second, by=province.secretariat)
    with pytest.raises(ValidationError, match="đã được ghi"):
        do_commit_task_import(data_import=first, by=province.secretariat)
    assert Task.objects.count() == 1


def test_duplicate_codes_in_one_file_are_row_errors(province):
    rows = [GROUP_I, task("1.", "Một", "Sở Nội vụ"), task("1.", "Hai", "Sở Nội vụ")]
    _, plan = plan_of(province, rows)

    assert "trùng" in plan.rows[1].errors[0].message


def test_formula_cells_are_refused(province):
    rows = [GROUP_I, task("1.", '=HYPERLINK("http://x.invalid","Bấm")', "Sở Nội vụ")]
    _, plan = plan_of(province, rows)

    (row,) = plan.rows
    assert any("công thức" in problem.message for problem in row.errors)


def _upload(province, content, filename):
    return do_upload_import(
        committee=province.committee,
        by=province.secretariat,
        kind="tasks",
        filename=filename,
        content=content,
    )


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"TT;Ten nhiem vu\n1;Mot\n", "ke-hoach.xlsx", r"không phải Excel \(XLSX\)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "ke-hoach.docx", "mật khẩu"),
        (b"%PDF-1.7", "ke-hoach.pdf", "Chỉ nhận tệp Excel"),
    ],
    ids=["renamed-csv", "password-protected", "pdf"],
)
def test_files_that_are_not_plans_are_refused(province, content, filename, message):
    with pytest.raises(ValidationError, match=message):
        _upload(province, content, filename)
    assert not DataImport.objects.exists()


def test_a_zip_bomb_is_refused(province):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * 50_000_000)
    with pytest.raises(ValidationError, match="giải nén"):
        _upload(province, buffer.getvalue(), "bom.xlsx")


def test_a_file_over_the_size_cap_is_refused(province, settings):
    settings.CHIDAO_IMPORT_MAX_BYTES = 1000
    content = build_xlsx([GROUP_I, task("1.", "Một", "Sở Nội vụ")])
    with pytest.raises(ValidationError, match="quá lớn"):
        _upload(province, content, "lon.xlsx")


def test_more_rows_than_the_cap_are_refused(province, settings):
    # The cap (CHIDAO_IMPORT_MAX_ROWS, 20,000 by default) lowered so that the file is small:
    # the same check, without writing and reading a 21,000-row workbook in every run.
    settings.CHIDAO_IMPORT_MAX_ROWS = 100
    rows = [task(str(n), f"Nhiệm vụ {n}", "Sở Nội vụ") for n in range(1, 101)]
    with pytest.raises(ValidationError, match="vượt quá giới hạn 100 dòng"):
        _upload(province, build_xlsx(rows, merge_groups=False), "lon.xlsx")
    assert not DataImport.objects.exists()


def test_a_file_without_a_task_table_says_which_columns_it_needs(province):
    content = build_xlsx([("a", "b")], header=("Cột 1", "Cột 2"))
    _, plan = plan_of(province, content=content)

    assert "Không tìm thấy bảng nhiệm vụ" in plan.errors[0]


def test_the_command_previews_and_commits(province, tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(build_docx([GROUP_I, task("1.", "Một", "Sở KHCN")]))
    args = [str(path), "--committee", str(province.committee.pk), "--user", "thuongtruc"]

    out = StringIO()
    call_command("import_tasks", *args, stdout=out)
    assert "Tạo mới: 1; có lỗi: 0" in out.getvalue()
    assert not Task.objects.exists()
    assert not DataImport.objects.exists()

    call_command("import_tasks", *args, "--commit", stdout=out)
    assert Task.objects.get().lead_unit == province.science


def test_the_blank_task_template_imports_cleanly(province):
    from chidao.imports.blank_forms import build_import_template

    content = build_import_template("tasks")
    _, plan = plan_of(province, content=content)

    assert not plan.errors
    (row,) = plan.rows
    assert row.lead_unit == province.science
    assert not row.errors


def test_the_preview_and_commit_plan_from_the_tables_read_at_upload(province, monkeypatch):
    """The upload's read is kept (issue 21: the preview parsed the workbook again), the
    plan is the same as from a fresh read, and the row cap is checked again on a kept read."""
    from django.core.cache import cache

    from chidao.imports import tables

    cache.clear()
    rows = [
        GROUP_I,
        task("1.", "Xây dựng kế hoạch chuyển đổi số", "Sở KH&CN", "Sở Tài chính; Sở Nội vụ"),
        task("2.", "Ban hành quy chế", "Sở Nội vụ", "Sở Tài chính"),
    ]
    content = build_xlsx(rows)
    reads = []
    read_xlsx = tables._read_xlsx
    monkeypatch.setattr(tables, "_read_xlsx", lambda data: reads.append(1) or read_xlsx(data))
    data_import = _upload(province, content, "ke-hoach.xlsx")
    kept = build_task_plan(data_import)
    assert len(reads) == 1

    cache.clear()
    fresh = build_task_plan(data_import)
    assert len(reads) == 2
    assert [(r.code, r.lead_unit, r.coordinating_units, r.deadline) for r in kept.rows] == [
        (r.code, r.lead_unit, r.coordinating_units, r.deadline) for r in fresh.rows
    ]
    assert [r.code for r in kept.rows] == ["I.1", "I.2"]
    assert kept.rows[0].coordinating_units == [province.finance, province.home_affairs]

    monkeypatch.setattr(tables, "get_max_rows", lambda: 2)
    refused = build_task_plan(data_import)
    assert len(reads) == 2
    assert refused.errors == ["Trang “Phụ lục” có 6 dòng, vượt quá giới hạn 2 dòng."]
    cache.clear()
    assert build_task_plan(data_import).errors == refused.errors  # as a first read says
