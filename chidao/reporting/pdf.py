"""PDF of a report through LibreOffice, where the server has it installed.

LibreOffice is optional (a large install on an intranet server); without it the PDF
button is hidden and the Word file is offered instead.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_TIMEOUT_SECONDS = 120


def get_office_binary() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def is_pdf_available() -> bool:
    return get_office_binary() is not None


def convert_docx_to_pdf(docx: bytes) -> bytes:
    """``libreoffice --headless --convert-to pdf`` on ``docx``, in a private directory.

    Raises:
        ValidationError: LibreOffice is missing, fails, or takes too long.
    """
    binary = get_office_binary()
    if binary is None:
        raise ValidationError(_("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF."))
    with tempfile.TemporaryDirectory(prefix="chidao-pdf-") as folder:
        source = Path(folder) / "bao-cao.docx"
        source.write_bytes(docx)
        try:
            subprocess.run(
                [
                    binary,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=_TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise ValidationError(_("LibreOffice không chuyển được báo cáo sang PDF.")) from error
        target = source.with_suffix(".pdf")
        if not target.exists():
            raise ValidationError(_("LibreOffice không chuyển được báo cáo sang PDF."))
        return target.read_bytes()
