"""Committee pages and the leader's home (issue [B] §1, §11). Time is frozen on 15/7/2025."""

import datetime

import pytest
from django.urls import reverse

from chidao.assignments.choices import TaskState
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.core.tests.world import build_world, sign_in
from chidao.org.tests.factories import PersonFactory, UnitFactory


@pytest.fixture
def world(db, settings, tmp_path, time_machine):
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def test_committee_page_shows_members_their_duties_and_the_support_team(client, world):
    health = UnitFactory(name="Sở Y tế tỉnh", short_name="Sở Y tế")
    head = Membership.objects.create(
        committee=world.committee,
        person=PersonFactory(full_name="Nguyễn Văn Trưởng"),
        role=MemberRole.HEAD,
        title="Bí thư Tỉnh ủy",
        areas="Chỉ đạo chung; <b>chuyển đổi số</b>",
    )
    head.units_followed.set([health, world.lead_unit])
    Membership.objects.create(
        committee=world.committee,
        person=PersonFactory(full_name="Lê Thị Đã Nghỉ"),
        role=MemberRole.MEMBER,
        ended_on=datetime.date(2025, 1, 31),
    )

    page = sign_in(client, world.users["leader"]).get(
        reverse("committees:committee_detail", kwargs={"pk": world.committee.pk})
    )

    members = page.context["members"]
    assert members[0] == head  # the head comes first
    assert world.users["leader"].person in [m.person for m in members]
    assert [m.person for m in page.context["support_team"]] == [world.users["secretariat"].person]
    assert list(page.context["children"]) == [world.commune_committee]
    content = page.content.decode()
    assert "Bí thư Tỉnh ủy" in content
    assert "Sở Y tế" in content
    assert "&lt;b&gt;chuyển đổi số&lt;/b&gt;" in content
    assert "Lê Thị Đã Nghỉ" not in content  # membership ended


def test_committee_list_shows_only_visible_committees(client, world):
    listing = sign_in(client, world.users["unit_officer"]).get(reverse("committees:committee_list"))
    assert list(listing.context["committees"]) == [world.committee]

    other = sign_in(client, world.users["other_unit_officer"])
    assert list(other.get(reverse("committees:committee_list")).context["committees"]) == []
    detail = reverse("committees:committee_detail", kwargs={"pk": world.committee.pk})
    assert other.get(detail).status_code == 404


def test_the_overview_shows_both_rates_and_overdue_key_tasks(client, world):
    common = {"committee": world.committee, "lead_unit": world.lead_unit}
    TaskFactory(**common, code="K.1", title="Nhiệm vụ trọng tâm trễ hạn", is_key=True)
    TaskFactory(**common, code="K.2", title="Nhiệm vụ thường trễ hạn")
    TaskFactory(
        **common,
        code="K.3",
        state=TaskState.COMPLETED,
        completed_on=datetime.date(2025, 6, 1),
    )
    leader = sign_in(client, world.users["leader"])

    page = leader.get(reverse("committees:overview"))

    [panel] = page.context["panels"]
    assert panel["committee"] == world.committee
    total = panel["by_unit"].total
    # World task (due 2030) in progress; K.1, K.2 overdue; K.3 done on time.
    assert (total.done_on_time, total.overdue, total.in_progress) == (1, 2, 1)
    assert str(total.completion_rate_of_due) == "33.3"
    assert str(total.on_time_rate_of_all) == "25.0"
    assert [t.code for t in panel["overdue_key_tasks"]] == ["K.1"]
    content = page.content.decode()
    assert "33,3 %" in content
    assert "25,0 %" in content
    assert "Nhiệm vụ trọng tâm trễ hạn" in content
    assert "Nhiệm vụ thường trễ hạn" not in content


def test_a_unit_officer_without_a_seat_sees_a_plain_message(client, world):
    page = sign_in(client, world.users["unit_officer"]).get(reverse("committees:overview"))
    assert page.context["panels"] == []
    assert "Bạn chưa là thành viên Ban Chỉ đạo nào." in page.content.decode()


def test_pages_take_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    for number in range(3):
        TaskFactory(committee=world.committee, code=f"Q.{number}", is_key=True)
    leader = sign_in(client, world.users["leader"])
    with django_assert_num_queries(9):
        leader.get(reverse("committees:overview"))
    with django_assert_num_queries(10):
        leader.get(reverse("committees:committee_detail", kwargs={"pk": world.committee.pk}))
    with django_assert_num_queries(6):
        leader.get(reverse("committees:committee_list"))
