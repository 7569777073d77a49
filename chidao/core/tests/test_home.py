"""Each role lands on the page it works from (issue [B] §1)."""

import pytest
from django.urls import reverse

from chidao.core.tests.world import PASSWORD, build_world

LANDING = {
    "unit_officer": "assignments:unit_tasks",
    "unit_head": "assignments:unit_tasks",
    "secretariat": "assignments:secretariat_home",
    "admin": "assignments:secretariat_home",
    "leader": "dashboards:index",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "url_name"), LANDING.items())
def test_home_sends_each_role_to_its_page(client, role, url_name):
    world = build_world()
    client.login(username=world.users[role].username, password=PASSWORD)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url == reverse(url_name)
    assert client.get(response.url).status_code in (200, 302)
