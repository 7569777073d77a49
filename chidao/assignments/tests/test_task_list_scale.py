"""The task list at a country's size: keyset pages and filters that list only a scope.

A page starts after the last task of the one before (``core.keyset``); the committee and
unit filters are search boxes that offer a few choices of the user's own scope, never
every committee and unit of the country.
"""

import datetime

import pytest
from django.urls import reverse

from chidao.assignments.choices import TaskKind
from chidao.assignments.filtersets import PICKER_LIMIT, SORT_CHOICES
from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import make_user, sign_in
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def country(time_machine):
    """Two provinces, each with its committee, ten units leading tasks, and a secretariat;
    an officer of one of the first province's units."""
    time_machine.move_to("2025-07-15 09:00 +07:00", tick=False)
    provinces = {}
    for province in ("Bắc", "Nam"):
        committee = CommitteeFactory(name=f"Ban Chỉ đạo tỉnh {province}")
        units = [UnitFactory(name=f"Sở số {number} tỉnh {province}") for number in range(10)]
        for number, unit in enumerate(units):
            for repeat in range(6):
                TaskFactory(
                    committee=committee,
                    lead_unit=unit,
                    code=f"{number}.{repeat}",
                    # Some without a deadline, some sharing one: the keyset must cope.
                    kind=TaskKind.ONGOING if repeat == 5 else TaskKind.DEADLINE,
                    deadline=None
                    if repeat == 5
                    else datetime.date(2025, 6 + repeat % 3, 1 + number),
                )
        secretariat = make_user(f"thuongtruc{province.lower()}", units[0])
        Membership.objects.create(
            committee=committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
        )
        provinces[province] = {"committee": committee, "units": units, "secretariat": secretariat}
    officer = make_user("canbo", provinces["Bắc"]["units"][3])
    # The officer's unit also coordinates one task of another unit of its province.
    Task.objects.filter(lead_unit=provinces["Bắc"]["units"][4]).first().coordinating_units.add(
        provinces["Bắc"]["units"][3]
    )
    admin = make_user("quantri", provinces["Bắc"]["units"][0], is_superuser=True, is_staff=True)
    return {**provinces, "officer": officer, "admin": admin}


def walk(client, params, *, link="next_cursor"):
    """Every page of the list from the first, following one kind of link."""
    pages = []
    response = client.get(reverse("assignments:task_list"), params)
    while True:
        assert response.status_code == 200
        pages.append([task.pk for task in response.context["tasks"]])
        cursor = getattr(response.context["page"], link)
        if cursor is None:
            return pages, response
        response = client.get(reverse("assignments:task_list"), {**params, "cursor": cursor})


@pytest.mark.parametrize("sort", [key for key, _label in SORT_CHOICES] + ["-status"])
def test_pages_walk_every_task_exactly_once_in_order_and_back(client, country, sort):
    sign_in(client, country["admin"])

    pages, last = walk(client, {"sort": sort})

    listed = [pk for page in pages for pk in page]
    assert len(listed) == len(set(listed)) == Task.objects.count() == 120
    assert [len(page) for page in pages] == [50, 50, 20]
    # The order is the list's own order (the filterset's, which the export uses too).
    whole = client.get(reverse("assignments:task_export"), {"sort": sort})
    assert whole.status_code == 200
    # Back from the last page by "Trang trước": the same pages, in reverse.
    backwards = [[task.pk for task in last.context["tasks"]]]
    response = last
    while response.context["page"].previous_cursor:
        response = client.get(
            reverse("assignments:task_list"),
            {"sort": sort, "cursor": response.context["page"].previous_cursor},
        )
        backwards.append([task.pk for task in response.context["tasks"]])
    assert backwards == pages[::-1]


def test_the_order_of_the_pages_is_the_sort_asked_for(client, country):
    sign_in(client, country["admin"])

    pages, _last = walk(client, {"sort": "deadline"})

    deadlines = [
        Task.objects.get(pk=pk).deadline for page in pages for pk in page
    ]  # no deadline changes here: the deadline in force is the deadline
    dated = [deadline for deadline in deadlines if deadline is not None]
    assert dated == sorted(dated)
    assert deadlines[-20:] == [None] * 20  # tasks without a deadline come last


def test_a_deep_page_of_a_filtered_list_and_its_total(client, country):
    sign_in(client, country["admin"])
    committee = country["Nam"]["committee"]

    pages, last = walk(client, {"committee": committee.pk, "sort": "status"})
    overdue = client.get(
        reverse("assignments:task_list"), {"committee": committee.pk, "status": "overdue"}
    )

    listed = [pk for page in pages for pk in page]
    assert set(Task.objects.filter(pk__in=listed).values_list("committee", flat=True)) == {
        committee.pk
    }
    assert len(listed) == len(set(listed)) == last.context["total"] == 60
    assert 'id="task-page-first"' in last.content.decode()
    assert overdue.context["total"] == len(overdue.context["tasks"]) == 40


def test_an_altered_cursor_shows_the_first_page_not_an_error(client, country):
    sign_in(client, country["admin"])
    first = client.get(reverse("assignments:task_list"))
    cursor = first.context["page"].next_cursor

    altered = client.get(reverse("assignments:task_list"), {"cursor": cursor[:-2] + "xx"})
    other_sort = client.get(reverse("assignments:task_list"), {"cursor": cursor, "sort": "status"})
    old_link = client.get(reverse("assignments:task_list"), {"page": "3"})

    for response in (altered, other_sort, old_link):
        assert response.status_code == 200
        assert [task.pk for task in response.context["tasks"]] == [
            task.pk for task in first.context["tasks"]
        ] or response is other_sort
    assert "Liên kết trang không còn dùng được" in altered.content.decode()


def test_the_page_does_not_list_every_committee_and_unit(client, country):
    for number in range(40):  # many more committees and units than a picker shows
        TaskFactory(
            committee=CommitteeFactory(name=f"Ban Chỉ đạo xã số {number}"),
            lead_unit=UnitFactory(name=f"Ủy ban nhân dân xã số {number}"),
        )
    sign_in(client, country["admin"])

    html = client.get(reverse("assignments:task_list")).content.decode()
    # The first matches come when a picker takes the focus (htmx), not with the page.
    first = client.get(reverse("assignments:task_filter_committee")).content.decode()

    assert html.count('name="committee"') == 1  # "Tất cả"
    assert html.count('name="lead_unit"') == 1
    assert first.count('name="committee"') == 1 + PICKER_LIMIT  # "Tất cả" and the first few
    assert "gõ thêm để thu hẹp" in first
    # Typed text narrows the choices, even without script (the search goes with the form).
    typed = client.get(reverse("assignments:task_list"), {"lead_unit_search": "xa so 17"})
    assert "Ủy ban nhân dân xã số 17" in typed.content.decode()
    assert "Ủy ban nhân dân xã số 18" not in typed.content.decode()


def test_a_unit_officer_is_offered_only_its_own_scope(client, country):
    sign_in(client, country["officer"])
    url = reverse("assignments:task_filter_lead_unit")

    everything = client.get(url, {"lead_unit_search": "so"}).content.decode()
    south = client.get(url, {"lead_unit_search": "tinh nam"}).content.decode()
    committees = client.get(reverse("assignments:task_filter_committee")).content.decode()

    # What the officer's unit leads or coordinates: its own unit, and unit 4's task.
    assert "Sở số 3 tỉnh Bắc" in everything
    assert "Sở số 4 tỉnh Bắc" in everything
    assert "tỉnh Nam" not in everything
    assert "Sở số 0 tỉnh Bắc" not in everything
    assert "Không tìm thấy" in south
    assert "Ban Chỉ đạo tỉnh Bắc" in committees
    assert "Ban Chỉ đạo tỉnh Nam" not in committees


def test_a_secretariat_is_offered_its_committee_units_only(client, country):
    sign_in(client, country["Nam"]["secretariat"])

    html = client.get(
        reverse("assignments:task_filter_lead_unit"),
        {"lead_unit_search": "so 1"},
    ).content.decode()

    assert "Sở số 1 tỉnh Nam" in html
    assert "tỉnh Bắc" not in html


def test_a_filter_value_outside_the_scope_is_refused(client, country):
    from rest_framework.test import APIClient

    southern_unit = country["Nam"]["units"][2]
    sign_in(client, country["officer"])

    page = client.get(reverse("assignments:task_list"), {"lead_unit": southern_unit.pk})
    options = client.get(
        reverse("assignments:task_filter_lead_unit"),
        {"lead_unit": southern_unit.pk},
    )
    api = APIClient()
    api.force_authenticate(country["officer"])
    api_answer = api.get(reverse("api:task-list"), {"lead_unit": southern_unit.pk})

    # The page says why by the field and lists what the officer sees, unfiltered.
    assert page.status_code == 200
    assert 'id="id_lead_unit-error"' in page.content.decode()
    assert page.context["total"] == 7  # six of its own, one coordinated
    assert southern_unit.name not in page.content.decode()
    # The picker does not echo it back as chosen; the API refuses it.
    assert southern_unit.name not in options.content.decode()
    assert api_answer.status_code == 400
    assert "lead_unit" in api_answer.json()


def test_the_chosen_option_stays_whatever_is_typed(client, country):
    unit = country["Bắc"]["units"][7]
    sign_in(client, country["Bắc"]["secretariat"])

    html = client.get(
        reverse("assignments:task_filter_lead_unit"),
        {"lead_unit": unit.pk, "lead_unit_search": "so 2"},
    ).content.decode()

    assert f'value="{unit.pk}" checked' in html
    assert "Sở số 2 tỉnh Bắc" in html


def test_only_the_lists_pickers_have_an_options_address(client, country):
    sign_in(client, country["admin"])

    response = client.get(reverse("assignments:task_list") + "loc/status/")

    assert response.status_code == 404


def test_the_admin_list_neither_counts_every_task_nor_lists_every_committee(
    client, country, monkeypatch, django_assert_max_num_queries
):
    from chidao.committees.choices import CommitteeLevel
    from chidao.core.admin import CappedCountPaginator

    commune = CommitteeFactory(
        name="Ban Chỉ đạo xã Ven Sông",
        level=CommitteeLevel.COMMUNE,
        parent=country["Bắc"]["committee"],
    )
    TaskFactory(committee=commune, lead_unit=country["Bắc"]["units"][0])
    monkeypatch.setattr(CappedCountPaginator, "CAP", 100)
    client.force_login(country["admin"])
    url = reverse("admin:assignments_task_changelist")

    with django_assert_max_num_queries(12):
        response = client.get(url)
    by_commune = client.get(url, {"committee__id__exact": commune.pk})
    by_unit = client.get(url, {"lead_unit__id__exact": country["Nam"]["units"][1].pk})

    html = response.content.decode()
    assert "hơn 100 nhiệm vụ" in html  # 121 tasks: counted up to the cap only
    assert len(response.context["cl"].result_list) == 50
    assert "Ban Chỉ đạo tỉnh Nam" in html  # the filter lists province committees
    assert "Ban Chỉ đạo xã Ven Sông" not in html  # not every commune of the country
    assert "Sở số 1 tỉnh Nam" not in html  # nor every unit
    assert "1 nhiệm vụ" in by_commune.content.decode()
    assert [task.committee for task in by_commune.context["cl"].result_list] == [commune]
    assert len(by_unit.context["cl"].result_list) == 6
