"""The consolidated report of a cycle as the files a department files: Word and Excel.

``build_report_docx`` lays the report out as Decree 30/2020/NĐ-CP writes a state body's
report (national motto block, "Số: …/BC-…") or, for a committee hosted by a Party
committee, as the Party's guidance does ("ĐẢNG CỘNG SẢN VIỆT NAM", the asterisk under
the issuing body, "Số …-BC/…"): Times New Roman, A4, margins within the decree's ranges.
``build_report_xlsx`` is the appendix: the task table grouped I–VII and the indicators.
Both read ``gather.get_report_data``, so they print the numbers the dashboard shows.
"""

import functools
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from chidao.assignments.counts import CountRow, CountTable
from chidao.core.spreadsheets import (
    PERCENT_FORMAT,
    get_fraction,
    get_workbook_bytes,
    set_column_widths,
    write_cell,
)
from chidao.reporting.choices import ReportLayout, Timeliness
from chidao.reporting.docx_layout import (
    FONT,
    add_heading,
    add_table,
    add_text,
    new_document,
    save_document,
    write_letterhead,
    write_signature,
    write_title,
)
from chidao.reporting.gather import ReportData, get_report_data, get_submission_lines

# openpyxl is imported where a workbook is built (chidao.core.spreadsheets says why).
if TYPE_CHECKING:
    from openpyxl.styles import Font
from chidao.reporting.models import ReportingCycle
from chidao.reporting.rules import get_period_phrase

COUNT_HEADERS = (
    "TT",
    "Nội dung",
    "Tổng số nhiệm vụ",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Đang thực hiện, trong hạn",
    "Quá hạn, chưa hoàn thành",
    "Thường xuyên",
    "Tạm dừng, dừng thực hiện",
    "Tỷ lệ hoàn thành trên số đến hạn (%)",
    "Tỷ lệ đúng hạn trên tổng số (%)",
)
TASK_HEADERS = (
    "STT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Sản phẩm",
    "Kết quả thực hiện",
    "Trạng thái",
)


def get_report_filename(cycle: ReportingCycle, extension: str) -> str:
    """ "Bao-cao-Quy-III-2026.docx": an ASCII name every mail system passes through."""
    from chidao.core.text import fold_text

    words = fold_text(cycle.title).replace("/", " ").split()
    stem = "-".join(word.capitalize() for word in ["bao", "cao", *words])
    return f"{stem}.{extension}"


# Word --------------------------------------------------------------------------------


def build_report_docx(cycle: ReportingCycle, as_of: date) -> bytes:
    """The consolidated report of ``cycle`` as of ``as_of``, as a .docx file's bytes."""
    data = get_report_data(cycle, as_of)
    party = data.layout == ReportLayout.PARTY
    document = new_document()
    write_letterhead(
        document,
        party=party,
        superior=data.superior_body,
        issuer=data.issuing_body,
        number_line=data.number_line,
        date_line=data.date_line,
    )
    _write_title(document, data)
    _write_body(document, data)
    write_signature(
        document,
        party=party,
        recipients=data.recipients,
        signer_role=data.signer_role,
        signer_name=data.signer_name,
    )
    return save_document(document)


def _write_title(document, data: ReportData) -> None:
    write_title(document, "BÁO CÁO", data.subject, party=data.layout != ReportLayout.STATE)


def _write_body(document, data: ReportData) -> None:
    cycle = data.cycle
    phrase = get_period_phrase(cycle.period, cycle.title)
    window = f"từ ngày {cycle.window_start:%d/%m/%Y} đến ngày {cycle.window_end:%d/%m/%Y}"
    add_text(
        document,
        f"Thực hiện chế độ báo cáo định kỳ, trên cơ sở báo cáo của các cơ quan, đơn vị, "
        f"Ban Chỉ đạo báo cáo kết quả thực hiện {phrase} (số liệu {window}) như sau:",
    )

    add_heading(document, "I. TÌNH HÌNH CHUNG")
    add_text(document, get_overview_sentence(data))
    add_text(document, get_submission_sentence(data))

    add_heading(document, "II. KẾT QUẢ THỰC HIỆN")
    add_heading(document, "1. Kết quả theo nhóm nhiệm vụ")
    for section in data.groups:
        if not section.tasks:
            continue
        row = section.counts
        title = f"Nhóm {section.code}. {section.name}" if section.code else section.name
        add_text(
            document,
            f"{title}: {row.assigned} nhiệm vụ, đã hoàn thành {row.completed}, đang thực hiện "
            f"trong hạn {row.in_progress}, quá hạn {row.overdue}, thường xuyên {row.ongoing}.",
        )
        for line in section.completed_in_window:
            add_text(document, f"- {line.title} ({line.lead_unit}): {line.result}")
    results = data.unit_texts("results")
    if results:
        add_heading(document, "2. Kết quả nổi bật do các cơ quan, đơn vị báo cáo")
        for unit, text in results:
            add_text(document, f"- {unit}: {text}")
    add_heading(document, f"{3 if results else 2}. Tổng hợp tình hình thực hiện nhiệm vụ")
    _count_table(document, data.count_by_group, data.group_codes)
    add_text(
        document,
        "Tỷ lệ hoàn thành tính trên số nhiệm vụ đã đến hạn (hoàn thành và quá hạn); nhiệm vụ "
        "còn trong hạn, thường xuyên không tính vào mẫu số.",
        italic=True,
    )
    add_heading(document, f"{4 if results else 3}. Kết quả thực hiện các chỉ tiêu")
    _indicator_table(document, data)

    add_heading(document, "III. NHIỆM VỤ CHẬM TIẾN ĐỘ, QUÁ HẠN VÀ NGUYÊN NHÂN")
    if not data.overdue:
        add_text(document, "Không có nhiệm vụ quá hạn.")
    for line in data.overdue:
        reason = line.difficulties or "đơn vị chưa báo cáo nguyên nhân"
        add_text(
            document,
            f"- {line.code} {line.title} ({line.lead_unit} chủ trì; thời hạn "
            f"{line.deadline_as_of:%d/%m/%Y}, quá hạn {line.days_overdue} ngày). "
            f"Nguyên nhân: {reason}",
        )

    add_heading(document, "IV. KHÓ KHĂN, VƯỚNG MẮC")
    _unit_list(document, data.unit_texts("difficulties"), "Các đơn vị không báo cáo khó khăn.")

    add_heading(document, "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
    for line in data.next_period:
        add_text(
            document,
            f"- {line.title} ({line.lead_unit} chủ trì; thời hạn {line.deadline_as_of:%d/%m/%Y}).",
        )
    _unit_list(
        document,
        data.unit_texts("next_steps"),
        "" if data.next_period else "Tiếp tục triển khai các nhiệm vụ đã giao.",
    )

    add_heading(document, "VI. KIẾN NGHỊ, ĐỀ XUẤT")
    _unit_list(document, data.unit_texts("proposals"), "Không có kiến nghị.")
    add_text(
        document,
        f"Trên đây là báo cáo kết quả thực hiện {phrase} của Ban Chỉ đạo./.",
    )


def get_overview_sentence(data: ReportData) -> str:
    """The count table in words, with both completion rates."""
    total = data.count_by_group.total
    return (
        f"Tính đến ngày {data.as_of:%d/%m/%Y}, Ban Chỉ đạo theo dõi {total.assigned} nhiệm vụ; "
        f"trong đó đã hoàn thành {total.completed} nhiệm vụ ({total.done_on_time} đúng hạn, "
        f"{total.done_late} quá hạn); đang thực hiện trong hạn {total.in_progress} nhiệm vụ"
        f" ({total.due_soon} nhiệm vụ sắp đến hạn); quá hạn chưa hoàn thành {total.overdue} "
        f"nhiệm vụ; thường xuyên {total.ongoing} nhiệm vụ; tạm dừng, dừng thực hiện "
        f"{total.paused + total.cancelled} nhiệm vụ. Tỷ lệ hoàn thành trên số nhiệm vụ đến "
        f"hạn: {_rate(total.completion_rate_of_due)}; tỷ lệ hoàn thành đúng hạn trên tổng số "
        f"nhiệm vụ: {_rate(total.on_time_rate_of_all)}."
    )


def get_submission_sentence(data: ReportData) -> str:
    """How many units reported, on time or late, and which did not."""
    required = len(data.submissions)
    sent = data.count(Timeliness.ON_TIME) + data.count(Timeliness.LATE)
    sentence = (
        f"Có {sent}/{required} cơ quan, đơn vị gửi báo cáo "
        f"({data.count(Timeliness.ON_TIME)} đúng hạn, {data.count(Timeliness.LATE)} gửi muộn)"
    )
    missing = [
        line.submission.unit.short_name or line.submission.unit.name
        for line in data.submissions
        if line.timeliness in (Timeliness.MISSING, Timeliness.PENDING)
    ]
    if missing:
        sentence += f"; chưa gửi báo cáo: {', '.join(missing)}"
    return sentence + "."


def _unit_list(document, items: list[tuple[str, str]], empty: str) -> None:
    if not items and empty:
        add_text(document, empty)
    for unit, text in items:
        add_text(document, f"- {unit}: {text}")


def _rate(value: Decimal | None) -> str:
    if value is None:
        return "chưa tính được"
    return f"{str(value).replace('.', ',')}%"


def count_row_values(row: CountRow) -> tuple:
    """A count row as the report prints it (after the TT and label columns)."""
    return (
        row.assigned,
        row.done_on_time,
        row.done_late,
        row.in_progress,
        row.overdue,
        row.ongoing,
        row.paused + row.cancelled,
        format_rate_cell(row.completion_rate_of_due),
        format_rate_cell(row.on_time_rate_of_all),
    )


def format_rate_cell(value: Decimal | None) -> str:
    return "-" if value is None else str(value).replace(".", ",")


def _count_table(document, table: CountTable, codes: dict) -> None:
    rows = [
        (codes.get(row.key, index), row.label, *count_row_values(row))
        for index, row in enumerate(table.rows, start=1)
    ]
    rows.append(("", "Tổng cộng", *count_row_values(table.total)))
    add_table(document, COUNT_HEADERS, rows, bold_last=True)


def _indicator_table(document, data: ReportData) -> None:
    if not data.indicators:
        add_text(document, "Ban Chỉ đạo chưa theo dõi chỉ tiêu nào.")
        return
    headers = ("TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm", "Kết quả", "Tỷ lệ đạt", "Đánh giá")
    rows = [
        (
            line.code,
            line.name,
            line.measure_unit,
            line.target,
            line.value or "-",
            line.ratio or "-",
            line.assessment or "-",
        )
        for line in data.indicators
    ]
    add_table(document, headers, rows)


# Excel -------------------------------------------------------------------------------


@functools.cache
def _styles():
    """(box border, wrapped, centred): one object each, made at the first workbook."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin")
    return (
        Border(left=thin, right=thin, top=thin, bottom=thin),
        Alignment(wrap_text=True, vertical="top"),
        Alignment(wrap_text=True, vertical="center", horizontal="center"),
    )


def build_report_xlsx(cycle: ReportingCycle, as_of: date) -> bytes:
    """The appendix of the report: tasks grouped I–VII, the count table, indicators, and
    who reported; as an .xlsx file's bytes."""
    data = get_report_data(cycle, as_of)
    from openpyxl import Workbook

    workbook = Workbook()
    _task_sheet(workbook.active, data)
    _count_sheet(workbook.create_sheet("Tổng hợp"), data)
    _indicator_sheet(workbook.create_sheet("Chỉ tiêu"), data)
    _submission_sheet(workbook.create_sheet("Báo cáo của đơn vị"), data)
    return get_workbook_bytes(workbook)


@functools.cache
def _font(bold=False, italic=False, size=12) -> "Font":
    # One object per style: openpyxl hashes a new Font for every cell otherwise.
    from openpyxl.styles import Font

    return Font(name=FONT, bold=bold, italic=italic, size=size)


@functools.cache
def _title_alignment():
    from openpyxl.styles import Alignment

    return Alignment(horizontal="center", wrap_text=True)


def _sheet_title(sheet, lines: list[str], width: int) -> int:
    """Centred title lines across ``width`` columns; returns the next free row."""
    for index, text in enumerate(lines, start=1):
        sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=width)
        cell = write_cell(sheet, index, 1, text)
        cell.font = _font(bold=index < len(lines), italic=index == len(lines), size=13)
        cell.alignment = _title_alignment()
    return len(lines) + 2


def _header_row(sheet, row: int, headers) -> None:
    for column, header in enumerate(headers, start=1):
        cell = write_cell(sheet, row, column, header)
        box, _wrap, centre = _styles()
        cell.font, cell.alignment, cell.border = _font(bold=True), centre, box
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def _write_row(sheet, row: int, values, *, bold=False, centre=(), formats=None) -> None:
    """One boxed row through the one writer: numbers and dates typed, text never a formula;
    ``formats`` maps a 1-based column to a number format."""
    box, wrap, centred = _styles()
    for column, value in enumerate(values, start=1):
        cell = write_cell(sheet, row, column, value, number_format=(formats or {}).get(column))
        cell.font, cell.border = _font(bold=bold), box
        cell.alignment = centred if column in centre else wrap


def _widths(sheet, widths) -> None:
    set_column_widths(sheet, widths)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0


def _attached_to(data: ReportData) -> str:
    number = data.cycle.report_number or "……"
    return f"(Kèm theo Báo cáo số {number} ngày {data.as_of:%d/%m/%Y} của Ban Chỉ đạo)"


def _task_sheet(sheet, data: ReportData) -> None:
    sheet.title = "Nhiệm vụ"
    row = _sheet_title(
        sheet,
        [
            "PHỤ LỤC I",
            f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ {data.cycle.title.upper()}",
            _attached_to(data),
        ],
        len(TASK_HEADERS),
    )
    _header_row(sheet, row, TASK_HEADERS)
    for section in data.groups:
        if not section.tasks:
            continue
        row += 1
        values = (section.code, section.name, "", "", "", "", "", "")
        _write_row(sheet, row, values, bold=True, centre=(1,))
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(TASK_HEADERS))
        for number, line in enumerate(section.tasks, start=1):
            row += 1
            values = (
                number,
                line.title,
                line.lead_unit,
                line.coordinating_units,
                line.deadline_as_of or line.deadline,  # a date where known, so it sorts
                line.output,
                line.result,
                line.status_label,
            )
            _write_row(sheet, row, values, centre=(1, 5))
    _widths(sheet, (6, 50, 18, 22, 14, 22, 50, 16))


def _count_sheet(sheet, data: ReportData) -> None:
    row = _sheet_title(
        sheet,
        [
            "PHỤ LỤC II",
            f"TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐẾN NGÀY {data.as_of:%d/%m/%Y}",
            _attached_to(data),
        ],
        len(COUNT_HEADERS),
    )
    for caption, table in (
        ("Theo nhóm nhiệm vụ", data.count_by_group),
        ("Theo cơ quan chủ trì", data.count_by_unit),
    ):
        write_cell(sheet, row, 1, caption).font = _font(bold=True)
        row += 1
        _header_row(sheet, row, COUNT_HEADERS)
        for index, count in enumerate(table.rows, start=1):
            row += 1
            number = data.group_codes.get(count.key, index) if table.by == "group" else index
            _write_row(sheet, row, (number, count.label, *_xlsx_counts(count)), centre=(1,))
        row += 1
        _write_row(sheet, row, ("", "Tổng cộng", *_xlsx_counts(table.total)), bold=True)
        row += 2
    sheet.freeze_panes = None
    _widths(sheet, (6, 45, *([13] * (len(COUNT_HEADERS) - 2))))


def _xlsx_counts(row: CountRow) -> tuple:
    values = count_row_values(row)
    rates = tuple(
        None if rate is None else float(rate)
        for rate in (row.completion_rate_of_due, row.on_time_rate_of_all)
    )
    return (*values[:-2], *rates)


def _indicator_sheet(sheet, data: ReportData) -> None:
    headers = (
        "Mã",
        "Chỉ tiêu",
        "Nhóm",
        "Đơn vị tính",
        "Mục tiêu năm",
        "Kết quả",
        "Kỳ số liệu",
        "Tỷ lệ đạt",
        "Đánh giá",
    )
    row = _sheet_title(
        sheet,
        ["PHỤ LỤC III", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", _attached_to(data)],
        len(headers),
    )
    _header_row(sheet, row, headers)
    for line in data.indicators:
        row += 1
        values = (
            line.code,
            line.name,
            line.group_code,
            line.measure_unit,
            _plain_number(line.target),
            # The number itself (its period beside it), so the sheet sums and sorts.
            line.value if line.value_number is None else line.value_number,
            f"{line.period_label} (số liệu cũ)" if line.stale else line.period_label,
            line.ratio if line.ratio_number is None else get_fraction(line.ratio_number),
            line.assessment,
        )
        _write_row(sheet, row, values, centre=(1, 3, 4, 5, 6, 7, 8), formats={8: PERCENT_FORMAT})
    _widths(sheet, (8, 60, 8, 14, 18, 12, 16, 12, 16))


_PLAIN_NUMBER = re.compile(r"^\d+(?:,\d+)?$")


def _plain_number(text: str):
    """A target written as a bare number ("100", "2,5") as that number; other targets
    ("≥ 80", "Hoàn thành") stay as written."""
    if _PLAIN_NUMBER.match(text.strip()):
        return Decimal(text.strip().replace(",", "."))
    return text


def _submission_sheet(sheet, data: ReportData) -> None:
    headers = ("STT", "Cơ quan, đơn vị", "Trạng thái", "Ngày gửi", "Đánh giá thời hạn")
    row = _sheet_title(
        sheet,
        [
            "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
            f"Hạn gửi: {data.cycle.due_on:%d/%m/%Y}",
        ],
        len(headers),
    )
    _header_row(sheet, row, headers)
    for number, line in enumerate(data.submissions, start=1):
        row += 1
        values = (
            number,
            line.submission.unit.name,
            line.submission.get_state_display(),
            line.submitted_on,
            line.timeliness.label,
        )
        _write_row(sheet, row, values)
    _widths(sheet, (6, 50, 24, 14, 20))


def build_board_xlsx(cycle: ReportingCycle, as_of: date) -> bytes:
    """Who has reported in ``cycle`` as of ``as_of``, as an .xlsx file's bytes."""
    data = _BoardData(cycle=cycle, as_of=as_of, submissions=get_submission_lines(cycle, as_of))
    from openpyxl import Workbook

    workbook = Workbook()
    _submission_sheet(workbook.active, data)
    workbook.active.title = "Tình hình nộp báo cáo"
    return get_workbook_bytes(workbook)


@dataclass(frozen=True)
class _BoardData:
    cycle: ReportingCycle
    as_of: date
    submissions: list


def build_list_xlsx(title: str, headers, rows) -> bytes:
    """Any list of a page as an .xlsx: a title, a header row, one row per line."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    row = _sheet_title(sheet, [title.upper()], len(headers))
    _header_row(sheet, row, headers)
    for values in rows:
        row += 1
        _write_row(sheet, row, values)
    _widths(sheet, [8 if i == 0 else 20 for i in range(len(headers))])
    return get_workbook_bytes(workbook)
