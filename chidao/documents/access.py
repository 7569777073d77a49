"""The one gate for directive documents (DESIGN.md §2), built on ``get_roles``.

A document belongs to a committee's register, or to none when every committee shares
it (a Politburo resolution). Whoever may open the committee reads the document and
downloads its file; the committee's secretariat (and admins) register documents.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from chidao.committees.access import get_roles
from chidao.committees.models import Committee
from chidao.documents.models import Document


def get_register_committees(user):
    """Committees in whose register ``user`` may file documents."""
    roles = get_roles(user)
    if roles.is_admin:
        return Committee.objects.filter(is_active=True)
    return Committee.objects.filter(pk__in=roles.secretariat_scope, is_active=True)


def may_register_documents(user) -> bool:
    roles = get_roles(user)
    return roles.is_admin or roles.is_secretariat


def access_document_register(user) -> None:
    """403 unless ``user`` may register documents (secretariat, admins)."""
    if not may_register_documents(user):
        raise PermissionDenied


def access_document(user, pk) -> Document:
    """The document ``pk`` if ``user`` may read it (and download its file), else 404."""
    document = (
        Document.objects.visible_to(user)
        .select_related("issuing_unit", "committee", "implements")
        .filter(pk=pk)
        .first()
    )
    if document is None:
        raise Http404
    return document
