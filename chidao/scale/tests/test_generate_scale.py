"""The generator makes data the count table and the independent SQL count agree on."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.spans import find_span_mismatches
from chidao.assignments.tests.plain_sql import count_by_plain_sql, count_by_table
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.tests.world import sign_in
from chidao.indicators.models import Observation
from chidao.org.tests.factories import UserFactory
from chidao.scale.services import REFERENCE_DATE


@pytest.mark.django_db
def test_small_province_counts_agree_with_plain_sql():
    call_command(
        "generate_scale",
        "--scale=province",
        "--seed=57",
        "--communes=5",
        "--tasks=200",
        "--progress=600",
        "--observations=500",
        stdout=io.StringIO(),
    )

    assert Task.objects.count() == 200
    assert ProgressUpdate.objects.count() == 600
    assert Observation.objects.count() == 500
    assert Task.objects.filter(deadline_changes__isnull=False).exists()
    for committee in Committee.objects.all():
        for as_of in (REFERENCE_DATE, REFERENCE_DATE.replace(year=REFERENCE_DATE.year - 1)):
            assert count_by_table(committee, as_of) == count_by_plain_sql(committee.pk, as_of)
    province = Committee.objects.get(level=CommitteeLevel.PROVINCE)
    assert province.parent.level == CommitteeLevel.CENTRAL
    assert not province.parent.tasks.exists()
    assert find_span_mismatches() == []
    assert sum(row["overdue"] for row in count_by_table(province, REFERENCE_DATE).values()) > 0


@pytest.mark.django_db
def test_the_national_overview_rolls_up_provinces_and_their_communes(client):
    """The central committee's dashboard: one row per province, each counting the
    province's tasks and its communes' as the independent SQL counts them."""
    call_command(
        "generate_scale",
        "--scale=national",
        "--seed=57",
        "--provinces=3",
        "--communes=4",
        "--tasks=300",
        "--progress=0",
        "--observations=0",
        "--audit=0",
        stdout=io.StringIO(),
    )
    central = Committee.objects.get(level=CommitteeLevel.CENTRAL)
    admin = UserFactory(is_superuser=True, is_staff=True)
    sign_in(client, admin)

    response = client.get(
        reverse("dashboards:committee_dashboard", args=[central.pk]),
        {"as_of": REFERENCE_DATE.strftime("%d/%m/%Y")},
    )

    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert dashboard.by_unit.rows == []  # no task of its own
    assert len(dashboard.communes) == 3
    for item in dashboard.communes:
        province = Committee.objects.get(pk=item["committee"].pk)  # the row keeps pk and name
        expected = {"done_on_time": 0, "done_late": 0, "overdue": 0}
        for committee in [province, *province.children.all()]:
            for counts in count_by_plain_sql(committee.pk, REFERENCE_DATE).values():
                for name in expected:
                    expected[name] += counts[name]
        row = item["row"]
        assert (row.done_on_time, row.done_late, row.overdue) == tuple(expected.values())
        assert item["overdue_url"] == ""  # the list shows one committee: not linked
    total = dashboard.commune_total
    assert total.assigned == Task.objects.filter(assigned_on__lte=REFERENCE_DATE).count()
