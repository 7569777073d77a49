"""Task lists as Excel workbooks, the form the secretariat passes on and files."""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import Task
from chidao.core.spreadsheets import get_workbook_bytes, write_cell

HEADER_ROW = 3


def _columns():
    """(header, width, value of a task) per column, in order."""
    return [
        (_("STT"), 6, None),
        (_("Mã"), 10, lambda t: t.code),
        (_("Tên nhiệm vụ"), 60, lambda t: t.title),
        (_("Ban Chỉ đạo"), 24, lambda t: str(t.committee)),
        (_("Nhóm nhiệm vụ"), 24, lambda t: str(t.group) if t.group_id else ""),
        (_("Cơ quan chủ trì"), 28, lambda t: t.lead_unit.name),
        (
            _("Cơ quan phối hợp"),
            36,
            lambda t: "; ".join(unit.name for unit in t.coordinating_units.all()),
        ),
        (_("Thời hạn (như văn bản ghi)"), 20, lambda t: t.deadline_text),
        (_("Thời hạn"), 12, lambda t: t.deadline_as_of),
        (_("Tình trạng"), 24, lambda t: str(TaskStatus(t.status).label)),
        (_("Tiến độ (%)"), 10, lambda t: t.progress_percent),
        (_("Ngày hoàn thành"), 14, lambda t: t.completed_on),
        (_("Sản phẩm"), 36, lambda t: t.expected_output),
        (_("Trọng tâm"), 10, lambda t: _("Có") if t.is_key else ""),
    ]


def build_task_list_xlsx(tasks: Iterable[Task], as_of: date) -> bytes:
    """An .xlsx of ``tasks`` as listed (one row each, in the given order).

    ``tasks`` come from ``TaskFilterSet.qs`` (annotated with ``status`` and
    ``deadline_as_of`` as of ``as_of``), with ``committee``, ``group`` and ``lead_unit``
    selected and ``coordinating_units`` prefetched. Every value goes through the one
    writer, so dates are real Excel dates shown dd/mm/yyyy (a reader can sort and filter
    them) and a title typed as "=HYPERLINK(…)" stays text.
    """
    # Imported here: the task list view imports this module, and a worker that never
    # exports should not hold openpyxl (chidao.core.spreadsheets says why).
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = _columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Nhiệm vụ")
    title = _("DANH SÁCH NHIỆM VỤ (tình trạng đến ngày %(date)s)") % {
        "date": as_of.strftime("%d/%m/%Y")
    }
    write_cell(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))

    for index, (header, width, _value) in enumerate(columns, start=1):
        cell = write_cell(sheet, HEADER_ROW, index, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(index)].width = width

    row = HEADER_ROW
    for number, task in enumerate(tasks, start=1):
        row = HEADER_ROW + number
        for index, (_header, _width, value) in enumerate(columns, start=1):
            cell = write_cell(sheet, row, index, number if value is None else value(task))
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    if row > HEADER_ROW:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{row}"
    return get_workbook_bytes(workbook)
