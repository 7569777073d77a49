import pytest
from django.conf import settings
from django.utils import translation

# One Chromium for the whole run: every app's browser tests share these fixtures (a second
# session fixture would start a second Playwright inside the first one's event loop).
from chidao.core.tests.browser import browser, page, phone_page, web

__all__ = ["browser", "page", "phone_page", "web"]


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Vietnamese: a request in English leaves English active after it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests after all others (stable order otherwise).

    While Playwright runs, Django's guard against ORM calls under an asyncio loop is
    lifted (see ``browser.browser``); no other test should run in that state.
    """
    items[:] = [item for item in items if item.get_closest_marker("browser") is None] + [
        item for item in items if item.get_closest_marker("browser") is not None
    ]
