"""Writes on directive documents (see assignments.services for the shared contract)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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
) -> Document:
    """Register a directive document under its canonical number-and-symbol.

    The symbol is parsed: the kind comes from its abbreviation, and whatever the parser
    corrected (a reversed "29/UBND-KH", a missing hyphen) is kept in ``symbol_note`` so
    the secretariat sees it. Registering the same document twice returns the first one.
    """
    parsed = parse_document_symbol(symbol)
    if parsed.kind not in DocumentKind.values:
        raise ValidationError(
            {"symbol": _('Loại văn bản "%(kind)s" chưa được hỗ trợ.') % {"kind": parsed.kind}}
        )
    canonical = str(parsed)
    existing = Document.objects.filter(
        issuing_unit=issuing_unit, symbol=canonical, issued_on=issued_on
    ).first()
    if existing:
        return existing
    document = Document(
        issuing_unit=issuing_unit,
        symbol=canonical,
        issued_on=issued_on,
        kind=parsed.kind,
        summary=summary,
        signer=signer,
        implements=implements,
        symbol_note="\n".join(str(warning) for warning in parsed.warnings),
    )
    document.full_clean()
    document.save()
    return document
