"""The bad-input catalogue's table: every form and API write, with a valid payload.

``test_bad_input.py`` turns each row into bad variants, one per field and kind of bad
value, so a new form is one new row here. A row names its URL (and the test world's
objects that fill it), the role allowed to post, the overrides that make the page's own
form valid, and its fields by kind. Pages are read first: the form's own hidden fields
(tokens, versions, management forms) come from the page, as a browser would send them.
"""

import datetime
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models import Q

from chidao.committees.models import Membership

# Apps whose rows a refused submission must leave alone.
OUR_APPS = ("chidao.",)


@dataclass(frozen=True)
class Write:
    """One form or API write of the site.

    ``pages`` gives, after a successful post, the pages that show what was written (the
    redirect target is passed in), each a URL or a ``(role, URL)`` pair for a page
    another role reads; ``search`` names a list whose ``?q=`` finds the
    written row by a text field; ``refusal_writes`` names models a refused post may still
    write by design (the audit of a failed sign-in).
    """

    id: str
    name: str
    role: str
    payload: Callable = lambda world: {}
    kwargs: dict[str, str] = field(default_factory=dict)
    query: Callable | None = None
    # Run before the page is read: clears what would refuse the valid payload.
    prepare: Callable | None = None
    text: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    deadlines: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    api: bool = False
    pages: Callable | None = None
    search: tuple[str, str] | None = None
    refusal_writes: tuple[str, ...] = ()
    # Text fields kept but shown on no page (only in a generated Word file).
    not_shown: tuple[str, ...] = ()
    # False for a form that stores nothing it is sent (sign-in).
    stores: bool = True
    # True for a write that only changes a row (its notices follow the commit).
    updates_only: bool = False
    # True for a form whose errors never name the field (sign-in: which one is wrong
    # would tell an attacker whether the account exists).
    errors_on_form: bool = False


# --- reading a form page as a browser would -------------------------------------------


class _FormReader(HTMLParser):
    """The POST forms of a page and the values a browser would send for their fields."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, list[tuple[str, str]]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._select_multiple = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "").lower() == "post":
                self._fields = []
                self.forms.append((attrs.get("action") or "", self._fields))
            return
        if self._fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
            self._select_multiple = "multiple" in attrs
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self._select_chosen = True
                self._fields.append((self._select, value))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "select" and self._select is not None and self._fields is not None:
            if not self._select_chosen and not self._select_multiple:
                self._fields.append((self._select, self._select_first or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._fields is not None:
            self._fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def read_form(html: str, path: str, keys) -> dict:
    """The fields of the page's POST form to ``path`` that has the most of ``keys``."""
    reader = _FormReader()
    reader.feed(html)
    candidates = [
        fields for action, fields in reader.forms if action in ("", path) or action == "."
    ]
    assert candidates, f"no POST form to {path} on the page"
    best = max(candidates, key=lambda fields: len({name for name, _ in fields} & set(keys)))
    data: dict = {}
    for name, value in best:
        if name == "csrfmiddlewaretoken":
            continue
        if name in data:
            data[name] = [*(data[name] if isinstance(data[name], list) else [data[name]]), value]
        else:
            data[name] = value
    return data


# --- the database, before and after ---------------------------------------------------


def our_models():
    return [m for m in apps.get_models() if m.__module__.startswith(OUR_APPS)]


def count_rows() -> dict[str, int]:
    """Rows of every model of our apps, in one query."""
    from django.db import connection

    tables = {m._meta.label: m._meta.db_table for m in our_models() if m._meta.managed}
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{label}', COUNT(*) FROM {quote(table)}" for label, table in tables.items()
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def find_text(fragment: str) -> list[str]:
    """``model.field`` of every text column of our apps holding ``fragment``."""
    found = []
    for model in our_models():
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if not names:
            continue
        rows = model._base_manager.all()
        if not rows.filter(
            Q(*(Q(**{f"{name}__contains": fragment}) for name in names), _connector=Q.OR)
        ).exists():
            continue
        found += [
            f"{model._meta.label}.{name}"
            for name in names
            if rows.filter(**{f"{name}__contains": fragment}).exists()
        ]
    return found


# --- bad values ------------------------------------------------------------------------


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def html_marker(field_name: str) -> str:
    """Markup that breaks out of an attribute and opens a script, named by its field."""
    return f'"><script>x_{field_name.replace("-", "_")}()</script>'


def raw_marker(field_name: str) -> str:
    return f"<script>x_{field_name.replace('-', '_')}()"


def escaped_marker(field_name: str) -> str:
    return f"&lt;script&gt;x_{field_name.replace('-', '_')}()&lt;/script&gt;"


# Vietnamese with every kind of mark (tone, hook, horn, breve, circumflex).
VIETNAMESE = "Nguyễn Thị Hương đề xuất số hóa hồ sơ ở Ủy ban"
# The folded form a search box receives when typed without marks.
VIETNAMESE_FOLDED = "nguyen thi huong de xuat so hoa ho so"

ONE_MEGABYTE = "Số hóa " * (2**20 // 7)

NUMBERS = {"negative": "-1", "huge": str(10**30), "nan": "NaN", "overflow": "1e309"}
DATES = {
    "year_1": "01/01/0001",
    "year_9999": "31/12/9999",
    "no_such_day": "31/02/2026",
    "words": "hôm qua",
    "iso_year_1": "0001-01-01",
}
DEADLINES = {
    "no_such_day": "31/02/2026",
    "words": "hôm qua",
    "quarter_5": "Quý V/2025",
    "month_13": "13/2025",
    "year_1": "1/1/0001",
    "backwards_span": "2026 - 2020",
    "html": "<script>x_deadline()</script>/2025",
}
SYMBOLS = {
    "no_kind": "29/UBND",
    "letters_for_number": "ab/KH-UBND",
    "only_number": "29",
    "slashes": "//KH-UBND",
    "html": "<script>x_symbol()</script>",
    "zero": "0/KH-UBND",
}
VALUES = {
    "letters": "nhiều",
    "two_commas": "1,2,3",
    "nan": "NaN",
    "infinity": "Infinity",
    "overflow": "1e309",
    "huge": "9" * 40,
}


def wrong_files(field_name: str) -> dict:
    """Files whose name says one type and whose content is another, or is markup."""
    return {
        "exe_as_pdf": lambda: SimpleUploadedFile(
            "bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "application/pdf"
        ),
        "html_page": lambda: SimpleUploadedFile(
            "trang.html", b"<html><script>alert(1)</script></html>", "text/html"
        ),
        "text_as_xlsx": lambda: SimpleUploadedFile(
            "ke-hoach.xlsx",
            b"day khong phai tep Excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "zip_as_docx": lambda: SimpleUploadedFile(
            "ke-hoach.docx",
            _zip_of_text(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "empty": lambda: SimpleUploadedFile("rong.pdf", b"", "application/pdf"),
        "truncated_docx": lambda: SimpleUploadedFile(
            "ke-hoach.docx", _cut_in_half(_word_file(with_table=True)), DOCX_TYPE
        ),
        "truncated_xlsx": lambda: SimpleUploadedFile(
            "ke-hoach.xlsx", _cut_in_half(task_plan_xlsx("Lập kho dữ liệu").read()), XLSX_TYPE
        ),
    }


def bad_files(write: "Write", field_name: str) -> dict:
    """The malformed files of ``wrong_files``; for an import also well-formed files that
    hold no table of its kind (a Word file without a table, a sheet of something else),
    which must be refused at upload rather than staged."""
    files = wrong_files(field_name)
    if write.name.startswith("imports:"):
        files |= {
            "docx_without_table": lambda: SimpleUploadedFile(
                "ke-hoach.docx", _word_file(with_table=False), DOCX_TYPE
            ),
            "docx_with_another_table": lambda: SimpleUploadedFile(
                "ke-hoach.docx", _word_file(with_table=True), DOCX_TYPE
            ),
            "xlsx_without_table": lambda: SimpleUploadedFile(
                "ke-hoach.xlsx", _sheet_of([["Danh sách gửi kèm"], ["(trống)"]]), XLSX_TYPE
            ),
        }
    return files


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _word_file(*, with_table: bool) -> bytes:
    """A real Word file: a paragraph, and a signature table when asked (no plan table)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Kính gửi các sở, ban, ngành.")
    if with_table:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Nơi nhận"
        table.cell(0, 1).text = "Chủ tịch"
        table.cell(1, 0).text = "Như trên"
        table.cell(1, 1).text = "Nguyễn Văn A"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _sheet_of(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cut_in_half(content: bytes) -> bytes:
    """A download that stopped half-way: the zip's directory at the end is missing."""
    return content[: len(content) // 2]


def _zip_of_text() -> bytes:
    """A zip archive that is no Word file: one text entry."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải văn bản Word")
    return buffer.getvalue()


def task_plan_xlsx(title: str) -> SimpleUploadedFile:
    """A plan's task table with one row, as the import page reads it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "TT",
            "Tên nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Kết quả/Sản phẩm",
            "Thời gian hoàn thành",
        ]
    )
    sheet.append([1, title, "Sở Tài chính", "Sở Nội vụ", "Quyết định", "Quý II/2027"])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(
        "ke-hoach.xlsx",
        buffer.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def default_report_template() -> SimpleUploadedFile:
    """The default Word template of the consolidated report, uploaded as it is."""
    from chidao.reporting.report_templates import build_default_template_docx

    return SimpleUploadedFile("mau-bao-cao.docx", build_default_template_docx(), DOCX_TYPE)


def indicator_plan_xlsx() -> SimpleUploadedFile:
    """An indicator table with one row, as the indicator import reads it."""
    header = ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì"]
    row = [1, "Tỷ lệ hồ sơ xử lý trực tuyến", "%", "≥ 80", "Sở Tài chính"]
    return SimpleUploadedFile("chi-tieu.xlsx", _sheet_of([header, row]), XLSX_TYPE)


def observation_xlsx() -> SimpleUploadedFile:
    """A table of values with one row, as the values import reads it."""
    header = ["Mã chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị"]
    row = ["CT-01", "Sở Tài chính", "Quý I/2026", "45,5"]
    return SimpleUploadedFile("so-lieu.xlsx", _sheet_of([header, row]), XLSX_TYPE)


# --- the table ---------------------------------------------------------------------------


def _members(world) -> dict:
    return {
        f"attendance_{m.pk}": "present"
        for m in Membership.objects.filter(committee=world.committee)
    }


def open_period_label(world) -> str:
    """The earliest period the lead unit may still enter values for, as typed."""
    from django.utils import timezone

    from chidao.indicators.grid import get_grid_periods, get_reported_indicators

    indicators = list(get_reported_indicators(world.lead_unit))
    return get_grid_periods(world.lead_unit, indicators, timezone.localdate())[0].label


def _close_pending_claim(world):
    from chidao.assignments.models import ProgressUpdate

    ProgressUpdate.objects.filter(pk=world.objects["completion_claim"].pk).update(
        claims_completion=False
    )


def _close_pending_deadline_change(world):
    change = world.objects["deadline_change"]
    type(change).objects.filter(pk=change.pk).delete()


def _latest(label: str) -> int:
    return apps.get_model(label)._base_manager.latest("pk").pk


def _url(name, **kwargs):
    from django.urls import reverse

    return reverse(name, kwargs=kwargs)


def _task_pages(world, landed):
    return [
        landed,
        _url("assignments:task_list") + "?q=",
        _url("committees:committee_detail", pk=world.committee.pk),
        _url("dashboards:committee_dashboard", pk=world.committee.pk),
    ]


def days_from_today(days: int) -> str:
    """A date as the forms take it, ``days`` after today (for "not before today" rules)."""
    from django.utils import timezone

    return (timezone.localdate() + datetime.timedelta(days=days)).strftime("%d/%m/%Y")


WRITES: list[Write] = [
    Write(
        id="task_create",
        name="assignments:task_create",
        role="secretariat",
        query=lambda world: f"?committee={world.committee.pk}",
        payload=lambda world: {
            "code": "IX.9",
            "title": "Xây dựng kho dữ liệu dùng chung",
            "description": "Mô tả",
            "lead_unit": world.lead_unit.pk,
            "deadline_text": "Quý II/2027",
            "assigned_on": "01/03/2026",
            "expected_output": "Quyết định",
            "source_clause": "Mục II",
            "source_document": world.objects["document"].pk,
        },
        text=("title", "description", "expected_output", "source_clause", "code"),
        dates=("assigned_on",),
        deadlines=("deadline_text",),
        pages=_task_pages,
        search=("assignments:task_list", "title"),
    ),
    Write(
        id="task_edit",
        name="assignments:task_edit",
        role="secretariat",
        kwargs={"pk": "task"},
        payload=lambda world: {
            "title": "Số hóa hồ sơ thủ tục hành chính",
            "deadline_text": "6/2030",
        },
        text=("title", "description", "expected_output", "source_clause", "code"),
        dates=("assigned_on",),
        deadlines=("deadline_text",),
        pages=_task_pages,
        search=("assignments:task_list", "title"),
    ),
    Write(
        id="task_breakdown",
        name="assignments:task_breakdown",
        role="secretariat",
        kwargs={"pk": "task"},
        payload=lambda world: {
            "units": [world.coordinating_unit.pk],
            "title": "Số hóa hồ sơ của đơn vị",
            "deadline_text": "Quý I/2027",
            "assigned_on": "01/03/2026",
            "expected_output": "Báo cáo",
        },
        text=("title", "expected_output"),
        dates=("assigned_on",),
        deadlines=("deadline_text",),
        pages=lambda world, landed: [
            landed,
            _url("assignments:task_list") + "?q=",
            _url("assignments:task_detail", pk=_latest("assignments.Task")),
        ],
    ),
    Write(
        id="progress_report",
        name="assignments:progress_create",
        role="unit_officer",
        kwargs={"pk": "task"},
        payload=lambda world: {"percent": "40", "results": "Đã số hóa 40% hồ sơ"},
        text=("results", "difficulties", "proposals"),
        numbers=("percent",),
        files=("evidence_files",),
        pages=lambda world, landed: [
            _url("assignments:task_detail", pk=world.task.pk),
            ("unit_head", _url("assignments:unit_approvals")),
        ],
    ),
    Write(
        id="progress_claim",
        name="assignments:progress_create",
        role="unit_officer",
        kwargs={"pk": "task"},
        prepare=_close_pending_claim,
        payload=lambda world: {
            "percent": "100",
            "results": "Xong",
            "claims_completion": "on",
            "completion_output": "Quyết định số 12/QĐ-UBND",
            "output_date": "01/10/2026",
        },
        text=("completion_output",),
        dates=("output_date",),
        pages=lambda world, landed: [_url("assignments:task_detail", pk=world.task.pk)],
    ),
    Write(
        id="deadline_change_request",
        name="assignments:deadline_change_request",
        role="unit_officer",
        kwargs={"pk": "task"},
        prepare=_close_pending_deadline_change,
        payload=lambda world: {"new_deadline": "31/12/2030", "reason": "Chờ kinh phí"},
        text=("reason",),
        dates=("new_deadline",),
        pages=lambda world, landed: [
            _url("assignments:task_detail", pk=world.task.pk),
            ("secretariat", _url("assignments:secretariat_home")),
        ],
    ),
    Write(
        id="direction",
        name="assignments:direction_create",
        role="leader",
        kwargs={"pk": "task"},
        payload=lambda world: {"text": "Đề nghị hoàn thành trong quý"},
        text=("text",),
        pages=lambda world, landed: [_url("assignments:task_detail", pk=world.task.pk)],
    ),
    Write(
        id="progress_review",
        name="assignments:progress_review",
        role="secretariat",
        kwargs={"pk": "completion_claim"},
        payload=lambda world: {"decision": "return", "review_reason": "Thiếu minh chứng"},
        updates_only=True,
        text=("review_reason",),
        pages=lambda world, landed: [_url("assignments:task_detail", pk=world.task.pk)],
    ),
    Write(
        id="indicator_grid",
        name="indicators:data_entry",
        role="unit_officer",
        payload=lambda world: {
            f"value-{world.objects['indicator'].pk}": "45,5",
            f"note-{world.objects['indicator'].pk}": "Số liệu quý",
        },
        text=("note-{indicator}",),
        values=("value-{indicator}",),
        files=("evidence-{indicator}",),
        pages=lambda world, landed: [
            landed,
            _url("indicators:indicator_detail", pk=world.objects["indicator"].pk),
        ],
    ),
    Write(
        id="document_create",
        name="documents:document_create",
        role="secretariat",
        payload=lambda world: {
            "symbol": "77/KH-UBND",
            "committee": world.committee.pk,
            "issuing_unit": world.lead_unit.pk,
            "issued_on": "15/03/2026",
            "summary": "Kế hoạch số hóa hồ sơ",
            "signer": "Trần Văn Ký",
        },
        text=("summary", "signer"),
        dates=("issued_on",),
        symbols=("symbol",),
        files=("file",),
        pages=lambda world, landed: [landed, _url("documents:document_list")],
        search=("documents:document_list", "summary"),
    ),
    Write(
        id="meeting_create",
        name="meetings:meeting_create",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {
            "number": "7",
            "kind": "regular",
            "held_on": "10/11/2026",
            "place": "Hội trường",
            "guests": "Khách mời",
            "minutes": "Diễn biến",
            "agenda-0-title": "Báo cáo tiến độ",
            **_members(world),
        },
        text=("place", "guests", "minutes", "agenda-0-title", "agenda-0-presenter"),
        numbers=("number",),
        dates=("held_on",),
        files=("minutes_file",),
        pages=lambda world, landed: [landed, _url("meetings:meeting_list")],
    ),
    Write(
        id="meeting_edit",
        name="meetings:meeting_edit",
        role="secretariat",
        kwargs={"pk": "meeting"},
        payload=lambda world: {"place": "Phòng họp số 2", "minutes": "Diễn biến"},
        text=("place", "guests", "minutes"),
        numbers=("number",),
        dates=("held_on",),
        pages=lambda world, landed: [landed, _url("meetings:meeting_list")],
    ),
    Write(
        id="conclusion",
        name="meetings:conclusion_create",
        role="secretariat",
        kwargs={"pk": "meeting"},
        payload=lambda world: {
            "text": "Giao Sở Tài chính bố trí kinh phí",
            "tasks-0-title": "Bố trí kinh phí số hóa",
            "tasks-0-lead_unit": world.lead_unit.pk,
            "tasks-0-deadline_text": "Quý I/2027",
            "tasks-0-expected_output": "Quyết định",
        },
        text=("text", "tasks-0-title", "tasks-0-expected_output"),
        deadlines=("tasks-0-deadline_text",),
        pages=lambda world, landed: [
            landed,
            _url("meetings:follow_up", pk=world.objects["meeting"].pk),
            _url("assignments:task_list") + "?q=",
            _url("assignments:task_detail", pk=_latest("assignments.Task")),
        ],
    ),
    Write(
        id="notice_register",
        name="meetings:conclusion_notice_register",
        role="secretariat",
        kwargs={"pk": "meeting"},
        payload=lambda world: {"number": "15", "issued_on": "12/11/2026"},
        text=("number",),
        dates=("issued_on",),
        pages=lambda world, landed: [
            _url("meetings:meeting_detail", pk=world.objects["meeting"].pk)
        ],
    ),
    Write(
        id="inspection",
        name="meetings:inspection_create",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {
            "title": "Kiểm tra số hóa hồ sơ",
            "scheduled_on": "20/11/2026",
            "units": [world.lead_unit.pk],
            "content": "Nội dung",
            "team": "Trưởng đoàn",
        },
        text=("title", "content", "team"),
        dates=("scheduled_on", "period_start", "period_end"),
        pages=lambda world, landed: [landed, _url("meetings:meeting_list")],
    ),
    Write(
        id="finding",
        name="meetings:finding_create",
        role="secretariat",
        kwargs={"pk": "inspection"},
        payload=lambda world: {
            "unit": world.lead_unit.pk,
            "text": "Đơn vị đã số hóa 40% hồ sơ",
            "tasks-0-title": "Số hóa phần còn lại",
            "tasks-0-deadline_text": "Quý II/2027",
        },
        text=("text", "tasks-0-title", "tasks-0-expected_output"),
        deadlines=("tasks-0-deadline_text",),
        pages=lambda world, landed: [
            landed,
            _url("meetings:inspection_detail", pk=world.objects["inspection"].pk),
            _url("assignments:task_detail", pk=_latest("assignments.Task")),
        ],
    ),
    Write(
        id="proposal_public",
        name="proposals:public_submit",
        role="anonymous",
        payload=lambda world: {
            "committee": world.committee.pk,
            "kind": "proposal",
            "category": "other",
            "title": "Mở rộng wifi công cộng",
            "content": "Đề nghị lắp wifi ở nhà văn hóa",
            "sender_name": "Lê Thị Dân",
            "contact": "0912 345 678",
            "organisation": "Thôn Đông",
            "consents_to_publish": "on",
        },
        text=("title", "content", "sender_name", "organisation"),
        files=("attachments",),
        pages=lambda world, landed: [
            landed,
            ("secretariat", _url("proposals:proposal_detail", pk=_latest("proposals.Proposal"))),
            ("secretariat", _url("proposals:proposal_list")),
        ],
    ),
    Write(
        id="proposal_route",
        name="proposals:proposal_route",
        role="secretariat",
        kwargs={"pk": "proposal"},
        payload=lambda world: {"unit": world.lead_unit.pk, "response_due": days_from_today(30)},
        dates=("response_due",),
        pages=lambda world, landed: [
            _url("proposals:proposal_detail", pk=world.objects["proposal"].pk)
        ],
    ),
    Write(
        id="proposal_draft",
        name="proposals:proposal_draft",
        role="unit_officer",
        kwargs={"pk": "proposal"},
        payload=lambda world: {"answer_draft": "Đơn vị sẽ lắp đặt trong năm"},
        text=("answer_draft",),
        pages=lambda world, landed: [
            _url("proposals:proposal_detail", pk=world.objects["proposal"].pk)
        ],
    ),
    Write(
        id="proposal_answer",
        name="proposals:proposal_approve",
        role="secretariat",
        kwargs={"pk": "proposal"},
        payload=lambda world: {"answer": "Ban Chỉ đạo đồng ý", "publish": "on"},
        text=("answer",),
        pages=lambda world, landed: [
            _url("proposals:proposal_detail", pk=world.objects["proposal"].pk),
            _url("proposals:public_answers"),
        ],
    ),
    Write(
        id="cycle_create",
        name="reporting:cycle_create",
        role="secretariat",
        payload=lambda world: {
            "committee": world.committee.pk,
            "kind": "ad_hoc",
            "title": "Báo cáo đột xuất về số hóa",
            "window_start": "01/09/2026",
            "window_end": "30/09/2026",
            "due_on": "05/10/2026",
            "required_units": [world.lead_unit.pk],
        },
        text=("title",),
        dates=("window_start", "window_end", "due_on"),
        pages=lambda world, landed: [landed, _url("reporting:cycle_list")],
    ),
    Write(
        id="cycle_periodic",
        name="reporting:cycle_create",
        role="secretariat",
        payload=lambda world: {
            "committee": world.committee.pk,
            "kind": "month",
            "year": "2026",
            "number": "9",
            "required_units": [world.lead_unit.pk],
        },
        numbers=("year", "number"),
    ),
    Write(
        id="cycle_edit",
        name="reporting:cycle_edit",
        role="secretariat",
        kwargs={"pk": "cycle"},
        payload=lambda world: {"title": "Báo cáo quý", "required_units": [world.lead_unit.pk]},
        text=("title", "report_number", "issuer_code", "place", "recipients"),
        not_shown=("place", "recipients"),
        dates=("due_on",),
        pages=lambda world, landed: [landed, _url("reporting:cycle_list")],
    ),
    Write(
        id="schedule_create",
        name="reporting:schedule_create",
        role="secretariat",
        payload=lambda world: {
            "committee": world.committee.pk,
            "year": "2027",
            "schedule": "milestones",
            "required_units": [world.lead_unit.pk],
        },
        numbers=("year",),
    ),
    Write(
        id="submission",
        name="reporting:submission_detail",
        role="unit_officer",
        kwargs={"pk": "submission"},
        payload=lambda world: {"results": "Kết quả trong kỳ", "action": "save"},
        text=("results", "difficulties", "proposals", "next_steps"),
        pages=lambda world, landed: [
            _url("reporting:submission_detail", pk=world.objects["submission"].pk)
        ],
    ),
    Write(
        id="task_import",
        name="imports:task_upload",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {"group_mode": "expand", "file": task_plan_xlsx("Lập kho dữ liệu")},
        text=("code_prefix",),
        dates=("assigned_on",),
        files=("file",),
    ),
    Write(
        id="indicator_import",
        name="imports:indicator_upload",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {"file": indicator_plan_xlsx()},
        numbers=("target_year",),
        files=("file",),
    ),
    Write(
        id="observation_import",
        name="imports:observation_upload",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {"file": observation_xlsx()},
        files=("file",),
    ),
    Write(
        id="report_template",
        name="reporting:report_template",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {"file": default_report_template()},
        files=("file",),
    ),
    Write(
        id="sign_in",
        name="login",
        role="anonymous",
        payload=lambda world: {"username": "canbo", "password": "sai-mat-khau"},
        text=("username", "password"),
        stores=False,
        errors_on_form=True,
        refusal_writes=("audit.AuditEvent",),
    ),
    Write(
        id="urge_task",
        name="reminders:urge_task",
        role="secretariat",
        kwargs={"pk": "task"},
        payload=lambda world: {"message": "Đề nghị báo cáo tiến độ"},
        text=("message",),
        pages=lambda world, landed: [
            _url("reminders:sent_list"),
            ("unit_officer", _url("reminders:notification_list")),
        ],
    ),
    Write(
        id="saved_view",
        name="dashboards:saved_view_create",
        role="secretariat",
        kwargs={"pk": "committee"},
        payload=lambda world: {"name": "Nhiệm vụ của Sở Tài chính"},
        text=("name",),
        pages=lambda world, landed: [_url("dashboards:committee_dashboard", pk=world.committee.pk)],
    ),
    Write(
        id="short_form",
        name="overlap:short_forms",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {"short": "GPXD", "full": "giấy phép xây dựng"},
        text=("short", "full"),
        pages=lambda world, landed: [
            landed,
            ("leader", _url("overlap:short_forms", committee_pk=world.committee.pk)),
        ],
    ),
    Write(
        id="evaluation_weights",
        name="dashboards:evaluation_weights",
        role="secretariat",
        kwargs={"pk": "committee"},
        payload=lambda world: {},
        numbers=("on_time", "overdue", "reporting", "indicators", "lead", "coordinating"),
    ),
    Write(
        id="publication",
        name="dashboards:publication_settings",
        role="secretariat",
        kwargs={"pk": "committee"},
        payload=lambda world: {"is_published": "on", "introduction": "Giới thiệu"},
        text=("introduction",),
        pages=lambda world, landed: [_url("dashboards:public_committee", pk=world.committee.pk)],
    ),
    Write(
        id="api_token",
        name="api:token_list",
        role="unit_officer",
        payload=lambda world: {"name": "Hệ thống báo cáo"},
        text=("name",),
        pages=lambda world, landed: [_url("api:token_list")],
    ),
    Write(
        id="api_progress",
        name="api:task-progress",
        role="unit_officer",
        kwargs={"pk": "task"},
        api=True,
        payload=lambda world: {"percent": 40, "results": "Đã số hóa 40% hồ sơ"},
        text=("results", "difficulties", "proposals"),
        numbers=("percent",),
        dates=("output_date",),
        pages=lambda world, landed: [_url("assignments:task_detail", pk=world.task.pk)],
    ),
    Write(
        id="api_observation",
        name="api:observation-list",
        role="unit_officer",
        api=True,
        payload=lambda world: {
            "indicator": world.objects["indicator"].pk,
            "period": open_period_label(world),
            "value": "45,5",
            "note": "Số liệu quý",
        },
        text=("note",),
        numbers=("indicator",),
        values=("value",),
        deadlines=("period",),
        pages=lambda world, landed: [
            _url("indicators:indicator_detail", pk=world.objects["indicator"].pk)
        ],
    ),
    Write(
        id="onboarding",
        name="onboarding:start",
        role="secretariat",
        payload=lambda world: {
            "name": "Ban Chỉ đạo xã Phú Bình",
            "level": "commune",
            "parent": world.committee.pk,
            "place": "xã Phú Bình",
            "standing_unit": "Văn phòng HĐND và UBND xã",
            "secretariat_username": "thuongtruc.phubinh",
            "secretariat_full_name": "Hoàng Thị Thu",
            "file": unit_list_xlsx(),
        },
        text=("name", "place", "standing_unit", "secretariat_full_name"),
        files=("file",),
        pages=lambda world, landed: [landed],
    ),
    Write(
        id="account",
        name="onboarding:accounts",
        role="secretariat",
        kwargs={"committee_pk": "committee"},
        payload=lambda world: {
            "full_name": "Lò Văn An",
            "username": "canbo.moi",
            "unit": world.committee.standing_unit_id,
            "role": "unit_officer",
        },
        text=("full_name",),
        pages=lambda world, landed: [landed],
    ),
]


def unit_list_xlsx() -> SimpleUploadedFile:
    """A commune's unit list with two rows, as the set-up page reads it."""
    from chidao.onboarding.tests.files import build_list_xlsx

    content = build_list_xlsx(
        [("1", "Đảng ủy xã", "", ""), ("2", "Văn phòng HĐND và UBND xã", "", "")],
        title=("DANH SÁCH ĐƠN VỊ",),
    )
    return SimpleUploadedFile(
        "don-vi.xlsx",
        content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# POST URLs of ``permission_table.TABLE`` with no row above, and why; a test fails for a
# POST URL in neither, so a new form gets a row or a reason.
NOT_COVERED = {
    "logout": "no input",
    "reminders:urge_tasks": (
        "the urge_task row's message field, posted for several tasks; bad task lists are "
        "tested in reminders/tests/test_urge_where_it_shows.py"
    ),
    "password_change": "Django's own form, tested in test_security_*.py; writes the account",
    "two_factor_verify": "django-otp's code check, tested in test_security_twofactor.py",
    "two_factor_setup": "django-otp's code check, tested in test_security_twofactor.py",
    "two_factor_recovery_codes": "a button (new codes), tested in test_security_twofactor.py",
    "overlap:check_draft": "reads and suggests; writes nothing",
    "overlap:draft_from_text": "drafts tasks that the task form (rows above) saves",
    "assignments:progress_approve_unit": "a decision and a reason, as progress_review",
    "assignments:deadline_change_decide": "a decision and a note, as progress_review",
    "reminders:mark_read": "a button",
    "reminders:mark_all_read": "a button",
    "reminders:preferences": "choices only",
    "reminders:urge_unit": "the message path of urge_task (normalize_text in urging.py)",
    "imports:alias_create": "a name saved through UnitAlias, a VietnameseTextModel",
    "imports:task_commit": "a button; the file was checked at upload",
    "imports:task_decide": "fixed choices; any other value gets a Vietnamese message and "
    "writes nothing (imports/tests/test_plan_versions.py)",
    "imports:indicator_commit": "a button; the file was checked at upload",
    "imports:observation_commit": "a button; the file was checked at upload",
    "api:token_revoke": "a button",
    "api:webhook_list": "a URL and event choices, checked in chidao/api/tests",
    "api:webhook_stop": "a button",
    "indicators:unit_data_entry": "the data_entry view for a chosen unit (row indicator_grid)",
    "indicators:observation_approve": "a button",
    "indicators:observation_return": "a reason, as progress_review",
    "reporting:cycle_close": "a button",
    "reporting:submission_approve": "a button",
    "reporting:submission_return": "a reason, as progress_review",
    "dashboards:saved_view_delete": "a button",
    "overlap:short_form_delete": "a button",
    "onboarding:preview": "row labels to leave out, kept only if the file has them (onboarding)",
    "onboarding:commit": "a button; the file was checked at upload",
    "onboarding:first_sign_in": "Django's SetPasswordForm behind a one-time code (onboarding)",
}
