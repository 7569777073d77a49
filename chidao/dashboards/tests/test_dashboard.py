"""The committee dashboard: its numbers are the count table's, every linked number is
the row count of the list behind it, and an earlier report date recomputes everything."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from chidao.assignments.choices import TaskState
from chidao.assignments.counts import get_count_table
from chidao.assignments.filtersets import TaskFilterSet
from chidao.assignments.models import Task
from chidao.assignments.spans import record_status_spans
from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.core.tests.world import sign_in
from chidao.dashboards.models import SavedView
from chidao.dashboards.queries import (
    LINKED_STATUSES,
    Scope,
    get_dashboard_keys,
    get_table_lines,
    task_list_url,
)
from chidao.dashboards.rows import get_count_rows
from chidao.dashboards.tests.conftest import DEMO_PASSWORD, DEMO_TODAY
from chidao.documents.tests.factories import DocumentFactory
from chidao.org.models import User
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory

AS_OF = datetime.date(2025, 9, 30)
NUMBER_LINK = re.compile(r'<a[^>]*href="(/nhiem-vu/\?[^"]+)"[^>]*>\s*(\d+)\s*</a>')


@pytest.fixture
def province(db):
    """A province committee with tasks in every status on ``AS_OF``, and a leader."""
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Thử nghiệm")
    digital, science = TaskGroupFactory(committee=committee), TaskGroupFactory(committee=committee)
    trade, finance = UnitFactory(name="Sở Công Thương"), UnitFactory(name="Sở Tài chính")
    june, december = datetime.date(2025, 6, 30), datetime.date(2025, 12, 31)
    TaskFactory(committee=committee, group=digital, lead_unit=trade, deadline=june)  # overdue
    TaskFactory(
        committee=committee, group=digital, lead_unit=trade, deadline=june, is_key=True
    )  # overdue, key
    TaskFactory(
        committee=committee,
        group=science,
        lead_unit=finance,
        deadline=june,
        state=TaskState.COMPLETED,
        completed_on=datetime.date(2025, 6, 1),
    )  # done on time
    TaskFactory(
        committee=committee,
        group=science,
        lead_unit=finance,
        deadline=june,
        state=TaskState.COMPLETED,
        completed_on=datetime.date(2025, 7, 15),
    )  # done late
    TaskFactory(committee=committee, group=science, lead_unit=finance, deadline=december)
    TaskFactory(
        committee=committee, lead_unit=trade, deadline=datetime.date(2025, 10, 3)
    )  # in progress, due soon, no group
    TaskFactory(
        committee=committee, lead_unit=trade, assigned_on=datetime.date(2025, 10, 5)
    )  # not yet assigned on AS_OF
    leader = UserFactory(username="lanhdao.thu", person=PersonFactory(unit=UnitFactory()))
    leader.set_password("Mat-khau-2025")
    leader.save()
    seat = Membership.objects.create(
        committee=committee, person=leader.person, role=MemberRole.DEPUTY
    )
    seat.units_followed.add(finance)
    return committee


def open_dashboard(client, committee, as_of, **params):
    query = {"as_of": as_of.strftime("%d/%m/%Y"), **params}
    return client.get(reverse("dashboards:committee_dashboard", args=[committee.pk]), query)


def sign_in_leader(client):
    """The demo's deputy head (``lanhdao.thu``), signed in; returns the user."""
    user = User.objects.get(username="lanhdao.thu")
    sign_in(client, user)
    return user


def list_count(user, url) -> int:
    """Rows of the task list at ``url``, through the list's own filterset."""
    query = {k: v[0] for k, v in parse_qs(urlsplit(unescape(url)).query).items()}
    request = RequestFactory().get(reverse("assignments:task_list"), query)
    request.user = user
    filterset = TaskFilterSet(request.GET, request=request)
    assert filterset.is_valid(), filterset.errors
    return filterset.qs.count()


def test_cards_equal_the_count_table(client, province):
    user = sign_in_leader(client)

    response = open_dashboard(client, province, AS_OF)

    assert response.status_code == 200
    table = get_count_table(
        Task.objects.visible_to(user).filter(committee=province), as_of=AS_OF, by="lead_unit"
    )
    cards = {card["key"]: card["value"] for card in response.context["dashboard"].cards}
    assert cards["assigned"] == table.total.assigned == 6
    assert cards["due"] == table.total.due == 4
    assert cards["overdue"] == table.total.overdue == 2
    assert cards["due_soon"] == table.total.due_soon == 1
    assert cards["on_time_rate"] == table.total.on_time_rate_of_due
    assert cards["key_overdue"] == 1
    dashboard = response.context["dashboard"]
    assert dashboard.by_unit == table
    assert [t.days_overdue for t in dashboard.overdue_tasks] == [92, 92]


def test_every_linked_number_is_the_count_of_its_list(client, province):
    user = sign_in_leader(client)

    html = open_dashboard(client, province, AS_OF).content.decode()

    links = NUMBER_LINK.findall(html)
    assert len(links) > 20
    for url, number in links:
        assert list_count(user, url) == int(number), url
    cells = open_dashboard(client, province, AS_OF).context["dashboard"].heatmap["cells"]
    linked = [cell for cell in cells if cell["url"]]
    assert len(linked) == 2  # two groups; the tasks without a group are not linked
    for cell in linked:
        assert list_count(user, cell["url"]) == cell["overdue"]
    overdue_card = re.search(r'id="card-overdue".*?href="([^"]+)"', html, re.S).group(1)
    assert "status=overdue" in overdue_card
    assert "as_of=2025-09-30" in overdue_card


@pytest.mark.parametrize(
    "day",
    [datetime.date(2025, 2, 20), datetime.date(2025, 6, 30), AS_OF, datetime.date(2026, 1, 1)],
)
def test_both_tables_equal_the_count_table_on_any_date(client, province, day):
    user = sign_in_leader(client)
    tasks = Task.objects.visible_to(user).filter(committee=province)

    dashboard = open_dashboard(client, province, day).context["dashboard"]

    assert dashboard.by_unit == get_count_table(tasks, as_of=day, by="lead_unit")
    assert dashboard.by_group == get_count_table(tasks, as_of=day, by="group")
    last_year = get_count_table(tasks, as_of=dashboard.last_year, by="lead_unit")
    assert dashboard.by_unit_last_year == last_year


def test_an_earlier_date_recomputes_everything(client, province):
    sign_in_leader(client)

    before = open_dashboard(client, province, datetime.date(2025, 6, 30)).context["dashboard"]

    assert before.by_unit.total.overdue == 0
    assert before.by_unit.total.done_on_time == 1
    assert before.by_unit.total.in_progress == 5  # the late one was still within its deadline


def test_same_period_last_year(client, province):
    sign_in_leader(client)

    dashboard = open_dashboard(client, province, AS_OF).context["dashboard"]

    assert dashboard.last_year == datetime.date(2024, 9, 30)
    assert dashboard.by_unit_last_year.total.assigned == 0


def test_member_view_shows_the_units_followed(client, province):
    sign_in_leader(client)

    response = open_dashboard(client, province, AS_OF, scope="mine")

    dashboard = response.context["dashboard"]
    assert [row.label for row in dashboard.by_unit.rows] == ["Sở Tài chính"]
    assert dashboard.by_unit.total.assigned == 3


def test_a_saved_view_narrows_the_dashboard(client, province):
    user = sign_in_leader(client)
    view = SavedView.objects.create(
        committee=province, name="Trọng tâm", key_tasks_only=True, created_by=user
    )

    response = open_dashboard(client, province, AS_OF, view=view.pk)

    assert response.context["dashboard"].by_unit.total.assigned == 1
    for url, number in NUMBER_LINK.findall(response.content.decode()):
        assert "is_key=true" in url
        assert list_count(user, url) == int(number)


def test_a_programme_view_counts_the_tasks_of_its_document(client, province):
    user = sign_in_leader(client)
    plan = DocumentFactory()
    Task.objects.filter(committee=province, lead_unit__name="Sở Tài chính").update(
        source_document=plan
    )
    view = SavedView.objects.create(
        committee=province, name="Kế hoạch", source_document=plan, created_by=user
    )

    response = open_dashboard(client, province, AS_OF, view=view.pk)

    assert response.context["dashboard"].by_unit.total.assigned == 3
    links = NUMBER_LINK.findall(response.content.decode())
    assert links
    for url, number in links:
        assert f"source_document={plan.pk}" in url
        assert list_count(user, url) == int(number)


def test_query_count_is_pinned(client, province, django_assert_num_queries):
    sign_in_leader(client)
    open_dashboard(client, province, AS_OF)  # warm the session

    # From the cache filled by the first view (12): session, user with person, roles, the counts
    # versions (the committee's and those right below it, one query), the saved views and
    # followed units, the proposals' statistics (3). Every panel read from the counts (the
    # two status cubes, the overdue list, indicators and their values, the lower
    # committees) is cached; the "Nguy cơ chậm" panel is loaded after the page
    # (``committee_at_risk``).
    with django_assert_num_queries(12):
        open_dashboard(client, province, AS_OF)
    # More tasks, units and groups do not add queries. The writes changed the statuses'
    # version, so this view computes the panels reading it again: 15 (25 while the early
    # warning's 8 queries were part of the page; the indicator panel stays cached, and the
    # lower committees' table, keyed on the versions of the committees below).
    TaskFactory.create_batch(5, committee=province, lead_unit=UnitFactory())
    with django_assert_num_queries(15):
        open_dashboard(client, province, AS_OF)
    with django_assert_num_queries(12):
        open_dashboard(client, province, AS_OF)


def test_a_write_is_seen_at_once_despite_the_cache(client, province):
    sign_in_leader(client)
    before = open_dashboard(client, province, AS_OF)
    assert before.context["dashboard"].by_unit.total.overdue == 2
    again = open_dashboard(client, province, AS_OF)  # from the cache
    assert again.context["count_panels"] == before.context["count_panels"]

    TaskFactory(committee=province, lead_unit=UnitFactory(name="Sở Y tế"), deadline=AS_OF)
    Task.objects.filter(committee=province, completed_on__isnull=True).update(
        deadline=datetime.date(2025, 1, 31)
    )
    record_status_spans(list(Task.objects.filter(committee=province)))

    after = open_dashboard(client, province, AS_OF)
    table = get_count_table(Task.objects.filter(committee=province), as_of=AS_OF, by="lead_unit")
    assert after.context["dashboard"].by_unit.total == table.total
    assert after.context["dashboard"].by_unit.total.overdue == 5
    assert "Sở Y tế" in after.content.decode()


def test_a_progress_report_is_seen_at_once_despite_the_cache(client, province):
    """The overdue list shows each task's last report: a report changes the version."""
    sign_in_leader(client)
    before = open_dashboard(client, province, AS_OF)
    task = before.context["dashboard"].overdue_tasks[0]
    assert task.last_report_on is None
    # The list shows rows (``OverdueTask``), not model instances.
    ProgressUpdateFactory(
        task=Task.objects.get(pk=task.pk), reported_on=datetime.date(2025, 9, 1), percent=40
    )
    after = open_dashboard(client, province, AS_OF)
    assert after.context["dashboard"].overdue_tasks[0].last_report_on == datetime.date(2025, 9, 1)
    assert "01/09/2025 (40 %)" in after.content.decode()


def test_what_the_user_may_see_is_part_of_the_cache_key(client, province):
    """Two users who see different tasks never share a cached panel: the key holds the
    user's scope (admin, or the committees and unit they see)."""
    leader = sign_in_leader(client)
    admin = UserFactory(is_superuser=True, is_staff=True)
    other_leader = UserFactory(person=PersonFactory(unit=UnitFactory()))
    Membership.objects.create(
        committee=province, person=other_leader.person, role=MemberRole.DEPUTY
    )
    scope = Scope(province)
    keys = {
        get_dashboard_keys(user, scope, AS_OF)["statuses"] for user in (leader, admin, other_leader)
    }
    assert len(keys) == 3  # the leaders' units differ: what they see may differ
    narrower = get_dashboard_keys(leader, Scope(province, key_only=True), AS_OF)
    assert narrower["statuses"] not in keys

    open_dashboard(client, province, AS_OF)
    sign_in(client, admin)
    with CaptureQueriesContext(connection) as queries:
        response = open_dashboard(client, province, AS_OF)
    assert any("taskstatusspan" in query["sql"] for query in queries.captured_queries)
    assert response.context["dashboard"].by_unit.total.assigned == 6


def test_the_secretariat_saves_a_view(client, province):
    secretary = UserFactory(person=PersonFactory(unit=UnitFactory()))
    secretary.set_password("Mat-khau-2025")
    secretary.save()
    Membership.objects.create(
        committee=province, person=secretary.person, role=MemberRole.SUPPORT_TEAM
    )
    client.login(username=secretary.username, password="Mat-khau-2025")

    response = client.post(
        reverse("dashboards:saved_view_create", args=[province.pk]),
        {"name": "Chỉ nhiệm vụ trọng tâm", "key_tasks_only": "on", "is_pinned": "on"},
    )

    view = SavedView.objects.get()
    assert response.status_code == 302
    assert response.url.endswith(f"?view={view.pk}")
    assert view.created_by == secretary
    assert view.history.count() == 1


def test_demo_dashboard_three_months_earlier(client, demo):
    """The done-when: the demo leader sees every panel, and three months earlier the
    counts differ and are still the count table's."""
    assert client.login(username="lanhdao", password=DEMO_PASSWORD)
    user = User.objects.get(username="lanhdao")
    tasks = Task.objects.visible_to(user).filter(committee=demo)

    now = open_dashboard(client, demo, DEMO_TODAY)
    earlier_day = datetime.date(2026, 8, 20)
    earlier = open_dashboard(client, demo, earlier_day)

    html = now.content.decode()
    for panel in ("cards", "by-unit", "by-group", "overdue", "heatmap", "indicators", "communes"):
        assert f'id="{panel}"' in html, panel
    dashboard = now.context["dashboard"]
    assert dashboard.overdue_tasks
    assert dashboard.indicators
    assert dashboard.communes
    assert dashboard.heatmap["cells"]
    assert any(row.latest_value is not None for row in dashboard.indicators)
    for day, response in ((DEMO_TODAY, now), (earlier_day, earlier)):
        shown = response.context["dashboard"]
        assert shown.by_unit == get_count_table(tasks, as_of=day, by="lead_unit")
        assert shown.by_group == get_count_table(tasks, as_of=day, by="group")
    assert earlier.context["dashboard"].by_unit.total != dashboard.by_unit.total, (
        "three months earlier gives the same counts"
    )
    overdue_url = re.search(r'id="card-overdue".*?href="([^"]+)"', html, re.S).group(1)
    assert list_count(user, overdue_url) == dashboard.by_unit.total.overdue > 0
    for url, number in NUMBER_LINK.findall(html):
        assert list_count(user, url) == int(number), url
    days = [task.days_overdue for task in dashboard.overdue_tasks]
    assert days == sorted(days, reverse=True)


def test_table_links_are_one_list_url_per_number(province):
    """The rows' links, built once per row, are the URLs of the scope's filters plus the
    row's unit or group and the column's status, even when the scope already names one
    group and one unit (the row's own value then replaces the scope's): in the lines and
    in the rows' HTML written from them."""
    task = Task.objects.filter(committee=province, group__isnull=False).first()
    scope = Scope(
        committee=province, group_id=task.group_id, unit_ids=frozenset([task.lead_unit_id])
    )
    tasks = scope.filter_tasks(Task.objects.all())
    for by in ("lead_unit", "group"):
        table = get_count_table(tasks, as_of=AS_OF, by=by)
        lines = get_table_lines(table, scope, AS_OF, by=by)
        assert len(lines) == len(table.rows) > 0
        for row, line in zip(table.rows, lines, strict=True):
            assert line["url"] == task_list_url(scope.list_params(AS_OF, **{by: row.key}))
            html = get_count_rows([line], last_year=False)
            for status in LINKED_STATUSES:
                expected = task_list_url(
                    scope.list_params(AS_OF, **{by: row.key, "status": status})
                )
                assert f'href="{escape(expected)}"' in html, status
            assert line["overdue_url"] == task_list_url(
                scope.list_params(AS_OF, **{by: row.key, "status": "overdue"})
            )


def open_at_risk(client, committee, as_of, *, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.get(
        reverse("dashboards:committee_at_risk", args=[committee.pk]),
        {"as_of": as_of.isoformat()},
        headers=headers,
    )


def at_risk_count(html: str) -> int:
    return int(re.search(r'id="at-risk-count">(\d+)<', html).group(1))


def stall(task):
    """Two reports at the same percent: the early warning flags the task as stalled."""
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 8, 1), percent=30)
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 9, 1), percent=30)


def test_the_early_warning_is_loaded_after_the_page(client, province):
    sign_in_leader(client)
    stall(Task.objects.get(committee=province, deadline=datetime.date(2025, 12, 31)))

    page = open_dashboard(client, province, AS_OF).content.decode()
    fragment_url = reverse("dashboards:committee_at_risk", args=[province.pk])
    # The page names the panel, says it is being computed and links to it: no forecast.
    assert f'hx-get="{fragment_url}?as_of=2025-09-30"' in page
    assert "Đang dự báo các nhiệm vụ có nguy cơ chậm" in page
    assert f'id="at-risk-link" href="{fragment_url}?as_of=2025-09-30"' in page
    assert 'id="at-risk-count"' not in page

    panel = open_at_risk(client, province, AS_OF, htmx=True)
    assert panel.status_code == 200
    html = panel.content.decode()
    assert "<html" not in html  # the fragment alone, swapped into the page
    assert at_risk_count(html) == 2  # the two tasks in progress: one stalled, one silent
    assert "tiến độ đứng ở 30 %" in html
    # Followed without JavaScript: the same panel on a page of its own.
    whole = open_at_risk(client, province, AS_OF, htmx=False).content.decode()
    assert "<html" in whole
    assert "tiến độ đứng ở 30 %" in whole
    assert reverse("dashboards:committee_dashboard", args=[province.pk]) in whole


def test_the_early_warning_keeps_the_dashboards_permission(client, province):
    outsider = UserFactory(person=PersonFactory(unit=UnitFactory()))
    sign_in(client, outsider)
    assert open_dashboard(client, province, AS_OF).status_code in (403, 404)
    for htmx in (True, False):
        response = open_at_risk(client, province, AS_OF, htmx=htmx)
        assert response.status_code in (403, 404)
        assert "Nguy cơ chậm" not in response.content.decode()


def test_the_early_warning_sees_a_write_at_once_despite_its_cache(client, province):
    sign_in_leader(client)
    first = open_at_risk(client, province, AS_OF, htmx=True).content.decode()
    assert at_risk_count(first) == 2
    assert "tiến độ đứng ở" not in first
    assert open_at_risk(client, province, AS_OF, htmx=True).content.decode() == first

    stall(Task.objects.get(committee=province, deadline=datetime.date(2025, 12, 31)))

    after = open_at_risk(client, province, AS_OF, htmx=True).content.decode()
    assert at_risk_count(after) == 2
    assert "tiến độ đứng ở 30 %" in after
