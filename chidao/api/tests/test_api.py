"""The API at the interface another system touches: a token, JSON, the pages' gates."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse
from rest_framework.test import APIClient

from chidao.api.models import ApiToken
from chidao.api.services import do_create_api_token, do_revoke_api_token
from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.models import Committee
from chidao.core.tests.world import PASSWORD, build_world
from chidao.demo import content
from chidao.demo.services import do_load_demo
from chidao.org.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def api_client(user) -> APIClient:
    _token, secret = do_create_api_token(by=user, name="Hệ thống 57")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def test_unit_officer_token_reads_only_its_units_tasks_on_the_demo():
    do_load_demo(today=date(2025, 9, 15))
    officer = User.objects.get(username="canbo.khcn")
    unit = officer.person.unit
    client = api_client(officer)

    codes, url = set(), reverse("api:task-list")
    while url:
        page = client.get(url).json()
        codes |= {(row["id"], row["lead_unit"]["id"]) for row in page["results"]}
        for row in page["results"]:
            coordinating = {u["id"] for u in row["coordinating_units"]}
            assert unit.pk == row["lead_unit"]["id"] or unit.pk in coordinating
        url = page["next"]

    expected = Task.objects.filter(Q(lead_unit=unit) | Q(coordinating_units=unit)).distinct()
    assert {pk for pk, _lead in codes} == set(expected.values_list("pk", flat=True))
    other = Task.objects.exclude(pk__in=expected).first()
    assert client.get(reverse("api:task-detail", kwargs={"pk": other.pk})).status_code == 404
    nam_dinh = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
    assert client.get(reverse("api:task-list"), {"committee": nam_dinh.pk}).status_code == 200


def test_anonymous_and_revoked_tokens_get_401(world):
    url = reverse("api:task-list")
    assert APIClient().get(url).status_code == 401
    token, secret = do_create_api_token(by=world.users["unit_officer"], name="Cũ")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get(url).status_code == 200
    do_revoke_api_token(token=token, by=world.users["unit_officer"])
    assert client.get(url).status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token sai")
    assert client.get(url).status_code == 401


def test_tokens_are_stored_hashed(world):
    token, secret = do_create_api_token(by=world.users["unit_officer"], name="Khóa")
    assert secret not in (token.digest, token.prefix)
    assert not ApiToken.objects.filter(digest=secret).exists()


def test_task_filters_are_the_pages(world):
    client = api_client(world.users["secretariat"])
    TaskFactory(committee=world.committee, lead_unit=world.other_unit, title="Khác hẳn")

    response = client.get(reverse("api:task-list"), {"lead_unit": world.lead_unit.pk})

    assert [row["id"] for row in response.json()["results"]] == [world.task.pk]
    assert response.json()["results"][0]["status"] == "in_progress"
    bad = client.get(reverse("api:task-list"), {"status": "khong-co"})
    assert bad.status_code == 400


def test_a_unit_reports_progress_but_cannot_set_status_lead_or_deadline(world):
    client = api_client(world.users["unit_officer"])
    task = world.task
    before = (task.state, task.lead_unit_id, task.deadline)
    earlier = list(ProgressUpdate.objects.values_list("pk", flat=True))

    response = client.post(
        reverse("api:task-progress", kwargs={"pk": task.pk}),
        {
            "percent": 40,
            "results": "Đã xây dựng dự thảo.",
            "state": "completed",
            "status": "done_on_time",
            "lead_unit": world.other_unit.pk,
            "deadline": "2031-12-31",
            "review_state": "accepted",
            "unit": world.other_unit.pk,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    update = ProgressUpdate.objects.exclude(pk__in=earlier).get()
    assert (update.unit, update.author, update.percent) == (
        world.lead_unit,
        world.users["unit_officer"],
        40,
    )
    assert update.review_state != "accepted"
    task.refresh_from_db()
    assert (task.state, task.lead_unit_id, task.deadline) == before


def test_units_that_do_not_take_part_cannot_report(world):
    url = reverse("api:task-progress", kwargs={"pk": world.task.pk})
    body = {"percent": 10}
    assert api_client(world.users["other_unit_officer"]).post(url, body).status_code == 404
    assert api_client(world.users["secretariat"]).post(url, body).status_code == 403


def test_a_progress_report_breaking_a_rule_is_a_400_in_vietnamese(world):
    client = api_client(world.users["coordinating_officer"])
    count = ProgressUpdate.objects.count()
    response = client.post(
        reverse("api:task-progress", kwargs={"pk": world.task.pk}),
        {
            "percent": 100,
            "claims_completion": True,
            "completion_output": "QĐ",
            "output_date": "2025-03-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "Chỉ cơ quan chủ trì" in str(response.json())
    assert ProgressUpdate.objects.count() == count


def test_indicators_and_observations_follow_their_gates(world):
    officer = api_client(world.users["unit_officer"])
    outsider = api_client(world.users["other_unit_officer"])
    indicator_url = reverse("api:indicator-detail", kwargs={"pk": world.objects["indicator"].pk})
    observation_url = reverse(
        "api:observation-detail", kwargs={"pk": world.objects["observation"].pk}
    )
    assert officer.get(indicator_url).status_code == 200
    assert officer.get(observation_url).json()["unit"] == world.lead_unit.pk
    assert outsider.get(indicator_url).status_code == 404
    assert outsider.get(observation_url).status_code == 404
    assert outsider.get(reverse("api:observation-list")).json()["count"] == 0


def test_token_page_shows_a_new_secret_once(client, world):
    client.login(username=world.users["unit_officer"].username, password=PASSWORD)
    response = client.post(reverse("api:token_list"), {"name": "Hệ thống 57"})
    secret = response.context["new_secret"]
    assert secret in response.content.decode()
    again = client.get(reverse("api:token_list"))
    assert secret not in again.content.decode()
    token = ApiToken.objects.get(name="Hệ thống 57")
    client.post(reverse("api:token_revoke", kwargs={"pk": token.pk}))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_schema_generates_without_warnings():
    out = StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "/api/v1/tasks/" in out.getvalue()


def test_the_docs_page_loads_only_local_assets(client, world):
    client.login(username=world.users["unit_officer"].username, password=PASSWORD)
    page = client.get(reverse("api:docs")).content.decode()
    assert "swagger-ui" in page
    assert "cdn" not in page.lower()


def test_the_count_table_counts_only_visible_tasks(world):
    TaskFactory(committee=world.committee, lead_unit=world.other_unit)
    url = reverse("api:task-counts")

    officer = api_client(world.users["unit_officer"]).get(url).json()
    secretariat = api_client(world.users["secretariat"]).get(url).json()
    by_group = api_client(world.users["secretariat"]).get(url, {"by": "group"}).json()

    assert world.other_unit.pk not in {row["key"] for row in officer["rows"]}
    assert world.other_unit.pk in {row["key"] for row in secretariat["rows"]}
    assert by_group["by"] == "group"
    assert by_group["total"]["overdue"] == secretariat["total"]["overdue"]


def test_documents_and_deadline_changes_follow_the_pages(world):
    outsider = api_client(world.users["other_unit_officer"])
    officer = api_client(world.users["unit_officer"])
    document_url = reverse("api:document-detail", kwargs={"pk": world.objects["document"].pk})
    changes_url = reverse("api:task-deadline-changes", kwargs={"pk": world.task.pk})

    assert officer.get(document_url).status_code == 200
    assert outsider.get(document_url).status_code == 404
    assert officer.get(changes_url).json()[0]["task"] == world.task.pk
    assert outsider.get(changes_url).status_code == 404


def test_the_task_list_takes_a_fixed_number_of_queries(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_client(world.users["secretariat"])

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("api:task-list")).status_code == 200
        return len(queries)

    count_queries()  # the first call also records the token's use
    few = count_queries()
    for _ in range(8):
        task = TaskFactory(committee=world.committee, lead_unit=world.other_unit)
        task.coordinating_units.set([world.lead_unit, world.coordinating_unit])
    assert count_queries() == few
    assert few <= 12


@pytest.fixture
def world_on_a_fixed_day(db, time_machine):
    """The world on 20/11/2025: the period open for entry depends on the day (from the
    15th a day reports for the next period), so the real date made this fail from 15/12."""
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    return build_world()


def test_a_unit_enters_its_own_value_through_the_grid_service(world_on_a_fixed_day):
    world = world_on_a_fixed_day
    from django.utils import timezone

    from chidao.core.periods import Period, PeriodKind
    from chidao.indicators.models import Observation

    indicator = world.objects["indicator"]
    period = Period.containing(PeriodKind(indicator.frequency), timezone.localdate())
    body = {"indicator": indicator.pk, "period": period.label, "value": "45,5", "unit": 999}
    url = reverse("api:observation-list")

    response = api_client(world.users["unit_officer"]).post(url, body, format="json")

    assert response.status_code == 201, response.json()
    saved = Observation.objects.get(pk=response.json()[0]["id"])
    assert (saved.unit, saved.value, saved.state) == (world.lead_unit, Decimal("45.5"), "draft")
    refused = api_client(world.users["other_unit_officer"]).post(url, body, format="json")
    assert refused.status_code == 400
    assert "không báo cáo chỉ tiêu này" in str(refused.json())
