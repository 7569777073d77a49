"""Mixed load on Chỉ Đạo for locust (run by ``bench/load.sh``; see bench/RESULTS.md).

Each simulated user holds two signed-in sessions (made by ``bench/load_setup.py``; no
password check during the run), a unit officer's (``bench-unit-NN``) and a deputy head's
of the committee (``bench-leader-NN``), in two cookie jars, so that one task = one
request and the request mix is the task weights below whatever each request costs:

- 70 % reads: the unit's task list, a task's page, the committee dashboard, the
  committee's task list (pages); the task list and a task through the API;
- 25 % progress reports: the report form posted (page) or a POST to the API;
- 5 % indicator entries: a value for the open month through the API, after reading the
  cell's current version from the unit's grid page, as the grid does (the read is a
  request of its own, "page: indicator grid").

No entry conflicts by design: each simulated user writes only its own cells (its unit's
share of the indicators, split among the users that share an officer) and sends the
version it has just read, so a 409 would be a real fault and is counted as a failure.
Only if there are more users on one unit than indicators do cells have to be shared;
then a 409 is the designed answer to two people editing one value, and it is counted as
such (a success named "api: indicator entry POST (expected conflict)"), never as an error.
Every random choice comes from a ``random.Random`` seeded per user (``BENCH_SEED``,
default 57, plus the user's number), so a run's choices do not depend on the clock.

The baseline, user class ``BaselineUser`` on the command line instead of ``MixedUser``,
only requests ``GET /healthz`` (a trivial Django JSON view on the same server). Think
time between requests: ``BENCH_WAIT`` = "low,high" seconds (default 0.5,1.5). Latencies
are recorded only after ``BENCH_WARMUP`` seconds (default 10) and written as JSON to
``BENCH_OUT`` at the end, for ``bench/load_report.py``.
The manifest (``BENCH_MANIFEST``) comes from ``bench/load_setup.py``.
``BENCH_API_HOST`` (e.g. ``http://127.0.0.1:8732``) sends the API's requests to another
server than the pages (a third cookie jar holding the officer's session).
"""

import itertools
import json
import math
import os
import random
import re
import string
import time

from locust import HttpUser, between, events, task
from locust.clients import HttpSession

WARMUP = float(os.environ.get("BENCH_WARMUP", "10"))
LOW, HIGH = (float(x) for x in os.environ.get("BENCH_WAIT", "0.5,1.5").split(","))
SEED = int(os.environ.get("BENCH_SEED", "57"))
# Where the ``/api/`` requests go when a separate gunicorn serves them (load.sh's
# API_WORKERS, as a reverse proxy would route them); empty: the same server as the pages.
API_HOST = os.environ.get("BENCH_API_HOST", "")
MANIFEST: dict = {}
NUMBERS = itertools.count()

RECORDED: list[tuple[str, float, bool, float]] = []  # name, ms, failed, when
STARTED = {"at": None}


@events.test_start.add_listener
def _on_start(environment, **kwargs):
    STARTED["at"] = time.monotonic()


@events.request.add_listener
def _on_request(name, response_time, exception, **kwargs):
    started = STARTED["at"]
    if started is not None and time.monotonic() - started >= WARMUP:
        RECORDED.append((name, response_time, exception is not None, time.monotonic() - started))


@events.quitting.add_listener
def _on_quit(environment, **kwargs):
    out = os.environ.get("BENCH_OUT")
    if out:
        with open(out, "w") as file:
            json.dump({"warmup": WARMUP, "requests": RECORDED}, file)


def _use_session(session, key: str, rng: random.Random) -> str:
    """Put a session key and a CSRF token of our own in the jar; returns the token, which
    Django accepts when the form field or header repeats the cookie."""
    token = "".join(rng.choices(string.ascii_letters + string.digits, k=32))
    session.cookies.set("sessionid", key)
    session.cookies.set("csrftoken", token)
    return token


def _expect(response, status: int) -> None:
    if response.status_code != status:
        response.failure(f"{response.status_code} instead of {status}: {response.text[:200]}")
    else:
        response.success()


def _seeded_wait(user) -> float:
    """Think time from the user's own seeded generator (locust's ``between`` draws from
    the global one)."""
    return LOW + user.rng.random() * (HIGH - LOW)


class BaselineUser(HttpUser):
    """``GET /healthz`` only."""

    wait_time = between(LOW, HIGH)

    @task
    def health(self):
        self.client.get("/healthz", name="baseline: /healthz")


class MixedUser(HttpUser):
    wait_time = _seeded_wait

    def on_start(self):
        if not MANIFEST:
            with open(os.environ["BENCH_MANIFEST"]) as file:
                MANIFEST.update(json.load(file))
        n = next(NUMBERS)
        self.rng = random.Random(SEED * 1_000_003 + n)
        officers, leaders = MANIFEST["officers"], MANIFEST["leaders"]
        self.officer = officers[n % len(officers)]
        self.csrf = _use_session(self.client, self.officer["session"], self.rng)
        self.api = self.client
        if API_HOST:
            self.api = HttpSession(
                base_url=API_HOST, request_event=self.environment.events.request, user=self
            )
            self.api.cookies.update(self.client.cookies)  # the officer, the same CSRF token
        self.leader = HttpSession(
            base_url=self.host, request_event=self.environment.events.request, user=self
        )
        _use_session(self.leader, leaders[n % len(leaders)]["session"], self.rng)
        self.committee = MANIFEST["committee"]
        # The users on one officer's unit split its indicators so no two write one cell.
        options = getattr(self.environment, "parsed_options", None)
        users = getattr(options, "num_users", None) or n + 1
        sharers = math.ceil(users / len(officers))
        indicators = MANIFEST["indicators"]
        self.cells_shared = sharers > len(indicators)
        slot = (n // len(officers)) % min(sharers, len(indicators))
        self.cells = indicators[slot :: min(sharers, len(indicators))]

    def _own_task(self) -> int:
        return self.rng.choice(self.officer["tasks"])

    # Reads: 70 ---------------------------------------------------------------------

    @task(15)
    def unit_task_list(self):
        self.client.get("/nhiem-vu/cua-don-vi/", name="page: unit task list")

    @task(15)
    def task_detail(self):
        self.client.get(f"/nhiem-vu/{self._own_task()}/", name="page: task detail")

    @task(10)
    def dashboard(self):
        self.leader.get(f"/bang-dieu-khien/{self.committee}/", name="page: committee dashboard")

    @task(10)
    def committee_task_list(self):
        self.leader.get(f"/nhiem-vu/?committee={self.committee}", name="page: committee task list")

    @task(10)
    def api_task_list(self):
        self.api.get("/api/v1/tasks/", name="api: task list")

    @task(10)
    def api_task_detail(self):
        self.api.get(f"/api/v1/tasks/{self._own_task()}/", name="api: task detail")

    # Progress reports: 25 -------------------------------------------------------------

    @task(15)
    def progress_page(self):
        with self.client.post(
            f"/nhiem-vu/{self._own_task()}/bao-cao/",
            data={
                "percent": self.rng.randint(0, 90),
                "results": "Đã triển khai theo kế hoạch (tải thử).",
                "csrfmiddlewaretoken": self.csrf,
            },
            name="page: progress report POST",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            _expect(response, 302)

    @task(10)
    def progress_api(self):
        with self.api.post(
            f"/api/v1/tasks/{self._own_task()}/progress/",
            json={"percent": self.rng.randint(0, 90), "results": "Báo cáo qua API (tải thử)."},
            headers={"X-CSRFToken": self.csrf},
            name="api: progress report POST",
            catch_response=True,
        ) as response:
            _expect(response, 201)

    # Indicator entries: 5 -------------------------------------------------------------

    @task(5)
    def indicator_entry(self):
        indicator = self.rng.choice(self.cells)
        value = f"{self.rng.randint(0, 100_000) / 100:.2f}".replace(".", ",")
        version = self._read_version(indicator)
        if version is None:
            return  # not editable now (submitted or approved): the grid offers no field
        with self.api.post(
            "/api/v1/observations/",
            json={
                "indicator": indicator,
                "period": MANIFEST["period"],
                "value": value,
                "version": version,
            },
            headers={"X-CSRFToken": self.csrf},
            name="api: indicator entry POST",
            catch_response=True,
        ) as response:
            if response.status_code == 409 and self.cells_shared:
                # Two users on one cell: the designed answer, not a fault.
                response.request_meta["name"] = "api: indicator entry POST (expected conflict)"
                response.success()
            else:
                _expect(response, 201)

    def _read_version(self, indicator: int) -> int | None:
        """The cell's version as the unit's grid shows it (0: no value yet), or None when
        the grid shows the cell read-only."""
        with self.client.get(
            f"/chi-tieu/nhap-so-lieu/?period={MANIFEST['period_key']}",
            name="page: indicator grid",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                _expect(response, 200)
                return None
            response.success()
            found = re.search(rf'name="version-{indicator}" value="(\d+)"', response.text)
            return int(found[1]) if found else None
