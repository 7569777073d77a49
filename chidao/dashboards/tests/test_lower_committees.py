"""The lower committees' table of a dashboard: each committee right below, its own tasks
and those of the active committees below it, read from the kept tallies."""

import datetime

import pytest
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import sign_in
from chidao.org.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 9, 30)
JUNE = datetime.date(2025, 6, 30)


@pytest.fixture
def country():
    """A country with two provinces: one with a commune and a closed (inactive) commune
    below it, each with overdue tasks; the other without communes."""
    root = CommitteeFactory(name="Ban Chỉ đạo Trung ương")
    north = CommitteeFactory(name="Ban Chỉ đạo tỉnh Bắc", parent=root)
    south = CommitteeFactory(name="Ban Chỉ đạo tỉnh Nam", parent=root)
    commune = CommitteeFactory(name="Ban Chỉ đạo xã Một", parent=north)
    closed = CommitteeFactory(name="Ban Chỉ đạo xã Hai", parent=north)
    for committee, overdue in ((north, 1), (commune, 2), (closed, 4), (south, 1)):
        for _ in range(overdue):
            TaskFactory(committee=committee, lead_unit=UnitFactory(), deadline=JUNE)
    TaskFactory(committee=south, lead_unit=UnitFactory(), deadline=datetime.date(2025, 12, 31))
    closed.is_active = False
    closed.save()
    return root, north, south


def test_a_province_counts_its_active_communes_and_links_only_its_dashboard(client, country):
    root, north, south = country
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    url = reverse("dashboards:committee_dashboard", args=[root.pk])
    response = client.get(url, {"as_of": AS_OF.strftime("%d/%m/%Y")})
    assert response.status_code == 200
    rows = {item["committee"].pk: item for item in response.context["dashboard"].communes}
    assert list(rows) == [north.pk, south.pk]  # by name
    assert rows[north.pk]["committee"].name == "Ban Chỉ đạo tỉnh Bắc"
    # Its own task and its active commune's two; the closed commune's four are left out.
    assert (rows[north.pk]["row"].overdue, rows[north.pk]["row"].assigned) == (3, 3)
    assert (rows[south.pk]["row"].overdue, rows[south.pk]["row"].in_progress) == (1, 1)
    # The task list shows one committee's tasks: a row rolling up communes is not linked.
    assert rows[north.pk]["overdue_url"] == ""
    assert f"committee={south.pk}&" in rows[south.pk]["overdue_url"]
    assert rows[north.pk]["dashboard_url"].startswith(
        reverse("dashboards:committee_dashboard", args=[north.pk])
    )
    html = response.content.decode()
    assert "Ban Chỉ đạo tỉnh Nam" in html
    assert response.context["dashboard"].commune_total.overdue == 4
