import datetime
import functools

import pytest

from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.core.tests.world import build_base, make_user, sign_in
from chidao.meetings.tests.factories import build_meeting
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import UnitFactory


@pytest.fixture
def setting(db, settings, tmp_path):
    """The shared world's committee (``core.tests.world.build_base``), hosted by the
    People's Committee whose chair heads it; its first meeting."""
    settings.MEDIA_ROOT = tmp_path
    base = build_base()
    committee = base.committee
    host = UnitFactory(name="Ủy ban nhân dân tỉnh Nam Định", kind=UnitKind.PEOPLES_COMMITTEE)
    committee.host_unit = host
    committee.save(update_fields=["host_unit"])
    head = make_user("truongban", host)
    Membership.objects.create(
        committee=committee, person=head.person, role=MemberRole.HEAD, title="Chủ tịch UBND tỉnh"
    )
    secretariat = base.users["secretariat"]
    meeting = build_meeting(committee=committee, by=secretariat, held_on=datetime.date(2025, 3, 20))
    return {
        "committee": committee,
        "meeting": meeting,
        "science": base.standing_unit,
        "finance": base.lead_unit,
        "secretariat": secretariat,
        "leader": base.users["leader"],
        "officer": base.users["unit_officer"],
    }


@pytest.fixture
def signed_in(client):
    """``signed_in(user)``: this test's client with ``user`` signed in (``world.sign_in``)."""
    return functools.partial(sign_in, client)
