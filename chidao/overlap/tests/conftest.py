import pytest

from chidao.core.tests.browser import browser, web
from chidao.overlap.finder import clear_tree_indexes

__all__ = ["browser", "web"]


@pytest.fixture(autouse=True)
def _fresh_indexes():
    clear_tree_indexes()
    yield
    clear_tree_indexes()
