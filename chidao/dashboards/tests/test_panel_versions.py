"""A write invalidates only the dashboard panels it changes (``committees.versions``):
the panels it changes show it at the next view, the others come from the cache."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from chidao.assignments.choices import TaskState
from chidao.assignments.models import Task
from chidao.assignments.spans import record_status_spans
from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import CountsVersion, Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.committees.versions import KINDS, bump_counts_versions
from chidao.core.periods import PeriodKind
from chidao.core.tests.world import sign_in
from chidao.dashboards import views
from chidao.indicators.choices import ObservationState
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 9, 30)
JUNE = datetime.date(2025, 6, 30)
# Today in these tests: the day after ``AS_OF``, so that writes of this year are not a year
# back (``committees.versions.is_history``) and last year's table is cached apart.
TODAY = datetime.datetime(2025, 10, 1, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def province():
    """A province with two overdue tasks, one in progress, an indicator with a value, a
    commune below it with an overdue task, and its leader signed in."""
    committee = CommitteeFactory(name="Ban Chỉ đạo tỉnh Thử nghiệm")
    commune = CommitteeFactory(name="Ban Chỉ đạo xã Thử nghiệm", parent=committee)
    trade = UnitFactory(name="Sở Công Thương")
    TaskFactory(committee=committee, lead_unit=trade, deadline=JUNE, code="1")
    TaskFactory(committee=committee, lead_unit=trade, deadline=JUNE, code="2")
    TaskFactory(committee=committee, lead_unit=trade, deadline=datetime.date(2025, 12, 31))
    TaskFactory(committee=commune, lead_unit=UnitFactory(), deadline=JUNE)
    indicator = IndicatorFactory(
        committee=committee, code="CT01", frequency=PeriodKind.QUARTER, name="Tỷ lệ thử"
    )
    TargetFactory(indicator=indicator, year=2025, text="≥ 5")
    add_value(indicator, datetime.date(2025, 4, 1), "3")
    leader = UserFactory(person=PersonFactory(unit=UnitFactory()))
    Membership.objects.create(committee=committee, person=leader.person, role=MemberRole.DEPUTY)
    return committee, leader


def add_value(indicator, period_start, value):
    ObservationFactory(
        indicator=indicator,
        unit=UnitFactory(),
        period_start=period_start,
        value=Decimal(value),
        state=ObservationState.APPROVED,
    )


@pytest.fixture
def computed(monkeypatch):
    """The parts of the dashboard computed (not read from the cache) since the last clear."""
    parts = []
    for name, part in (
        ("get_status_dashboard", "statuses"),
        ("get_overdue_tasks", "overdue"),
        ("get_indicator_panel", "indicators"),
        ("get_commune_rows", "communes"),
        ("get_last_year_table", "last_year"),
    ):
        original = getattr(views, name)

        def spy(*args, _original=original, _part=part, **kwargs):
            parts.append(_part)
            return _original(*args, **kwargs)

        monkeypatch.setattr(views, name, spy)
    return parts


def open_dashboard(client, committee):
    url = reverse("dashboards:committee_dashboard", args=[committee.pk])
    response = client.get(url, {"as_of": AS_OF.strftime("%d/%m/%Y")})
    assert response.status_code == 200
    return response


def open_at_risk(client, committee):
    url = reverse("dashboards:committee_at_risk", args=[committee.pk])
    response = client.get(url, {"as_of": AS_OF.isoformat()}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.content.decode()


def warm(client, province, computed):
    committee, leader = province
    sign_in(client, leader)
    first = open_dashboard(client, committee)
    assert sorted(computed) == ["communes", "indicators", "last_year", "overdue", "statuses"]
    computed.clear()
    open_dashboard(client, committee)
    assert computed == []  # every part from the cache
    return first


def test_a_progress_report_recomputes_only_the_overdue_list(client, province, computed):
    committee, _leader = province
    before = warm(client, province, computed)
    task = before.context["dashboard"].overdue_tasks[0]
    assert task.last_report_on is None

    # The list shows rows (``OverdueTask``), not model instances.
    ProgressUpdateFactory(
        task=Task.objects.get(pk=task.pk), reported_on=datetime.date(2025, 9, 1), percent=40
    )

    after = open_dashboard(client, committee)
    assert computed == ["overdue"]
    shown = after.context["dashboard"]
    assert shown.overdue_tasks[0].last_report_on == datetime.date(2025, 9, 1)
    assert "01/09/2025 (40 %)" in after.content.decode()
    assert shown.by_unit == before.context["dashboard"].by_unit
    assert after.context["count_panels"]["tables"] == before.context["count_panels"]["tables"]


def test_a_status_change_recomputes_the_status_panels_not_the_indicators(
    client, province, computed
):
    committee, _leader = province
    before = warm(client, province, computed)
    assert before.context["dashboard"].by_unit.total.overdue == 2

    task = Task.objects.get(committee=committee, code="1")
    Task.objects.filter(pk=task.pk).update(
        state=TaskState.COMPLETED, completed_on=datetime.date(2025, 9, 15)
    )
    record_status_spans([task])

    after = open_dashboard(client, committee)
    # The committee's own task: the lower committees' table stays cached.
    assert sorted(computed) == ["overdue", "statuses"]
    shown = after.context["dashboard"]
    assert shown.by_unit.total.overdue == 1
    assert shown.by_unit.total.done_late == 1
    assert [t.code for t in shown.overdue_tasks] == ["2"]
    assert {card["key"]: card["value"] for card in shown.cards}["overdue"] == 1
    assert (
        after.context["count_panels"]["indicators"]
        == (before.context["count_panels"]["indicators"])
    )


def test_last_years_figures_follow_only_the_writes_a_year_back(client, province, computed):
    """Last year's table is cached under the history version: a status change of this
    year leaves it cached; one that reaches a year back shows at the next view."""
    committee, _leader = province
    trade = Task.objects.get(committee=committee, code="1").lead_unit
    old = TaskFactory(
        committee=committee,
        lead_unit=trade,
        assigned_on=datetime.date(2024, 1, 15),
        deadline=datetime.date(2024, 6, 30),
        code="9",
    )
    before = warm(client, province, computed)
    assert before.context["dashboard"].by_unit_last_year.total.overdue == 1

    task = Task.objects.get(committee=committee, code="1")
    Task.objects.filter(pk=task.pk).update(
        state=TaskState.COMPLETED, completed_on=datetime.date(2025, 9, 15)
    )
    record_status_spans([task])
    after = open_dashboard(client, committee)
    assert sorted(computed) == ["overdue", "statuses"]  # last year's table: the cache's
    assert after.context["dashboard"].by_unit_last_year.total.overdue == 1
    assert after.context["dashboard"].by_unit.total.overdue == 2  # "2" and "9"

    computed.clear()
    Task.objects.filter(pk=old.pk).update(
        state=TaskState.COMPLETED, completed_on=datetime.date(2024, 9, 1)
    )
    record_status_spans([old])
    after = open_dashboard(client, committee)
    assert sorted(computed) == ["last_year", "overdue", "statuses"]
    shown = after.context["dashboard"]
    assert shown.by_unit_last_year.total.overdue == 0
    assert shown.by_unit_last_year.total.done_late == 1
    cards = {card["key"]: card["last_year"] for card in shown.cards}
    assert cards["overdue"] == 0


def test_last_years_table_of_a_day_less_than_a_year_back_is_not_cached_apart(
    client, province, computed
):
    """A date asked for in the future: its "last year" is less than a year before today,
    which a write of this year may change without the history version: it is computed
    with the status part, under the statuses version."""
    committee, leader = province
    sign_in(client, leader)
    url = reverse("dashboards:committee_dashboard", args=[committee.pk])
    later = {"as_of": "31/12/2026"}
    assert client.get(url, later).status_code == 200
    assert "last_year" in computed
    computed.clear()
    assert client.get(url, later).status_code == 200
    assert computed == []  # the status part (holding it) from the cache


def test_a_commune_write_is_seen_in_the_lower_committees_row(client, province, computed):
    committee, _leader = province
    before = warm(client, province, computed)
    (row,) = before.context["dashboard"].communes
    assert row["row"].overdue == 1

    commune = committee.children.get()
    TaskFactory(committee=commune, lead_unit=UnitFactory(), deadline=JUNE)

    after = open_dashboard(client, committee)
    assert sorted(computed) == ["communes", "overdue", "statuses"]
    (row,) = after.context["dashboard"].communes
    assert row["row"].overdue == 2
    assert after.context["count_panels"]["communes"] != before.context["count_panels"]["communes"]


def test_a_write_two_below_is_seen_in_the_lower_committees_row(client, province, computed):
    """A hamlet's committee below the commune: its write changes the commune's version
    (the whole chain's), which keys the province's lower committees' table."""
    committee, _leader = province
    commune = committee.children.get()
    below = CommitteeFactory(name="Ban Chỉ đạo thôn Thử nghiệm", parent=commune)
    before = warm(client, province, computed)
    (row,) = before.context["dashboard"].communes
    assert row["row"].overdue == 1

    TaskFactory(committee=below, lead_unit=UnitFactory(), deadline=JUNE)

    after = open_dashboard(client, committee)
    assert "communes" in computed
    (row,) = after.context["dashboard"].communes
    assert row["row"].overdue == 2


def test_a_lower_committee_renamed_or_closed_is_seen_at_once(client, province, computed):
    """The lower committees' key holds their names and active flags (no version follows
    them), so the table shows the change at the next view."""
    committee, _leader = province
    warm(client, province, computed)
    commune = committee.children.get()
    commune.name = "Ban Chỉ đạo xã Đổi tên"
    commune.save()

    after = open_dashboard(client, committee)
    assert computed == ["communes"]
    assert "Ban Chỉ đạo xã Đổi tên" in after.context["count_panels"]["communes"]

    computed.clear()
    commune.is_active = False
    commune.save()
    after = open_dashboard(client, committee)
    assert computed == ["communes"]
    assert after.context["dashboard"].communes == []
    assert 'id="communes"' not in after.content.decode()


def test_an_indicator_value_recomputes_only_the_indicator_panel(client, province, computed):
    committee, _leader = province
    before = warm(client, province, computed)
    (row,) = before.context["dashboard"].indicators
    assert row.latest_value == Decimal(3)
    at_risk = open_at_risk(client, committee)

    add_value(committee.indicators.get(), datetime.date(2025, 7, 1), "4.5")

    after = open_dashboard(client, committee)
    assert computed == ["indicators"]
    (row,) = after.context["dashboard"].indicators
    assert row.latest_value == Decimal("4.5")
    assert row.latest_period == datetime.date(2025, 7, 1)
    assert after.context["dashboard"].by_unit == before.context["dashboard"].by_unit
    for panel in ("tables", "overdue", "communes"):
        assert after.context["count_panels"][panel] == before.context["count_panels"][panel]
    # The early warning reads no indicator: still its cached entry (no forecast query).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "render_to_string", fail_if_rendered)
        assert open_at_risk(client, committee) == at_risk


def fail_if_rendered(*args, **kwargs):
    raise AssertionError("the early warning was computed again, not read from the cache")


def test_the_early_warning_follows_reports_not_indicators(client, province, computed):
    committee, leader = province
    sign_in(client, leader)
    first = open_at_risk(client, committee)
    task = Task.objects.get(committee=committee, deadline=datetime.date(2025, 12, 31))
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 8, 1), percent=30)
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 9, 1), percent=30)
    after = open_at_risk(client, committee)
    assert "tiến độ đứng ở 30 %" in after
    assert "tiến độ đứng ở" not in first


def test_each_write_changes_only_its_versions():
    province = CommitteeFactory()
    commune = CommitteeFactory(parent=province)
    task = TaskFactory(committee=commune, deadline=JUNE)
    indicator = IndicatorFactory(committee=province, frequency=PeriodKind.QUARTER)

    def versions():
        return {
            pk: dict(zip(KINDS, row, strict=True))
            for pk, *row in CountsVersion.objects.values_list("committee", *KINDS)
        }

    def changed(before):
        after = versions()
        return {
            (pk, kind)
            for pk, row in after.items()
            for kind in KINDS
            if before.get(pk, {}).get(kind) != row[kind]
        }

    before = versions()
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 5, 1), percent=50)
    # A report changes the reports' version of its committee and those above it.
    assert changed(before) == {(commune.pk, "reports"), (province.pk, "reports")}

    before = versions()
    Task.objects.filter(pk=task.pk).update(
        state=TaskState.COMPLETED, completed_on=datetime.date(2025, 6, 1)
    )
    ProgressUpdateFactory(task=task, reported_on=datetime.date(2025, 6, 1), percent=100)
    record_status_spans([task])
    # A report that completes the task: both (this year: not the history).
    assert changed(before) == {
        (pk, kind) for pk in (commune.pk, province.pk) for kind in ("statuses", "reports")
    }

    # The assignment corrected to a year back: its spans change from a day that far back.
    before = versions()
    Task.objects.filter(pk=task.pk).update(assigned_on=datetime.date(2024, 3, 1))
    record_status_spans([task])
    assert changed(before) == {
        (pk, kind) for pk in (commune.pk, province.pk) for kind in ("statuses", "history")
    }
    # Written again as it is: no span changes, the statuses alone.
    before = versions()
    record_status_spans([task])
    assert changed(before) == {(commune.pk, "statuses"), (province.pk, "statuses")}

    before = versions()
    add_value(indicator, datetime.date(2025, 4, 1), "7")
    assert changed(before) == {(province.pk, "indicators")}


def test_a_version_kind_must_be_named():
    with pytest.raises(ValueError, match="kinds of counts version"):
        bump_counts_versions([CommitteeFactory().pk], kinds=["everything"])
    with pytest.raises(ValueError, match="kinds of counts version"):
        bump_counts_versions([CommitteeFactory().pk], kinds=[])


def section(html: str, element_id: str) -> str:
    return re.search(rf'id="{element_id}".*?</div></div></div>', html, re.S).group(0)


def test_the_cards_and_what_needs_a_decision_follow_their_parts(client, province, computed):
    """The cards and the three "what needs a decision" lists are written with the part
    they come from and cached with it: a write shows in them at the next view."""
    committee, _leader = province
    Task.objects.filter(committee=committee, code="1").update(is_key=True)
    record_status_spans(list(Task.objects.filter(committee=committee, code="1")))
    before = warm(client, province, computed).content.decode()
    assert re.search(r'id="card-overdue".*?>\s*<a[^>]*>2</a>', before, re.S)
    assert "2 quá hạn" in section(before, "decision-units")
    assert "/nhiem-vu/" in section(before, "decision-key-tasks")
    assert "CT01" in section(before, "decision-indicators")

    task = Task.objects.get(committee=committee, code="1")
    Task.objects.filter(pk=task.pk).update(
        state=TaskState.COMPLETED, completed_on=datetime.date(2025, 9, 15)
    )
    record_status_spans([task])
    after = open_dashboard(client, committee).content.decode()
    assert re.search(r'id="card-overdue".*?>\s*<a[^>]*>1</a>', after, re.S)
    assert "1 quá hạn" in section(after, "decision-units")
    assert "/nhiem-vu/" not in section(after, "decision-key-tasks")
    assert "CT01" in section(after, "decision-indicators")  # its part: from the cache

    computed.clear()
    indicator = committee.indicators.get(code="CT01")
    add_value(indicator, datetime.date(2025, 7, 1), "50")
    bump_counts_versions([committee.pk], kinds=["indicators"])
    after = open_dashboard(client, committee).content.decode()
    assert computed == ["indicators"]
    assert "CT01" not in section(after, "decision-indicators")
