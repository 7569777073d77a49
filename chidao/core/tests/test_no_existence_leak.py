"""A task, unit or committee a user may not see leaves no trace (issue 5 [G] §2).

Naming a hidden object in a filter, a search or an address answers exactly as naming one
that does not exist: the same status and the same body on the API, the same form errors
and no row of it on the list page, in the .xlsx export and in the count table. The
hidden object here is a task of a third committee, led by a unit of its own, which no
role of the world but the admin may see.
"""

from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from chidao.api.services import do_create_api_token
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.core.tests.world import ROLES, build_world, sign_in
from chidao.documents.tests.factories import DocumentFactory
from chidao.org.models import Unit
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Nhiệm vụ kín của Sở Xây dựng"
# Every role that must not see the third committee's task.
BLIND_ROLES = [role for role in ROLES if role not in ("anonymous", "admin")]
FILTERS = ("lead_unit", "coordinating_unit", "committee", "group", "source_document")


@pytest.fixture
def world():
    world = build_world()
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Thứ ba")
    unit = UnitFactory(name="Sở Xây dựng")
    hidden = TaskFactory(
        committee=committee,
        group=TaskGroupFactory(committee=committee),
        lead_unit=unit,
        title=HIDDEN_TITLE,
        source_document=DocumentFactory(committee=committee),
    )
    hidden.coordinating_units.set([unit])
    world.objects["hidden_task"] = hidden
    world.objects["hidden_ids"] = {
        "lead_unit": unit.pk,
        "coordinating_unit": unit.pk,
        "committee": committee.pk,
        "group": hidden.group_id,
        "source_document": hidden.source_document_id,
    }
    return world


def missing_id() -> int:
    """An id no unit, committee, group or document has."""
    return max(Unit.objects.order_by("-pk").values_list("pk", flat=True)[:1]) + 10_000


def api_client(user) -> APIClient:
    _token, secret = do_create_api_token(by=user, name="Kiểm thử lộ thông tin")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def listed_titles(response) -> set[str]:
    """The titles of the list page's rows (the search box echoes the query)."""
    return {task.title for task in response.context["tasks"]}


def export_titles(response) -> set[str]:
    sheet = load_workbook(BytesIO(response.content)).active
    return {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell}


@pytest.mark.parametrize("role", BLIND_ROLES)
def test_an_api_filter_on_a_hidden_object_answers_as_on_a_missing_one(world, role):
    client = api_client(world.users[role])
    for name in FILTERS:
        hidden = {name: world.objects["hidden_ids"][name]}
        missing = {name: missing_id()}
        for url in (reverse("api:task-list"), reverse("api:task-counts")):
            on_hidden, on_missing = client.get(url, hidden), client.get(url, missing)

            assert on_hidden.status_code == on_missing.status_code == 400, (name, url)
            assert on_hidden.json() == on_missing.json(), (name, url)
            assert HIDDEN_TITLE not in on_hidden.content.decode()


@pytest.mark.parametrize("role", BLIND_ROLES)
def test_the_list_page_and_export_show_nothing_of_a_hidden_object(world, role):
    client = sign_in(Client(), world.users[role])
    list_url, export_url = reverse("assignments:task_list"), reverse("assignments:task_export")
    for name in FILTERS:
        hidden = {name: world.objects["hidden_ids"][name]}
        missing = {name: missing_id()}

        on_hidden, on_missing = client.get(list_url, hidden), client.get(list_url, missing)
        assert on_hidden.status_code == on_missing.status_code == 200
        assert on_hidden.context["filterset"].errors == on_missing.context["filterset"].errors
        assert listed_titles(on_hidden) == listed_titles(on_missing)
        assert HIDDEN_TITLE not in on_hidden.content.decode()
        exported = client.get(export_url, hidden)
        assert exported.status_code == 200
        assert export_titles(exported) == export_titles(client.get(export_url, missing))
        assert HIDDEN_TITLE not in export_titles(exported)


@pytest.mark.parametrize("role", BLIND_ROLES)
def test_searching_a_hidden_title_finds_nothing_anywhere(world, role):
    user = world.users[role]
    search = {"q": HIDDEN_TITLE}
    api = api_client(user)
    page = sign_in(Client(), user)

    assert api.get(reverse("api:task-list"), search).json()["results"] == []
    counts = api.get(reverse("api:task-counts"), search).json()
    assert counts["rows"] == []
    assert HIDDEN_TITLE not in listed_titles(page.get(reverse("assignments:task_list"), search))
    exported = page.get(reverse("assignments:task_export"), search)
    assert HIDDEN_TITLE not in export_titles(exported)


def test_the_admin_sees_the_hidden_task_so_the_searches_above_can_find_it(world):
    """The same searches do find the task for a role that may see it."""
    admin = world.users["admin"]
    search = {"q": HIDDEN_TITLE}

    assert len(api_client(admin).get(reverse("api:task-list"), search).json()["results"]) == 1
    page = sign_in(Client(), admin)
    assert HIDDEN_TITLE in listed_titles(page.get(reverse("assignments:task_list"), search))
    assert HIDDEN_TITLE in export_titles(page.get(reverse("assignments:task_export"), search))
    lead_unit = {"lead_unit": world.objects["hidden_ids"]["lead_unit"]}
    counts = api_client(admin).get(reverse("api:task-counts"), lead_unit).json()
    assert counts["total"]["in_progress"] + counts["total"]["overdue"] == 1


@pytest.mark.parametrize("role", BLIND_ROLES)
def test_a_hidden_task_by_address_is_the_api_404_of_a_missing_one(world, role):
    client = api_client(world.users[role])
    hidden_pk = world.objects["hidden_task"].pk
    for url_name in ("api:task-detail", "api:task-progress", "api:task-deadline-changes"):
        on_hidden = client.get(reverse(url_name, kwargs={"pk": hidden_pk}))
        on_missing = client.get(reverse(url_name, kwargs={"pk": hidden_pk + 10_000}))

        assert on_hidden.status_code == on_missing.status_code == 404
        assert on_hidden.json() == on_missing.json()
    # An address that names no endpoint at all is the same JSON 404, not a page.
    stray = client.get("/api/v1/tasks/khong-phai-so/")
    assert stray.status_code == 404
    assert stray.json() == on_missing.json()
