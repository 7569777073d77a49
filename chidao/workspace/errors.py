"""The site's error answers: 400, 403, 404, 500 and a refused CSRF check.

People get a Vietnamese page inside the site's layout (the menu shows for a signed-in
user, through the usual context processors); addresses under ``/api/`` keep answering
JSON, since the callers there are programs. The 500 page is rendered from the template
alone, without a request context: the database may be what failed, and the menu and
the bell both query it.
"""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from rest_framework import exceptions

API_PREFIX = "/api/"

# Under /api/ the body is the one DRF gives for the same status, so an address that names
# nothing reads exactly like an object the caller may not see (no existence leak).
API_DETAILS = {
    400: exceptions.ParseError.default_detail,
    403: exceptions.PermissionDenied.default_detail,
    404: exceptions.NotFound.default_detail,
}


def wants_json(request) -> bool:
    """True for an API address (the interactive API documentation aside, a page)."""
    return request.path.startswith(API_PREFIX) and not request.path.startswith("/api/docs/")


def error_page(request, status: int, template: str, context: dict | None = None):
    """The page (or, under /api/, the JSON body) for ``status``."""
    if wants_json(request):
        return JsonResponse({"detail": str(API_DETAILS[status])}, status=status)
    return render(request, template, {"status": status, **(context or {})}, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    """``handler400``: a malformed request (bad host header, broken multipart…)."""
    return error_page(request, 400, "errors/400.html")


@requires_csrf_token
def permission_denied(request, exception=None):
    """``handler403``: an ``access_…`` gate refused the action."""
    return error_page(request, 403, "errors/403.html")


@requires_csrf_token
def page_not_found(request, exception=None):
    """``handler404``: no such address, or an object the user may not see."""
    return error_page(request, 404, "errors/404.html")


def server_error(request):
    """``handler500``: rendered without context processors, so without the database."""
    if wants_json(request):
        return JsonResponse({"detail": _("Lỗi máy chủ. Vui lòng thử lại sau.")}, status=500)
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: most often a form left open past the session's end, or a
    page opened in another tab after signing out and in again."""
    if wants_json(request):
        return JsonResponse(
            {"detail": _("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ (CSRF).")},
            status=403,
        )
    return render(request, "errors/csrf.html", {"status": 403}, status=403)
