"""Two web nodes, one PostgreSQL, one Redis: nothing the nodes keep for themselves shows
(issue 21 §6, docs/deployment.md).

Two gunicorn servers on loopback ports, each started as a node of a national installation
is (production settings from the environment, the same ``DATABASE_URL``, ``REDIS_URL`` and
``CHIDAO_MEDIA_ROOT``), with no state shared but those. Through both at once:

- a user signs in on one node and is signed in on the other (sessions in the database);
- a heavy page's rate limit counts the requests of both nodes (counters in Redis);
- progress reports on one task, sent to both nodes at the same time, are all kept;
- one indicator value edited from a stale copy on the other node is refused (409), never
  saved over the first edit: no lost update;
- the reminder run started on both machines at once sends each reminder once;
- the same page asked of both nodes is the same page (a file on the shared media path too);
- reports and exports read the replica (a read-only copy of the primary in which one task's
  title differs), pages the primary;
- signing out on one node signs the account out on both;
- wrong passwords on both nodes add up to one sign-in lock-out.

The database is ``CHIDAO_NODES_DATABASE_URL``'s (default: PostgreSQL on 127.0.0.1, database
``chidao_two_nodes``, dropped and created anew), Redis ``CHIDAO_NODES_REDIS_URL`` (default
DB 7 on 127.0.0.1, flushed). As in ``onboarding/tests/test_recipe.py``: in CI a missing
PostgreSQL or Redis fails the test. Readiness is polled on ``/readyz``; nothing is timed.
"""

import http.client
import io
import json
import os
import re
import secrets
import string
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from chidao.core.tests.ports import free_port, in_the_postgresql_pass, reachable

ROOT = Path(settings.BASE_DIR)
DATABASE_URL = os.environ.get(
    "CHIDAO_NODES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chidao_two_nodes"
)
REDIS_URL = os.environ.get("CHIDAO_NODES_REDIS_URL", "redis://127.0.0.1:6379/7")
# Heavy pages (the dashboard) a user may open per day on the whole installation.
HEAVY_PAGE_LIMIT = 4
REPORTS_PER_NODE = 4
# Wrong passwords before django-axes locks the account (and the address) out.
SIGN_IN_FAILURE_LIMIT = 3
# What the replica's copy of the task's title ends with (the primary's does not).
REPLICA_MARK = " (bản sao)"


# The masked CSRF token differs on every rendering by design; nothing else may differ.
CSRF_TOKEN = re.compile(r"[A-Za-z0-9]{64}")


class Node:
    """One gunicorn server; requests carry a session cookie and a CSRF token of our own,
    which Django accepts when the header or form field repeats the cookie."""

    def __init__(self, name: str, port: int):
        self.name = name
        self.port = port

    def request(self, method, path, *, session=None, form=None, data=None, csrf=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        cookies = {}
        headers = {"Host": "127.0.0.1"}
        if session:
            cookies["sessionid"] = session
        if csrf:
            cookies["csrftoken"] = csrf
            headers["X-CSRFToken"] = csrf
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif data is not None:
            body = json.dumps(data)
            headers["Content-Type"] = "application/json"
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        set_cookies = {
            value.partition("=")[0]: value.partition("=")[2].split(";")[0]
            for name, value in response.getheaders()
            if name.lower() == "set-cookie"
        }
        connection.close()
        return response.status, content, set_cookies

    def page(self, path, session) -> str:
        status, content, _cookies = self.request("GET", path, session=session)
        assert status == 200, (self.name, path, status, content[:300])
        return CSRF_TOKEN.sub("TOKEN", content.decode())


def _token() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


@pytest.fixture
def installation(tmp_path):
    """The database, Redis, the shared media path and the environment of both nodes."""
    if not reachable(DATABASE_URL) or not reachable(REDIS_URL):
        message = (
            "two web nodes need PostgreSQL and Redis (CHIDAO_NODES_DATABASE_URL, "
            "CHIDAO_NODES_REDIS_URL); .ci/run provides both"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    database = urlsplit(DATABASE_URL)
    pg = ["-h", database.hostname, "-p", str(database.port or 5432), "-U", database.username]
    name = database.path.lstrip("/")
    subprocess.run(["dropdb", *pg, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *pg, name], check=True)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CHIDAO_", "DJANGO_"))}
    base.pop("DATABASE_URL", None)
    base.pop("REDIS_URL", None)
    environment = base | {
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CHIDAO_SECRET_KEY": secrets.token_urlsafe(50),
        "CHIDAO_ALLOWED_HOSTS": "127.0.0.1",
        "CHIDAO_MEDIA_ROOT": str(tmp_path / "shared-media"),
        "CHIDAO_HEAVY_PAGE_RATE": f"{HEAVY_PAGE_LIMIT}/day",
        "CHIDAO_LOGIN_FAILURE_LIMIT": str(SIGN_IN_FAILURE_LIMIT),
        # Plain HTTP on loopback, no second step for the test accounts.
        "CHIDAO_SSL_REDIRECT": "0",
        "CHIDAO_SECURE_COOKIES": "0",
        "CHIDAO_TWO_FACTOR_REQUIRED": "0",
        "CHIDAO_LOG_LEVEL": "WARNING",
        "CHIDAO_WEB_ACCESS_LOG": "",
        # No overlap warm-up: its reads are not what these tests are about.
        "CHIDAO_WEB_WARM_OVERLAP": "0",
        # Mail goes to files, one per message, in a directory both "machines" write to.
        "CHIDAO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "CHIDAO_EMAIL_FILE_PATH": str(tmp_path / "mail"),
        # Production settings but static paths joined, not read from collectstatic's
        # manifest (its compression takes minutes; bench/smoke_settings.py).
        "PYTHONPATH": str(ROOT / "bench"),
        "DJANGO_SETTINGS_MODULE": "smoke_settings",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )

    manage("migrate", "--noinput", "-v0")
    world_file = tmp_path / "world.json"
    manage(
        "shell",
        "-c",
        "from chidao.core.tests.nodes import write_two_node_world; "
        f"write_two_node_world({str(world_file)!r})",
    )
    world = json.loads(world_file.read_text(encoding="utf-8"))
    # The replica: a read-only copy of the primary taken now, in which one task's title
    # differs, so that a page shows where it read from (the primary's title or the copy's).
    replica = f"{name}_replica"
    subprocess.run(["dropdb", *pg, "--if-exists", "--force", replica], check=True)
    subprocess.run(["createdb", *pg, "-T", name, replica], check=True)
    psql = ["psql", *pg, "-d", replica, "-v", "ON_ERROR_STOP=1", "-q", "-c"]
    title = f"UPDATE assignments_task SET title = title || '{REPLICA_MARK}' WHERE id = %d"
    subprocess.run([*psql, title % world["task"]], check=True)
    subprocess.run(
        [*psql, f"ALTER DATABASE {replica} SET default_transaction_read_only = on"], check=True
    )
    environment["CHIDAO_REPLICA_DATABASE_URL"] = database._replace(path=f"/{replica}").geturl()
    return environment, manage, world


@pytest.fixture
def nodes(installation, tmp_path):
    environment, _manage, _world = installation
    started = []
    for name in ("a", "b"):
        port = free_port()
        log = (tmp_path / f"node-{name}.log").open("wb")
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "chidao.wsgi",
                # The settings of gunicorn.conf.py (gthread), smaller: two threads.
                "--workers",
                "1",
                "--threads",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append((Node(name, port), process, tmp_path / f"node-{name}.log"))
    try:
        for node, process, log_path in started:
            # Until it answers /readyz; a node that ends, or is not ready after many polls
            # (minutes on a loaded machine), fails the test with its log.
            for _poll in range(3000):
                assert process.poll() is None, log_path.read_text(errors="replace")
                try:
                    status, _content, _cookies = node.request("GET", "/readyz")
                except OSError:
                    status = None
                if status == 200:
                    break
                time.sleep(0.2)
            else:
                log = log_path.read_text(errors="replace")
                pytest.fail(f"node {node.name} never ready:\n{log}")
        yield [node for node, _process, _log in started]
    finally:
        for _node, process, _log in started:
            process.terminate()
        for _node, process, _log in started:
            process.wait(timeout=60)


def _sign_in(node, username, password) -> str:
    csrf = _token()
    status, content, cookies = node.request(
        "POST",
        "/dang-nhap/",
        form={"csrfmiddlewaretoken": csrf, "username": username, "password": password},
        csrf=csrf,
    )
    assert status == 302, (status, content[:500])
    return cookies["sessionid"]


# Its own database and Redis whatever the suite's engine: once, in the PostgreSQL pass.
@in_the_postgresql_pass
def test_two_nodes_share_everything_they_must(installation, nodes, tmp_path):
    from chidao.core.tests.nodes import PASSWORD

    environment, manage, world = installation
    a, b = nodes
    sessions = world["sessions"]
    officer = sessions["unit_officer"]

    task_page = f"/nhiem-vu/{world['task']}/"
    # Rate limits: the dashboard's daily limit counts both nodes' requests together.
    dashboard = f"/bang-dieu-khien/{world['committee']}/"
    secretariat = sessions["secretariat"]
    answers = [
        node.request("GET", dashboard, session=secretariat)[0] for node in (a, b) * HEAVY_PAGE_LIMIT
    ][: HEAVY_PAGE_LIMIT + 1]
    assert answers == [200] * HEAVY_PAGE_LIMIT + [429], answers

    # Progress reports on one task, sent to both nodes at once: every one is kept.
    reports = f"/api/v1/tasks/{world['task']}/progress/"
    answers = []

    def send(node, number):
        csrf = _token()
        for i in range(REPORTS_PER_NODE):
            status, content, _cookies = node.request(
                "POST",
                reports,
                session=officer,
                csrf=csrf,
                data={"percent": 10 * i, "results": f"Báo cáo {number}.{i} qua nút {node.name}."},
            )
            answers.append((status, content[:300]))

    threads = [threading.Thread(target=send, args=(node, n)) for n, node in enumerate(nodes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _content in answers] == [201] * 2 * REPORTS_PER_NODE, answers
    for node in nodes:
        status, content, _cookies = node.request("GET", reports, session=officer)
        texts = [row["results"] for row in json.loads(content)["results"]]
        assert status == 200
        assert sum("qua nút" in text for text in texts) == 2 * REPORTS_PER_NODE

    # No lost update: a value saved on A, then an edit from the same stale copy on B.
    entry = {"indicator": world["indicator"], "period": world["period"], "version": 0}
    csrf = _token()
    first = a.request(
        "POST", "/api/v1/observations/", session=officer, csrf=csrf, data=entry | {"value": "120"}
    )
    assert first[0] == 201, first[1][:500]
    stale = b.request(
        "POST", "/api/v1/observations/", session=officer, csrf=csrf, data=entry | {"value": "95"}
    )
    assert stale[0] == 409, stale[1][:500]
    saved = json.loads(first[1])[0]
    status, content, _cookies = b.request(
        "GET", f"/api/v1/observations/{saved['id']}/", session=officer
    )
    assert status == 200
    assert json.loads(content)["value"] == saved["value"]

    # The reminder run, started on both machines at once: each reminder is sent once.
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "send_reminders"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _node in nodes
    ]
    for run in runs:
        _out, errors = run.communicate(timeout=600)
        assert run.returncode == 0, errors
    counted = manage(
        "shell",
        "-c",
        "from chidao.reminders.models import Notification; "
        "rows = Notification.objects.all(); "
        "print(rows.filter(sent_at__isnull=False, channel='email').count(), "
        f"rows.filter(task={world['overdue_task']}).count())",
    )
    emailed, overdue = (int(n) for n in counted.stdout.split()[-2:])
    assert overdue > 0  # the overdue task's reminders were created (once: a unique key)…
    assert emailed > 0, counted.stdout
    # The file backend may append several messages to one file: count the messages.
    messages = sum(
        path.read_text(encoding="utf-8").count("\nMessage-ID: ")
        for path in (tmp_path / "mail").iterdir()
    )
    assert messages == emailed  # …and each email was sent by one run only

    # Identical pages: the same user asks both nodes for the same pages.
    for role, path in (
        ("unit_officer", task_page),
        ("unit_officer", "/nhiem-vu/cua-don-vi/"),
        ("unit_officer", "/thong-bao/"),
        ("leader", dashboard),
        ("leader", f"/nhiem-vu/?committee={world['committee']}"),
    ):
        first, second = a.page(path, sessions[role]), b.page(path, sessions[role])
        if first != second:
            # A page may show the minute it was made: ask A again, after B.
            first = a.page(path, sessions[role])
        assert first == second, (role, path)
    # A file on the shared media path (an evidence file) is served by both nodes alike.
    status, content, _cookies = b.request("GET", task_page, session=officer)
    links = re.findall(r'href="(/nhiem-vu/minh-chung/\d+/[^"]*)"', content.decode())
    assert links, "the task page links its evidence"
    for link in links:
        answers = [node.request("GET", link, session=officer) for node in nodes]
        assert answers[0][0] == answers[1][0] == 200
        assert answers[0][1] == answers[1][1]

    # Pages read the primary; the task export reads the replica (read-only: a write there
    # would fail), on both nodes.
    export = reverse("assignments:task_export") + f"?committee={world['committee']}"
    for node in nodes:
        assert REPLICA_MARK not in node.page(task_page, officer)
        status, content, _cookies = node.request("GET", export, session=sessions["leader"])
        assert status == 200
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        titles = [str(value) for row in sheet.iter_rows(values_only=True) for value in row]
        assert any(title.endswith(REPLICA_MARK) for title in titles)

    # Sessions (last: signing out ends the officer's other sessions): signed in on A,
    # signed in on B; signed out on B, signed out on A.
    session = _sign_in(a, world["officer"], PASSWORD)
    assert a.request("GET", task_page, session=session)[0] == 200
    assert b.request("GET", task_page, session=session)[0] == 200
    csrf = _token()
    status, _content, _cookies = b.request(
        "POST", "/dang-xuat/", session=session, form={"csrfmiddlewaretoken": csrf}, csrf=csrf
    )
    assert status == 302
    # Signing out ends the account's sessions everywhere: on A too, and the other one.
    assert a.request("GET", task_page, session=session)[0] == 302  # to the sign-in page
    assert a.request("GET", task_page, session=officer)[0] == 302

    # Sign-in lock-out (django-axes, in PostgreSQL; last: it locks the address out too):
    # wrong passwords on both nodes add up, and then even the right one is refused on either.
    from chidao.core.tests.world import PASSWORD as LEADER_PASSWORD

    def attempt(node, password):
        csrf = _token()
        form = {"csrfmiddlewaretoken": csrf, "username": "lanhdao", "password": password}
        return node.request("POST", "/dang-nhap/", form=form, csrf=csrf)[0]

    failures = [attempt(node, "sai-mat-khau") for node in (a, b)]
    assert failures == [200] * 2  # the form again, with the error
    attempt(a, "sai-mat-khau")  # the third failure, the limit
    assert attempt(b, LEADER_PASSWORD) == 429
    assert attempt(a, LEADER_PASSWORD) == 429
