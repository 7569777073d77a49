"""Which tests the PostgreSQL pass of .ci/run runs (``--database-tests-only``,
chidao/conftest.py): those that can open a connection, and the recipe and two-node tests
that start their own PostgreSQL."""

import pytest

from chidao.conftest import runs_only_on_postgresql, touches_the_database
from chidao.core.tests.ports import in_the_postgresql_pass


def test_a_test_that_asks_for_no_database_is_left_to_the_sqlite_pass(request):
    assert not touches_the_database(request.node)
    assert not runs_only_on_postgresql(request.node)


def test_a_test_with_the_db_fixture_runs_on_postgresql(request, db):
    assert touches_the_database(request.node)


@pytest.mark.django_db(transaction=True)
def test_a_test_marked_django_db_runs_on_postgresql(request):
    assert touches_the_database(request.node)


def test_a_module_transaction_counts_as_the_database(request, module_db):
    assert touches_the_database(request.node)


def test_the_tests_with_their_own_postgresql_stay_in_its_pass(request):
    request.node.add_marker(in_the_postgresql_pass)
    assert runs_only_on_postgresql(request.node)
