import os
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Every app's browser tests share these fixtures: one Chromium per module, one at a time (a
# second one started inside the first would start Playwright inside its event loop).
from chidao.core.tests.browser import browser, page, phone_page, web
from chidao.core.tests.ports import in_the_postgresql_pass
from chidao.core.tests.world import build_world

__all__ = ["browser", "page", "phone_page", "web"]

# pytest-xdist runs a worker on every core already: the overlap decision's trees
# (scikit-learn, OpenMP) fit on one thread each, or two workers' threads fight for two cores
# (a fit took 4 s alone, 17 s so). One thread or many, the trees are the same.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Property tests draw the same examples on every run and machine (derandomize: the seed
# comes from the test itself), never fail on the clock of a busy machine (no deadline),
# and keep no example database between runs: a red run is red again on a rerun.
hypothesis_settings.register_profile(
    "chidao", derandomize=True, deadline=None, database=None, print_blob=True
)
hypothesis_settings.load_profile("chidao")


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """One transaction for the whole module, rolled back at its end, for data that is
    expensive to build and only read (or changed in a savepoint) by the module's tests:
    ``shared_world`` below, the demo that several modules load once. Each test that asks
    for ``db`` runs in a savepoint inside it, so a test's writes never reach the next test.

    A module fixture builds on it and a function fixture hands each test fresh objects
    read from the database (an object kept in memory would carry one test's changes to
    the next)::

        @pytest.fixture(scope="module")
        def _loaded(module_db):
            call_command("load_demo", ...)

        @pytest.fixture
        def committee(_loaded, db):
            return Committee.objects.get(...)

    Every test of the module sees the data once the first has asked for it, so a module
    uses it only when all its tests want that data. Under pytest-xdist each worker that
    runs one of the module's tests builds it once; ``pytest.mark.xdist_group`` with the
    module's name keeps a small module on one worker, so it is built once in the run.
    Not for transactional tests (``transactional_db``, the browser): they commit.
    """
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def shared_world(module_db):
    """``world.build_world()`` once for a module (in ``module_db``), for the generated
    tests (the permission walk, the bad-input catalogue…) that would otherwise build it
    per test. A module uses it as its ``world``::

        @pytest.fixture
        def world(shared_world, db):
            return shared_world
    """
    return build_world()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Vietnamese: a request in English leaves English active after it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (a process's own memory in the tests): what
    one test kept (an import's parsed tables, a dashboard's panels, a rate-limit counter)
    never decides another's outcome, whatever order the workers run them in."""
    cache.clear()


@pytest.fixture
def still_rate_clock(monkeypatch):
    """The rate limits count in fixed windows of the clock (``chidao.core.ratelimit``): a
    test that sends requests past a limit holds that clock 30 s into a minute, an hour and
    a day, so no window can turn between its requests (one did, and a 429 came back 200)."""
    from chidao.core import ratelimit

    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


def is_browser_test(item) -> bool:
    return item.get_closest_marker("browser") is not None


class BrowserGroup:
    """Puts every browser test in one xdist group, so that one worker runs them all.

    They share one Chromium and one live server (``browser.browser``, session-scoped).
    A plugin of its own because the hook must run first: pytest-xdist reads the
    ``xdist_group`` marker in its own ``pytest_collection_modifyitems`` (``--dist
    loadgroup``), while the reordering below must run last.
    """

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, items):
        for item in items:
            if is_browser_test(item):
                item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_configure(config):
    config.pluginmanager.register(BrowserGroup(), "chidao-browser-group")


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help=(
            "deselect the tests that open no database connection (the second pass of "
            ".ci/run, on PostgreSQL: the first pass ran them, and their answer cannot "
            "depend on the engine)"
        ),
    )


# pytest-django refuses a connection to a test that asks for none of these, so a test
# without them gives the same answer on SQLite and PostgreSQL.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "module_db",
    }
)


def touches_the_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or not DATABASE_FIXTURES.isdisjoint(
        getattr(item, "fixturenames", ())
    )


def runs_only_on_postgresql(item) -> bool:
    """The recipe and two-node tests open their own PostgreSQL, not the suite's."""
    reason = in_the_postgresql_pass.mark.kwargs["reason"]
    return any(mark.kwargs.get("reason") == reason for mark in item.iter_markers("skipif"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests after all others (stable order otherwise), serially.

    Under xdist the order is the scheduler's: the browser group may run first on its
    worker. Either way is safe because the browser, and with it the lifted guard
    against ORM calls under an asyncio loop, lives one module at a time
    (``browser.browser``); ``_nothing_with_the_guard_lifted`` checks it.
    """
    if config.getoption("database_tests_only"):
        engine_free = [
            item
            for item in items
            if not touches_the_database(item) and not runs_only_on_postgresql(item)
        ]
        config.hook.pytest_deselected(items=engine_free)
        deselected = set(engine_free)
        items[:] = [item for item in items if item not in deselected]
    items[:] = [item for item in items if not is_browser_test(item)] + [
        item for item in items if is_browser_test(item)
    ]


# Set outside the suite (a developer's shell), the flag says nothing about our browser.
_ASYNC_UNSAFE_OUTSIDE = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")


@pytest.fixture(autouse=True)
def _nothing_with_the_guard_lifted(request):
    """Fail a non-browser test that would run while Chromium is up (guard lifted)."""
    lifted = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE") != _ASYNC_UNSAFE_OUTSIDE
    if lifted and not is_browser_test(request.node):
        pytest.fail("a non-browser test ran while the browser was up", pytrace=False)
