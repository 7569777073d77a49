"""The generated task histories and the backtest run on them."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.scale.history import do_generate_history

pytestmark = pytest.mark.django_db


def generate_and_read(seed: int) -> tuple:
    with transaction.atomic():
        summary = do_generate_history(provinces=2, tasks=30, seed=seed)
        rows = list(Task.objects.order_by("pk").values_list("deadline", "completed_on", "state"))
        transaction.set_rollback(True)
    return summary.reports, summary.deadline_changes, rows


def test_the_history_is_the_same_for_a_seed_and_shows_behaviour():
    assert generate_and_read(7) == generate_and_read(7)
    summary = do_generate_history(provinces=2, tasks=30, seed=7)

    assert summary.tasks == Task.objects.count() == 60
    assert summary.reports == ProgressUpdate.objects.count()
    # Some tasks finish late, some on time; some asked for more time.
    late = [t for t in Task.objects.exclude(completed_on=None) if t.completed_on > t.deadline]
    assert late
    assert Task.objects.exclude(completed_on=None).count() > len(late)
    assert DeadlineChange.objects.exists()


def test_the_backtest_reports_precision_recall_and_the_date_error():
    do_generate_history(provinces=2, tasks=30, seed=7)
    out = StringIO()

    call_command(
        "backtest_forecast",
        "--all",
        "--from",
        "15/01/2026",
        "--to",
        "15/09/2026",
        "--step",
        "60",
        "--data-end",
        "15/11/2026",
        "--json",
        stdout=out,
    )

    data = json.loads(out.getvalue())
    assert data["committees"] == 2
    assert data["dates"] == 5
    ended = data["ended_late"]
    assert ended["cases"] > 0
    assert 0 <= ended["caught"] <= min(ended["flagged"], ended["positives"])
    assert ended["precision"] is None or 0 <= ended["precision"] <= 1
    assert data["mean_error_days"] is None or data["mean_error_days"] >= 0
