"""Issue [O] §9 in Chromium: axe-core finds no WCAG 2.0/2.1 A or AA violation on any page
of any demo role's menu, and each role's landing page is kept as a screenshot.

axe-core comes inside the ``axe-playwright-python`` package (its ``axe.min.js``), which
the test injects into the page: nothing is fetched at run time (the guard of
``core/tests/browser.py`` would fail the test on a request to another host).

A visitor's pages come first (sign-in, public index, proposal form and tracking). Then each
role signs in through the form, lands on its home page (saved as a screenshot, the
artefact a reviewer opens first), then opens every link of its menu: the bar, the
dropdowns and the user menu. Django's own admin (``/admin/``, staff only) is left out:
it is Django's interface, not the project's layout. Last, an officer's task page and
report form, the pages an officer spends most time on.
"""

import io
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import TaskState
from chidao.assignments.models import Task
from chidao.core.tests.browser import sign_in
from chidao.demo.content import ACCOUNTS, DEMO_PASSWORD

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
# The rules of WCAG 2.0 and 2.1, levels A and AA, that the issue asks for.
PUBLIC_PAGES = (
    "login",
    "dashboards:public_index",
    "proposals:public_submit",
    "proposals:public_track",
    "proposals:public_answers",
)
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def menu_paths(page) -> list[str]:
    """The addresses of the menu's links (the bar, its dropdowns, the user menu), in order."""
    hrefs = page.eval_on_selector_all(
        "#main-nav a[href]", "links => links.map((link) => link.getAttribute('href'))"
    )
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        if href != "#" and not path.startswith("/admin/") and path not in paths:
            paths.append(path)
    return paths


def describe(violations: list[dict]) -> list[str]:
    """One line per rule broken, with the first elements that break it."""
    lines = []
    for violation in violations:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"][:4]]
        lines.append(
            f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} elements): "
            f"{violation['help']} — {'; '.join(targets)}"
        )
    return lines


def test_every_page_of_every_demo_roles_menu_passes_axe(web, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    axe = Axe()
    found: dict[str, list[str]] = {}
    visited = 0

    def check(page, who: str, path: str):
        nonlocal visited
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        results = axe.run(page, options=WCAG_AA)
        visited += 1
        if results.violations_count:
            found[f"{who} {path}"] = describe(results.response["violations"])

    # A visitor's pages: the front door and what it links to.
    visitor = web.new_page(LAPTOP)
    for name in PUBLIC_PAGES:
        check(visitor, "visitor", reverse(name))

    for account in ACCOUNTS:
        page = web.new_page(LAPTOP)
        sign_in(page, live_server, account.username, DEMO_PASSWORD)
        web.step(page, f"{account.username} landing page")
        paths = menu_paths(page)
        assert paths, f"{account.username} has no menu"
        for path in paths:
            check(page, account.username, path)

    # Beyond the menu, where an officer works most: a task's page and its report form.
    task = Task.objects.filter(lead_unit__code="ND-STC", state=TaskState.OPEN).order_by("pk")[0]
    officer = web.new_page(LAPTOP)
    sign_in(officer, live_server, "canbo.taichinh", DEMO_PASSWORD)
    check(officer, "canbo.taichinh", reverse("assignments:task_detail", args=[task.pk]))
    check(officer, "canbo.taichinh", reverse("assignments:progress_create", args=[task.pk]))

    report = "\n".join(
        f"{where}:\n  " + "\n  ".join(lines) for where, lines in sorted(found.items())
    )
    assert not found, f"axe-core violations on {len(found)} of {visited} pages:\n{report}"
    web.guard.check("the walk over every menu")
