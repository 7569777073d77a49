"""Loopback helpers of the tests that start real servers (the production recipe, two nodes)."""

import socket
from urllib.parse import urlsplit

import pytest
from django.conf import settings

# The production recipe and the two-node test start their own servers on their OWN
# PostgreSQL database and Redis (CHIDAO_RECIPE_*, CHIDAO_NODES_*), whatever database the
# suite runs on: in the SQLite pass of .ci/run they would repeat the PostgreSQL pass's run
# exactly, about a minute of CPU on two cores. So they run in the suite on PostgreSQL
# (the second pass of .ci/run), and the SQLite pass (`make test`) says so in its summary
# (`-rs` in pyproject.toml's addopts). docs/development.md, "Tests".
SUITE_ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]
in_the_postgresql_pass = pytest.mark.skipif(
    not SUITE_ON_POSTGRESQL,
    reason=(
        "runs in the suite on PostgreSQL (the second pass of .ci/run; alone: "
        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> .venv/bin/pytest -n 0 <test>): "
        "it uses its own PostgreSQL database and Redis whatever the suite's engine, so on "
        "SQLite it would repeat that run exactly"
    ),
)


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
