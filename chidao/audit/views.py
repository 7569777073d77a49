"""The audit page for system administrators; thin: gate, filter, render."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.audit.access import access_audit_log
from chidao.audit.filtersets import AuditEventFilterSet
from chidao.audit.models import AuditEvent
from chidao.core.spreadsheets import CSV_CONTENT_TYPE, get_csv_writer, write_csv_row
from chidao.core.uploads import set_attachment_headers

PAGE_SIZE = 50
EXPORT_LIMIT = 100_000


def _filtered(request) -> AuditEventFilterSet:
    return AuditEventFilterSet(
        request.GET, queryset=AuditEvent.objects.select_related("user").order_by("-at", "-pk")
    )


@login_required
def event_list(request):
    access_audit_log(request.user)
    filterset = _filtered(request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


@login_required
def event_export(request):
    access_audit_log(request.user)
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    set_attachment_headers(response, "nhat-ky.csv")
    writer = get_csv_writer(response)
    # Every field through the one writer: a username typed at a failed sign-in, a path or
    # a detail that starts with "=" reaches the administrator's spreadsheet as text.
    write_csv_row(
        writer,
        [
            _("Lúc"),
            _("Sự kiện"),
            _("Tên đăng nhập"),
            _("Phương thức"),
            _("Đường dẫn"),
            "IP",
            _("Mã yêu cầu"),
            _("Chi tiết"),
        ],
    )
    for event in _filtered(request).qs[:EXPORT_LIMIT].iterator():
        write_csv_row(
            writer,
            [
                timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M:%S"),
                event.get_action_display(),
                event.username,
                event.method,
                event.path,
                event.ip or "",
                event.request_id,
                event.detail,
            ],
        )
    return response
