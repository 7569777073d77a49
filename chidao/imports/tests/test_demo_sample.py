"""Issue [K] §12: the plan the demo ships (Appendix II of Resolution 03/NQ-CP, written to
``docs/samples/phu-luc-2-nhiem-vu.xlsx`` by ``fixtures.plans``) imports into the demo's
Nam Định committee with decisions made in the preview only, no edit of the file.

Nam Định's directory has departments, not ministries: each ministry leading a task is
kept as written with the standing Department of Science and Technology leading, group
leads go to the standing unit, bodies outside the directory stay as written.
"""

from datetime import date
from pathlib import Path

import pytest

from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.demo import content
from chidao.demo.services import do_load_demo
from chidao.imports.services import (
    do_commit_task_import,
    do_record_import_decision,
    do_upload_import,
)
from chidao.imports.task_plans import build_task_plan
from chidao.org.models import User

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "samples" / "phu-luc-2-nhiem-vu.xlsx"


def test_the_demo_sample_plan_imports_with_preview_decisions_only():
    do_load_demo(today=date(2025, 9, 15))
    nam_dinh = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
    secretariat = User.objects.get(username="thuongtruc")
    data_import = do_upload_import(
        committee=nam_dinh,
        by=secretariat,
        kind="tasks",
        filename=SAMPLE.name,
        content=SAMPLE.read_bytes(),
        unknown_names="text",
        group_leads="standing",
        code_prefix="NQ03-",
        assigned_on=date(2025, 3, 1),
    )
    plan = build_task_plan(data_import)
    assert len(plan.rows) == 140

    decisions = 0
    for group in plan.conflicting_groups:
        do_record_import_decision(
            data_import=data_import,
            by=secretariat,
            subject="group",
            key=group.written_code,
            action="same-group",
        )
        decisions += 1
    for problem in plan.unknown_names:
        do_record_import_decision(
            data_import=data_import, by=secretariat, subject="name", key=problem.name, action="text"
        )
        decisions += 1
    for row in plan.rows:
        if not row.deadline_text:
            do_record_import_decision(
                data_import=data_import,
                by=secretariat,
                subject="row",
                key=row.code,
                action="ongoing",
            )
            decisions += 1

    plan = do_commit_task_import(data_import=data_import, by=secretariat)

    assert len(plan.rows_to_create) == 140
    imported = Task.objects.filter(committee=nam_dinh, code__startswith="NQ03-")
    assert imported.count() == 140
    # Only Nam Định's units lead or coordinate; ministries are kept as written.
    assert not imported.exclude(lead_unit__code__startswith="ND-").exists()
    assert (
        not imported.exclude(coordinating_units__isnull=True)
        .exclude(coordinating_units__code__startswith="ND-")
        .exists()
    )
    assert imported.get(code="NQ03-I.1").coordinators_text.startswith("Bộ Khoa học và Công nghệ")
    assert decisions < 60
