"""Real-browser fixtures: Playwright driving Debian's Chromium against the live test server.

A unit officer reports from a phone on a government intranet, so the browser tests check
what the Django test client cannot: the pages work with their real scripts and styles,
and they load nothing from the internet. Every page opened here is watched by a guard
that fails the test on

- a request to any host but the live server (CDN, web fonts, analytics), aborted at once;
- a console error or an uncaught script error;
- a 4xx/5xx answer for anything the page loads from the live server.

Each step is saved as a full-page screenshot under
``artifacts/screenshots/<test name>/<nn-step>.png`` for the reviewer and the CI artifacts.

The browser is Debian's Chromium at ``/usr/bin/chromium``; Playwright's own browser
download is never used (the machines that run this are offline). A missing browser fails
the run with instructions, never skips it: a green run must include the browser tests.
"""

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from chidao.core.tests.external import find_external_resources

CHROMIUM = Path(os.environ.get("CHIDAO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 800}
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
# Long enough for a slow CI machine, short enough that a missing element fails quickly.
TIMEOUT_MS = 15_000

MISSING_BROWSER = f"""Chromium is missing at {CHROMIUM}: the browser tests cannot run.
Install Debian's package (never Playwright's download):
    sudo apt-get install -y chromium
or point CHIDAO_CHROMIUM at another Chromium binary."""


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module, closed at the module's end.

    Playwright's sync API keeps an asyncio loop running in this thread while it is
    started, and Django refuses ORM calls from a thread with a running loop. The tests
    here call the ORM between browser steps on purpose (set up, then check the
    database), so the refusal is lifted exactly while Playwright runs. Per module, not
    per session, so that it is lifted only while a browser module runs, whatever order
    a worker runs its tests in (``conftest.py`` keeps every browser test in one xdist
    group and fails any other test that would run with the refusal lifted).
    """
    if not CHROMIUM.exists():
        pytest.fail(MISSING_BROWSER, pytrace=False)
    from playwright.sync_api import sync_playwright

    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@dataclass
class Guard:
    """What went wrong on the pages of one test, in the order it happened."""

    host: str
    problems: list[str] = field(default_factory=list)
    reported: int = 0

    def watch(self, context):
        context.route("**/*", self._route)
        context.on("page", self._watch_page)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.netloc == self.host:
            route.continue_()
            return
        self.problems.append(f"request to another host: {url}")
        route.abort("blockedbyclient")

    def _watch_page(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("response", self._response)

    def _console(self, message):
        if message.type == "error":
            where = message.location.get("url", "")
            self.problems.append(f"console error: {message.text} ({where})")

    def _response(self, response):
        if response.status >= 400 and urlsplit(response.url).netloc == self.host:
            self.problems.append(f"{response.status} for {response.url}")

    def check(self, when: str, *more: str):
        """Fail the test with every problem not yet reported (and ``more`` found by the caller)."""
        new = [*self.problems[self.reported :], *more]
        self.reported = len(self.problems)
        if new:
            pytest.fail(f"{when}:\n  " + "\n  ".join(new), pytrace=False)


class Web:
    """The browser side of one test: guarded pages, one browser context each."""

    def __init__(self, browser, base_url: str, screenshots: Path):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.guard = Guard(host=urlsplit(self.base_url).netloc)
        self.screenshots = screenshots
        self.contexts = []
        self.steps = 0

    def new_page(self, viewport: dict | None = None):
        """A page in a fresh context (own cookies: one signed-in user per context)."""
        context = self.browser.new_context(
            viewport=viewport or DESKTOP,
            base_url=self.base_url,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.guard.watch(context)
        self.contexts.append(context)
        return context.new_page()

    def url(self, name: str, **kwargs) -> str:
        return self.base_url + reverse(name, kwargs=kwargs or None)

    def step(self, page, name: str):
        """Save a full-page screenshot of this step, then check the page and the network.

        The HTML is checked too (``find_external_resources``): a reference to another
        host fails here even if the browser had not fetched it yet.
        """
        page.wait_for_load_state("load")
        self.steps += 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        self.screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=self.screenshots / f"{self.steps:02d}-{slug}.png", full_page=True)
        own_host = (urlsplit(self.base_url).hostname,)
        external = find_external_resources(page.content(), allowed_hosts=own_host)
        found = [f"the page refers to another host: {url}" for url in external]
        self.guard.check(f"step {name!r} ({page.url})", *found)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def web(browser, live_server, transactional_db, request):
    """Guarded pages on the live server for one test; see ``Web``."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    # Screenshots of an earlier run would mix with this run's steps.
    shutil.rmtree(SCREENSHOTS / name, ignore_errors=True)
    web = Web(browser, live_server.url, SCREENSHOTS / name)
    yield web
    web.close()
    web.guard.check("after the last step")


@pytest.fixture
def page(web):
    """A desktop page (1280×800) in a fresh browser context."""
    return web.new_page(DESKTOP)


@pytest.fixture
def phone_page(web):
    """A phone page (360×800) in a fresh browser context."""
    return web.new_page(PHONE)


def sign_in(page, live_server, username: str, password: str):
    """Sign in through the real form and wait for the page ``home`` sends the user to."""
    base = live_server.url if hasattr(live_server, "url") else str(live_server)
    page.goto(base.rstrip("/") + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    if urlsplit(page.url).path == reverse("login"):
        pytest.fail(f"signing in as {username!r} failed: still on {page.url}", pytrace=False)


def make_pdf(text: str = "Bien ban nghiem thu") -> bytes:
    """A small valid one-page PDF (exact cross-reference offsets) to upload as evidence.

    ``text`` is drawn with a standard font, so it must be ASCII.
    """
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
