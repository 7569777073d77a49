"""Unit ranking read from the database: the facts behind each score, the page with its
formula, the .xlsx export and the weights the secretariat sets."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chidao.assignments.choices import TaskState
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.periods import PeriodKind
from chidao.dashboards.evaluation import get_ranking
from chidao.dashboards.models import EvaluationWeights
from chidao.dashboards.rules import TaskFacts
from chidao.indicators.choices import ObservationState
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from chidao.org.tests.factories import PersonFactory, UnitFactory, UserFactory
from chidao.reporting.rules import Period
from chidao.reporting.tests.factories import build_reporting_cycle

AS_OF = datetime.date(2025, 9, 30)
JUNE = datetime.date(2025, 6, 30)
PASSWORD = "Mat-khau-2025"


def done(on, **fields):
    return TaskFactory(deadline=JUNE, state=TaskState.COMPLETED, completed_on=on, **fields)


@pytest.fixture
def ranked(db):
    committee = CommitteeFactory()
    trade, finance = UnitFactory(name="Sở Công Thương"), UnitFactory(name="Sở Tài chính")
    on_time, late = datetime.date(2025, 6, 1), datetime.date(2025, 7, 1)
    for day in (on_time, on_time, on_time, late):
        done(day, committee=committee, lead_unit=trade)
    done(on_time, committee=committee, lead_unit=finance).coordinating_units.add(trade)
    done(on_time, committee=committee, lead_unit=finance)
    for _ in range(2):
        overdue = TaskFactory(committee=committee, lead_unit=finance, deadline=JUNE)
    overdue.coordinating_units.add(trade)
    secretary = UserFactory(username="thuongtruc.thu", person=PersonFactory(unit=UnitFactory()))
    secretary.set_password(PASSWORD)
    secretary.save()
    Membership.objects.create(
        committee=committee, person=secretary.person, role=MemberRole.SUPPORT_TEAM
    )
    for quarter, sent in ((2, datetime.datetime(2025, 6, 10, 3, tzinfo=datetime.UTC)),
                          (3, datetime.datetime(2025, 9, 25, 3, tzinfo=datetime.UTC))):  # fmt: skip
        cycle = build_reporting_cycle(
            committee=committee,
            by=secretary,
            units=[trade],
            period=Period(PeriodKind.QUARTER, 2025, quarter),
        )
        cycle.submissions.filter(unit=trade).update(submitted_at=sent)
    indicator = IndicatorFactory(committee=committee, responsible_unit=trade)
    TargetFactory(indicator=indicator, year=2025, text="≥ 80")
    ObservationFactory(
        indicator=indicator,
        period_start=datetime.date(2025, 4, 1),
        value=Decimal(70),
        state=ObservationState.APPROVED,
    )
    return committee, secretary


def test_the_facts_and_scores_by_hand(ranked):
    committee, secretary = ranked

    _weights, scores = get_ranking(secretary, committee, AS_OF)

    trade, finance = scores
    assert trade.facts.name == "Sở Công Thương"
    assert trade.facts.lead == TaskFacts(done_on_time=3, done_late=1, overdue=0)
    assert trade.facts.coordinating == TaskFacts(done_on_time=1, done_late=0, overdue=1)
    assert (trade.facts.reports_required, trade.facts.reports_on_time) == (2, 1)
    assert trade.facts.achievements == (Decimal("87.5"),)
    # (66,67×40 + 96,67×20 + 50×20 + 87,5×20) / 100 = 73,5
    assert trade.total == Decimal("73.5")
    assert trade.rank == 1
    assert finance.facts.lead == TaskFacts(done_on_time=2, done_late=0, overdue=2)
    # (50×40 + 80×20) / 60 = 60
    assert finance.total == Decimal("60.0")
    assert finance.rank == 2


def test_the_page_shows_the_formula_and_the_parts(client, ranked):
    committee, _secretary = ranked
    client.login(username="thuongtruc.thu", password=PASSWORD)

    response = client.get(
        reverse("dashboards:unit_ranking", args=[committee.pk]), {"as_of": "30/09/2025"}
    )

    html = response.content.decode()
    assert 'id="formula"' in html
    assert "100 − 10 × số nhiệm vụ quá hạn" in html
    assert "73,5" in html
    assert "87,5" in html


def test_the_export_has_one_row_per_unit(client, ranked):
    committee, _secretary = ranked
    client.login(username="thuongtruc.thu", password=PASSWORD)

    response = client.get(
        reverse("dashboards:unit_ranking_xlsx", args=[committee.pk]), {"as_of": "2025-09-30"}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1, "Sở Công Thương", 73.5),
        (2, "Sở Tài chính", 60),
    ]


def test_the_secretariat_sets_the_weights(client, ranked):
    committee, secretary = ranked
    client.login(username="thuongtruc.thu", password=PASSWORD)

    client.post(
        reverse("dashboards:evaluation_weights", args=[committee.pk]),
        {
            "on_time": "0",
            "overdue": "1",
            "reporting": "0",
            "indicators": "0",
            "lead": "1",
            "coordinating": "0",
            "overdue_penalty": "25",
            "min_lead_due": "1",
        },
    )

    weights = EvaluationWeights.objects.get(committee=committee)
    assert weights.history.count() == 1
    _weights, scores = get_ranking(secretary, committee, AS_OF)
    assert {s.facts.name: s.total for s in scores} == {
        "Sở Công Thương": Decimal("100.0"),
        "Sở Tài chính": Decimal("50.0"),
    }


def test_ranking_query_count_is_pinned(client, ranked, django_assert_num_queries):
    committee, _secretary = ranked
    client.login(username="thuongtruc.thu", password=PASSWORD)
    url = reverse("dashboards:unit_ranking", args=[committee.pk])
    client.get(url, {"as_of": "30/09/2025"})

    # 14: the user's person read with the user; the committee's directing units listed apart.
    with django_assert_num_queries(14):
        client.get(url, {"as_of": "30/09/2025"})
    TaskFactory.create_batch(3, committee=committee, lead_unit=UnitFactory(), deadline=JUNE)
    with django_assert_num_queries(14):
        client.get(url, {"as_of": "30/09/2025"})
