"""The early warning on the demo: a non-empty at-risk list, reasons everywhere, and the
slippage moving down the chain III.13 → III.14 → III.15."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from chidao.assignments.choices import Risk, TaskStatus
from chidao.assignments.models import Task
from chidao.assignments.risk import get_forecasts, get_task_label
from chidao.committees.models import Committee
from chidao.demo import content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("days_later", [0, 400])
def test_the_demo_has_tasks_at_risk_with_reasons_and_a_slipping_chain(days_later):
    today = timezone.localdate() + timedelta(days=days_later)
    call_command("load_demo", "--today", today.isoformat(), stdout=StringIO())
    committee = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
    out = StringIO()

    call_command(
        "tasks_at_risk",
        "--committee",
        str(committee.pk),
        "--as-of",
        f"{today:%d/%m/%Y}",
        "--json",
        stdout=out,
    )

    listed = json.loads(out.getvalue())["tasks"]
    assert listed
    assert all(row["reasons"] for row in listed)
    statuses = {
        get_task_label(code, title): status
        for code, title, status in Task.objects.filter(committee=committee)
        .with_status(today)
        .values_list("code", "title", "status")
    }
    assert {statuses[row["label"]] for row in listed} == {TaskStatus.IN_PROGRESS}
    chain = {
        task.code: task
        for task in Task.objects.filter(
            code__in=["III.13", "III.14", "III.15"], committee=committee
        )
    }
    forecasts = get_forecasts([chain["III.15"].pk], today)
    first, second, third = (forecasts[chain[code].pk] for code in ("III.13", "III.14", "III.15"))
    assert first.risk == Risk.CERTAIN_LATE
    assert second.expected_on >= first.expected_on > chain["III.14"].deadline
    assert third.expected_on >= second.expected_on > chain["III.15"].deadline
    assert any("phụ thuộc nhiệm vụ III.13" in reason for reason in second.reasons)
    assert any("phụ thuộc nhiệm vụ III.14" in reason for reason in third.reasons)
    assert {"III.13", "III.14", "III.15"} <= {row["label"] for row in listed}
