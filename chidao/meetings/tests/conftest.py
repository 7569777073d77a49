import datetime
import functools

import pytest

from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import PASSWORD, make_user, sign_in
from chidao.meetings.tests.factories import build_meeting
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import UnitFactory

__all__ = ["PASSWORD"]


@pytest.fixture
def setting(db, settings, tmp_path):
    """A province committee hosted by the People's Committee: head, secretariat, a
    leader, two departments and an officer of one of them; its first meeting."""
    settings.MEDIA_ROOT = tmp_path
    host = UnitFactory(name="Ủy ban nhân dân tỉnh Nam Định", kind=UnitKind.PEOPLES_COMMITTEE)
    science = UnitFactory(name="Sở Khoa học và Công nghệ")
    finance = UnitFactory(name="Sở Tài chính")
    committee = CommitteeFactory(
        name="Ban Chỉ đạo về phát triển khoa học, công nghệ tỉnh Nam Định", host_unit=host
    )
    head = make_user("truongban", host)
    secretariat = make_user("tgv", science)
    leader = make_user("phoban", host)
    officer = make_user("canbo_tc", finance)
    Membership.objects.create(
        committee=committee, person=head.person, role=MemberRole.HEAD, title="Chủ tịch UBND tỉnh"
    )
    Membership.objects.create(
        committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    Membership.objects.create(committee=committee, person=leader.person, role=MemberRole.DEPUTY)
    meeting = build_meeting(committee=committee, by=secretariat, held_on=datetime.date(2025, 3, 20))
    return {
        "committee": committee,
        "meeting": meeting,
        "science": science,
        "finance": finance,
        "secretariat": secretariat,
        "leader": leader,
        "officer": officer,
    }


@pytest.fixture
def signed_in(client):
    """``signed_in(user)``: this test's client with ``user`` signed in (``world.sign_in``)."""
    return functools.partial(sign_in, client)
