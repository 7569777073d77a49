"""Who sees which committees (``committees.access``): the tree below a seat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chidao.committees.access import get_committee_tree
from chidao.committees.tests.factories import CommitteeFactory


@pytest.mark.django_db
def test_the_tree_below_a_committee_is_whole_at_any_depth():
    # Six levels, deeper than the country's three, with a side branch at each level: the
    # walk goes on below the levels one query reaches.
    chain = [CommitteeFactory()]
    branches = []
    for _ in range(5):
        branches.append(CommitteeFactory(parent=chain[-1]))
        chain.append(CommitteeFactory(parent=chain[-1]))
    elsewhere = CommitteeFactory()
    CommitteeFactory(parent=elsewhere)

    assert get_committee_tree([chain[0].pk]) == {c.pk for c in chain + branches}
    assert get_committee_tree([chain[2].pk]) == {c.pk for c in chain[2:] + branches[2:]}
    assert get_committee_tree([chain[4].pk, elsewhere.pk]) - {
        c.pk for c in chain[4:] + branches[4:]
    } == {elsewhere.pk, elsewhere.children.get().pk}
    assert get_committee_tree([]) == frozenset()


@pytest.mark.django_db
def test_a_province_tree_is_read_in_one_query():
    # A seat on a province (communes below districts below it) is read on every request
    # of its leaders and secretariat.
    province = CommitteeFactory()
    for _ in range(2):
        district = CommitteeFactory(parent=province)
        CommitteeFactory(parent=district)

    with CaptureQueriesContext(connection) as queries:
        tree = get_committee_tree([province.pk])

    assert len(tree) == 5
    assert len(queries) == 1
