"""Query counts pinned on the lists and pages that had none, whatever their number of rows.

Each page is opened with a few rows, then with many more: the count is the same pinned
number both times (a count that grows with rows is the N+1 a page must not have). The
dashboard, ranking, indicator grid, task list and task detail are pinned in their apps'
tests. Time is frozen on 15/7/2025, as in the test world's other tests.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.meetings.tests.factories import build_meeting
from chidao.proposals.services import do_route_proposal
from chidao.proposals.tests.factories import build_proposal


@pytest.fixture
def world(db, settings, tmp_path, time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def queries(client, url) -> int:
    cache.clear()  # the public page caches its numbers: count the page that computes them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def after_first_request(client):
    """The session's first-request work is not the page's: done here, before counting."""
    client.get(reverse("home"))
    return client


def add_tasks(world, count, start):
    for number in range(start, start + count):
        TaskFactory(committee=world.committee, lead_unit=world.lead_unit, code=f"Q.{number}")


def test_unit_tasks(client, world):
    client = after_first_request(sign_in(client, world.users["unit_officer"]))
    url = reverse("assignments:unit_tasks")
    add_tasks(world, 3, 0)
    assert queries(client, url) == UNIT_TASKS
    add_tasks(world, 27, 3)
    assert queries(client, url) == UNIT_TASKS


def test_public_page(client, world):
    url = reverse("dashboards:public_committee", kwargs={"pk": world.committee.pk})
    add_tasks(world, 3, 0)
    assert queries(client, url) == PUBLIC_PAGE
    add_tasks(world, 27, 3)
    assert queries(client, url) == PUBLIC_PAGE


def test_meetings_list_and_detail(client, world):
    client = after_first_request(sign_in(client, world.users["secretariat"]))
    secretary = world.users["secretariat"]
    list_url = reverse("meetings:meeting_list")
    for number in range(2, 5):
        build_meeting(committee=world.committee, by=secretary, number=number)
    meeting = build_meeting(committee=world.committee, by=secretary, task=world.task, number=5)
    detail_url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert queries(client, list_url) == MEETING_LIST
    assert queries(client, detail_url) == MEETING_DETAIL

    for number in range(6, 16):
        build_meeting(
            committee=world.committee,
            by=secretary,
            number=number,
            held_on=datetime.date(2025, 4, number),
        )
    assert queries(client, list_url) == MEETING_LIST
    # A meeting whose conclusions assigned two tasks, one of them new.
    bigger = build_meeting(
        committee=world.committee, by=secretary, task=world.task, new_task=True, number=16
    )
    assert bigger.conclusions.get().task_links.count() == 2
    assert queries(client, reverse("meetings:meeting_detail", kwargs={"pk": bigger.pk})) == (
        MEETING_DETAIL
    )


def add_proposals(world, count, start):
    for number in range(start, start + count):
        proposal = build_proposal(
            committee=world.committee,
            contact=f"09123{number:05d}",
            content=f"Đề nghị số {number}: đưa thủ tục cấp phép xây dựng lên dịch vụ công.",
        )
        do_route_proposal(
            proposal=proposal,
            by=world.users["secretariat"],
            unit=world.lead_unit,
            response_due=datetime.date(2030, 12, 31),
        )


def test_proposals_list(client, world):
    client = after_first_request(sign_in(client, world.users["secretariat"]))
    url = reverse("proposals:proposal_list")
    add_proposals(world, 3, 0)
    assert queries(client, url) == PROPOSAL_LIST
    add_proposals(world, 12, 3)
    assert queries(client, url) == PROPOSAL_LIST


UNIT_TASKS = 13  # 5, and the "Nguy cơ chậm" panel (the early warning reads 8)
PUBLIC_PAGE = 7
MEETING_LIST = 8
MEETING_DETAIL = 13
PROPOSAL_LIST = 12
