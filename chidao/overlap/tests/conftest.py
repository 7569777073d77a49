import pytest

from chidao.overlap.finder import clear_tree_indexes


@pytest.fixture(autouse=True)
def _fresh_indexes():
    clear_tree_indexes()
    yield
    clear_tree_indexes()
