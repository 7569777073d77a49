"""Golden files for what the committee files: the demo's quarterly report, an urging
letter, the conclusion notice of its first meeting and the QĐ 366 evaluation report.

Each .docx is reduced to its facts (``docx_facts.describe_docx``: text, tables with their
column widths, paper, margins, the fonts and sizes of the letterhead and of "Nơi nhận")
and compared with ``golden/<name>.json``, so a regression reads as a diff of that file.
The demo is loaded for a fixed day and the clock is frozen, so the files are stable.

After a deliberate change of a document, regenerate the expected files with one command
and review the diff before committing it::

    CHIDAO_REGENERATE_GOLDEN=1 .venv/bin/pytest chidao/reporting/tests/test_golden.py

Where LibreOffice is installed (``.ci/run`` installs ``libreoffice-writer-nogui`` and
``poppler-utils``, fails without them and sets ``CHIDAO_REQUIRE_OFFICE=1`` so that the
test fails rather than skips), each file is also rendered to PDF: the page
count stays within a bound and no table cell wraps a group title over more than a few
lines (read from ``pdftotext -layout``).
"""

import difflib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from docx import Document as WordDocument
from docx.shared import Cm, Pt
from openpyxl import load_workbook

from chidao.committees.models import Committee
from chidao.core.periods import Period, PeriodKind
from chidao.dashboards.builders import build_evaluation_docx
from chidao.dashboards.evaluation import get_evaluation
from chidao.dashboards.queries import Scope, get_indicator_panel
from chidao.demo import content
from chidao.meetings.builders import build_conclusion_notice_docx
from chidao.meetings.models import Meeting
from chidao.org.models import Unit
from chidao.reminders.letters import build_urge_letter_docx
from chidao.reporting import pdf
from chidao.reporting.builders import build_report_docx, build_report_xlsx
from chidao.reporting.gather import get_report_data
from chidao.reporting.models import ReportingCycle
from chidao.reporting.tests.docx_facts import describe_docx

# The module's database is set up only for tests marked so (the documents are built once).
# One worker builds the documents (the module fixture below) for every test of the module.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("reporting-test_golden")]
GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 23)
NOON = datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
REGENERATE = os.environ.get("CHIDAO_REGENERATE_GOLDEN") == "1"
# The most pages each document may take, and the most lines a group title may wrap to.
MAX_PAGES = {"quarterly_report": 14, "urging_letter": 3, "conclusion_notice": 4, "evaluation": 6}
MAX_TITLE_LINES = 5  # the longest demo title (≈ 220 letters) takes 4 in 11,6 cm


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker) -> dict[str, bytes]:
    """The four documents of the demo as of ``TODAY``, built once for the module (the demo
    is loaded in a transaction rolled back at the end)."""
    with django_db_blocker.unblock(), time_machine.travel(NOON, tick=False), transaction.atomic():
        call_command("load_demo", "--today", TODAY.isoformat(), stdout=io.StringIO())
        committee = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
        quarter = Period.containing(PeriodKind.QUARTER, TODAY).previous()
        cycle = ReportingCycle.objects.get(
            committee=committee, period_start=quarter.start, kind="quarter"
        )
        unit = Unit.objects.get(name="Sở Khoa học và Công nghệ tỉnh Nam Định")
        meeting = Meeting.objects.get(committee=committee, number=1)
        built = {
            "quarterly_report": build_report_docx(cycle, TODAY),
            "quarterly_xlsx": build_report_xlsx(cycle, TODAY),
            "urging_letter": build_urge_letter_docx(committee=committee, unit=unit, today=TODAY),
            "conclusion_notice": build_conclusion_notice_docx(
                meeting, number="01", issued_on=meeting.held_on
            ),
            "evaluation": build_evaluation_docx(
                get_evaluation(committee, quarter, today=TODAY), issued_on=TODAY
            ),
            "same_reads": json.dumps(get_both_reads(committee, cycle)).encode(),
            "group_titles": json.dumps(
                list(committee.task_groups.values_list("name", flat=True))
            ).encode(),
        }
        transaction.set_rollback(True)
    return built


def get_both_reads(committee, cycle) -> list:
    """Per indicator: the dashboard's latest value and period at the quarter's end, and
    what the quarterly report prints for it (as numbers, to compare)."""
    panel = get_indicator_panel(Scope(committee), cycle.period_end)
    report = {line.code: line for line in get_report_data(cycle, TODAY).indicators}
    return [
        [
            row.indicator.code,
            None if row.latest_value is None else str(row.latest_value),
            None if row.latest_period is None else row.latest_period.isoformat(),
            None
            if report[row.indicator.code].value_number is None
            else str(report[row.indicator.code].value_number),
            report[row.indicator.code].period_label,
        ]
        for row in panel
    ]


def test_the_report_prints_the_dashboards_latest_values(documents):
    rows = json.loads(documents["same_reads"])

    assert len(rows) == 14
    for code, dashboard_value, dashboard_start, report_value, report_period in rows:
        assert report_value == dashboard_value, code
        if dashboard_start is not None:
            assert report_period, code


def to_text(facts: dict) -> str:
    return json.dumps(facts, ensure_ascii=False, indent=1) + "\n"


def compare(name: str, content: bytes) -> list[str]:
    """The diff between the document's facts and its golden file (empty when equal)."""
    actual = to_text(describe_docx(content))
    path = GOLDEN / f"{name}.json"
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
        return []
    expected = path.read_text(encoding="utf-8")
    return list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"golden/{name}.json", "built", n=2
        )
    )


@pytest.mark.parametrize(
    "name", ["quarterly_report", "urging_letter", "conclusion_notice", "evaluation"]
)
def test_document_matches_its_golden_file(documents, name):
    diff = compare(name, documents[name])

    assert not diff, (
        "The document changed. If the change is meant, regenerate with "
        "`CHIDAO_REGENERATE_GOLDEN=1 .venv/bin/pytest chidao/reporting/tests/test_golden.py` "
        "and review the diff:\n" + "\n".join(diff[:80])
    )


def test_the_golden_files_hold_the_facts_a_clerk_checks(documents):
    facts = json.loads((GOLDEN / "quarterly_report.json").read_text(encoding="utf-8"))
    assert facts["sections"][0]["page_mm"] == [210.0, 297.0]
    assert facts["sections"][0]["margins_mm"] == {
        "top": 20.0,
        "bottom": 20.0,
        "left": 30.0,
        "right": 15.0,
    }
    # The count table is on landscape pages, its title column the widest.
    assert "LANDSCAPE" in {section["orientation"] for section in facts["sections"]}
    count_table = facts["tables"][0]
    widths = count_table["columns_cm"]
    assert widths[1] == max(widths)
    assert widths[1] >= 6
    assert count_table["header_repeats"]
    assert count_table["rows_unsplit"]
    assert any("Nơi nhận" in line for cell in facts["signature"] for line in cell)
    # The indicators' latest values with their periods, not "Chưa có số liệu" everywhere.
    indicators = facts["tables"][1]["rows"]
    assert any("(quý III/2026)" in cell for row in indicators for cell in row)


def test_the_quarterly_report_shows_each_indicators_latest_value_with_its_period(documents):
    facts = describe_docx(documents["quarterly_report"])
    header, *rows = facts["tables"][1]["rows"]
    assert header[4] == "Kết quả"
    with_period = [row for row in rows if re.search(r"\((tháng|quý|năm|6 tháng) ", row[4])]
    no_data = [row for row in rows if row[6] == "Chưa có số liệu"]
    assert len(with_period) + len(no_data) == len(rows) == 14
    assert len(with_period) >= 13
    assert all(row[4] == "-" for row in no_data)


def test_the_quarterly_appendix_stores_no_number_as_text(documents):
    book = load_workbook(io.BytesIO(documents["quarterly_xlsx"]))
    numeric_text = re.compile(r"^[+-]?\d+(?:[.,]\d+)?\s*%?$")

    as_text = [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and numeric_text.match(cell.value.strip())
    ]
    numbers = [
        cell.value
        for row in book["Chỉ tiêu"].iter_rows(min_row=5)
        for cell in row
        if isinstance(cell.value, int | float)
    ]

    assert not as_text, as_text[:10]
    assert len(numbers) >= 13  # values and achievement ratios are numbers


def _change_layout(content: bytes) -> bytes:
    """The same document with one column narrower and the letterhead one point bigger."""
    document = WordDocument(io.BytesIO(content))
    table = next(t for t in document.tables if t.style.name == "Table Grid")
    table.columns[1].width = Cm(3)
    for row in table.rows:
        row.cells[1].width = Cm(3)
    run = next(r for p in document.tables[0].rows[0].cells[0].paragraphs for r in p.runs)
    run.font.size = Pt(run.font.size.pt + 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.skipif(REGENERATE, reason="the golden files are being rewritten")
def test_a_deliberate_layout_change_fails_the_comparison(documents):
    diff = compare("evaluation", _change_layout(documents["evaluation"]))

    changed = "\n".join(line for line in diff if line.startswith(("-", "+")))
    assert diff
    assert '"columns_cm"' in "\n".join(diff) or "3.0" in changed
    assert "[Times New Roman 14.0" in changed  # the letterhead's 13 pt run became 14 pt


# Rendered by LibreOffice ----------------------------------------------------------------

NO_OFFICE = not (pdf.is_pdf_available() and shutil.which("pdftotext") and shutil.which("pdfinfo"))
# .ci/run installs the tools and sets CHIDAO_REQUIRE_OFFICE=1: there a missing tool fails.
NO_OFFICE_REASON = "LibreOffice or poppler-utils are not installed (.ci/run installs them)"
REQUIRE_OFFICE = os.environ.get("CHIDAO_REQUIRE_OFFICE") == "1"


def _render(content: bytes) -> tuple[int, str]:
    """Page count and ``pdftotext -layout`` text of the document rendered to PDF."""
    with tempfile.TemporaryDirectory(prefix="chidao-golden-") as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf.convert_docx_to_pdf(content))
        info = subprocess.run(
            ["pdfinfo", str(path)], check=True, capture_output=True, text=True, timeout=60
        ).stdout
        pages = int(
            next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
        )
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    return pages, text


def get_wrapped_lines(text: str, title: str, *, after: str = "Nội dung") -> int | None:
    """How many lines of ``text`` the cell holding ``title`` spans: from the line with its
    first two words to the line with its last word, looking only below the table's
    header (``after``), not in the body paragraphs that name the group too."""
    words = title.split()
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if after in line), None)
    if start is None:
        return None
    head, last = " ".join(words[:2]), words[-1]
    for index, line in enumerate(lines[start:], start=start):
        if head in line:
            for offset, later in enumerate(lines[index : index + 60]):
                if last in later:
                    return offset + 1
    return None


@pytest.mark.skipif(NO_OFFICE and not REQUIRE_OFFICE, reason=NO_OFFICE_REASON)
@pytest.mark.parametrize(
    "name", ["quarterly_report", "urging_letter", "conclusion_notice", "evaluation"]
)
def test_rendered_by_libreoffice_the_pages_and_cells_are_sane(documents, name):
    assert not NO_OFFICE, NO_OFFICE_REASON

    pages, text = _render(documents[name])

    assert 1 <= pages <= MAX_PAGES[name]
    if name == "quarterly_report":
        titles = json.loads(documents["group_titles"])
        spans = {title: get_wrapped_lines(text, title) for title in titles}
        found = {title: lines for title, lines in spans.items() if lines is not None}
        assert found, "no group title found in the rendered report"
        assert max(found.values()) <= MAX_TITLE_LINES, found
