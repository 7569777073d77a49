"""A plain GET writes nothing to the database (issue 21 §5: capacity).

``test_get_is_safe`` proves that no GET changes the site's data; this proves more for the
pages people open all day: a signed-in user's GET sends no INSERT, UPDATE or DELETE at
all, not even to the session table or the audit log. A write per read would cost a
transaction, a WAL record and a row lock on every page view, and on several web nodes
it is the one place where they would contend.

The one write a reader may cause is the session's last-activity stamp, which the idle
timeout needs (``chidao.core.sessions``): rewritten at most once per ``TOUCH_EVERY``,
so a user who reads ten pages a minute costs one session write a minute, not ten.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chidao.core.sessions import TOUCH_EVERY
from chidao.core.tests.world import sign_in

WRITES = ("INSERT", "UPDATE", "DELETE")
START = datetime.datetime(2026, 3, 10, 2, 0, tzinfo=datetime.UTC)
# Who reads which of the main pages (the mixed load's reads, bench/locustfile.py, and the
# pages a user opens first). Each role is allowed to see each of its pages.
PAGES = {
    "unit_officer": [
        ("home", None),
        ("assignments:unit_tasks", None),
        ("assignments:task_list", None),
        ("assignments:task_detail", "task"),
        ("reminders:notification_list", None),
        ("indicators:data_entry", None),
        ("api:task-list", None),
        ("api:task-detail", "task"),
    ],
    "leader": [
        ("home", None),
        ("dashboards:index", None),
        ("dashboards:committee_dashboard", "committee"),
        ("assignments:task_list", None),
        ("assignments:task_detail", "task"),
        ("indicators:indicator_list", None),
    ],
    "secretariat": [
        ("assignments:secretariat_home", None),
        ("assignments:task_list", None),
        ("assignments:task_detail", "task"),
        ("dashboards:committee_dashboard", "committee"),
        ("indicators:review", None),
        ("reminders:notification_list", None),
    ],
}


@pytest.fixture
def world(shared_world, db):
    return shared_world


def get_writes(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    writes = [
        query["sql"][:160]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(WRITES)
    ]
    return response.status_code, writes


def get_urls(world, role: str) -> list[str]:
    return [
        reverse(name, kwargs={"pk": world.objects[key].pk} if key else None)
        for name, key in PAGES[role]
    ]


@pytest.mark.parametrize("role", sorted(PAGES))
def test_a_signed_in_users_reads_write_nothing(client, world, role):
    with time_machine.travel(START, tick=False):
        sign_in(client, world.users[role])
        offenders = []
        for url in get_urls(world, role):
            # The first view of a page and a second one (anything cached on the way).
            for _view in range(2):
                status, writes = get_writes(client, url)
                assert status in (200, 302), (url, status)
                if writes:
                    offenders.append(f"GET {url}: {writes}")
    assert not offenders, "\n".join(offenders)


def test_the_idle_clock_is_rewritten_at_most_once_per_touch_period(client, world):
    url = reverse("assignments:task_detail", kwargs={"pk": world.task.pk})
    with time_machine.travel(START, tick=False) as traveller:
        sign_in(client, world.users["unit_officer"])
        assert get_writes(client, url) == (200, [])
        traveller.shift(TOUCH_EVERY + datetime.timedelta(seconds=1))
        status, writes = get_writes(client, url)
        assert status == 200
        assert len(writes) == 1
        assert writes[0].startswith('UPDATE "django_session"')
        # Every further read within the period writes nothing.
        for seconds in (1, 20, 59):
            traveller.shift(datetime.timedelta(seconds=seconds) / 3)
            assert get_writes(client, url) == (200, [])
