"""GET and HEAD never change state (docs/security.md §4).

A link can be followed by anyone: a crawler on the intranet, a browser prefetching, an
``<img src>`` planted in a comment on another site. If a GET changed something, such a
request would change it in the name of whoever is signed in, past the CSRF check that
guards every POST. So: for every URL pattern of the allow/deny table (including those
that only answer POST) and every role of the walk, a GET and a HEAD leave every table of
the database exactly as they found it: same rows, same values.

The snapshot hashes the full content of every table, so an UPDATE that keeps the row
count is caught too. Left out, each with its reason (``EXCLUDED_TABLES``,
``EXCLUDED_ROWS``): the visitor's own session, and the audit record of a refused
request (a 403 is written down whatever the method: that log is the point).
"""

import hashlib

import pytest
from django.db import connection
from django.urls import reverse

from chidao.audit.choices import AuditAction
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.world import PASSWORD, ROLES, sign_in

# Tables a read may legitimately write, with the reason.
EXCLUDED_TABLES = {
    # Flash messages read and cleared, the sign-in state, a 2FA key being set up: the
    # session belongs to the client that made the request, not to the site's data.
    "django_session": "the requesting visitor's own session",
}
# Rows a read may legitimately add to a table that is otherwise checked: table → a SQL
# condition on its columns (with its parameters) naming the rows left out, and why.
EXCLUDED_ROWS = {
    "audit_auditevent": (
        "action = %s",
        [AuditAction.PERMISSION_DENIED.value],
        "every 403 is recorded (chidao.audit.middleware), a GET's included",
    ),
}


def snapshot() -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every table but the excluded ones."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in EXCLUDED_TABLES:
                continue
            query = f"SELECT * FROM {connection.ops.quote_name(table)}"
            params = []
            if table in EXCLUDED_ROWS:
                condition, params, _reason = EXCLUDED_ROWS[table]
                query += f" WHERE NOT ({condition})"
            cursor.execute(query, params)
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            tables[table] = (len(rows), digest)
    return tables


def changed_tables(before, after) -> list[str]:
    return sorted(
        f"{table} ({before.get(table, (0,))[0]} → {after.get(table, (0,))[0]} rows)"
        for table in before.keys() | after.keys()
        if before.get(table) != after.get(table)
    )


@pytest.fixture
def world(shared_world, db):
    """Built once for the module (``shared_world``); each test's writes are rolled back."""
    return shared_world


@pytest.mark.parametrize("role", ROLES)
def test_get_and_head_change_nothing(client, world, role):
    if role != "anonymous":
        sign_in(client, world.users[role])
    offenders = []
    before = snapshot()
    for name, route in sorted(TABLE.items()):
        kwargs = {param: world.objects[key].pk for param, key in route.kwargs.items()}
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "head"):
            response = getattr(client, method)(url)
            after = snapshot()
            if changed := changed_tables(before, after):
                offenders.append(f"{method.upper()} {url} ({response.status_code}): {changed}")
            before = after
    assert not offenders, "\n".join(offenders)


def test_the_snapshot_sees_a_changed_value_and_ignores_only_the_exclusions(world, client):
    client.login(username=world.users["other_unit_officer"].username, password=PASSWORD)
    before = snapshot()
    type(world.task).objects.filter(pk=world.task.pk).update(title="Tên khác")
    # A 403 is recorded in the audit log, which the snapshot leaves out on purpose.
    assert client.get(reverse("audit:event_list")).status_code == 403
    changed = changed_tables(before, snapshot())
    assert len(changed) == 1
    assert changed[0].startswith("assignments_task (")
