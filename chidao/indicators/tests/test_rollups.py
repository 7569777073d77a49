"""Kept indicator roll-ups: every write that moves the approved values writes them again,
and they equal the aggregate of the approved values; the command finds and mends a
wrong one."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from chidao.core.periods import PeriodKind
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import IndicatorRollup, Observation
from chidao.indicators.reads import get_value_series
from chidao.indicators.rollups import find_rollup_mismatches, summarize_approved
from chidao.indicators.services import (
    do_approve_observation,
    do_return_observation,
)
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory
from chidao.org.tests.factories import UnitFactory, UserFactory

Q1 = datetime.date(2025, 1, 1)
Q2 = datetime.date(2025, 4, 1)


@pytest.fixture
def indicator(db):
    return IndicatorFactory()


def kept(indicator):
    return {
        (row.period_kind, row.period_start): (row.count, row.total, row.last)
        for row in IndicatorRollup.objects.filter(indicator=indicator)
    }


def assert_kept_equals_live():
    live = summarize_approved(Observation.objects.all())
    assert find_rollup_mismatches() == []
    assert len(live) == IndicatorRollup.objects.count()


def test_approving_and_returning_values_keeps_the_period_rolled_up(indicator):
    province = UnitFactory()
    commune_a, commune_b = UnitFactory(parent=province), UnitFactory(parent=province)
    reviewer = UserFactory()
    ObservationFactory(
        indicator=indicator, unit=commune_a, value=Decimal(10), state=ObservationState.APPROVED
    )
    waiting = ObservationFactory(
        indicator=indicator, unit=commune_b, value=Decimal(20), submitted=True
    )
    wrong = ObservationFactory(
        indicator=indicator, unit=commune_b, period_start=Q2, value=Decimal(5), submitted=True
    )
    assert kept(indicator) == {(PeriodKind.QUARTER, Q1): (1, Decimal(10), Decimal(10))}

    do_approve_observation(by=reviewer, observation=waiting)
    do_return_observation(by=reviewer, observation=wrong, reason="Sai đơn vị tính")

    assert kept(indicator) == {(PeriodKind.QUARTER, Q1): (2, Decimal(30), Decimal(20))}
    assert_kept_equals_live()
    # The province's own figure stands for its communes' in the same period.
    ObservationFactory(
        indicator=indicator, unit=province, value=Decimal(100), state=ObservationState.APPROVED
    )
    assert kept(indicator) == {(PeriodKind.QUARTER, Q1): (1, Decimal(100), Decimal(100))}
    assert_kept_equals_live()
    (point,) = get_value_series([indicator], Q2)[indicator.pk]
    assert point.value == Decimal(100)


def test_the_command_finds_a_wrong_roll_up_and_rebuilds_it(indicator):
    ObservationFactory(indicator=indicator, value=Decimal("72.5"), state=ObservationState.APPROVED)
    IndicatorRollup.objects.filter(indicator=indicator).update(total=Decimal(1))

    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rebuild_status_counts", "--verify", stdout=out, stderr=io.StringIO())
    assert exit_.value.code == 1
    assert f"Chỉ tiêu {indicator.pk}, kỳ quarter từ 01/01/2025: cần 1 giá trị, tổng 72.5" in (
        out.getvalue()
    )

    call_command("rebuild_status_counts", stdout=io.StringIO())
    out = io.StringIO()
    call_command("rebuild_status_counts", "--verify", stdout=out)
    assert "Khớp: 0 nhiệm vụ, 1 chỉ tiêu." in out.getvalue()
