"""Dependencies between tasks and the early warning, at the pages and the command."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from chidao.assignments.choices import Risk, TaskState
from chidao.assignments.models import ForecastSettings, Task, TaskDependency
from chidao.assignments.risk import (
    get_forecasts,
    get_loaded_task_facts,
    get_task_facts,
    get_tasks_at_risk,
)
from chidao.assignments.tests.factories import (
    DeadlineChangeFactory,
    ProgressUpdateFactory,
    TaskFactory,
)
from chidao.assignments.timeline import get_task_records
from chidao.core.tests.world import build_world

D = datetime.date
TODAY = D(2026, 6, 1)


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to("2026-06-01 09:00 +07:00", tick=False)
    return build_world()


@pytest.fixture
def secretariat(client, world):
    client.force_login(world.users["secretariat"])
    return client


def make_task(world, code, deadline, *, committee=None, **fields):
    return TaskFactory(
        committee=committee or world.committee,
        code=code,
        lead_unit=world.lead_unit,
        assigned_on=D(2026, 1, 1),
        deadline=deadline,
        **fields,
    )


def report(task, day, percent):
    return ProgressUpdateFactory(task=task, reported_on=day, percent=percent)


def edit_data(task, **changes):
    data = {
        "code": task.code,
        "title": task.title,
        "lead_unit": task.lead_unit_id,
        "deadline_text": task.deadline.strftime("%d/%m/%Y"),
        "assigned_on": task.assigned_on.isoformat(),
        "version": task.version,
    }
    data.update(changes)
    return data


def test_the_secretariat_sets_what_a_task_waits_for_on_the_form(secretariat, world):
    first = make_task(world, "III.3", D(2026, 9, 30))
    second = make_task(world, "III.4", D(2026, 12, 31))

    response = secretariat.post(
        reverse("assignments:task_edit", args=[second.pk]), edit_data(second, depends_on=[first.pk])
    )

    assert response.status_code == 302
    link = TaskDependency.objects.get()
    assert (link.task, link.depends_on) == (second, first)
    assert link.history.get().history_user == world.users["secretariat"]
    page = secretariat.get(reverse("assignments:task_detail", args=[first.pk])).content.decode()
    assert "Các nhiệm vụ đang chờ nhiệm vụ này" in page
    assert f'data-task="{second.pk}"' in page


def test_a_cycle_is_refused_with_a_clear_message_and_nothing_changes(secretariat, world):
    a = make_task(world, "A.1", D(2026, 9, 30))
    b = make_task(world, "A.2", D(2026, 9, 30))
    c = make_task(world, "A.3", D(2026, 9, 30))
    TaskDependency.objects.create(task=b, depends_on=a)
    TaskDependency.objects.create(task=c, depends_on=b)

    response = secretariat.post(
        reverse("assignments:task_edit", args=[a.pk]), edit_data(a, depends_on=[c.pk])
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "tạo thành vòng lặp: A.1 → A.3 → A.2 → A.1" in page
    assert TaskDependency.objects.count() == 2
    a.refresh_from_db()
    assert a.version == 1


def test_the_form_offers_only_tasks_the_user_may_see(client, world):
    hidden = make_task(world, "X.1", D(2026, 9, 30), committee=world.other_committee)
    client.force_login(world.users["secretariat"])
    task = make_task(world, "III.5", D(2026, 12, 31))

    response = client.post(
        reverse("assignments:task_edit", args=[task.pk]), edit_data(task, depends_on=[hidden.pk])
    )

    assert response.status_code == 200
    assert not TaskDependency.objects.exists()
    assert (
        "X.1" not in response.content.decode().split('name="depends_on"')[1].split("</select>")[0]
    )


def test_a_commune_task_may_wait_for_a_provincial_one(secretariat, world):
    provincial = make_task(world, "P.1", D(2026, 9, 30))
    commune = make_task(world, "X.1", D(2026, 12, 31), committee=world.commune_committee)

    response = secretariat.post(
        reverse("assignments:task_edit", args=[commune.pk]),
        edit_data(commune, depends_on=[provincial.pk]),
    )

    assert response.status_code == 302
    assert list(commune.dependencies.values_list("depends_on", flat=True)) == [provincial.pk]


def build_chain(world):
    """A stalls at 20 %, B and C keep pace but wait for it."""
    a = make_task(world, "C.1", D(2026, 9, 30))
    b = make_task(world, "C.2", D(2026, 12, 31))
    c = make_task(world, "C.3", D(2027, 3, 31))
    TaskDependency.objects.create(task=b, depends_on=a)
    TaskDependency.objects.create(task=c, depends_on=b)
    report(a, D(2026, 2, 1), 5)
    report(a, D(2026, 5, 25), 20)
    for task in (b, c):
        report(task, D(2026, 3, 1), 20)
        report(task, D(2026, 5, 25), 45)
    return a, b, c


def test_slippage_moves_down_the_chain_and_the_task_page_explains_it(secretariat, world):
    a, b, c = build_chain(world)

    forecasts = get_forecasts([c.pk], TODAY)

    assert forecasts[a.pk].risk == Risk.CERTAIN_LATE
    assert forecasts[b.pk].expected_on >= forecasts[a.pk].expected_on > b.deadline
    assert forecasts[c.pk].expected_on >= forecasts[b.pk].expected_on
    page = secretariat.get(reverse("assignments:task_detail", args=[b.pk])).content.decode()
    assert "phụ thuộc nhiệm vụ C.1 dự kiến xong" in page
    assert 'data-risk="at_risk"' in page or 'data-risk="certain_late"' in page


def test_only_what_was_known_on_the_date_counts(world):
    task = make_task(world, "H.1", D(2026, 12, 31))
    report(task, D(2026, 2, 1), 10)
    report(task, D(2026, 5, 1), 90)  # not known on 01/03

    assert get_forecasts([task.pk], D(2026, 3, 1))[task.pk].expected_on < task.deadline
    early = get_forecasts([task.pk], D(2026, 4, 30))[task.pk]
    assert "chưa báo cáo 88 ngày" in early.reasons


def test_the_committee_setting_changes_the_verdict(world):
    task = make_task(world, "W.1", D(2026, 12, 31))
    report(task, D(2026, 5, 20), 60)
    for _ in range(2):
        DeadlineChangeFactory(task=task)  # filed today, pending

    assert get_forecasts([task.pk], TODAY)[task.pk].risk == Risk.ON_TRACK
    ForecastSettings.objects.create(committee=world.committee, risk_points=1)
    verdict = get_forecasts([task.pk], TODAY)[task.pk]
    assert verdict.risk == Risk.AT_RISK
    assert "đã 2 lần đề nghị lùi thời hạn" in verdict.reasons


def test_the_warning_list_is_every_flagged_forecast_surest_first(world):
    """``get_tasks_at_risk`` reads only the flagged tasks as objects: its list is still
    every task whose forecast warns, in the panel's order, whatever was written."""
    a, *_waiting = build_chain(world)
    silent = make_task(world, "Q.1", D(2026, 8, 31))  # never reported on
    late = make_task(world, "L.1", D(2026, 7, 15))
    report(late, D(2026, 2, 1), 10)
    report(late, D(2026, 5, 20), 15)  # far behind its pace
    done = make_task(world, "D.1", D(2026, 12, 31))
    report(done, D(2026, 5, 1), 100)
    tasks = Task.objects.filter(committee=world.committee)

    found = get_tasks_at_risk(tasks, TODAY)

    forecasts = get_forecasts(list(tasks.values_list("pk", flat=True)), TODAY)
    flagged = [task for task in tasks if forecasts[task.pk].is_warning]
    flagged.sort(
        key=lambda task: (
            -forecasts[task.pk].points - (100 if forecasts[task.pk].risk == "certain_late" else 0),
            task.deadline,
            task.code,
        )
    )
    assert [item.task for item in found] == flagged
    assert [item.forecast for item in found] == [forecasts[task.pk] for task in flagged]
    assert {a, late, silent} <= {item.task for item in found}
    assert done not in flagged
    assert found[0].forecast.risk == Risk.CERTAIN_LATE
    assert found[0].task.lead_unit == world.lead_unit  # read with the task


def run_command(*args) -> str:
    out = StringIO()
    call_command("tasks_at_risk", *args, stdout=out)
    return out.getvalue()


def test_the_command_lists_tasks_at_risk_as_one_json_object(world):
    build_chain(world)
    done = make_task(
        world, "C.9", D(2026, 9, 1), state=TaskState.COMPLETED, completed_on=D(2026, 4, 20)
    )
    overdue = make_task(world, "C.8", D(2026, 5, 1))

    data = json.loads(run_command("--committee", str(world.committee.pk), "--json"))

    labels = [row["label"] for row in data["tasks"]]
    assert set(labels) >= {"C.1", "C.2", "C.3"}
    assert done.code not in labels
    assert overdue.code not in labels
    for row in data["tasks"]:
        assert set(row) == {"label", "title", "lead", "deadline", "forecast", "risk", "reasons"}
        assert row["risk"] in ("Có nguy cơ chậm", "Chậm chắc chắn")
        assert row["reasons"]
    first = next(row for row in data["tasks"] if row["label"] == "C.1")
    assert first["deadline"] == "30/09/2026"
    assert first["lead"] == "Sở Tài chính"


def test_the_command_reads_the_as_of_date_and_refuses_a_bad_one(world):
    build_chain(world)

    early = json.loads(
        run_command("--committee", str(world.committee.pk), "--as-of", "15/01/2026", "--json")
    )

    assert early == {"tasks": []}
    with pytest.raises(CommandError, match="Không đọc được ngày"):
        run_command("--committee", str(world.committee.pk), "--as-of", "31/02/2026")
    with pytest.raises(CommandError, match="Không có Ban Chỉ đạo"):
        run_command("--committee", "999999")


def test_the_panels_show_the_at_risk_tasks(client, world):
    build_chain(world)
    client.force_login(world.users["secretariat"])

    queue = client.get(reverse("assignments:secretariat_home")).content.decode()

    assert "Nguy cơ chậm" in queue
    assert "phụ thuộc nhiệm vụ C.1" in queue
    client.force_login(world.users["unit_officer"])
    unit_page = client.get(reverse("assignments:unit_tasks")).content.decode()
    assert 'class="mb-2 at-risk-item"' in unit_page
    assert Task.objects.count() >= 3


def test_the_chain_page_draws_the_timeline_and_names_the_critical_path(secretariat, world):
    *_, c = build_chain(world)
    side = make_task(world, "C.4", D(2026, 8, 31))
    TaskDependency.objects.create(task=c, depends_on=side)

    response = secretariat.get(reverse("assignments:dependency_chains", args=[world.committee.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "C.1 → C.2 → C.3" in page
    assert page.count('class="table-warning critical-task"') == 3
    assert 'id="chain-data"' in page
    assert "vendor/echarts/echarts.min.js" in page


@pytest.mark.parametrize("as_of", [D(2026, 3, 1), D(2026, 4, 30), TODAY])
def test_the_task_page_forecasts_from_the_rows_it_read_as_the_warning_does(world, as_of):
    """A task that waits for none: its page builds the forecast from its timeline's
    reports and deadline changes; the facts are those the warning reads, on any date."""
    task = make_task(world, "F.1", D(2026, 7, 31))
    task.coordinating_units.set([world.coordinating_unit, world.other_unit])
    report(task, D(2026, 2, 1), 10)
    report(task, D(2026, 4, 1), 30)
    ProgressUpdateFactory(task=task, reported_on=D(2026, 5, 1), percent=80, review_state="returned")
    report(task, D(2026, 5, 20), 40)
    ProgressUpdateFactory(task=task, unit=world.coordinating_unit, reported_on=D(2026, 3, 15))
    DeadlineChangeFactory(task=task, decided_on=D(2026, 3, 20), decision="rejected")
    DeadlineChangeFactory(task=task)  # filed today, pending
    page_task = Task.objects.with_status(as_of).get(pk=task.pk)
    records = get_task_records(page_task)

    loaded = get_loaded_task_facts(
        page_task,
        records.updates,
        records.changes,
        [world.coordinating_unit.pk, world.other_unit.pk],
        as_of,
    )

    assert loaded == get_task_facts([task.pk], as_of)
    facts = loaded[0][task.pk]
    assert facts.silent_coordinators == (1 if as_of >= D(2026, 3, 15) else 2)
    assert len(facts.reports) == {D(2026, 3, 1): 1, D(2026, 4, 30): 2, TODAY: 3}[as_of]
    assert facts.change_requests == (0 if as_of < D(2026, 3, 20) else 1 + (as_of == TODAY))


def test_the_task_page_shows_the_same_forecast_alone_or_in_a_chain(secretariat, world):
    task = make_task(world, "F.2", D(2026, 7, 15))
    report(task, D(2026, 2, 1), 10)
    report(task, D(2026, 5, 20), 15)  # far behind its pace
    expected = get_forecasts([task.pk], TODAY)[task.pk]

    page = secretariat.get(reverse("assignments:task_detail", args=[task.pk])).content.decode()

    assert expected.is_warning
    assert f'data-risk="{expected.risk}"' in page
    for reason in expected.reasons:
        assert str(reason) in page
