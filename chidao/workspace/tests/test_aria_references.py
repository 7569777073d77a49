"""Every ``aria-describedby`` names an element of the page (issue [O] §9): the help text
of the proposal form's contact and attachments, the progress form's evidence files."""

import re

import pytest
from django.urls import reverse

from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.django_db


def broken_references(page: str) -> list[str]:
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    named = [
        name for value in re.findall(r'aria-describedby="([^"]+)"', page) for name in value.split()
    ]
    assert named, "the page has no aria-describedby to check"
    return [name for name in named if name not in ids]


def test_the_proposal_form_points_only_at_help_text_that_exists(client):
    CommitteeFactory()
    url = reverse("proposals:public_submit")

    assert broken_references(client.get(url).content.decode()) == []
    # With errors: each field names its error and its help text.
    invalid = client.post(url, {"contact": "không phải số"}).content.decode()
    assert broken_references(invalid) == []
    assert 'aria-describedby="id_contact-error id_contact_helptext"' in invalid


def test_the_progress_form_points_only_at_help_text_that_exists(client):
    world = build_world()
    client.login(username=world.users["unit_officer"].username, password=PASSWORD)

    page = client.get(reverse("assignments:progress_create", args=[world.task.pk]))

    assert page.status_code == 200
    assert broken_references(page.content.decode()) == []
