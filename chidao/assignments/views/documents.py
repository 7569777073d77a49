"""A document's page: the document, the chain of documents above it, those that carry it
out, and the tasks it gave rise to (``documents:document_detail``).

It shows tasks, so it lives with them; the project URLconf keeps its address and name in
the ``documents`` namespace (see ``chidao/urls.py``).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from chidao.assignments.models import Task
from chidao.documents.access import access_document
from chidao.documents.models import Document

# The chain above a document is short (resolution → programme → plan); the cap only
# guards against a loop in bad data.
_MAX_CHAIN = 10


@login_required
def document_detail(request, pk):
    document = access_document(request.user, pk)
    visible = Document.objects.visible_to(request.user)
    chain = []
    above = document.implements
    while above is not None and len(chain) < _MAX_CHAIN:
        shown = visible.filter(pk=above.pk).select_related("implements").first()
        if shown is None:
            break
        chain.append(shown)
        above = shown.implements
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "chain": chain[::-1],
            "implementations": visible.filter(implements=document).select_related("issuing_unit"),
            "tasks": Task.objects.visible_to(request.user)
            .filter(source_document=document)
            .select_related("lead_unit", "committee")
            .order_by("committee__name", "code", "pk"),
        },
    )
