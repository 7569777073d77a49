"""The address a request comes from, read the same way by the audit trail, the sign-in
throttle (django-axes) and the rate limits."""

from django.conf import settings


def get_client_ip(request) -> str | None:
    """The client's address. Behind nginx, set ``CHIDAO_TRUSTED_PROXY_HEADER`` to the header
    the proxy writes (e.g. ``X-Real-IP``); headers are never trusted otherwise."""
    header = getattr(settings, "CHIDAO_TRUSTED_PROXY_HEADER", "")
    if header:
        value = request.headers.get(header, "").split(",")[0].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR") or None
