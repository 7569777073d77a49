"""The files the reporting pages hand out: the consolidated report in the committee's
template or the built-in one, the cycle list and the board as .csv or .xlsx.

Views only ask for a file and send it; how a file is built lives here, in
``builders.py`` (the built-in Word and Excel layouts) and in ``core.spreadsheets`` (the
one writer of .xlsx and .csv).
"""

from chidao.core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, build_csv
from chidao.reporting.builders import build_list_xlsx, build_report_docx
from chidao.reporting.gather import get_report_data, get_submission_lines
from chidao.reporting.report_templates import get_active_template, render_report_template


def build_cycle_report_docx(cycle, as_of) -> bytes:
    """The report in the committee's own template when it has one, else the built-in."""
    template = get_active_template(cycle.committee)
    if template is None:
        return build_report_docx(cycle, as_of)
    with template.file.open("rb") as file:
        return render_report_template(file, get_report_data(cycle, as_of))


_CYCLE_HEADERS = (
    "STT",
    "Kỳ báo cáo",
    "Loại kỳ",
    "Ban Chỉ đạo",
    "Số liệu từ ngày",
    "Số liệu đến ngày",
    "Hạn gửi",
    "Số đơn vị đã gửi",
    "Số đơn vị phải gửi",
    "Trạng thái",
)


def build_cycle_list_file(cycles, export: str) -> tuple[bytes, str, str]:
    """The cycle list as the page shows it, in .csv (UTF-8 with BOM) or .xlsx: the
    content, its type and its file name."""
    rows = [
        (
            number,
            cycle.title,
            cycle.get_kind_display(),
            str(cycle.committee),
            cycle.window_start,
            cycle.window_end,
            cycle.due_on,
            cycle.submitted_count,
            cycle.required_count,
            cycle.get_state_display(),
        )
        for number, cycle in enumerate(cycles, start=1)
    ]
    if export == "xlsx":
        content = build_list_xlsx("Kỳ báo cáo", _CYCLE_HEADERS, rows)
        return content, XLSX_CONTENT_TYPE, "Ky-Bao-Cao.xlsx"
    return build_csv(_CYCLE_HEADERS, rows), CSV_CONTENT_TYPE, "Ky-Bao-Cao.csv"


_BOARD_HEADERS = ("STT", "Cơ quan, đơn vị", "Trạng thái", "Ngày gửi", "Đánh giá thời hạn")


def _board_rows(cycle, as_of):
    for number, line in enumerate(get_submission_lines(cycle, as_of), start=1):
        yield (
            number,
            line.submission.unit.name,
            line.submission.get_state_display(),
            line.submitted_on,
            line.timeliness.label,
        )


def build_board_csv(cycle, as_of) -> bytes:
    """The board of who sent their report, as the page shows it."""
    return build_csv(_BOARD_HEADERS, _board_rows(cycle, as_of))
