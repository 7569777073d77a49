"""Uploads (docs/security.md §5): every upload path refuses what the shared rules refuse,
next to its field and with nothing stored; the virus scan talks to a real clamd socket
and its outcome is recorded; every download is an attachment with a sanitised name."""

import datetime
import hashlib
import io
import re
import socket
import struct
import threading
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chidao.assignments.models import Evidence, ProgressUpdate
from chidao.assignments.tests.factories import MINIMAL_PDF
from chidao.assignments.tests.report_files import WINDOWS_EXE, make_docx, make_xlsx, upload
from chidao.audit.choices import AuditAction
from chidao.audit.models import AuditEvent
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.world import ROLES, build_world, sign_in
from chidao.core.uploads import (
    DOCX,
    UNAVAILABLE,
    XLSX,
    check_upload,
    get_safe_filename,
    get_scan_result,
)
from chidao.documents.models import Document
from chidao.imports.models import DataImport
from chidao.indicators.services import ObservationEntry, do_save_observations
from chidao.meetings.choices import Attendance
from chidao.meetings.models import Meeting
from chidao.reporting.models import ReportTemplate

# The EICAR test file, which every antivirus reports as a virus; kept in two halves so
# this source file is not itself reported.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-" + b"ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """A clamd on a real unix socket speaking the INSTREAM protocol: a command
    (``zINSTREAM\\0`` or ``nINSTREAM\\n``), chunks each preceded by its length as four
    big-endian bytes, a zero length, then ``stream: OK`` or ``stream: <name> FOUND``."""

    def __init__(self, path):
        self.path = str(path)
        self.streams: list[bytes] = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(4)
        self.server.settimeout(0.1)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stopping.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                self._answer(connection)

    def _answer(self, connection):
        reader = connection.makefile("rb")
        prefix = reader.read(1)
        end = b"\0" if prefix == b"z" else b"\n"
        command = b""
        while (byte := reader.read(1)) not in (end, b""):
            command += byte
        if command != b"INSTREAM":
            connection.sendall(b"UNKNOWN COMMAND" + end)
            return
        data = bytearray()
        while size := struct.unpack("!L", reader.read(4))[0]:
            data += reader.read(size)
        self.streams.append(bytes(data))
        found = EICAR in data
        connection.sendall(
            (b"stream: Eicar-Test-Signature FOUND" if found else b"stream: OK") + end
        )

    def stop(self):
        self.stopping.set()
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db, media):
    return build_world()


@pytest.fixture
def clamd(settings, tmp_path):
    server = FakeClamd(tmp_path / "clamd.ctl")
    settings.CHIDAO_CLAMD_ADDRESS = f"unix://{server.path}"
    settings.CHIDAO_CLAMD_TIMEOUT = 5
    yield server
    server.stop()


def stored_files(media):
    return sorted(path for path in media.rglob("*") if path.is_file())


def report(client, world, *files):
    """The lead unit officer's progress report with ``files`` as evidence."""
    return client.post(
        reverse("assignments:progress_create", kwargs={"pk": world.task.pk}),
        {"percent": "40", "results": "Đã số hóa 500 hồ sơ.", "evidence_files": list(files)},
    )


def scan_events():
    return list(AuditEvent.objects.filter(action=AuditAction.UPLOAD_SCANNED).order_by("pk"))


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx_with(extra: dict[str, bytes]) -> bytes:
    """A real workbook with ``extra`` members added."""
    source = zipfile.ZipFile(io.BytesIO(make_xlsx()))
    return zip_of({**{name: source.read(name) for name in source.namelist()}, **extra})


def docx_bomb() -> bytes:
    """A Word file whose one extra member inflates to 2 MB of zeros (cap set to 1 MB)."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    members = {name: source.read(name) for name in source.namelist()}
    return zip_of({**members, "word/media/image1.bmp": b"\0" * (2 * 1024 * 1024)})


# --- The virus scan -----------------------------------------------------------------


def test_a_clean_file_is_scanned_accepted_and_the_result_recorded(client, world, media, clamd):
    sign_in(client, world.users["unit_officer"])
    before = len(scan_events())

    response = report(client, world, upload("bien-ban.pdf", MINIMAL_PDF))

    assert response.status_code == 302
    evidence = Evidence.objects.get(progress_update__task=world.task, original_name="bien-ban.pdf")
    assert (media / evidence.file.name).read_bytes() == MINIMAL_PDF
    assert clamd.streams == [MINIMAL_PDF]
    [event] = scan_events()[before:]
    assert event.user == world.users["unit_officer"]
    assert event.detail.startswith("scan=clean purpose=evidence ")
    assert f"sha256={hashlib.sha256(MINIMAL_PDF).hexdigest()}" in event.detail


def test_a_file_with_a_virus_is_refused_next_to_the_field(client, world, media, clamd):
    sign_in(client, world.users["unit_officer"])
    before = (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media))

    response = report(client, world, upload("eicar.pdf", MINIMAL_PDF + EICAR))

    assert response.status_code == 200
    assert 'id="id_evidence_files-error"' in response.content.decode()
    assert response.context["form"].errors["evidence_files"] == [
        "Tệp “eicar.pdf” bị phần mềm diệt virus phát hiện mã độc (Eicar-Test-Signature) "
        "nên không được nhận."
    ]
    assert clamd.streams == [MINIMAL_PDF + EICAR]
    assert (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media)) == before


def test_a_configured_scanner_that_does_not_answer_refuses_the_upload(
    client, world, media, settings, tmp_path, caplog
):
    settings.CHIDAO_CLAMD_ADDRESS = f"unix://{tmp_path / 'no-clamd.ctl'}"
    sign_in(client, world.users["unit_officer"])
    before = (ProgressUpdate.objects.count(), stored_files(media))

    response = report(client, world, upload("bien-ban.pdf", MINIMAL_PDF))

    assert response.status_code == 200
    [message] = response.context["form"].errors["evidence_files"]
    assert message.startswith("Chưa kiểm tra virus được cho tệp “bien-ban.pdf” vì máy quét")
    assert (ProgressUpdate.objects.count(), stored_files(media)) == before
    assert any(
        record.levelname == "ERROR" and "did not answer" in record.getMessage()
        for record in caplog.records
    )


def test_without_a_scanner_the_file_is_recorded_as_not_scanned(client, world, media, settings):
    assert settings.CHIDAO_CLAMD_ADDRESS == ""
    sign_in(client, world.users["unit_officer"])
    before = len(scan_events())

    response = report(client, world, upload("bang.xlsx", make_xlsx()))

    assert response.status_code == 302
    [event] = scan_events()[before:]
    assert event.detail.startswith("scan=not_scanned purpose=evidence ")
    assert event.detail.endswith("name=bang.xlsx")


def test_the_scanner_is_reached_over_tcp_too(settings):
    """The other address form, against a clamd that is not there: refused, not crashed."""
    with socket.socket() as probe:  # a free port on this machine, closed again
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CHIDAO_CLAMD_ADDRESS = f"tcp://127.0.0.1:{port}"
    settings.CHIDAO_CLAMD_TIMEOUT = 2

    assert get_scan_result(io.BytesIO(MINIMAL_PDF)).status == UNAVAILABLE


# --- What the shared rules refuse, on the evidence page -----------------------------

BAD_FILES = {
    "zip-bomb": (
        lambda: upload("so-lieu.xlsx", xlsx_with({"xl/media/bom.bin": b"\0" * (2 * 1024 * 1024)})),
        "Tệp “so-lieu.xlsx” nén bất thường: khi giải nén lên tới 2,0\xa0MB (tối đa 1,0\xa0MB",
    ),
    "too-many-entries": (
        lambda: upload("so-lieu.xlsx", xlsx_with({f"xl/x/{n}.xml": b"<x/>" for n in range(60)})),
        "Tệp “so-lieu.xlsx” chứa quá nhiều thành phần nén (",
    ),
    "path-out-of-the-archive": (
        lambda: upload("so-lieu.xlsx", xlsx_with({"../../etc/cron.d/x": b"* * * * * id"})),
        "Tệp “so-lieu.xlsx” chứa đường dẫn không hợp lệ bên trong (../../etc/cron.d/x)",
    ),
    "exe-as-pdf": (
        lambda: upload("quyet-dinh.pdf", WINDOWS_EXE),
        "Tệp “quyet-dinh.pdf” không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG",
    ),
    "html-as-docx": (
        lambda: upload("bao-cao.docx", b"<html><script>alert(1)</script></html>"),
        "Tệp “bao-cao.docx” không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG",
    ),
    "oversized": (
        lambda: upload("ho-so.pdf", MINIMAL_PDF + b"\0" * (70 * 1024)),
        "Tệp “ho-so.pdf” quá lớn (70,",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_refused_files_show_the_reason_next_to_the_field_and_leave_nothing(
    client, world, media, settings, case
):
    settings.CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB = 1
    settings.CHIDAO_UPLOAD_MAX_ENTRIES = 50
    settings.CHIDAO_EVIDENCE_MAX_BYTES = 64 * 1024
    make_file, message = BAD_FILES[case]
    sign_in(client, world.users["unit_officer"])
    before = (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media))

    response = report(client, world, make_file())

    assert response.status_code == 200
    assert 'id="id_evidence_files-error"' in response.content.decode()
    [error] = response.context["form"].errors["evidence_files"]
    assert error.startswith(message)
    assert (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media)) == before


def test_the_zip_caps_have_their_documented_defaults(settings):
    assert settings.CHIDAO_UPLOAD_MAX_ENTRIES == 2000
    assert settings.CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB == 200


def test_a_hundredfold_expansion_past_10_mb_is_refused_under_the_cap():
    """The ratio rule: 12 MB of zeros packs into a few kilobytes."""
    bomb = xlsx_with({"xl/media/bom.bin": b"\0" * (12 * 1024 * 1024)})
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("bom.xlsx", bomb), kinds=(XLSX,), max_bytes=20 * 1024 * 1024)
    assert refused.value.code == "zip_bomb"
    assert check_upload(upload("that.xlsx", make_xlsx()), kinds=(XLSX,), max_bytes=10**6) == XLSX


# --- Every upload path --------------------------------------------------------------


def _meeting_data(world, **extra):
    data = {
        "number": "7",
        "kind": "regular",
        "held_on": "2025-06-20",
        "place": "Hội trường",
        "chair": "",
        "guests": "",
        "minutes": "",
        "agenda-TOTAL_FORMS": "1",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        "agenda-0-title": "Báo cáo kết quả 6 tháng",
        "agenda-0-presenter": "",
    }
    for member in world.committee.memberships.all():
        data[f"attendance_{member.pk}"] = Attendance.PRESENT
    return {**data, **extra}


def _document_data(world, file):
    return {
        "symbol": "77/KH-UBND",
        "committee": world.committee.pk,
        "issuing_unit": world.lead_unit.pk,
        "issued_on": "15/03/2025",
        "summary": "Kế hoạch thử tải tệp",
        "file": file,
    }


# Each path: who posts, where, the form data around the file, the field, what must not grow.
PATHS = {
    "evidence": (
        "unit_officer",
        lambda w: reverse("assignments:progress_create", kwargs={"pk": w.task.pk}),
        lambda w, f: {"percent": "40", "results": "Đã làm.", "evidence_files": [f]},
        "evidence_files",
        lambda: Evidence.objects.count(),
    ),
    "document": (
        "secretariat",
        lambda w: reverse("documents:document_create"),
        _document_data,
        "file",
        lambda: Document.objects.count(),
    ),
    "meeting-minutes": (
        "secretariat",
        lambda w: reverse("meetings:meeting_create", args=[w.committee.pk]),
        lambda w, f: _meeting_data(w, minutes_file=f),
        "minutes_file",
        lambda: Meeting.objects.count(),
    ),
    "report-template": (
        "secretariat",
        lambda w: reverse("reporting:report_template", args=[w.committee.pk]),
        lambda w, f: {"file": f},
        "file",
        lambda: ReportTemplate.objects.count(),
    ),
    "task-import": (
        "secretariat",
        lambda w: reverse("imports:task_upload", args=[w.committee.pk]),
        lambda w, f: {"file": f, "group_mode": "expand", "assigned_on": "2025-06-20"},
        "file",
        lambda: DataImport.objects.count(),
    ),
    "indicator-import": (
        "secretariat",
        lambda w: reverse("imports:indicator_upload", args=[w.committee.pk]),
        lambda w, f: {"file": f},
        "file",
        lambda: DataImport.objects.count(),
    ),
    "observation-import": (
        "secretariat",
        lambda w: reverse("imports:observation_upload", args=[w.committee.pk]),
        lambda w, f: {"file": f},
        "file",
        lambda: DataImport.objects.count(),
    ),
    "directive-text": (
        "secretariat",
        lambda w: reverse("overlap:draft_from_text", args=[w.committee.pk]),
        lambda w, f: {"file": f},
        "file",
        lambda: 0,
    ),
}


@pytest.mark.parametrize("path", list(PATHS))
def test_every_upload_path_refuses_a_zip_bomb_next_to_its_field(
    client, world, media, settings, path
):
    settings.CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB = 1
    role, url, data, field, count = PATHS[path]
    sign_in(client, world.users[role])
    before = (count(), stored_files(media), len(scan_events()))

    response = client.post(
        url(world), data(world, upload("bom.docx", docx_bomb(), DOCX.content_type))
    )

    assert response.status_code == 200
    assert f'id="id_{field}-error"' in response.content.decode()
    [error] = response.context["form"].errors[field]
    assert error.startswith("Tệp “bom.docx” nén bất thường: khi giải nén lên tới 2,8\xa0MB")
    assert (count(), stored_files(media), len(scan_events())) == before


def test_indicator_evidence_in_the_grid_refuses_a_program(world, media):
    indicator = world.objects["indicator"]
    before = stored_files(media)

    with pytest.raises(ValidationError) as refused:
        do_save_observations(
            by=world.users["unit_officer"],
            unit=indicator.responsible_unit,
            period=Period.containing(PeriodKind.QUARTER, datetime.date(2025, 4, 1)),
            entries=[
                ObservationEntry(
                    indicator_id=indicator.pk,
                    value="5",
                    evidence=upload("so-lieu.pdf", WINDOWS_EXE),
                )
            ],
            today=datetime.date(2025, 7, 5),
        )

    assert refused.value.message_dict == {
        f"evidence-{indicator.pk}": [
            "Tệp “so-lieu.pdf” không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG "
            "(hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp)."
        ]
    }
    assert stored_files(media) == before


def test_a_meeting_refused_after_its_minutes_were_written_leaves_no_file(client, world, media):
    """The minutes file is written on save; a later step (a delegate without a name)
    fails, the rows roll back, and the file is removed too."""
    sign_in(client, world.users["secretariat"])
    member = world.committee.memberships.first()
    before = (Meeting.objects.count(), stored_files(media))

    response = client.post(
        reverse("meetings:meeting_create", args=[world.committee.pk]),
        _meeting_data(
            world,
            minutes_file=upload("bien-ban.docx", make_docx(), DOCX.content_type),
            **{f"attendance_{member.pk}": Attendance.DELEGATED, f"delegate_{member.pk}": ""},
        ),
    )

    assert response.status_code == 200
    assert response.context["form"].errors[f"delegate_{member.pk}"]
    assert (Meeting.objects.count(), stored_files(media)) == before


# --- Downloads ----------------------------------------------------------------------

# Every view that hands out a file, with the query it needs; the role is the first one
# the permission table allows.
DOWNLOADS = {
    "assignments:evidence_download": "",
    "assignments:task_export": "",
    "audit:event_export": "",
    "api:committee-export": "?output=xlsx",
    "dashboards:unit_ranking_xlsx": "",
    "dashboards:unit_evaluation_docx": "",
    "dashboards:unit_evaluation_xlsx": "",
    "documents:document_file": "",
    "imports:task_template": "",
    "imports:indicator_template": "",
    "indicators:observation_evidence": "",
    "meetings:meeting_minutes_file": "",
    "meetings:conclusion_notice_docx": "",
    "meetings:follow_up_docx": "",
    "reminders:urge_letter": "",
    "reporting:cycle_list": "?xuat=csv",
    "reporting:report_docx": "",
    "reporting:report_xlsx": "",
    "reporting:report_pdf": "",  # the Word file when LibreOffice is missing
    "reporting:cycle_board_csv": "",
    "reporting:cycle_board_xlsx": "",
    "reporting:report_template_download": "",
}
SAFE_DISPOSITION = re.compile(
    r"attachment; (filename=\"[^\"\\/\r\n;:]+\"|filename\*=utf-8''[A-Za-z0-9%._~!$&+^`|-]+)"
)


def test_every_download_url_is_in_the_list():
    looks_like_a_download = re.compile(r"(download|export|_file$|_docx$|_xlsx$|_pdf$|_csv$)")
    assert {name for name in TABLE if looks_like_a_download.search(name)} <= set(DOWNLOADS)


@pytest.mark.parametrize("name", list(DOWNLOADS))
def test_every_download_is_an_attachment_with_a_safe_name(client, world, name):
    route = TABLE[name]
    role = ROLES[route.get.replace(" ", "").index("A")]
    sign_in(client, world.users[role])
    url = reverse(name, kwargs={k: world.objects[v].pk for k, v in route.kwargs.items()})

    response = client.get(url + DOWNLOADS[name], follow=True)

    assert response.status_code == 200
    assert SAFE_DISPOSITION.fullmatch(response["Content-Disposition"]), response[
        "Content-Disposition"
    ]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_hostile_original_name_is_sanitised_on_download(client, world):
    evidence = world.objects["evidence"]
    Evidence.objects.filter(pk=evidence.pk).update(
        original_name='..\\..\\x"; filename=evil.exe\r\nSet-Cookie: a=b;Quyết định.pdf'
    )
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("assignments:evidence_download", kwargs={"pk": evidence.pk}))

    disposition = response["Content-Disposition"]
    assert SAFE_DISPOSITION.fullmatch(disposition)
    assert disposition == (
        "attachment; filename*=utf-8''x%20filename%3Devil.exe%20Set-Cookie%20a%3Db"
        "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf"
    )
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Quyết định 12.pdf", "Quyết định 12.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\a\\bao cao.docx", "bao cao.docx"),
        ('a"b;c\r\nd.pdf', "abc d.pdf"),
        ("...", "tep"),
        ("x" * 300 + ".xlsx", "x" * 145 + ".xlsx"),
    ],
)
def test_safe_filename(name, safe):
    assert get_safe_filename(name) == safe


def test_stored_files_are_not_served_by_their_path(client, world, settings):
    """MEDIA_ROOT is outside what the site serves: only the gated download views hand
    files out."""
    evidence = world.objects["evidence"]
    sign_in(client, world.users["unit_officer"])

    response = client.get(f"/{settings.MEDIA_URL}{evidence.file.name}")

    assert response.status_code == 404
    assert (settings.MEDIA_ROOT / evidence.file.name).is_file()


def test_downloads_are_built_in_one_place():
    """A view that wrote its own Content-Disposition would skip the sanitising."""
    root = Path(__file__).resolve().parents[2]
    writers = sorted(
        str(path.relative_to(root))
        for path in root.glob("chidao/**/*.py")
        if "tests" not in path.parts
        and path.name != "uploads.py"
        and re.search(r"Content-Disposition|as_attachment", path.read_text(encoding="utf-8"))
    )
    assert writers == []
