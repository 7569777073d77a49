import pytest

from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.choices import UnitKind
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory


class Province:
    """A province's People's Committee, departments, communes and committee, with a
    secretariat account."""

    def __init__(self):
        self.ubnd = UnitFactory(
            code="T-UBND",
            name="Ủy ban nhân dân tỉnh Thử",
            short_name="UBND tỉnh",
            kind=UnitKind.PEOPLES_COMMITTEE,
        )
        self.science = self.department("T-SKHCN", "Sở Khoa học và Công nghệ tỉnh Thử", "Sở KH&CN")
        self.finance = self.department("T-STC", "Sở Tài chính tỉnh Thử", "Sở Tài chính")
        self.home_affairs = self.department("T-SNV", "Sở Nội vụ tỉnh Thử", "Sở Nội vụ")
        self.culture = self.department(
            "T-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thử", "Sở VH-TT-DL"
        )
        self.commune_a = UnitFactory(
            code="T-XA",
            name="Ủy ban nhân dân xã An Bình",
            short_name="UBND xã An Bình",
            kind=UnitKind.COMMUNE,
            parent=self.ubnd,
        )
        self.commune_b = UnitFactory(
            code="T-XB",
            name="Ủy ban nhân dân phường Bắc Sơn",
            short_name="UBND phường Bắc Sơn",
            kind=UnitKind.COMMUNE,
            parent=self.ubnd,
        )
        # Another province's department of the same name: never chosen over ours.
        other_root = UnitFactory(
            code="K-UBND", name="Ủy ban nhân dân tỉnh Khác", kind=UnitKind.PEOPLES_COMMITTEE
        )
        self.other_finance = UnitFactory(
            code="K-STC",
            name="Sở Tài chính tỉnh Khác",
            short_name="Sở Tài chính (Khác)",
            parent=other_root,
        )
        self.committee = CommitteeFactory(
            name="Ban Chỉ đạo tỉnh Thử", host_unit=self.ubnd, standing_unit=self.science
        )
        self.secretariat = UserFactory(
            username="thuongtruc", person=PersonFactory(unit=self.science)
        )
        Membership.objects.create(
            committee=self.committee, person=self.secretariat.person, role=MemberRole.SUPPORT_TEAM
        )

    def department(self, code, name, short_name):
        return UnitFactory(
            code=code, name=name, short_name=short_name, kind=UnitKind.DEPARTMENT, parent=self.ubnd
        )


@pytest.fixture
def province(db):
    return Province()
