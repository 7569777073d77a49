"""Loopback helpers of the tests that start real servers (the production recipe, two nodes)."""

import socket
from urllib.parse import urlsplit


def reachable(url: str) -> bool:
    """Whether something answers a TCP connection at ``url``'s host and port."""
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=2).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
