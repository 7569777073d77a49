"""``/api/v1/tasks/`` in cursor pages: every task once, deep pages, the old numbered pages."""

import datetime
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from chidao.assignments.choices import TaskKind
from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.keyset import get_cursor_after
from chidao.core.tests.world import make_user
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Thử")
    units = [UnitFactory(name=f"Sở số {number}") for number in range(4)]
    for number in range(130):
        TaskFactory(
            committee=committee,
            lead_unit=units[number % 4],
            code=f"{number % 7}.{number}",
            kind=TaskKind.ONGOING if number % 9 == 0 else TaskKind.DEADLINE,
            deadline=None if number % 9 == 0 else datetime.date(2025, 5 + number % 4, 1),
        )
    client = APIClient()
    client.force_authenticate(make_user("quantri", units[0], is_superuser=True, is_staff=True))
    return client


def walk(client, params):
    pages, url = [], reverse("api:task-list")
    answer = client.get(url, params)
    while True:
        assert answer.status_code == 200, answer.json()
        body = answer.json()
        pages.append([row["id"] for row in body["results"]])
        if body["next"] is None:
            return pages, body
        answer = client.get(body["next"])


@pytest.mark.parametrize("sort", ["code", "deadline", "-deadline", "status", "lead_unit"])
def test_cursor_pages_give_every_task_exactly_once(admin_api, sort):
    pages, last = walk(admin_api, {"sort": sort})

    listed = [pk for page in pages for pk in page]
    assert len(listed) == len(set(listed)) == Task.objects.count() == 130
    assert [len(page) for page in pages] == [50, 50, 30]  # never more than 50 a page
    assert "count" not in last
    # "previous" leads back to the page before.
    back = admin_api.get(last["previous"]).json()
    assert [row["id"] for row in back["results"]] == pages[1]


def test_a_deep_cursor_answers_like_the_first_page(admin_api):
    ordering = ("committee__name", "code_sort", "pk")
    tasks = list(Task.objects.select_related("committee").order_by(*ordering))

    answer = admin_api.get(
        reverse("api:task-list"), {"cursor": get_cursor_after(ordering, tasks[119])}
    )

    assert answer.status_code == 200
    assert [row["id"] for row in answer.json()["results"]] == [task.pk for task in tasks[120:]]
    assert answer.json()["next"] is None


def test_numbered_pages_still_answer_for_older_clients(admin_api):
    first = admin_api.get(reverse("api:task-list"), {"page": 1}).json()
    third = admin_api.get(reverse("api:task-list"), {"page": 3}).json()

    assert first["count"] == 130
    assert "page=2" in first["next"]
    assert len(third["results"]) == 30
    assert admin_api.get(reverse("api:task-list"), {"page": 9}).status_code == 404


def test_an_altered_or_foreign_cursor_is_a_400(admin_api):
    first = admin_api.get(reverse("api:task-list")).json()
    cursor = first["next"].split("cursor=")[1]

    altered = admin_api.get(reverse("api:task-list"), {"cursor": "abc" + cursor})
    other_sort = admin_api.get(reverse("api:task-list"), {"cursor": cursor, "sort": "status"})

    assert altered.status_code == 400
    assert "cursor" in altered.json()
    assert other_sort.status_code == 400


def test_the_schema_says_the_list_is_in_cursor_pages():
    out = StringIO()
    call_command("spectacular", stdout=out)
    schema = yaml.safe_load(out.getvalue())

    operation = schema["paths"]["/api/v1/tasks/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert "cursor" in parameters
    assert parameters["page"]["deprecated"] is True
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page_schema = schema["components"]["schemas"][answer.rsplit("/", 1)[1]]
    assert page_schema["required"] == ["results"]
    assert {"next", "previous", "results"} <= set(page_schema["properties"])
