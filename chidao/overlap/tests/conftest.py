import pytest

from chidao.overlap import finder
from chidao.overlap.finder import clear_tree_indexes


@pytest.fixture(autouse=True)
def _fresh_indexes():
    clear_tree_indexes()
    yield
    clear_tree_indexes()


@pytest.fixture
def compared(monkeypatch):
    """The pairs the report reads part by part, in the order it reads them."""
    read = []
    compare = finder._compare_at_levels
    monkeypatch.setattr(
        finder, "_compare_at_levels", lambda *args: read.append(args) or compare(*args)
    )
    return read
