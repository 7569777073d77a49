"""Evidence files (minh chứng): what may be uploaded and how it is handed back.

A file is accepted for what its bytes are, never for its name or the browser's word:
PDF, DOCX, XLSX, PNG and JPEG only, up to ``settings.CHIDAO_EVIDENCE_MAX_BYTES``. A file
named "x.pdf" that is really a PNG is stored and served as the PNG it is. Word and
Excel files are both zip archives; they are told apart by their members (``word/`` or
``xl/``), and macro-enabled ones are refused. Files are stored under MEDIA_ROOT with
generated names and only leave through ``build_evidence_response``, after the download
view has checked that the user may see the task.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class EvidenceKind:
    extension: str
    content_type: str


PDF = EvidenceKind("pdf", "application/pdf")
DOCX = EvidenceKind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = EvidenceKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PNG = EvidenceKind("png", "image/png")
JPEG = EvidenceKind("jpg", "image/jpeg")

_BY_MIME = {"application/pdf": PDF, "image/png": PNG, "image/jpeg": JPEG}
# Enough for every signature we accept; zip archives are opened whole.
_HEAD_BYTES = 8192


def _office_kind(file) -> EvidenceKind | None:
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


def get_evidence_kind(file) -> EvidenceKind | None:
    """What ``file`` (an open binary file) really is, or None when we do not accept it."""
    file.seek(0)
    head = file.read(_HEAD_BYTES)
    file.seek(0)
    if not head:
        return None
    if head.startswith(b"PK\x03\x04"):
        kind = _office_kind(file)
        file.seek(0)
        return kind
    guessed = filetype.guess(head)
    return _BY_MIME.get(guessed.mime) if guessed else None


def check_evidence_file(file) -> EvidenceKind:
    """The kind of an uploaded evidence file, or ``ValidationError`` saying why it is refused."""
    limit = settings.CHIDAO_EVIDENCE_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); mỗi tệp tối đa %(limit)s."),
            code="too_large",
            params={
                "name": file.name,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(limit),
            },
        )
    kind = get_evidence_kind(file)
    if kind is None:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG "
                "(hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp)."
            ),
            code="bad_kind",
            params={"name": file.name},
        )
    return kind


def get_download_name(original_name: str, kind_extension: str) -> str:
    """The uploader's name with the extension of what the file really is."""
    stem = PurePath(original_name).stem or "minh-chung"
    return f"{stem}.{kind_extension}"


def build_evidence_response(evidence) -> FileResponse:
    """The file as an attachment under its original name; never rendered by the browser."""
    extension = PurePath(evidence.file.name).suffix.lstrip(".")
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=get_download_name(evidence.original_name, extension),
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
