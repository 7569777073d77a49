"""Data for the two-node test (``test_two_nodes.py``), written by a process of its own.

``write_two_node_world(path)`` runs inside ``manage.py shell`` with the nodes' settings (the
same database, Redis and media path as the nodes), builds ``world.build_world()`` plus an
overdue task (so the reminder run has something to send) and a monthly indicator of the
lead unit, opens a signed-in session for three accounts the way sign-in opens one, and
writes what the test needs as JSON.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.utils import timezone

PASSWORD = "Hai-may-chu-web-2026"


def _session(user) -> str:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client.cookies["sessionid"].value


def write_two_node_world(path: str) -> None:
    from chidao.assignments.tests.factories import TaskFactory
    from chidao.core.periods import PeriodKind
    from chidao.core.tests.world import build_world
    from chidao.indicators.entry import get_open_periods
    from chidao.indicators.tests.factories import IndicatorFactory

    # The factories' accounts would each hash a password with Argon2 (seconds apiece here).
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        world = build_world()
    today = timezone.localdate()
    overdue = TaskFactory(
        committee=world.committee,
        group=world.group,
        lead_unit=world.lead_unit,
        title="Hoàn thành cơ sở dữ liệu dân cư cấp xã",
        assigned_on=today - datetime.timedelta(days=90),
        deadline=today - datetime.timedelta(days=10),
    )
    indicator = IndicatorFactory(
        committee=world.committee,
        responsible_unit=world.lead_unit,
        frequency=PeriodKind.MONTH,
        code="CT-HAI-NUT",
        name="Số hồ sơ trực tuyến toàn trình",
        measure_unit="hồ sơ",
        value_type="number",
    )
    period = get_open_periods(PeriodKind.MONTH, today, grace_days=0)[-1]
    for user in world.users.values():  # reminders go by e-mail too
        user.email = f"{user.username}@thu-nghiem.invalid"
        user.save(update_fields=["email"])
    officer = world.users["unit_officer"]
    # One account signs in through the form, with a real hash of a known password.
    officer.password = make_password(PASSWORD)
    officer.save(update_fields=["password"])
    data = {
        "task": world.task.pk,
        "overdue_task": overdue.pk,
        "committee": world.committee.pk,
        "indicator": indicator.pk,
        "period": f"{period.start.month}/{period.start.year}",
        "officer": officer.username,
        "sessions": {
            role: _session(world.users[role])
            for role in ("unit_officer", "unit_head", "leader", "secretariat")
        },
    }
    Path(path).write_text(json.dumps(data), encoding="utf-8")
