"""Uploaded files: the one set of rules every upload passes, and how files leave again.

An upload is accepted for what its bytes are, never for its name or the browser's word
(``get_upload_kind``): PDF, DOCX, XLSX, PNG or JPEG, each path naming the kinds it takes.
``check_upload`` refuses, with a Vietnamese message naming the file, a file over the
path's size cap, a Word or Excel file (a zip archive) with too many entries, too much
data once inflated (``CHIDAO_UPLOAD_MAX_ENTRIES``, ``CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB``,
or a hundredfold expansion past 10 MB: a zip bomb) or an entry whose path is absolute or
climbs out with ``..``, and a file of another kind. Macro-enabled Office files are
refused. The caps read the sizes the archive declares: Python's ``zipfile`` never
inflates a member past its declared size (it fails the CRC instead), so the declared
sizes bound what openpyxl and python-docx can be made to read.

``scan_upload`` then hands the file to ClamAV's daemon when ``CHIDAO_CLAMD_ADDRESS`` is
set and writes the outcome as an audit event (``AuditAction.UPLOAD_SCANNED``): one
place for every kind of upload. A virus found refuses the file; a scanner that is
configured but does not answer refuses it too (fail closed) and is logged. Without a
scanner the event says "not scanned". ``accept_upload`` is both steps: the services
that store or read a file call it, forms call ``check_upload`` alone to answer early.

Stored files get generated names under ``MEDIA_ROOT`` (never served by the web server)
and leave only through ``build_file_attachment`` or ``build_attachment``, after the
view's permission check: always an attachment, with a sanitised name and ``nosniff``.
A file replaced by another, or whose row is deleted, leaves the disk through
``delete_after_commit`` once the transaction commits; a rollback keeps it.
"""

import hashlib
import logging
import mimetypes
import posixpath
import unicodedata
import zipfile
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.dispatch import Signal
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# Sent once per scanned upload, accepted or refused, with ``user`` and ``detail``; the
# audit trail records it (chidao.audit.receivers), so core need not import the audit app.
upload_scanned = Signal()


@dataclass(frozen=True)
class FileKind:
    """A kind of file we accept: its extension, its MIME type and its name for people."""

    extension: str
    content_type: str
    label: str


PDF = FileKind("pdf", "application/pdf", "PDF")
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    gettext_lazy("Word (DOCX)"),
)
XLSX = FileKind(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    gettext_lazy("Excel (XLSX)"),
)
PNG = FileKind("png", "image/png", "PNG")
JPEG = FileKind("jpg", "image/jpeg", "JPEG")

_BY_MIME = {"application/pdf": PDF, "image/png": PNG, "image/jpeg": JPEG}
# Enough for every signature we accept; zip archives are opened whole.
_HEAD_BYTES = 8192
_ZIP_MAGIC = b"PK\x03\x04"
# Office XML compresses about tenfold; a hundredfold past 10 MB is no document.
_MAX_RATIO = 100
_RATIO_FLOOR = 10 * 1024 * 1024

# Outcomes of a scan, as written in the audit event.
CLEAN = "clean"
INFECTED = "infected"
NOT_SCANNED = "not_scanned"
UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class ScanResult:
    status: str
    signature: str = ""


def get_display_name(file) -> str:
    """The uploader's file name as shown in a message: its last part, at most 80 chars."""
    return get_safe_filename(getattr(file, "name", "") or "", default="tệp")[:80]


def _office_kind(file) -> FileKind | None:
    """DOCX or XLSX from the members of a zip archive; None for any other archive."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names and "word/vbaProject.bin" not in names:
        return DOCX
    if "xl/workbook.xml" in names and "xl/vbaProject.bin" not in names:
        return XLSX
    return None


def get_upload_kind(file) -> FileKind | None:
    """What ``file`` (an open binary file) really is, or None when we accept no such kind."""
    file.seek(0)
    head = file.read(_HEAD_BYTES)
    file.seek(0)
    if not head:
        return None
    if head.startswith(_ZIP_MAGIC):
        kind = _office_kind(file)
        file.seek(0)
        return kind
    guessed = filetype.guess(head)
    return _BY_MIME.get(guessed.mime) if guessed else None


def get_max_entries() -> int:
    return settings.CHIDAO_UPLOAD_MAX_ENTRIES


def get_max_uncompressed_bytes() -> int:
    return settings.CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB * 1024 * 1024


def _is_unsafe_entry(name: str) -> bool:
    path = name.replace("\\", "/")
    return (
        path.startswith("/")
        or (len(path) > 1 and path[1] == ":")  # C:… on Windows
        or ".." in path.split("/")
        or posixpath.normpath(path).startswith("..")
    )


def check_zip_limits(file) -> None:
    """Refuse an archive with too many entries, too much data inflated, or an entry whose
    path is absolute or climbs out (``..``). A file that is no archive passes."""
    file.seek(0)
    if file.read(len(_ZIP_MAGIC)) != _ZIP_MAGIC:
        file.seek(0)
        return
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable archive: the kind check refuses it
    finally:
        file.seek(0)
    name = get_display_name(file)
    if len(entries) > get_max_entries():
        raise ValidationError(
            _(
                "Tệp “%(name)s” chứa quá nhiều thành phần nén (%(count)s, tối đa %(limit)s); "
                "không thể đọc tệp này."
            ),
            code="too_many_entries",
            params={"name": name, "count": len(entries), "limit": get_max_entries()},
        )
    unsafe = next((entry.filename for entry in entries if _is_unsafe_entry(entry.filename)), None)
    if unsafe is not None:
        raise ValidationError(
            _("Tệp “%(name)s” chứa đường dẫn không hợp lệ bên trong (%(entry)s); tệp bị từ chối."),
            code="unsafe_entry",
            params={"name": name, "entry": unsafe[:80]},
        )
    inflated = sum(entry.file_size for entry in entries)
    limit = get_max_uncompressed_bytes()
    too_dense = inflated > _RATIO_FLOOR and inflated > max(file.size, 1) * _MAX_RATIO
    if inflated > limit or too_dense:
        raise ValidationError(
            _(
                "Tệp “%(name)s” nén bất thường: khi giải nén lên tới %(size)s (tối đa %(limit)s, "
                "không quá %(ratio)s lần dung lượng tệp); không thể đọc tệp này."
            ),
            code="zip_bomb",
            params={
                "name": name,
                "size": filesizeformat(inflated),
                "limit": filesizeformat(limit),
                "ratio": _MAX_RATIO,
            },
        )


def _kind_labels(kinds: Iterable[FileKind]) -> str:
    labels = [str(kind.label) for kind in kinds]
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s hay %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def check_upload(file, *, kinds: Iterable[FileKind], max_bytes: int) -> FileKind:
    """The kind of an uploaded file, or ``ValidationError`` saying in Vietnamese why it is
    refused: over ``max_bytes``, an archive over the zip caps, or not one of ``kinds``."""
    kinds = tuple(kinds)
    name = get_display_name(file)
    if file.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); mỗi tệp tối đa %(limit)s."),
            code="too_large",
            params={
                "name": name,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(max_bytes),
            },
        )
    check_zip_limits(file)
    kind = get_upload_kind(file)
    if kind not in kinds:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không phải %(kinds)s (hệ thống kiểm tra nội dung tệp, "
                "không dựa vào tên tệp)."
            ),
            code="bad_kind",
            params={"name": name, "kinds": _kind_labels(kinds)},
        )
    return kind


def _get_scanner(address: str):
    """A clamd client for ``unix:///path/clamd.ctl`` or ``tcp://host:3310``.

    clamav-client (Artefactual) is used rather than the ``clamd`` package, whose last
    release is from 2014.
    """
    from clamav_client.clamd import ClamdNetworkSocket, ClamdUnixSocket

    timeout = settings.CHIDAO_CLAMD_TIMEOUT
    parts = urlsplit(address)
    if parts.scheme == "unix" and parts.path:
        return ClamdUnixSocket(path=parts.path, timeout=timeout)
    if parts.scheme == "tcp" and parts.hostname:
        return ClamdNetworkSocket(host=parts.hostname, port=parts.port or 3310, timeout=timeout)
    raise ValueError(f"CHIDAO_CLAMD_ADDRESS must be unix:///path or tcp://host:port: {address!r}")


def get_scan_result(file) -> ScanResult:
    """What ClamAV says of ``file`` (INSTREAM), or ``NOT_SCANNED`` when no scanner is set."""
    address = settings.CHIDAO_CLAMD_ADDRESS
    if not address:
        return ScanResult(NOT_SCANNED)
    from clamav_client.clamd import ClamdError

    file.seek(0)
    try:
        reply = _get_scanner(address).instream(file)
    except (ClamdError, OSError, ValueError) as error:
        logger.error("Virus scanner at %s did not answer: %s", address, error)
        return ScanResult(UNAVAILABLE, str(error)[:200])
    finally:
        file.seek(0)
    status, signature = reply.get("stream", (None, None))
    if status == "OK":
        return ScanResult(CLEAN)
    if status == "FOUND":
        return ScanResult(INFECTED, signature or "")
    logger.error("Virus scanner at %s answered %r", address, reply)
    return ScanResult(UNAVAILABLE, str(reply)[:200])


def _sha256(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    while chunk := file.read(64 * 1024):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def scan_upload(file, *, by, purpose: str) -> ScanResult:
    """Scan ``file`` and record the outcome as an audit event; refuse it when a virus is
    found or the configured scanner does not answer.

    ``purpose`` names the upload path ("evidence", "document", …) in the record. The
    record is written by the audit trail's receiver of ``upload_scanned`` (core knows
    nothing of the audit app), in the caller's transaction: a refused or rolled-back upload leaves
    a log line (logger ``chidao.core.uploads``), not a stored record.
    """
    result = get_scan_result(file)
    name = get_display_name(file)
    detail = (
        f"scan={result.status} purpose={purpose} size={file.size} sha256={_sha256(file)}"
        f"{' signature=' + result.signature if result.signature else ''} name={name}"
    )
    upload_scanned.send(sender=scan_upload, user=by, detail=detail[:500])
    if result.status == INFECTED:
        logger.warning("Upload refused, virus found: %s", detail)
        raise ValidationError(
            _(
                "Tệp “%(name)s” bị phần mềm diệt virus phát hiện mã độc (%(signature)s) "
                "nên không được nhận."
            ),
            code="infected",
            params={"name": name, "signature": result.signature},
        )
    if result.status == UNAVAILABLE:
        raise ValidationError(
            _(
                "Chưa kiểm tra virus được cho tệp “%(name)s” vì máy quét virus không phản "
                "hồi, nên tệp chưa được nhận. Vui lòng thử lại sau hoặc báo quản trị hệ thống."
            ),
            code="scanner_unavailable",
            params={"name": name},
        )
    return result


def accept_upload(file, *, kinds: Iterable[FileKind], max_bytes: int, by, purpose: str) -> FileKind:
    """``check_upload`` then ``scan_upload``: what a service calls before it stores or
    reads an uploaded file. Returns the file's kind."""
    kind = check_upload(file, kinds=kinds, max_bytes=max_bytes)
    scan_upload(file, by=by, purpose=purpose)
    return kind


# Evidence (minh chứng) of a task's progress, an indicator value or a proposal's answer.
EVIDENCE_KINDS = (PDF, DOCX, XLSX, PNG, JPEG)


def check_evidence_file(file) -> FileKind:
    """The kind of an uploaded evidence file, or ``ValidationError`` saying why it is refused."""
    return check_upload(file, kinds=EVIDENCE_KINDS, max_bytes=settings.CHIDAO_EVIDENCE_MAX_BYTES)


def accept_evidence_file(file, *, by) -> FileKind:
    """``check_evidence_file``, then the virus scan with its record (``scan_upload``)."""
    return accept_upload(
        file,
        kinds=EVIDENCE_KINDS,
        max_bytes=settings.CHIDAO_EVIDENCE_MAX_BYTES,
        by=by,
        purpose="evidence",
    )


@contextmanager
def removing_stored_files_on_error():
    """Delete the files stored inside the block when the block fails.

    A ``FileField`` writes its file to disk on ``save()``, before the transaction
    commits; when a later step of the same service fails, the rows roll back but the
    files would stay. Yields a function to call with each stored name.
    """
    stored: list[str] = []
    try:
        yield stored.append
    except BaseException:
        for name in stored:
            if name:
                default_storage.delete(name)
        raise


def delete_after_commit(name: str, *, storage=None) -> None:
    """Delete the stored file ``name`` once the current transaction commits.

    The one way a replaced file (or the file of a deleted row) leaves the disk: never
    before the commit, so a rollback keeps the file the restored row still names. An
    empty name does nothing.
    """
    if not name:
        return
    storage = storage or default_storage
    transaction.on_commit(lambda: storage.delete(name))


_UNSAFE_IN_NAME = set('"\\/:*?<>|;')


def get_safe_filename(name: str, *, default: str = "tep") -> str:
    """A download name without path, quotes, control characters or separators; keeps
    Vietnamese letters (sent as ``filename*=utf-8''…``)."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(
        " " if char.isspace() else char
        for char in name
        if char not in _UNSAFE_IN_NAME and (char.isprintable() or char.isspace())
    )
    cleaned = " ".join(cleaned.split()).strip(" .")
    if len(cleaned) > 150:
        suffix = PurePath(cleaned).suffix[:10]
        cleaned = cleaned[: 150 - len(suffix)].rstrip(" .") + suffix
    return cleaned or default


def set_attachment_headers(response, filename: str):
    """Mark ``response`` as a download named ``filename`` (sanitised), never sniffed."""
    response["Content-Disposition"] = content_disposition_header(True, get_safe_filename(filename))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def build_attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    """A generated file (export, report, template) as a download, never rendered."""
    return set_attachment_headers(HttpResponse(content, content_type=content_type), filename)


def build_file_attachment(field_file, filename: str, content_type: str | None = None):
    """A stored file as a download; 404 when it is missing on disk. Call only after the
    view's permission check."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    guessed = mimetypes.guess_type(filename)[0]
    response = FileResponse(
        handle, content_type=content_type or guessed or "application/octet-stream"
    )
    return set_attachment_headers(response, filename)
