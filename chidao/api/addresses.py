"""Where a webhook may be sent: an outside HTTPS address, never the server's own network.

A webhook is a request the server makes to an address a secretariat typed, and the
delivery's status is shown back to them: without these checks that is a port scanner
into the intranet (127.0.0.1, the cloud metadata address 169.254.169.254, private
ranges). The address is checked when the subscription is saved and again before every
delivery, on the addresses the name resolves to at that moment (DNS can change), and the
connection is then made to the address that was checked.

Settings: ``CHIDAO_WEBHOOK_ALLOW_HTTP`` (plain ``http://`` for an intranet receiver) and
``CHIDAO_WEBHOOK_ALLOWED_NETWORKS`` (networks such as ``10.20.0.0/16`` a receiver may be
on although they are private).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to now; empty when it does not resolve."""
    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return list(dict.fromkeys(info[4][0] for info in found))


def is_forbidden_address(address: str) -> bool:
    """Loopback, link-local, private, multicast, reserved or unspecified, and not in a
    network the operator allowed."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for network in settings.CHIDAO_WEBHOOK_ALLOWED_NETWORKS:
        if ip in ipaddress.ip_network(network, strict=False):
            return False
    return (
        ip.is_loopback
        or ip.is_link_local
        or ip.is_private
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def split_webhook_url(url: str) -> tuple[str, str, int]:
    """The scheme, host and port of an allowed URL; raises ``ValidationError`` otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError(_("Địa chỉ nhận không hợp lệ."), code="invalid") from None
    schemes = {"https", "http"} if settings.CHIDAO_WEBHOOK_ALLOW_HTTP else {"https"}
    if parts.scheme not in schemes:
        raise ValidationError(
            _("Địa chỉ nhận phải bắt đầu bằng https://."), code="scheme_not_allowed"
        )
    if not parts.hostname or parts.username or parts.password:
        raise ValidationError(_("Địa chỉ nhận không hợp lệ."), code="invalid")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def check_webhook_url(url: str, *, require_address: bool = False) -> list[str]:
    """The addresses ``url`` may be delivered to now.

    Raises ``ValidationError`` (a Vietnamese message) for a scheme other than https (or
    http where allowed), or when any address the host resolves to is forbidden. A name
    that does not resolve passes at save time (``require_address`` False: the intranet's
    DNS may not know it yet) and fails at delivery time.
    """
    _scheme, host, port = split_webhook_url(url)
    addresses = resolve_host(host, port)
    if not addresses:
        if require_address:
            raise ValidationError(
                _("Không tìm thấy máy chủ %(host)s.") % {"host": host}, code="unresolved"
            )
        return []
    if any(is_forbidden_address(address) for address in addresses):
        raise ValidationError(
            _(
                "Không gửi sự kiện đến địa chỉ nội bộ hoặc dành riêng (%(host)s). "
                "Hãy dùng địa chỉ công khai của hệ thống nhận."
            )
            % {"host": host},
            code="address_not_allowed",
        )
    return addresses
