"""Where the current request comes from: its id and the client's address.

Set by ``middleware.RequestContextMiddleware`` for the length of one request, read by the
receivers that write audit events and historical records.
"""

import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from chidao.core.client_address import get_client_ip


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    ip: str | None
    method: str
    path: str


current: ContextVar[RequestContext | None] = ContextVar("chidao_request", default=None)


def build_context(request) -> RequestContext:
    given = request.headers.get("X-Request-ID", "")
    request_id = given[:64] if given and given.isascii() and given.isprintable() else ""
    return RequestContext(
        request_id=request_id or uuid.uuid4().hex,
        ip=get_client_ip(request),
        method=request.method or "",
        path=request.path[:500],
    )
