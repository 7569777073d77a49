"""The front door (issue [O] §4): a visitor who is not signed in finds the public page and
the proposal form from the sign-in page; the public index lists committees by level and
place; the proposal form lists only committees that take proposals, by province."""

import re

import pytest
from django.urls import reverse

from chidao.committees.choices import CommitteeLevel
from chidao.committees.tests.factories import CommitteeFactory
from chidao.dashboards.models import Publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces():
    nam_dinh = CommitteeFactory(name="Ban Chỉ đạo tỉnh Nam Định")
    long_an = CommitteeFactory(name="Ban Chỉ đạo tỉnh Long An")
    communes = {
        "my_loc": CommitteeFactory(
            name="Ban Chỉ đạo xã Mỹ Lộc", level=CommitteeLevel.COMMUNE, parent=nam_dinh
        ),
        "tan_an": CommitteeFactory(
            name="Ban Chỉ đạo phường Tân An", level=CommitteeLevel.COMMUNE, parent=long_an
        ),
        "closed": CommitteeFactory(
            name="Ban Chỉ đạo xã Không Nhận",
            level=CommitteeLevel.COMMUNE,
            parent=nam_dinh,
            accepts_proposals=False,
        ),
    }
    return nam_dinh, long_an, communes


def test_the_sign_in_page_links_the_public_page_and_the_proposal_form(client):
    page = client.get(reverse("login")).content.decode()

    assert reverse("dashboards:public_index") in page
    assert reverse("proposals:public_submit") in page


def test_the_public_index_lists_committees_by_level_and_place(client, provinces):
    nam_dinh, long_an, communes = provinces
    for committee in (nam_dinh, long_an, communes["my_loc"], communes["tan_an"]):
        Publication.objects.create(committee=committee, is_published=True)

    page = client.get(reverse("dashboards:public_index")).content.decode()

    province_at = page.index('data-level="province"')
    commune_at = page.index('data-level="commune"')
    assert province_at < commune_at
    # Communes sit under their own province's heading.
    communes_part = page[commune_at:]
    assert (
        communes_part.index("Ban Chỉ đạo tỉnh Long An")
        < communes_part.index("Ban Chỉ đạo phường Tân An")
        < communes_part.index("Ban Chỉ đạo tỉnh Nam Định")
        < communes_part.index("Ban Chỉ đạo xã Mỹ Lộc")
    )
    assert reverse("dashboards:public_committee", args=[communes["tan_an"].pk]) in page


@pytest.mark.usefixtures("provinces")
def test_the_proposal_form_lists_committees_that_take_proposals_by_province(client):
    page = client.get(reverse("proposals:public_submit")).content.decode()

    select = re.search(r'<select name="committee".*?</select>', page, re.S).group(0)
    assert "---------" not in select
    assert "Ban Chỉ đạo xã Không Nhận" not in select
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    assert [label for label, _ in groups] == [
        "Ban Chỉ đạo tỉnh Long An",
        "Ban Chỉ đạo tỉnh Nam Định",
    ]
    assert "Ban Chỉ đạo phường Tân An" in groups[0][1]
    assert "Ban Chỉ đạo xã Mỹ Lộc" in groups[1][1]
    assert "Ban Chỉ đạo phường Tân An" not in groups[1][1]


def test_a_committee_that_takes_no_proposals_is_refused(client, provinces):
    closed = provinces[2]["closed"]

    response = client.post(reverse("proposals:public_submit"), {"committee": closed.pk})

    assert response.status_code == 200
    assert response.context["form"].errors["committee"]
