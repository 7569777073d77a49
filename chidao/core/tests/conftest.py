import pytest

from chidao.core.tests.browser import browser, page, phone_page, web

__all__ = ["browser", "page", "phone_page", "web"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests after all others (stable order otherwise).

    While Playwright runs, Django's guard against ORM calls under an asyncio loop is
    lifted (see ``browser.browser``); no other test should run in that state.
    """
    items[:] = [item for item in items if item.get_closest_marker("browser") is None] + [
        item for item in items if item.get_closest_marker("browser") is not None
    ]
