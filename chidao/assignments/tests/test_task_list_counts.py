"""The task list's status counts and filter bar: the unfiltered list counted from the
kept tallies gives exactly the live rule's numbers, and the filter bar kept in the cache
shows what the request asks for, never what another user chose."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.db.models import Count, Q
from django.test import RequestFactory
from django.urls import reverse

from chidao.assignments.choices import DeadlineChangeDecision, TaskKind, TaskState, TaskStatus
from chidao.assignments.filtersets import TaskFilterSet, get_tallied_scope
from chidao.assignments.models import DeadlineChange, Task
from chidao.assignments.spans import record_status_spans
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import make_user, sign_in
from chidao.org.tests.factories import UnitFactory, UserFactory

D = dt.date
# Before anything is assigned, while tasks run, across deadlines, the extension's
# decision and completions, and long after.
DATES = [
    D(2025, 1, 1),
    D(2025, 3, 1),
    D(2025, 6, 25),
    D(2025, 6, 30),
    D(2025, 7, 1),
    D(2025, 7, 9),
    D(2025, 7, 10),
    D(2025, 9, 28),
    D(2025, 10, 1),
    D(2026, 6, 1),
]


def _tasks(committee, units, *, offset: int, by):
    """Tasks of ``committee`` in every status the rule knows, on dates shifted by
    ``offset`` days so that committees differ."""
    shift = dt.timedelta(days=offset)
    made = [
        TaskFactory(committee=committee, lead_unit=units[0], deadline=D(2025, 6, 30) + shift),
        TaskFactory(committee=committee, lead_unit=units[1], deadline=D(2025, 7, 3) + shift),
        TaskFactory(
            committee=committee,
            lead_unit=units[0],
            assigned_on=D(2025, 3, 1) + shift,  # not yet assigned before
            deadline=D(2025, 9, 30),
        ),
        TaskFactory(
            committee=committee,
            lead_unit=units[1],
            state=TaskState.COMPLETED,
            completed_on=D(2025, 6, 1) + shift,  # on time
        ),
        TaskFactory(
            committee=committee,
            lead_unit=units[0],
            state=TaskState.COMPLETED,
            completed_on=D(2025, 9, 1) + shift,  # late
        ),
        TaskFactory(
            committee=committee,
            lead_unit=units[1],
            state=TaskState.PAUSED,
            stopped_on=D(2025, 5, 1) + shift,
        ),
        TaskFactory(
            committee=committee,
            lead_unit=units[0],
            state=TaskState.CANCELLED,
            stopped_on=D(2025, 7, 1) + shift,
        ),
        TaskFactory(committee=committee, lead_unit=units[1], kind=TaskKind.ONGOING, deadline=None),
    ]
    # Extended on 10/7 from 30/6 to 30/9: overdue for ten days, then in progress again.
    extended = TaskFactory(
        committee=committee,
        lead_unit=units[0],
        deadline=D(2025, 9, 30) + shift,
        original_deadline=D(2025, 6, 30) + shift,
    )
    DeadlineChange.objects.create(
        task=extended,
        requested_by=by,
        decided_by=by,
        old_deadline=D(2025, 6, 30) + shift,
        new_deadline=D(2025, 9, 30) + shift,
        reason="Chờ ý kiến của Bộ",
        decision=DeadlineChangeDecision.APPROVED,
        decided_on=D(2025, 7, 10) + shift,
    )
    record_status_spans([extended])
    return [*made, extended]


@pytest.fixture
def country():
    """A central committee with tasks of its own, two provinces, and their communes."""
    units = [UnitFactory(name=f"Sở số {number}") for number in range(3)]
    central = CommitteeFactory(name="Ban Chỉ đạo Trung ương", level=CommitteeLevel.CENTRAL)
    north = CommitteeFactory(name="Ban Chỉ đạo tỉnh Bắc", parent=central)
    south = CommitteeFactory(name="Ban Chỉ đạo tỉnh Nam", parent=central)
    communes = [
        CommitteeFactory(name=f"Ban Chỉ đạo xã {n}", level=CommitteeLevel.COMMUNE, parent=parent)
        for n, parent in enumerate((north, north, south))
    ]
    clerk = UserFactory()
    for offset, committee in enumerate((central, north, south, *communes)):
        _tasks(committee, units, offset=offset * 3, by=clerk)
    # A province of its own, under no central committee: a root with its own tasks.
    alone = CommitteeFactory(name="Ban Chỉ đạo tỉnh Riêng")
    _tasks(alone, units, offset=20, by=clerk)

    def seat(username, committee, role):
        user = make_user(username, None)
        Membership.objects.create(committee=committee, person=user.person, role=role)
        return user

    return {
        "central": central,
        "north": north,
        "communes": communes,
        "units": units,
        "admin": make_user("quantri", None, is_superuser=True, is_staff=True),
        "central_leader": seat("lanhdao", central, MemberRole.DEPUTY),
        "north_secretariat": seat("thuongtruc", north, MemberRole.SUPPORT_TEAM),
        "commune_secretariat": seat("thuongtrucxa", communes[0], MemberRole.SUPPORT_TEAM),
        "officer": make_user("canbo", units[0]),
    }


def _live_counts(user, day) -> dict[str, int]:
    """The counts by the live rule (``with_status``), as the list shows them."""
    tasks = (
        Task.objects.visible_to(user)
        .with_status(day)
        .with_due_soon(day, settings.CHIDAO_DUE_SOON_DAYS)
        .order_by()
    )
    counts = tasks.aggregate(
        total=Count("pk"),
        due_soon_count=Count("pk", filter=Q(due_soon=True)),
        **{status.value: Count("pk", filter=Q(status=status)) for status in TaskStatus},
    )
    counts["due_soon"] = counts.pop("due_soon_count")
    return counts


def _filterset(user, data):
    request = RequestFactory().get("/")
    request.user = user
    return TaskFilterSet(data, request=request)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["admin", "central_leader", "north_secretariat", "commune_secretariat"]
)
def test_the_unfiltered_list_counts_from_the_tallies_equal_the_live_rule(country, who):
    user = country[who]
    assert get_tallied_scope(user) is not None
    for day in DATES:
        for data in ({"as_of": day.isoformat()}, {"as_of": day.isoformat(), "status": "overdue"}):
            filterset = _filterset(user, data)
            tallied = filterset._get_tallied_status_counts()
            assert tallied == _live_counts(user, day), (who, day)
            assert filterset.get_status_counts() == tallied


@pytest.mark.django_db
def test_a_narrowed_list_or_a_units_officer_is_counted_from_the_spans(country):
    day = D(2025, 7, 1)
    narrowed = _filterset(country["admin"], {"as_of": day, "lead_unit": country["units"][0].pk})
    officer = _filterset(country["officer"], {"as_of": day})

    assert narrowed._get_tallied_status_counts() is None
    assert get_tallied_scope(country["officer"]) is None
    assert officer.get_status_counts() == _live_counts(country["officer"], day)
    lead = Task.objects.filter(lead_unit=country["units"][0])
    assert narrowed.get_status_counts()["total"] == lead.count()


@pytest.mark.django_db
def test_committees_nested_deeper_than_the_tallies_reach_are_counted_from_the_spans(country):
    # A province's tally counts two levels below it (the country's three levels); a
    # fourth level below the province would be missed.
    hamlet = CommitteeFactory(name="Ban Chỉ đạo thôn", parent=country["communes"][0])
    team = CommitteeFactory(name="Tổ công tác thôn", parent=hamlet)
    TaskFactory(committee=team, lead_unit=country["units"][0])
    day = D(2025, 7, 1)

    assert get_tallied_scope(country["admin"]) is None
    counts = _filterset(country["admin"], {"as_of": day}).get_status_counts()
    assert counts == _live_counts(country["admin"], day)


@pytest.mark.django_db
def test_the_list_page_shows_the_tallied_counts(client, country):
    sign_in(client, country["central_leader"])
    day = D(2025, 7, 5)

    response = client.get(reverse("assignments:task_list"), {"as_of": day.isoformat()})

    live = _live_counts(country["central_leader"], day)
    assert response.context["counts"] == live
    assert response.context["total"] == live["total"]
    html = response.content.decode()
    overdue = re.search(r'data-status="overdue">[^<]*<span class="badge[^"]*">(\d+)<', html)
    assert overdue
    assert int(overdue.group(1)) == live["overdue"] > 0


# --- the filter bar -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_pickers_list_their_matches_on_focus_not_with_the_page(client, country):
    sign_in(client, country["admin"])

    html = client.get(reverse("assignments:task_list")).content.decode()
    options = client.get(reverse("assignments:task_filter_committee")).content.decode()

    bar = html[html.index('<form method="get" id="task-filters"') :]
    bar = bar[: bar.index("</form>")]
    assert bar.count('name="committee"') == 1  # "Tất cả" only
    assert 'hx-trigger="focus once, input changed delay:300ms, search"' in bar
    assert "Ban Chỉ đạo tỉnh Bắc" not in bar
    assert "Ban Chỉ đạo tỉnh Bắc" in options
    assert "Ban Chỉ đạo tỉnh Nam" in options


@pytest.mark.django_db
def test_the_kept_filter_bar_follows_a_rename_and_never_shows_another_users_choice(client, country):
    north = country["north"]
    url = reverse("assignments:task_list")
    sign_in(client, country["admin"])
    first = client.get(url, {"committee": north.pk}).content.decode()
    north.name = "Ban Chỉ đạo tỉnh Bắc Mới"
    north.save()
    renamed = client.get(url, {"committee": north.pk}).content.decode()
    # The same filters from a secretary of a commune, who may not see the province.
    sign_in(client, country["commune_secretariat"])
    other = client.get(url, {"committee": north.pk})

    assert f'value="{north.pk}" checked' in first
    assert "Ban Chỉ đạo tỉnh Bắc<" in first
    assert "Ban Chỉ đạo tỉnh Bắc Mới" in renamed
    html = other.content.decode()
    assert 'id="id_committee-error"' in html
    assert "Ban Chỉ đạo tỉnh Bắc" not in html
    assert f'value="{north.pk}" checked' not in html


@pytest.mark.django_db
def test_a_row_escapes_what_was_typed(client, country):
    TaskFactory(
        committee=country["north"],
        lead_unit=country["units"][0],
        code="<b>X</b>",
        title='<script>alert("x")</script>',
        deadline_text="Quý III & IV",
    )
    sign_in(client, country["admin"])

    html = client.get(reverse("assignments:task_list"), {"q": "alert"}).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;X&lt;/b&gt;" in html
    assert "Quý III &amp; IV" in html
