"""Issue [K] §9: a plan's tasks are written in bulk, and a big file by a background job.

The bulk path keeps what ``do_create_task`` gives a task written alone (codes in the
plan's order, searchable text, status, coordinating units without the lead, a history
entry naming who imported it, the webhooks' "task.created"); a file of more than 200
rows is committed by a Huey job whose page answers at once, shows its progress and then
its result; a job that dies midway leaves nothing and is run again from its page.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from huey.contrib.djhuey import HUEY

from chidao.api.models import WebhookDelivery, WebhookSubscription
from chidao.assignments.models import Task
from chidao.assignments.services import create_tasks_in_bulk, do_create_task
from chidao.committees.models import TaskGroup
from chidao.committees.tests.factories import CommitteeFactory
from chidao.imports import services
from chidao.imports.choices import ImportState
from chidao.imports.jobs import get_progress, note_progress
from chidao.imports.models import DataImport
from chidao.imports.services import BACKGROUND_ROWS, do_commit_task_import, do_run_task_commit
from chidao.imports.tests.factories import build_task_import
from chidao.imports.tests.fixtures.plans import build_xlsx

pytestmark = pytest.mark.django_db

DEADLINES = ("Quý II/2027", "6/2027", "Thường xuyên", "Hằng năm", "2027 - 2028")


def plan_rows(province, tasks: int, *, per_group: int = 100) -> list[tuple[str, ...]]:
    leads = ("Sở KH&CN", "Sở Tài chính", "Sở Nội vụ", "Sở VH-TT-DL")
    rows = []
    for n in range(tasks):
        if n % per_group == 0:
            rows.append((f"{'I' * (n // per_group + 1)}.", f"Nhóm {n // per_group + 1}", "", ""))
        rows.append(
            (
                f"{n % per_group + 1}.",
                f"Nhiệm vụ số {n + 1}: chuyển đổi số",
                leads[n % len(leads)],
                f"{leads[(n + 1) % len(leads)]}; Sở KH&CN",
                "Báo cáo",
                DEADLINES[n % len(DEADLINES)],
            )
        )
    return rows


def big_import(province, tasks: int) -> DataImport:
    """A task file of ``tasks`` rows uploaded as the page does (its rows counted)."""
    return services.do_upload_import(
        committee=province.committee,
        by=province.secretariat,
        kind="tasks",
        filename="ke-hoach-lon.xlsx",
        content=build_xlsx(plan_rows(province, tasks)),
        assigned_on=datetime.date(2026, 1, 5),
    )


@pytest.fixture
def immediate_jobs():
    """Huey runs a job as soon as it is queued, in the caller (the job is queued when
    the transaction commits: ``django_capture_on_commit_callbacks`` holds it back)."""
    HUEY.immediate = True
    yield
    HUEY.immediate = False


def test_a_task_written_in_bulk_is_the_task_written_alone(province):
    """Every field, the code's sort key, the search text, the coordinating units (never
    the lead) and the history entry are those ``do_create_task`` gives the same row."""
    rows = [
        ("II.", "Hạ tầng số", "", "", "", ""),
        (
            "10.",
            "Xây dựng  Kho dữ liệu dùng chung",
            "Sở KH&CN",
            "Sở Tài chính; Sở KH&CN, Sở Nội vụ",
            "Kho dữ liệu",
            "Quý II/2027",
        ),
    ]
    data_import = build_task_import(
        committee=province.committee, by=province.secretariat, rows=rows
    )
    do_commit_task_import(data_import=data_import, by=province.secretariat)
    bulk = Task.objects.get(committee=province.committee)

    alone = do_create_task(
        committee=CommitteeFactory(),
        by=province.secretariat,
        lead_unit=province.science,
        title="Xây dựng  Kho dữ liệu dùng chung",
        deadline_text="Quý II/2027",
        assigned_on=bulk.assigned_on,
        coordinating_units=[province.finance, province.science, province.home_affairs],
        code="II.10",
        expected_output="Kho dữ liệu",
        source_clause="10.",
    )
    compared = (
        "code",
        "code_sort",
        "title",
        "search_text",
        "kind",
        "deadline",
        "original_deadline",
        "start_date",
        "deadline_text",
        "state",
        "version",
        "lead_unit_id",
        "expected_output",
    )
    assert {f: getattr(bulk, f) for f in compared} == {f: getattr(alone, f) for f in compared}
    assert bulk.code_sort
    assert bulk.search_text
    assert set(bulk.coordinating_units.all()) == {province.finance, province.home_affairs}
    assert bulk.group == TaskGroup.objects.get(committee=province.committee, code="II")
    assert Task.objects.with_status(datetime.date(2026, 3, 1)).get(pk=bulk.pk).status == (
        Task.objects.with_status(datetime.date(2026, 3, 1)).get(pk=alone.pk).status
    )

    # One history entry: created, by the secretariat, with its coordinating units, its
    # origin noted as for any save outside a request.
    (entry,) = bulk.history.all()
    assert (entry.history_type, entry.history_user, entry.history_change_reason) == (
        "+",
        province.secretariat,
        "job",
    )
    assert {row.unit for row in entry.coordinating_units.all()} == {
        province.finance,
        province.home_affairs,
    }
    assert entry.title == bulk.title


def test_a_webhook_hears_of_every_task_a_plan_creates(province, django_capture_on_commit_callbacks):
    WebhookSubscription.objects.create(
        committee=province.committee,
        url="https://example.org/hook",
        events=["task.created"],
        created_by=province.secretariat,
    )
    data_import = build_task_import(
        committee=province.committee, by=province.secretariat, rows=plan_rows(province, 3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        do_commit_task_import(data_import=data_import, by=province.secretariat)
    assert sorted(d.key for d in WebhookDelivery.objects.all()) == sorted(
        f"task.created:{pk}" for pk in Task.objects.values_list("pk", flat=True)
    )


def test_a_code_the_committee_has_refuses_the_whole_batch(province):
    do_create_task(
        committee=province.committee,
        by=province.secretariat,
        lead_unit=province.science,
        title="Đã có",
        deadline_text="6/2027",
        assigned_on=datetime.date(2026, 1, 5),
        code="I.2",
    )
    row = {
        "lead_unit": province.finance,
        "deadline_text": "6/2027",
        "assigned_on": datetime.date(2026, 1, 5),
    }
    with pytest.raises(ValidationError) as refused:
        create_tasks_in_bulk(
            committee=province.committee,
            by=province.secretariat,
            tasks=[
                {**row, "title": "Mới", "code": "I.1"},
                {**row, "title": "Trùng", "code": "I.2"},
                {**row, "title": "Sai hạn", "code": "I.3", "deadline_text": "31/2/2027"},
            ],
        )
    assert refused.value.messages[0] == ("Nhiệm vụ I.2: Ban Chỉ đạo đã có nhiệm vụ với mã này.")
    assert refused.value.messages[1].startswith("Nhiệm vụ I.3: ")
    assert Task.objects.count() == 1


def test_a_big_file_is_committed_by_a_background_job(
    client, province, immediate_jobs, django_capture_on_commit_callbacks
):
    data_import = big_import(province, BACKGROUND_ROWS + 30)
    assert data_import.row_count > BACKGROUND_ROWS
    client.force_login(province.secretariat)

    # The page answers at once: the job is queued, nothing is written yet.
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("imports:task_commit", args=[data_import.pk]))
    progress_url = reverse("imports:task_progress", args=[data_import.pk])
    assert response.status_code == 302
    assert response.url == progress_url
    # The job and, for a write request, the retry's commit watch (core.retries).
    assert queued
    assert Task.objects.count() == 0
    page = client.get(progress_url)
    assert 'data-state="queued"' in page.text
    assert 'hx-trigger="every 1s"' in page.text
    assert "Đang đọc tệp và chuẩn bị ghi" in page.text

    # While it writes, the bar counts the tasks written (htmx asks for the panel only).
    note_progress(data_import.pk, 100, 230)
    panel = client.get(progress_url, headers={"HX-Request": "true"})
    assert "Đã ghi 100/230 nhiệm vụ (43%)." in panel.text
    assert '<progress id="import-progress-bar"' in panel.text
    assert "<html" not in panel.text

    # The worker runs the job: every task written, the panel shows the result and stops.
    for callback in queued:
        callback()
    assert Task.objects.filter(committee=province.committee).count() == BACKGROUND_ROWS + 30
    data_import.refresh_from_db()
    assert data_import.state == ImportState.COMMITTED
    assert data_import.created_count == BACKGROUND_ROWS + 30
    panel = client.get(progress_url, headers={"HX-Request": "true"})
    assert 'data-state="committed"' in panel.text
    assert "hx-trigger" not in panel.text
    assert "Đã ghi 230 nhiệm vụ vào hệ thống" in panel.text
    assert get_progress(data_import.pk) == (230, 230)


def test_a_small_file_is_still_written_in_the_request(client, province):
    data_import = big_import(province, BACKGROUND_ROWS - 10)
    client.force_login(province.secretariat)
    response = client.post(reverse("imports:task_commit", args=[data_import.pk]))
    assert response.status_code == 302
    assert "tien-do" not in response.url
    assert Task.objects.count() == BACKGROUND_ROWS - 10
    data_import.refresh_from_db()
    assert data_import.state == ImportState.COMMITTED


def test_a_job_that_dies_midway_leaves_nothing_and_runs_again(
    client, province, immediate_jobs, monkeypatch, django_capture_on_commit_callbacks
):
    data_import = big_import(province, 600)
    client.force_login(province.secretariat)
    real_create = services.create_tasks_in_bulk
    calls = []

    def dying(**kwargs):
        calls.append(len(kwargs["tasks"]))
        if len(calls) == 2:  # after a first batch is written
            raise RuntimeError("worker lost")
        return real_create(**kwargs)

    monkeypatch.setattr(services, "create_tasks_in_bulk", dying)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:task_commit", args=[data_import.pk]))

    assert calls == [services.WRITE_BATCH, services.WRITE_BATCH]
    assert Task.objects.count() == 0
    assert not TaskGroup.objects.filter(committee=province.committee).exists()
    data_import.refresh_from_db()
    assert data_import.state == ImportState.FAILED
    page = client.get(reverse("imports:task_progress", args=[data_import.pk]))
    assert "Chưa ghi được: không nhiệm vụ nào được ghi." in page.text
    assert "Lỗi hệ thống khi ghi" in page.text
    assert 'id="import-progress-rerun"' in page.text

    # Run again from the page: all of it is written, once.
    monkeypatch.setattr(services, "create_tasks_in_bulk", real_create)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:task_commit", args=[data_import.pk]))
    assert response.url == reverse("imports:task_progress", args=[data_import.pk])
    assert Task.objects.filter(committee=province.committee).count() == 600
    # A job run twice (queued twice, or retried) changes nothing.
    do_run_task_commit(import_pk=data_import.pk, user_pk=province.secretariat.pk)
    assert Task.objects.filter(committee=province.committee).count() == 600
    data_import.refresh_from_db()
    assert (data_import.state, data_import.created_count) == (ImportState.COMMITTED, 600)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(reverse("imports:task_commit", args=[data_import.pk]))
    assert not queued  # "Tệp này đã được ghi vào hệ thống."


def test_a_file_refused_at_commit_fails_with_its_reason(province):
    rows = plan_rows(province, 300)
    rows.append(("301.", "Nhiệm vụ của một sở không có", "Sở Không Có", "", "", "6/2027"))
    data_import = services.do_upload_import(
        committee=province.committee,
        by=province.secretariat,
        kind="tasks",
        filename="ke-hoach-loi.xlsx",
        content=build_xlsx(rows),
    )
    DataImport.objects.filter(pk=data_import.pk).update(state=ImportState.QUEUED)
    do_run_task_commit(import_pk=data_import.pk, user_pk=province.secretariat.pk)
    data_import.refresh_from_db()
    assert data_import.state == ImportState.FAILED
    assert data_import.job_error.startswith("Còn 1 dòng có lỗi")
    assert Task.objects.count() == 0
