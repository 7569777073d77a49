"""The public transparency page: no sign-in, only what the committee published, nothing
private in its HTML, numbers without JavaScript."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from chidao.assignments.models import Direction
from chidao.assignments.tests.factories import (
    EvidenceFactory,
    ProgressUpdateFactory,
    TaskFactory,
)
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.dashboards.models import Publication
from chidao.indicators.choices import ObservationState
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory
from chidao.proposals.choices import ProposalCategory, ProposalStatus
from chidao.proposals.models import Proposal

TODAY = datetime.date(2025, 9, 30)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published(db, settings):
    """A committee with people, reports, evidence and values, publishing its page."""
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Công Khai")
    group = TaskGroupFactory(committee=committee, name="Hoàn thiện thể chế")
    unit = UnitFactory(name="Sở Khoa học và Công nghệ")
    officer = UserFactory(
        username="canbo.bimat",
        email="nguyen.bi.mat@khcn.example.vn",
        person=PersonFactory(unit=unit, full_name="Nguyễn Bí Mật"),
    )
    leader = PersonFactory(unit=unit, full_name="Trần Lãnh Đạo Riêng")
    seat = Membership.objects.create(
        committee=committee, person=leader, role=MemberRole.DEPUTY, title="Phó Chủ tịch Riêng"
    )
    task = TaskFactory(
        committee=committee,
        group=group,
        lead_unit=unit,
        overseeing_member=seat,
        deadline=datetime.date(2025, 6, 30),
    )
    report = ProgressUpdateFactory(
        task=task,
        author=officer,
        results="Kết quả nội bộ chưa công bố XYZ",
        difficulties="Vướng mắc kinh phí nội bộ QWE",
        proposals="Đề xuất riêng tư ASD",
    )
    EvidenceFactory(progress_update=report, original_name="Bien-ban-hop-kin.pdf")
    Direction.objects.create(task=task, author=leader_user(leader), text="Chỉ đạo nội bộ ZXC")
    indicator = IndicatorFactory(committee=committee, name="Tỷ lệ dịch vụ công trực tuyến")
    hidden = IndicatorFactory(committee=committee, name="Chỉ tiêu chưa công bố")
    TargetFactory(indicator=indicator, year=2025, text="≥ 80")
    for value, start in (("60", datetime.date(2025, 1, 1)), ("70", datetime.date(2025, 4, 1))):
        ObservationFactory(
            indicator=indicator,
            period_start=start,
            value=value,
            state=ObservationState.APPROVED,
            note="Ghi chú nội bộ POI",
        )
    publication = Publication.objects.create(committee=committee, is_published=True)
    publication.indicators.add(indicator)
    answered = {
        "committee": committee,
        "category": ProposalCategory.BUSINESSES,
        "status": ProposalStatus.ANSWERED,
        "routed_unit": unit,
        "response_due": datetime.date(2025, 9, 1),
        "answered_on": datetime.date(2025, 8, 20),
    }
    Proposal.objects.create(
        **answered,
        title="Tập huấn bán hàng trực tuyến cho hộ kinh doanh",
        content="Đề nghị mở lớp tập huấn.",
        sender_name="Lê Văn Gửi Công Khai",
        contact="gui.cong.khai@example.vn",
        consents_to_publish=True,
        is_public=True,
        answer="Sở mở lớp tập huấn tại các xã từ tháng 10.",
    )
    secret = Proposal.objects.create(
        **answered,
        title="Kiến nghị kín RTY",
        content="Nội dung kín FGH",
        sender_name="Phạm Thị Gửi Kín",
        contact="0912000111",
        answer="Trả lời riêng UIO",
    )
    return {
        "committee": committee,
        "publication": publication,
        "hidden_indicator": hidden,
        "private": [
            officer.person.full_name,
            officer.email,
            officer.username,
            leader.full_name,
            seat.title,
            task.title,
            report.results,
            report.difficulties,
            report.proposals,
            "Bien-ban-hop-kin",
            "minh-chung",
            "Chỉ đạo nội bộ ZXC",
            "Ghi chú nội bộ POI",
            hidden.name,
            "Lê Văn Gửi Công Khai",
            "gui.cong.khai@example.vn",
            secret.title,
            secret.content,
            secret.sender_name,
            secret.contact,
            secret.answer,
            secret.tracking_code,
        ],
    }


def leader_user(person):
    return UserFactory(person=person)


def open_public(client, committee):
    return client.get(reverse("dashboards:public_committee", args=[committee.pk]))


def test_numbers_without_sign_in_and_without_javascript(client, published, time_machine):
    time_machine.move_to(datetime.datetime(2025, 9, 30, 10, 0, tzinfo=datetime.UTC))

    response = open_public(client, published["committee"])

    assert response.status_code == 200
    html = response.content.decode()
    # The numbers are in the HTML itself, not drawn by a script.
    assert re.search(r'id="public-assigned">1<', html)
    assert re.search(r'id="public-overdue">1<', html)
    assert "Tỷ lệ dịch vụ công trực tuyến" in html
    assert "70 %" in html


def test_proposal_counts_and_published_answers_without_their_senders(client, published):
    html = open_public(client, published["committee"]).content.decode()

    assert "Đã nhận 2 kiến nghị, đã trả lời 2." in html
    assert "Sở mở lớp tập huấn tại các xã từ tháng 10." in html
    assert "Sở Khoa học và Công nghệ" in html  # the unit that answered
    assert html.count('class="border rounded p-3 mb-2 public-answer"') == 1


def test_nothing_private_reaches_the_page(client, published):
    html = open_public(client, published["committee"]).content.decode()

    leaked = [value for value in published["private"] if value and value in html]
    assert not leaked


def test_an_unpublished_committee_is_not_found(client, published):
    Publication.objects.filter(pk=published["publication"].pk).update(is_published=False)

    assert open_public(client, published["committee"]).status_code == 404
    other = CommitteeFactory()
    assert open_public(client, other).status_code == 404


def test_a_new_choice_shows_at_once_despite_the_cache(client, published, django_assert_num_queries):
    open_public(client, published["committee"])
    with django_assert_num_queries(1):  # the publication; the numbers come from the cache
        open_public(client, published["committee"])

    publication = published["publication"]
    publication.show_task_counts = False
    publication.save()

    html = open_public(client, published["committee"]).content.decode()
    assert 'id="public-assigned"' not in html


def test_the_index_lists_published_committees_only(client, published):
    CommitteeFactory(name="Ban Chỉ đạo không công khai")

    html = client.get(reverse("dashboards:public_index")).content.decode()

    assert "Ban Chỉ đạo tỉnh Công Khai" in html
    assert "Ban Chỉ đạo không công khai" not in html
