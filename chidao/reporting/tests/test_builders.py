"""The consolidated report of the demo's last complete quarter, opened as Word and Excel.

Numbers must equal the dashboard's count table for the same date; the header, number
line, recipients and signature must sit where Decree 30/2020 (state bodies) or the
Party's guidance (Party committees) puts them; the page is A4 in Times New Roman.
"""

import os
import shutil
import subprocess
import unicodedata
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document as WordDocument
from docx.shared import Mm
from openpyxl import load_workbook

from chidao.assignments.counts import get_count_table
from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.core.periods import Period, PeriodKind
from chidao.demo import content
from chidao.demo.cycles import REPORTS
from chidao.org.choices import UnitKind
from chidao.org.models import Unit
from chidao.reporting import pdf
from chidao.reporting.builders import TASK_HEADERS, build_report_docx, build_report_xlsx
from chidao.reporting.choices import Timeliness
from chidao.reporting.gather import get_submission_lines
from chidao.reporting.models import ReportingCycle

# The demo is loaded once for the module (``module_db``), on one worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("reporting-test_builders")]
TODAY = date(2026, 11, 23)
FONT = "Times New Roman"


@pytest.fixture(scope="module")
def _demo(module_db):
    call_command("load_demo", "--today", TODAY.isoformat(), stdout=StringIO())


@pytest.fixture
def cycle(_demo, db):
    """Quý III/2026 of Nam Định, as the demo loads it on 23/11/2026."""
    committee = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
    last = Period.containing(PeriodKind.QUARTER, TODAY).previous()
    return ReportingCycle.objects.get(committee=committee, period_start=last.start, kind="quarter")


def word(cycle, as_of=TODAY):
    return WordDocument(BytesIO(build_report_docx(cycle, as_of)))


def texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def counts_by_label(cycle, as_of=TODAY):
    table = get_count_table(Task.objects.filter(committee=cycle.committee), as_of=as_of, by="group")
    return table, {row.label: row for row in table.rows}


def row_numbers(row) -> list[int]:
    """Tổng số, đúng hạn, quá hạn, trong hạn, quá hạn chưa xong, thường xuyên, dừng."""
    return [
        row.assigned,
        row.done_on_time,
        row.done_late,
        row.in_progress,
        row.overdue,
        row.ongoing,
        row.paused + row.cancelled,
    ]


def test_demo_quarter_has_three_on_time_one_late_one_missing(cycle):
    lines = get_submission_lines(cycle, TODAY)

    tally = [line.timeliness for line in lines]
    assert tally.count(Timeliness.ON_TIME) == 3
    assert tally.count(Timeliness.LATE) == 1
    assert tally.count(Timeliness.MISSING) == 1


@pytest.mark.parametrize("as_of", [TODAY, date(2026, 9, 14)])
def test_word_count_table_equals_the_dashboard_count_table(cycle, as_of):
    expected, by_label = counts_by_label(cycle, as_of)

    table = word(cycle, as_of).tables[1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]

    assert cells[0][1] == "Nội dung"
    assert [row[0] for row in cells[1:-1]] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    for row in cells[1:-1]:
        assert [int(v) for v in row[2:9]] == row_numbers(by_label[row[1]]), row[1]
    assert cells[-1][1] == "Tổng cộng"
    assert [int(v) for v in cells[-1][2:9]] == row_numbers(expected.total)
    rate = expected.total.completion_rate_of_due
    assert cells[-1][9] == str(rate).replace(".", ",")


def test_excel_appendix_lists_every_task_grouped_i_to_vii_and_the_same_totals(cycle):
    expected, _by_label = counts_by_label(cycle)

    book = load_workbook(BytesIO(build_report_xlsx(cycle, TODAY)))

    tasks = book["Nhiệm vụ"]
    header = next(r for r in tasks.iter_rows(values_only=True) if r[0] == "STT")
    assert header == TASK_HEADERS
    rows = [r for r in tasks.iter_rows(values_only=True) if r[1] and r[0] != "STT"]
    group_codes = [r[0] for r in rows if isinstance(r[0], str) and not r[2]]
    task_rows = [r for r in rows if isinstance(r[0], int)]
    assert group_codes == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert len(task_rows) == expected.total.assigned
    overdue = [r for r in task_rows if r[7] == "Quá hạn, chưa hoàn thành"]
    assert len(overdue) == expected.total.overdue

    totals = [r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[1] == "Tổng cộng"]
    assert [list(t[2:9]) for t in totals] == [row_numbers(expected.total)] * 2
    assert book["Tổng hợp"].cell(row=1, column=1).font.name == FONT

    # Value and ratio are numbers a secretariat can add up; "100%" comes from the format.
    indicator = next(r for r in book["Chỉ tiêu"].iter_rows() if r[0].value == "CĐS-03")
    assert [cell.value for cell in indicator[4:]] == ["≥ 50", 50, "Quý III/2026", 1, "Đạt"]
    assert (indicator[5].data_type, indicator[7].data_type) == ("n", "n")
    assert indicator[7].number_format == "0.0%"


def test_tasks_outside_every_group_get_their_own_row_in_both_files(cycle):
    task = Task.objects.filter(committee=cycle.committee).order_by("pk").first()
    Task.objects.filter(pk=task.pk).update(group=None)

    book = load_workbook(BytesIO(build_report_xlsx(cycle, TODAY)))
    counts = [row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)]
    table = word(cycle).tables[1]

    assert "Chưa phân nhóm" in counts
    assert "Chưa phân nhóm" in [row.cells[1].text for row in table.rows]


def test_party_layout_for_a_committee_hosted_by_the_provincial_party_committee(cycle):
    document = word(cycle)

    left, right = document.tables[0].rows[0].cells
    assert texts(left) == [
        "TỈNH ỦY NAM ĐỊNH",
        "BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ",
        "*",
        "Số       -BC/BCĐ",
    ]
    assert texts(right)[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    date_line = right.paragraphs[-1]
    assert date_line.text == "Nam Định, ngày 23 tháng 11 năm 2026"
    assert all(run.italic for run in date_line.runs)
    title = [p.text for p in document.paragraphs[:4]]
    assert "BÁO CÁO" in title
    assert (
        "Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị quý III năm 2026"
    ) in title
    recipients, signature = document.tables[-1].rows[0].cells
    assert texts(recipients)[0] == "Nơi nhận:"
    assert texts(signature)[:2] == ["T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN"]
    assert texts(signature)[-1] == "Đặng Khánh Toàn"


def test_state_layout_for_a_committee_hosted_by_the_peoples_committee(cycle):
    committee = cycle.committee
    committee.host_unit = Unit.objects.get(code="ND-UBND")
    committee.save()
    cycle.report_number = "125"
    cycle.save()
    assert committee.host_unit.kind == UnitKind.PEOPLES_COMMITTEE

    document = word(cycle)

    left, right = document.tables[0].rows[0].cells
    assert texts(left)[0] == "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH"
    assert texts(left)[-1] == "Số: 125/BC-BCĐ"
    assert "*" not in texts(left)
    assert texts(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right.paragraphs[1].runs[0].underline
    recipients, signature = document.tables[-1].rows[0].cells
    assert recipients.paragraphs[0].runs[0].bold
    assert recipients.paragraphs[0].runs[0].italic
    assert texts(signature)[0] == "TM. BAN CHỈ ĐẠO"


def test_page_is_a4_with_decree_30_margins_in_times_new_roman(cycle):
    document = word(cycle)

    section = document.sections[0]
    # Word stores twentieths of a point: A4 is 11906 × 16838, within 0,1 mm of 210 × 297.
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == (FONT, 14)
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [
        run
        for t in document.tables
        for c in t._cells
        for p in c.paragraphs
        for r in [p.runs]
        for run in r
    ]
    assert runs
    assert {run.font.name for run in runs} == {FONT}
    body_sizes = {run.font.size.pt if run.font.size else 14 for run in document.paragraphs[5].runs}
    assert body_sizes <= {13, 14}


def test_vietnamese_text_survives_intact_and_units_words_are_compiled(cycle):
    document = word(cycle)

    body = "\n".join(p.text for p in document.paragraphs)
    everything = body + "\n".join(c.text for t in document.tables for c in t._cells)
    assert unicodedata.normalize("NFC", everything) == everything
    home_affairs = next(r for r in REPORTS if r.unit == "ND-SNV")
    assert f"- Sở Nội vụ: {home_affairs.difficulties}" in body
    assert f"- Sở Nội vụ: {home_affairs.proposals}" in body
    assert "Có 4/5 cơ quan, đơn vị gửi báo cáo (3 đúng hạn, 1 gửi muộn)" in body
    assert "chưa gửi báo cáo: Sở Công Thương" in body
    assert "III. NHIỆM VỤ CHẬM TIẾN ĐỘ, QUÁ HẠN VÀ NGUYÊN NHÂN" in body
    assert "Nguyên nhân:" in body


@pytest.mark.skipif(
    not (pdf.is_pdf_available() and shutil.which("pdftoppm")),
    reason="LibreOffice and pdftoppm are not installed on this machine",
)
def test_first_page_as_png_artifact(cycle, tmp_path):
    """Where LibreOffice is present, the report's first page is saved for a human to see
    (``CHIDAO_TEST_ARTIFACTS`` names the folder; the test's own folder otherwise)."""
    folder = Path(os.environ.get("CHIDAO_TEST_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    pdf_file = folder / "bao-cao-quy.pdf"
    pdf_file.write_bytes(pdf.convert_docx_to_pdf(build_report_docx(cycle, TODAY)))

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf_file),
            str(folder / "trang"),
        ],
        check=True,
        timeout=120,
    )

    assert pdf_file.read_bytes().startswith(b"%PDF")
    assert list(folder.glob("trang*.png"))
