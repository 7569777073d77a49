"""The main menu grouped by what each role does (issue [O] §5): the daily work on the bar,
follow-up, reports and set-up as dropdowns; the server still gates every page."""

import pytest
from django.urls import reverse

from chidao.committees.access import get_roles
from chidao.core.tests.world import build_world
from chidao.workspace.menu import get_main_menu

pytestmark = pytest.mark.django_db

BAR_LIMIT = 9  # links and dropdowns that fit one line at 1366 px, with the bell and user


ROLES = ("unit_officer", "unit_head", "secretariat", "leader", "admin")


@pytest.fixture
def menus():
    world = build_world()
    return {role: get_main_menu(get_roles(world.users[role]), "/nhiem-vu/") for role in ROLES}


def labels(items):
    return [str(item["label"]) for item in items]


def test_the_secretariat_works_from_the_bar_and_finds_the_rest_in_groups(menus):
    menu = menus["secretariat"]

    assert len(menu) <= BAR_LIMIT
    bar = [str(item["label"]) for item in menu if "children" not in item]
    assert {"Nhiệm vụ", "Việc chờ xử lý", "Duyệt số liệu"} <= set(bar)
    groups = {item["group"]: labels(item["children"]) for item in menu if "children" in item}
    assert set(groups) == {"follow_up", "reports", "set_up"}
    assert "Nhắc việc" in groups["follow_up"]
    assert "Nhập dữ liệu" in groups["set_up"]


def test_every_role_fits_one_line_and_the_page_lights_up(menus):
    for role, menu in menus.items():
        assert len(menu) <= BAR_LIMIT, role
        assert labels(item for item in menu if item["active"]) == ["Nhiệm vụ"], role


def test_the_bar_renders_dropdowns(client):
    world = build_world()
    client.force_login(world.users["secretariat"])

    page = client.get(reverse("assignments:task_list")).content.decode()

    assert 'data-menu-group="follow_up"' in page
    assert f'class="dropdown-item" href="{reverse("reminders:sent_list")}"' in page
