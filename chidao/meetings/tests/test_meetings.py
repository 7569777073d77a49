"""Recording meetings, and who may."""

import datetime

from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import make_user
from chidao.meetings.choices import Attendance
from chidao.meetings.models import Meeting
from chidao.meetings.rules import get_ordinal


def meeting_data(setting, **extra):
    members = list(setting["committee"].memberships.all())
    data = {
        "number": "2",
        "kind": "regular",
        "held_on": "2025-06-20",
        "place": "Hội trường Tỉnh ủy",
        "chair": members[0].pk,
        "guests": "",
        "minutes": "Thảo luận kết quả 6 tháng.",
        "agenda-TOTAL_FORMS": "2",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        "agenda-0-title": "Báo cáo kết quả 6 tháng",
        "agenda-0-presenter": "Sở Khoa học và Công nghệ",
        "agenda-1-title": "",
    }
    for member in members:
        data[f"attendance_{member.pk}"] = Attendance.PRESENT
    data.update(extra)
    return data


def test_secretariat_records_a_meeting_with_a_delegate(setting, signed_in):
    client = signed_in(setting["secretariat"])
    leader_seat = Membership.objects.get(person=setting["leader"].person)
    data = meeting_data(
        setting,
        **{
            f"attendance_{leader_seat.pk}": Attendance.DELEGATED,
            f"delegate_{leader_seat.pk}": "Nguyễn Văn Thay, Phó Chánh Văn phòng",
        },
    )

    response = client.post(reverse("meetings:meeting_create", args=[setting["committee"].pk]), data)

    assert response.status_code == 302
    meeting = Meeting.objects.get(number=2)
    assert meeting.title == "Phiên họp thứ hai"
    assert meeting.held_on == datetime.date(2025, 6, 20)
    assert [item.title for item in meeting.agenda_items.all()] == ["Báo cáo kết quả 6 tháng"]
    delegated = meeting.attendances.get(membership=leader_seat)
    assert delegated.status == Attendance.DELEGATED
    assert delegated.delegate == "Nguyễn Văn Thay, Phó Chánh Văn phòng"
    assert meeting.history.count() == 1


def test_a_delegated_member_needs_the_delegate_named(setting, signed_in):
    client = signed_in(setting["secretariat"])
    leader_seat = Membership.objects.get(person=setting["leader"].person)
    data = meeting_data(setting, **{f"attendance_{leader_seat.pk}": Attendance.DELEGATED})

    response = client.post(reverse("meetings:meeting_create", args=[setting["committee"].pk]), data)

    assert response.status_code == 200
    assert f'id="id_delegate_{leader_seat.pk}-error"' in response.content.decode()
    assert not Meeting.objects.filter(number=2).exists()


def test_a_unit_officer_cannot_create_meetings(setting, signed_in):
    # The officer's unit leads a task of the committee, so the committee is visible.
    TaskFactory(committee=setting["committee"], lead_unit=setting["finance"])
    client = signed_in(setting["officer"])
    url = reverse("meetings:meeting_create", args=[setting["committee"].pk])

    assert client.get(url).status_code == 403
    assert client.post(url, meeting_data(setting)).status_code == 403
    assert (
        client.get(reverse("meetings:meeting_detail", args=[setting["meeting"].pk])).status_code
        == 403
    )
    assert not Meeting.objects.filter(number=2).exists()


def test_an_unrelated_committees_secretariat_gets_404(setting, signed_in):
    other = CommitteeFactory(name="Ban Chỉ đạo tỉnh Khác")
    stranger = make_user("tgv_khac", setting["science"])
    Membership.objects.create(committee=other, person=stranger.person, role=MemberRole.SUPPORT_TEAM)
    client = signed_in(stranger)
    meeting = setting["meeting"]

    for name in ("meeting_detail", "meeting_edit", "conclusion_create", "follow_up"):
        assert client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code == 404
    create = reverse("meetings:meeting_create", args=[setting["committee"].pk])
    assert client.get(create).status_code == 404


def test_a_leader_reads_but_does_not_edit(setting, signed_in):
    client = signed_in(setting["leader"])
    meeting = setting["meeting"]

    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))

    assert page.status_code == 200
    assert "Phiên họp thứ nhất" in page.content.decode()
    assert client.get(reverse("meetings:meeting_edit", args=[meeting.pk])).status_code == 403


def test_ordinals_read_as_the_press_writes_them():
    assert [get_ordinal(n) for n in (1, 2, 4, 10, 12)] == [
        "thứ nhất",
        "thứ hai",
        "thứ tư",
        "thứ mười",
        "thứ 12",
    ]
