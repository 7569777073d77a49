"""The demo's first meeting of the Nam Định committee, as a secretariat opens it.

Every test reads the demo loaded today (or changes it in its own savepoint): it is loaded
once for the module (``module_db``, which also gives the module its own media folder), on
one worker."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import Task
from chidao.demo import content
from chidao.demo import meetings as demo_meetings
from chidao.meetings.follow_up import get_follow_up
from chidao.meetings.models import Meeting
from chidao.meetings.rules import get_follow_up_rank

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("meetings-test_demo")]


@pytest.fixture(scope="module")
def _loaded(module_db):
    today = timezone.localdate()
    call_command("load_demo", "--today", today.isoformat(), stdout=StringIO())
    return today


@pytest.fixture
def today(_loaded, db):
    """The day the demo was loaded for."""
    return _loaded


def test_the_demo_first_meeting_and_the_brief_for_the_second(client, today):
    first = Meeting.objects.get(committee__name=content.NAM_DINH_COMMITTEE, number=1)
    second = Meeting.objects.get(committee=first.committee, number=2)

    assert first.chair.person.full_name == "Đặng Khánh Toàn"
    assert first.conclusions.count() == len(demo_meetings.CONCLUSIONS) == 5
    assert first.attendances.filter(status="delegated").count() == 1
    brief = get_follow_up(second, as_of=today)
    assert len(brief.lines) == 13
    ranks = [get_follow_up_rank(line.status) for line in brief.lines]
    assert ranks == sorted(ranks)
    assert brief.lines[0].status == TaskStatus.OVERDUE

    client.login(username="thuongtruc", password=content.DEMO_PASSWORD)
    page = client.get(reverse("meetings:meeting_detail", args=[first.pk]))
    assert page.status_code == 200
    assert "Phiên họp thứ nhất" in page.content.decode()
    assert client.get(reverse("meetings:follow_up", args=[second.pk])).status_code == 200
    notice = client.get(reverse("meetings:conclusion_notice_docx", args=[first.pk]))
    assert notice.status_code == 200
    registered = client.post(
        reverse("meetings:conclusion_notice_register", args=[first.pk]),
        {"number": "01", "issued_on": first.held_on.isoformat()},
    )
    assert registered.status_code == 302
    first.refresh_from_db()
    assert first.notice_document.symbol == "01-TB/BCĐ"


def test_the_first_meetings_conclusions_created_tasks_on_the_task_list(client, today):
    first = Meeting.objects.get(committee__name=content.NAM_DINH_COMMITTEE, number=1)
    expected = {new.title: new.status for row in demo_meetings.CONCLUSIONS for new in row.new_tasks}

    created = Task.objects.filter(source_conclusions__meeting=first, code="").with_status(today)

    assert {task.title: task.status for task in created} == expected
    assert all(task.assigned_on == first.held_on for task in created)
    client.login(username="thuongtruc", password=content.DEMO_PASSWORD)
    listed = client.get(reverse("assignments:task_list"), {"q": "to giup viec"})
    assert "Tham mưu thành lập Tổ giúp việc cho Ban Chỉ đạo" in listed.content.decode()
    detail = client.get(reverse("assignments:task_detail", args=[created[0].pk]))
    assert reverse("meetings:meeting_detail", args=[first.pk]) in detail.content.decode()


def test_the_demo_citizens_proposal_is_answered_in_public(client, today):
    from chidao.proposals.models import Proposal

    proposal = Proposal.objects.get(committee__name=content.NAM_DINH_COMMITTEE)

    assert proposal.routed_unit.code == "ND-SKHCN"
    assert proposal.is_public
    public = client.get(reverse("proposals:public_answers")).content.decode()
    assert proposal.answer in public
    assert "Lê Thị Người Dân" not in public
    page = client.get(reverse("dashboards:public_committee", args=[proposal.committee_id]))
    assert proposal.answer in page.content.decode()
    assert proposal.contact not in page.content.decode()
    tracked = client.get(reverse("proposals:public_track"), {"ma": proposal.tracking_code})
    assert 'data-status="answered"' in tracked.content.decode()
