"""The generator makes data the count table and the independent SQL count agree on."""

import io

import pytest
from django.core.management import call_command

from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.tests.plain_sql import count_by_plain_sql, count_by_table
from chidao.committees.models import Committee
from chidao.indicators.models import Observation
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
    province = Committee.objects.get(parent=None)
    assert sum(row["overdue"] for row in count_by_table(province, REFERENCE_DATE).values()) > 0
