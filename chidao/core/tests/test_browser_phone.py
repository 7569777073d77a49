"""Issue [B] §14 (d): a unit officer's home page fits a 360 px phone, with no sideways scroll.

Many officers report from a phone. The demo province gives the page real content: long
Vietnamese task titles and unit names, tasks in every status, the counts bar.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chidao.core.tests.browser import sign_in

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "ChiDao@Demo2025"


def horizontal_overflow(page) -> dict:
    """How far the page reaches past the screen, and the elements that stick out."""
    return page.evaluate(
        """() => {
            const width = window.innerWidth;
            const culprits = [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > width + 0.5)
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                    + (el.className && typeof el.className === "string"
                        ? "." + el.className.trim().split(/\\s+/).join(".") : ""));
            return {
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: width,
                culprits,
            };
        }"""
    )


def test_unit_officer_home_fits_a_phone(web, phone_page, live_server):
    # The demo dates its tasks around "today", so the page shows every status.
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    page = phone_page

    sign_in(page, live_server, "canbo.taichinh", DEMO_PASSWORD)

    assert page.url == web.url("assignments:unit_tasks"), "home sends the officer elsewhere"
    assert page.locator("h1").inner_text() == "Nhiệm vụ của đơn vị"
    assert page.locator("#unit-tasks .unit-task").count() > 0, "the demo officer has tasks"
    web.step(page, "unit home at 360 px")
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["innerWidth"], overflow

    # The menu folds into the toggler on a phone; opening it must not widen the page.
    page.click("button.navbar-toggler")
    page.locator("#main-nav").wait_for(state="visible")
    web.step(page, "menu open at 360 px")
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["innerWidth"], overflow

    # Every group folded away by default opens without widening the page either.
    folded = page.locator("details.unit-task-group:not([open]) > summary")
    while folded.count():
        folded.first.click()
    web.step(page, "all groups open at 360 px")
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["innerWidth"], overflow
    assert reverse("assignments:unit_tasks") in page.url
