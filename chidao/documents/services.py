"""Writes on directive documents (see assignments.services for the shared contract)."""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from chidao.core.uploads import DOCX, PDF, FileKind, accept_upload
from chidao.documents.choices import DocumentKind
from chidao.documents.models import Document
from chidao.documents.rules import parse_document_symbol


@transaction.atomic
def do_register_document(
    *,
    by,
    symbol: str,
    issuing_unit,
    issued_on: date,
    summary: str,
    signer: str = "",
    implements: Document | None = None,
    committee=None,
    file: File | None = None,
    allow_existing: bool = True,
) -> Document:
    """Register a directive document under its canonical number-and-symbol.

    The symbol is parsed: the kind comes from its abbreviation, and whatever the parser
    corrected (a reversed "29/UBND-KH", a missing hyphen) is kept in ``symbol_note`` so
    the secretariat sees it. Registering the same document twice returns the first one,
    or, with ``allow_existing=False`` (the register page), refuses it. ``file`` must be
    a PDF or DOCX by its content, within ``settings.CHIDAO_DOCUMENT_MAX_BYTES``, and passes
    the virus scan (``accept_document_file``); it is stored under a generated name. The
    caller has checked that ``by`` may register documents in ``committee``
    (``documents.access``).
    """
    try:
        parsed = parse_document_symbol(symbol)
    except ValidationError as error:
        raise ValidationError({"symbol": error.messages}) from None
    if parsed.kind not in DocumentKind.values:
        raise ValidationError(
            {"symbol": _('Loại văn bản "%(kind)s" chưa được hỗ trợ.') % {"kind": parsed.kind}}
        )
    canonical = str(parsed)
    existing = Document.objects.filter(
        issuing_unit=issuing_unit, symbol=canonical, issued_on=issued_on
    ).first()
    if existing and allow_existing:
        return existing
    if existing:
        raise ValidationError(
            {
                "symbol": _("Văn bản %(symbol)s ngày %(day)s của cơ quan này đã có trong sổ.")
                % {"symbol": canonical, "day": issued_on.strftime("%d/%m/%Y")}
            }
        )
    if file is not None:
        try:
            kind = accept_document_file(file, by=by, purpose="document")
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
        file.name = f"{uuid.uuid4().hex}.{kind.extension}"
    document = Document(
        issuing_unit=issuing_unit,
        symbol=canonical,
        issued_on=issued_on,
        kind=parsed.kind,
        summary=summary,
        signer=signer,
        implements=implements,
        symbol_note="\n".join(str(warning) for warning in parsed.warnings),
        committee=committee,
        file=file,
    )
    document.full_clean()
    document.save()
    return document


def accept_document_file(file, *, by, purpose: str) -> FileKind:
    """The kind of a document file (PDF or DOCX, judged by its bytes, within
    ``settings.CHIDAO_DOCUMENT_MAX_BYTES``, scanned), or ``ValidationError`` saying why
    it is refused (``chidao.core.uploads``)."""
    return accept_upload(
        file,
        kinds=(PDF, DOCX),
        max_bytes=settings.CHIDAO_DOCUMENT_MAX_BYTES,
        by=by,
        purpose=purpose,
    )
