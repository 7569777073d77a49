"""Start-up checks (Django's system check framework) for settings that are each valid
alone but unsafe together."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def check_client_address_behind_proxy(app_configs, **kwargs):
    """Behind nginx every request comes from the proxy's address unless the header the
    proxy writes is trusted: the per-address sign-in lock and rate limits would then lock
    everybody at once. A proxy is told by the settings that only make sense behind one."""
    behind_proxy = (
        getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        or getattr(settings, "USE_X_FORWARDED_HOST", False)
        or getattr(settings, "USE_X_FORWARDED_PORT", False)
    )
    if behind_proxy and not getattr(settings, "CHIDAO_TRUSTED_PROXY_HEADER", ""):
        return [
            Warning(
                "Running behind a proxy without CHIDAO_TRUSTED_PROXY_HEADER: every client "
                "has the proxy's address, so five failed sign-ins lock everybody out and "
                "per-address limits are shared by all users.",
                hint="Set CHIDAO_TRUSTED_PROXY_HEADER to the header nginx writes the "
                "client's address to (e.g. X-Real-IP with `proxy_set_header X-Real-IP "
                "$remote_addr;`).",
                id="chidao.W001",
            )
        ]
    return []
