"""The urging letter (công văn đôn đốc) to a unit, as a Word file ready to sign.

Laid out as Decree 30/2020/NĐ-CP writes a state body's official letter (national motto,
"Số: …/BCĐ", the "V/v" subject under the number, "Kính gửi:") or, for a committee hosted
by a Party committee, as the Party's guidance does ("ĐẢNG CỘNG SẢN VIỆT NAM",
"Số …-CV/BCĐ"). It lists the unit's overdue and due-soon tasks with their deadlines; the
clerk gives the number when it is signed.
"""

import math
from datetime import date
from io import BytesIO

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

from chidao.assignments.choices import TaskKind, TaskState, TaskStatus
from chidao.assignments.models import Task
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.reporting.choices import ReportLayout
from chidao.reporting.rules import (
    format_document_date,
    get_issuing_body_name,
    get_place_name,
    get_report_layout,
)

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # Decree 30, Appendix I
DUE_SOON_DAYS = 7


def get_letter_tasks(*, committee, unit, today: date) -> tuple[list, list]:
    """(overdue, due within a week) tasks the unit leads in the committee, by deadline."""
    tasks = list(
        Task.objects.filter(
            committee=committee, lead_unit=unit, state=TaskState.OPEN, kind=TaskKind.DEADLINE
        )
        .with_status(today)
        .with_due_soon(today, DUE_SOON_DAYS)
        .order_by("deadline_as_of", "code", "pk")
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

    document = WordDocument()
    _set_page(document)
    _set_base_font(document)

    left, right = _two_columns(document, (7.0, 9.5))
    _line(left, host.name.upper(), size=13)
    _line(left, get_issuing_body_name(committee.name, place), bold=True, size=13)
    _line(left, "*" if party else "¯¯¯¯¯¯¯¯", size=13 if party else 10)
    _line(left, "Số       -CV/BCĐ" if party else "Số:       /BCĐ", size=13)
    _line(left, "V/v đôn đốc thực hiện nhiệm vụ", size=12, italic=party)
    if party:
        _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15)
    else:
        _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
        _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True, size=14)
    _line(right, "")
    _line(right, format_document_date(place, today), italic=True, size=14)

    _line(document, "", after=6)
    _line(document, f"Kính gửi: {unit.name}.", size=14, after=12)
    _paragraph(
        document,
        f"Thực hiện chức năng theo dõi, đôn đốc việc thực hiện nhiệm vụ, {committee.name} "
        f"đề nghị {unit.name} khẩn trương thực hiện các nhiệm vụ dưới đây, báo cáo kết quả về "
        "Thường trực Ban Chỉ đạo (qua Tổ giúp việc) trên hệ thống Chỉ Đạo; trường hợp có khó "
        "khăn, vướng mắc, đề nghị báo cáo rõ lý do và đề xuất điều chỉnh thời hạn.",
    )
    _task_section(document, "1. Nhiệm vụ quá hạn, chưa hoàn thành", overdue, today)
    _task_section(document, f"2. Nhiệm vụ đến hạn trong {DUE_SOON_DAYS} ngày tới", due_soon, today)
    _paragraph(document, "Đề nghị đơn vị quan tâm, chỉ đạo thực hiện./.")

    _line(document, "")
    left, right = _two_columns(document, (8.0, 8.5))
    _line(
        left,
        "Nơi nhận:",
        align=WD_ALIGN_PARAGRAPH.LEFT,
        bold=not party,
        italic=not party,
        underline=party,
        size=12,
    )
    for recipient in (
        "- Như trên;",
        "- Thường trực Ban Chỉ đạo (để báo cáo);",
        "- Lưu: VT, Tổ giúp việc.",
    ):
        _line(left, recipient, align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    _line(right, "T/M BAN CHỈ ĐẠO" if party else "TM. BAN CHỈ ĐẠO", bold=True, size=14)
    _line(right, "TRƯỞNG BAN", bold=True, size=14)
    for _blank in range(4):
        _line(right, "")
    _line(right, _get_head_name(committee), bold=True, size=14)

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _task_section(document, title: str, tasks: list, today: date) -> None:
    heading = _line(document, title, align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, after=6)
    heading.paragraph_format.first_line_indent = Cm(1)
    if not tasks:
        _paragraph(document, "Không có.")
        return
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Nhiệm vụ", "Thời hạn", "Tình trạng"), strict=True
    ):
        _cell(cell, text, bold=True)
    for number, task in enumerate(tasks, start=1):
        days = (today - task.deadline_as_of).days
        state = f"Quá hạn {days} ngày" if days > 0 else f"Còn {-days} ngày"
        cells = table.add_row().cells
        _cell(cells[0], str(number))
        _cell(cells[1], f"{task.code} {task.title}".strip(), align=WD_ALIGN_PARAGRAPH.LEFT)
        _cell(cells[2], f"{task.deadline_as_of:%d/%m/%Y}")
        _cell(cells[3], state)
    for row in table.rows:
        for cell, width in zip(row.cells, (1.2, 9.3, 2.8, 2.7), strict=True):
            cell.width = Cm(width)
    _line(document, "", after=6)


def _get_head_name(committee) -> str:
    head = (
        Membership.objects.filter(committee=committee, role=MemberRole.HEAD)
        .select_related("person")
        .order_by("-started_on", "pk")
        .first()
    )
    return head.person.full_name if head else ""


def _set_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Twips(math.ceil(mm * 1440 / 25.4)))


def _set_base_font(document) -> None:
    for name, size in (("Normal", 14), ("Table Grid", 12)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after = Pt(0), Pt(6)


def _run(paragraph, text: str, *, bold=False, italic=False, underline=False, size=None):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name = FONT
    if size is not None:
        run.font.size = Pt(size)
    return run


def _line(container, text="", *, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, **style):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _paragraph(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    _run(paragraph, text)


def _cell(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    _run(paragraph, text, bold=bold, size=12)


def _two_columns(document, widths_cm: tuple[float, float]):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    # Word refuses table properties out of the schema's order: borders go before these.
    properties = table._tbl.tblPr
    successors = {qn(f"w:{tag}") for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")}
    later = next((child for child in properties if child.tag in successors), None)
    if later is None:
        properties.append(borders)
    else:
        later.addprevious(borders)
    for cell, width in zip(table.rows[0].cells, widths_cm, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return table.rows[0].cells
