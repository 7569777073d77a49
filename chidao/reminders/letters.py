"""The urging letter (công văn đôn đốc) to a unit, as a Word file ready to sign.

Laid out as Decree 30/2020/NĐ-CP writes a state body's official letter (national motto,
"Số: …/BCĐ", the "V/v" subject under the number, "Kính gửi:") or, for a committee hosted
by a Party committee, as the Party's guidance does ("ĐẢNG CỘNG SẢN VIỆT NAM",
"Số …-CV/BCĐ"). It lists the unit's overdue and due-soon tasks with their deadlines; the
clerk gives the number when it is signed.
"""

from datetime import date

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from chidao.assignments.choices import TaskKind, TaskState, TaskStatus
from chidao.assignments.models import Task
from chidao.reporting.choices import ReportLayout
from chidao.reporting.docx_layout import (
    add_line,
    add_text,
    finish_table,
    new_document,
    save_document,
    set_cell,
    write_letterhead,
    write_signature,
)
from chidao.reporting.gather import get_head_name
from chidao.reporting.rules import (
    format_document_date,
    get_issuing_body_name,
    get_place_name,
    get_report_layout,
)

DUE_SOON_DAYS = 7


def get_letter_tasks(*, committee, unit, today: date) -> tuple[list, list]:
    """(overdue, due within a week) tasks the unit leads in the committee, by deadline."""
    tasks = list(
        Task.objects.filter(
            committee=committee, lead_unit=unit, state=TaskState.OPEN, kind=TaskKind.DEADLINE
        )
        .with_status(today)
        .with_due_soon(today, DUE_SOON_DAYS)
        .order_by("deadline_as_of", "code_sort", "pk")
    )
    overdue = [task for task in tasks if task.status == TaskStatus.OVERDUE]
    due_soon = [task for task in tasks if task.due_soon]
    return overdue, due_soon


def get_letter_filename(unit, today: date) -> str:
    return f"cong-van-don-doc-{unit.code.lower()}-{today:%Y%m%d}.docx"


def build_urge_letter_docx(*, committee, unit, today: date) -> bytes:
    """The letter urging ``unit`` on its overdue and due-soon tasks in ``committee``."""
    overdue, due_soon = get_letter_tasks(committee=committee, unit=unit, today=today)
    host = committee.host_unit
    layout = get_report_layout(host.kind)
    place = get_place_name(host.name)
    party = layout == ReportLayout.PARTY

    document = new_document(page_numbers=False)
    write_letterhead(
        document,
        party=party,
        superior=host.name.upper(),
        issuer=get_issuing_body_name(committee.name, place),
        number_line="Số       -CV/BCĐ" if party else "Số:       /BCĐ",
        date_line=format_document_date(place, today),
        subject_line="V/v đôn đốc thực hiện nhiệm vụ",
    )

    add_line(document, "", after=6)
    add_line(document, f"Kính gửi: {unit.name}.", size=14, after=12)
    add_text(
        document,
        f"Thực hiện chức năng theo dõi, đôn đốc việc thực hiện nhiệm vụ, {committee.name} "
        f"đề nghị {unit.name} khẩn trương thực hiện các nhiệm vụ dưới đây, báo cáo kết quả về "
        "Thường trực Ban Chỉ đạo (qua Tổ giúp việc) trên hệ thống Chỉ Đạo; trường hợp có khó "
        "khăn, vướng mắc, đề nghị báo cáo rõ lý do và đề xuất điều chỉnh thời hạn.",
    )
    _task_section(document, "1. Nhiệm vụ quá hạn, chưa hoàn thành", overdue, today)
    _task_section(document, f"2. Nhiệm vụ đến hạn trong {DUE_SOON_DAYS} ngày tới", due_soon, today)
    add_text(document, "Đề nghị đơn vị quan tâm, chỉ đạo thực hiện./.")

    write_signature(
        document,
        party=party,
        recipients=(
            "- Như trên;",
            "- Thường trực Ban Chỉ đạo (để báo cáo);",
            "- Lưu: VT, Tổ giúp việc.",
        ),
        signer_role="TRƯỞNG BAN",
        signer_name=get_head_name(committee),
    )
    return save_document(document)


def _task_section(document, title: str, tasks: list, today: date) -> None:
    heading = add_line(document, title, align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, after=6)
    heading.paragraph_format.first_line_indent = Cm(1)
    if not tasks:
        add_text(document, "Không có.")
        return
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Nhiệm vụ", "Thời hạn", "Tình trạng"), strict=True
    ):
        set_cell(cell, text, bold=True, size=12)
    for number, task in enumerate(tasks, start=1):
        days = (today - task.deadline_as_of).days
        state = f"Quá hạn {days} ngày" if days > 0 else f"Còn {-days} ngày"
        cells = table.add_row().cells
        title = f"{task.code} {task.title}".strip()
        set_cell(cells[0], str(number), size=12)
        set_cell(cells[1], title, align=WD_ALIGN_PARAGRAPH.LEFT, size=12)
        set_cell(cells[2], f"{task.deadline_as_of:%d/%m/%Y}", size=12)
        set_cell(cells[3], state, size=12)
    finish_table(table, (1.2, 9.3, 2.8, 2.7))
    add_line(document, "", after=6)
