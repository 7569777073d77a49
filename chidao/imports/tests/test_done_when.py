"""Issue [E]'s "done when", at the pages a secretariat uses, on the demo province.

The secretariat of Nam Định uploads a plan appendix as .docx, sees two row errors with
suggestions, records the alias, commits, and finds the tasks on the task list.
"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.assignments.choices import Recurrence, TaskKind
from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.demo import content
from chidao.demo.services import do_load_demo
from chidao.imports.models import DataImport, UnitAlias
from chidao.imports.tests.fixtures.plans import build_docx
from chidao.org.models import Unit

pytestmark = pytest.mark.django_db

# A provincial appendix written from Appendix II of Resolution 03/NQ-CP, naming bodies
# the way a province's drafters do: abbreviations, group phrases, and a misspelling
# ("Sở Tài chánh") on two rows.
PROVINCE_PLAN = [
    ("I.", "Nâng cao nhận thức, đột phá về đổi mới tư duy", "", "", "", ""),
    (
        "1.",
        "Xây dựng, triển khai chương trình tuyên truyền về Nghị quyết 57-NQ/TW trên địa bàn tỉnh",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Sở KH&CN; Báo Nam Định",
        "Kế hoạch",
        "6/2025",
    ),
    (
        "2.",
        "Xây dựng văn bản quy định trách nhiệm người đứng đầu về chuyển đổi số",
        "Sở Nội vụ",
        "Các sở, ngành",
        "Quyết định của UBND tỉnh",
        "Quý III/2025",
    ),
    (
        "3.",
        "Xây dựng nền tảng đào tạo trực tuyến mở về kỹ năng số cho người dân",
        "Sở KHCN",
        "Sở GD&ĐT, UBND các xã, phường",
        "Nền tảng đào tạo trực tuyến",
        "2025 - 2026",
    ),
    ("II.", "Hoàn thiện thể chế", "", "", "", ""),
    (
        "1.",
        "Bố trí ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "Sở Tài chánh",
        "Sở Khoa học và Công nghệ",
        "Quyết định giao dự toán",
        "Hằng năm",
    ),
    (
        "2.",
        "Xây dựng cơ chế đặc thù mua sắm sản phẩm, dịch vụ số",
        "Sở Tài chánh",
        "Sở Tư pháp, Sở KH&CN",
        "Nghị quyết của HĐND tỉnh",
        "12/2025",
    ),
    (
        "3.",
        "Rà soát quy định để tháo gỡ điểm nghẽn",
        "Sở Tư pháp",
        "Các sở, ngành có liên quan",
        "Báo cáo",
        "Thường xuyên",
    ),
    ("", "", "", "", "", ""),
    ("", "Ghi chú: các cơ quan chủ trì báo cáo kết quả hằng quý.", "", "", "", ""),
]


@pytest.fixture
def nam_dinh():
    do_load_demo(today=date(2025, 9, 15))
    return Committee.objects.get(name=content.NAM_DINH_COMMITTEE)


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def test_secretariat_imports_a_docx_appendix_after_fixing_an_alias(client, nam_dinh):
    client.login(username="thuongtruc", password=content.DEMO_PASSWORD)
    tasks_before = Task.objects.count()

    upload = SimpleUploadedFile("phu-luc-ke-hoach.docx", build_docx(PROVINCE_PLAN))
    response = client.post(
        reverse("imports:task_upload", kwargs={"committee_pk": nam_dinh.pk}),
        {
            "file": upload,
            "group_mode": "expand",
            "code_prefix": "KH57-",
            "assigned_on": "2025-03-01",
        },
    )
    data_import = DataImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("imports:task_preview", kwargs={"pk": data_import.pk})

    # The plan's groups I and II are titled shorter than the demo's: never merged silently.
    preview = client.get(response.url)
    plan = preview.context["plan"]
    assert [group.code for group in plan.conflicting_groups] == ["I", "II"]
    assert len(plan.rows_with_errors) == 6
    decide = reverse("imports:task_decide", kwargs={"pk": data_import.pk})
    for code in ("I", "II"):
        client.post(decide, {"subject": "group", "key": code, "action": "same-group"})

    preview = client.get(response.url)
    plan = preview.context["plan"]
    assert [row.label for row in plan.rows_with_errors] == ["Bảng 1, dòng 7", "Bảng 1, dòng 8"]
    for row in plan.rows_with_errors:
        (problem,) = row.errors
        assert problem.name == "Sở Tài chánh"
        assert problem.suggestions[0] == unit("ND-STC")
    page = preview.content.decode()
    assert "Không tìm thấy “Sở Tài chánh” trong danh mục đơn vị" in page
    # Beside the alias form, the name may be kept as written or its row skipped.
    assert "Giữ nguyên tên như trong tệp" in page
    assert "Bỏ qua dòng này" in page
    assert "Sở Tài chính tỉnh Nam Định" in page
    assert len(plan.rows_to_create) == 4
    assert not plan.can_commit

    refused = client.post(reverse("imports:task_commit", kwargs={"pk": data_import.pk}))
    assert refused.status_code == 302
    assert Task.objects.count() == tasks_before

    client.post(
        reverse("imports:alias_create", kwargs={"committee_pk": nam_dinh.pk}),
        {"name": "Sở Tài chánh", "unit": unit("ND-STC").pk, "data_import": data_import.pk},
    )
    alias = UnitAlias.objects.get()
    assert (alias.committee, alias.unit) == (nam_dinh, unit("ND-STC"))
    plan = client.get(reverse("imports:task_preview", kwargs={"pk": data_import.pk})).context[
        "plan"
    ]
    assert plan.can_commit
    assert len(plan.rows_to_create) == 6

    committed = client.post(reverse("imports:task_commit", kwargs={"pk": data_import.pk}))
    assert committed.status_code == 302
    assert committed.url == f"{reverse('assignments:task_list')}?committee={nam_dinh.pk}"

    imported = {task.code: task for task in Task.objects.filter(code__startswith="KH57-")}
    assert sorted(imported) == [
        "KH57-I.1",
        "KH57-I.2",
        "KH57-I.3",
        "KH57-II.1",
        "KH57-II.2",
        "KH57-II.3",
    ]
    assert imported["KH57-I.1"].lead_unit == unit("ND-BTGDV")
    assert set(imported["KH57-I.1"].coordinating_units.all()) == {unit("ND-SKHCN"), unit("ND-BAO")}
    assert imported["KH57-I.1"].deadline == date(2025, 6, 30)
    assert imported["KH57-I.2"].deadline == date(2025, 9, 30)
    departments = set(imported["KH57-I.2"].coordinating_units.all())
    assert unit("ND-STC") in departments
    assert unit("ND-SNV") not in departments  # the lead unit is not its own coordinator
    assert imported["KH57-I.3"].lead_unit == unit("ND-SKHCN")
    assert (imported["KH57-I.3"].start_date, imported["KH57-I.3"].deadline) == (
        date(2025, 1, 1),
        date(2026, 12, 31),
    )
    assert unit("ND-XHAIHAU") in imported["KH57-I.3"].coordinating_units.all()
    assert imported["KH57-II.1"].lead_unit == unit("ND-STC")
    assert (imported["KH57-II.1"].kind, imported["KH57-II.1"].recurrence) == (
        TaskKind.RECURRING,
        Recurrence.YEARLY,
    )
    assert imported["KH57-II.3"].kind == TaskKind.ONGOING
    # "có liên quan" names no body in particular: kept as written, not expanded.
    assert imported["KH57-II.3"].coordinators_text == "Các sở, ngành có liên quan"
    assert not imported["KH57-II.3"].coordinating_units.exists()
    assert {task.group.code for task in imported.values()} == {"I", "II"}
    assert all(task.committee == nam_dinh for task in imported.values())
    assert all(task.history.filter(history_type="+").count() == 1 for task in imported.values())

    task_list = client.get(committed.url)
    page = task_list.content.decode()
    assert "KH57-II.2" in page
    assert "Xây dựng cơ chế đặc thù mua sắm sản phẩm, dịch vụ số" in page
