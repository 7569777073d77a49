"""``/healthz`` (liveness) and ``/readyz`` (readiness) for operations.

``/healthz`` answers ``{"status": "ok"}`` without touching the database: it says the
process serves requests through the whole middleware stack, nothing more. ``bench/load.sh``
uses it as the trivial Django JSON view the application's pages are compared with.

``/readyz`` says whether the instance can do its work: the database can be read and
written (a row is written and rolled back, so a read-only database fails too), and, when
``REDIS_URL`` is set, Redis (the cache) and the task queue answer. Anything wrong is a
503 naming only which part failed; the reason goes to the log, never to the caller.
"""

import logging

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


class _RolledBack(Exception):
    pass


def check_database() -> None:
    """Reads, then writes a session row inside a transaction that is rolled back."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    try:
        with transaction.atomic():
            Session.objects.create(
                session_key="chidao-readyz-check", session_data="", expire_date=timezone.now()
            )
            raise _RolledBack
    except _RolledBack:
        pass


def check_cache() -> None:
    check = getattr(cache, "check", None)
    if check is not None:
        check()


def check_queue() -> None:
    from huey.contrib.djhuey import HUEY

    check = getattr(HUEY.storage, "check", None)
    if check is not None:
        check()


def get_checks() -> dict:
    """The checks that apply to this installation: Redis only when it is configured."""
    checks = {"database": check_database}
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        checks["cache"] = check_cache
    if "Redis" in str(settings.HUEY.get("huey_class", "")):
        checks["queue"] = check_queue
    return checks


@never_cache
@require_GET
def readyz(request):
    results = {}
    for name, check in get_checks().items():
        try:
            check()
        except Exception as error:  # whatever the failure, the instance is not ready
            logger.error("Readiness check %s failed: %r", name, error)
            results[name] = "fail"
        else:
            results[name] = "ok"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "fail", "checks": results}, status=200 if ready else 503
    )
