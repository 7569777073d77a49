"""Rate limits on heavy requests: exports (every ``…_export`` / ``…-export`` URL), import
uploads and commits, and the pages that cost most to build (``HEAVY_PAGES``: dashboards,
ranking, consolidated reports, the follow-up brief, the public page), per signed-in user
(per address when anonymous); and lookups by a secret code (``LOOKUPS``: a proposal's
tracking code), per address, in fixed windows kept in Django's cache (shared across
workers when ``REDIS_URL`` is set). Past the limit: 429 with ``Retry-After`` and a
Vietnamese message.

Settings ``CHIDAO_EXPORT_RATE``, ``CHIDAO_IMPORT_RATE``, ``CHIDAO_HEAVY_PAGE_RATE`` and
``CHIDAO_TRACKING_LOOKUP_RATE`` ("30/hour", "5/min"; empty: no limit). With Redis down the
cache answers as empty and the limits fail open (``chidao.core.resilience``). The API has
its own limits (chidao.core.throttling).
"""

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from chidao.core.client_address import get_client_ip

PERIODS = {"s": 1, "sec": 1, "min": 60, "m": 60, "hour": 3600, "h": 3600, "day": 86400, "d": 86400}
EXPORT = re.compile(r"[_-]export$")
IMPORT = re.compile(r"^imports:.*_(upload|commit)$")
# Pages whose every view runs many aggregate queries or builds a file: a generous limit
# keeps a script (or a stuck refresh) from tying up the workers.
HEAVY_PAGES = frozenset(
    {
        "dashboards:committee_dashboard",
        "dashboards:unit_ranking",
        "dashboards:unit_ranking_xlsx",
        "dashboards:public_index",
        "dashboards:public_committee",
        "reporting:report_docx",
        "reporting:report_pdf",
        "reporting:report_xlsx",
        "reporting:cycle_board_csv",
        "reporting:cycle_board_xlsx",
        "meetings:follow_up_docx",
    }
)
# Lookups by a secret code (view name → the query parameter carrying the code): counted
# per address, signed in or not, only when a code is sent.
LOOKUPS = {"proposals:public_track": "ma"}
RATE_SETTINGS = {
    "export": "CHIDAO_EXPORT_RATE",
    "import": "CHIDAO_IMPORT_RATE",
    "page": "CHIDAO_HEAVY_PAGE_RATE",
    "lookup": "CHIDAO_TRACKING_LOOKUP_RATE",
}


def parse_rate(rate: str) -> tuple[int, int] | None:
    """``"30/hour"`` → (30, 3600); empty → None."""
    if not rate:
        return None
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip().lower()]


def get_limited_kind(view_name: str, method: str) -> str | None:
    if EXPORT.search(view_name):
        return "export"
    if method == "POST" and IMPORT.match(view_name):
        return "import"
    if view_name in HEAVY_PAGES:
        return "page"
    return None


def hit(key: str, limit: int, period: int, now: float) -> int:
    """Counts one request in the current window; returns 0 when allowed, else the seconds
    until the window ends."""
    window = int(now // period)
    cache_key = f"chidao-rate:{key}:{window}"
    cache.add(cache_key, 0, timeout=period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * period - now))


class HeavyRequestRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        view_name = match.view_name if match else ""
        kind = get_limited_kind(view_name, request.method)
        if view_name in LOOKUPS and request.GET.get(LOOKUPS[view_name]):
            kind = "lookup"
        if kind is None:
            return None
        rate = parse_rate(getattr(settings, RATE_SETTINGS[kind]))
        if rate is None:
            return None
        user = getattr(request, "user", None)
        who = (
            f"user{user.pk}"
            if kind != "lookup" and user is not None and user.is_authenticated
            else (f"ip{get_client_ip(request)}")
        )
        wait = hit(f"{kind}:{who}", *rate, now=time.time())
        if not wait:
            return None
        if kind == "lookup":
            text = ngettext(
                "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
                "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
                wait,
            )
        elif kind == "page":
            text = ngettext(
                "Bạn đã gửi quá nhiều yêu cầu mở trang này. Vui lòng thử lại sau %(seconds)s giây.",
                "Bạn đã gửi quá nhiều yêu cầu mở trang này. Vui lòng thử lại sau %(seconds)s giây.",
                wait,
            )
        else:
            text = ngettext(
                "Bạn đã gửi quá nhiều yêu cầu xuất/nhập dữ liệu. "
                "Vui lòng thử lại sau %(seconds)s giây.",
                "Bạn đã gửi quá nhiều yêu cầu xuất/nhập dữ liệu. "
                "Vui lòng thử lại sau %(seconds)s giây.",
                wait,
            )
        message = text % {"seconds": wait}
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=429)
        else:
            # The site's layout, with the menu, says when to come back.
            response = render(
                request,
                "errors/429.html",
                {"status": 429, "message": message, "retry_after": wait},
                status=429,
            )
        response["Retry-After"] = str(wait)
        return response
