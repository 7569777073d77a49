"""``/healthz``: a liveness check for operations and the load benchmark's baseline.

Answers ``{"status": "ok"}`` without touching the database: it says the process serves
requests through the whole middleware stack, nothing more. ``bench/load.sh`` uses it as
the trivial Django JSON view the application's pages are compared with.
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})
