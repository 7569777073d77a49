"""Evidence files (minh chứng): what may be uploaded and how it is handed back.

The rules are those of every upload, and evidence is accepted by
``chidao.core.uploads.accept_evidence_file`` (indicator values carry evidence too): a
file is accepted for what its bytes are, never for its name or the browser's word;
evidence may be a PDF, DOCX, XLSX, PNG or JPEG, up to
``settings.CHIDAO_EVIDENCE_MAX_BYTES``. A file named
"x.pdf" that is really a PNG is stored and served as the PNG it is. Files are stored
under MEDIA_ROOT with generated names and only leave through ``build_evidence_response``,
after the download view has checked that the user may see the task.
"""

from pathlib import PurePath

from chidao.core.uploads import build_file_attachment


def get_download_name(original_name: str, kind_extension: str) -> str:
    """The uploader's name with the extension of what the file really is."""
    stem = PurePath(original_name.replace("\\", "/")).stem or "minh-chung"
    return f"{stem}.{kind_extension}"


def build_evidence_response(evidence):
    """The file as an attachment under its original name; never rendered by the browser."""
    extension = PurePath(evidence.file.name).suffix.lstrip(".")
    return build_file_attachment(
        evidence.file,
        get_download_name(evidence.original_name, extension),
        content_type=evidence.content_type or "application/octet-stream",
    )
