"""Pages of the app; thin: parse input, call access_…, call one service, render."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chidao.core.forms import add_service_errors
from chidao.core.uploads import build_file_attachment
from chidao.documents.access import (
    access_document,
    access_document_register,
    get_register_committees,
    may_register_documents,
)
from chidao.documents.filtersets import DocumentFilterSet
from chidao.documents.forms import DocumentForm
from chidao.documents.models import Document
from chidao.documents.services import do_register_document


@login_required
def document_list(request):
    documents = Document.objects.visible_to(request.user).select_related(
        "issuing_unit", "implements"
    )
    filterset = DocumentFilterSet(request.GET or None, queryset=documents)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/document_list.html",
        {
            "filterset": filterset,
            "page": page,
            "query_string": query.urlencode(),
            "may_register": may_register_documents(request.user),
        },
    )


@login_required
def document_create(request):
    access_document_register(request.user)
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        committees=get_register_committees(request.user).order_by("name"),
        documents=Document.objects.visible_to(request.user).order_by("-issued_on", "symbol"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = do_register_document(
                by=request.user, allow_existing=False, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Đã vào sổ văn bản %(symbol)s.") % {"symbol": document.symbol}
            )
            return redirect("documents:document_detail", pk=document.pk)
    return render(request, "documents/document_form.html", {"form": form})


@login_required
def document_file(request, pk):
    document = access_document(request.user, pk)
    if not document.file:
        raise Http404
    extension = PurePath(document.file.name).suffix
    return build_file_attachment(document.file, document.symbol.replace("/", "-") + extension)
