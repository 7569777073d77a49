"""Where the current request comes from: its id and the client's address.

Set by ``middleware.RequestContextMiddleware`` for the length of one request, read by the
receivers that write audit events and historical records.
"""

import uuid
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    ip: str | None
    method: str
    path: str


current: ContextVar[RequestContext | None] = ContextVar("chidao_request", default=None)


def get_client_ip(request) -> str | None:
    """The client's address. Behind nginx, set ``CHIDAO_TRUSTED_PROXY_HEADER`` to the header
    the proxy writes (e.g. ``X-Real-IP``); headers are never trusted otherwise."""
    from django.conf import settings

    header = getattr(settings, "CHIDAO_TRUSTED_PROXY_HEADER", "")
    if header:
        value = request.headers.get(header, "").split(",")[0].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR") or None


def build_context(request) -> RequestContext:
    given = request.headers.get("X-Request-ID", "")
    request_id = given[:64] if given and given.isascii() and given.isprintable() else ""
    return RequestContext(
        request_id=request_id or uuid.uuid4().hex,
        ip=get_client_ip(request),
        method=request.method or "",
        path=request.path[:500],
    )
