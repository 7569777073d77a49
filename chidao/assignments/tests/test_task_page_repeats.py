"""The task page says each thing once (issue [O] §7): a deadline phrase that only repeats
the date is not shown again."""

import datetime

import pytest
from django.urls import reverse

from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("phrase", "shown"), [("10/12/2026", False), ("Trước ngày 10/12/2026, hằng quý", True)]
)
def test_the_deadline_phrase_is_shown_only_when_it_adds_something(client, phrase, shown):
    world = build_world()
    task = world.task
    task.deadline = datetime.date(2026, 12, 10)
    task.deadline_text = phrase
    task.save()
    client.login(username=world.users["secretariat"].username, password=PASSWORD)

    page = client.get(reverse("assignments:task_detail", args=[task.pk])).content.decode()

    deadline_cell = page[page.index('id="task-deadline"') :].split("</dd>")[0]
    assert deadline_cell.count("10/12/2026") == (2 if shown else 1)
