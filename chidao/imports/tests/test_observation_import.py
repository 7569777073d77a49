"""Observation import: values by indicator code, unit and period, recorded as approved."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from chidao.core.periods import PeriodKind
from chidao.imports.choices import ImportKind
from chidao.imports.observation_plans import build_observation_plan
from chidao.imports.rules import parse_period_phrase
from chidao.imports.services import do_commit_observation_import
from chidao.imports.tests.factories import OBSERVATION_HEADER, build_task_import
from chidao.imports.tests.fixtures.plans import build_xlsx
from chidao.indicators.choices import ObservationState, ValueType
from chidao.indicators.models import Observation
from chidao.indicators.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2025", ("year", 2025, 1)),
        ("Năm 2025", ("year", 2025, 1)),
        ("Quý II/2025", ("quarter", 2025, 2)),
        ("quý 3 năm 2025", ("quarter", 2025, 3)),
        ("6/2025", ("month", 2025, 6)),
        ("Tháng 12/2025", ("month", 2025, 12)),
        ("6 tháng đầu năm 2025", ("six_months", 2025, 1)),
        ("9 tháng năm 2025", ("nine_months", 2025, 1)),
        ("Quý V/2025", None),
        ("sớm", None),
    ],
)
def test_period_phrases(text, period):
    assert parse_period_phrase(text) == period


def observation_import(province, rows):
    return build_task_import(
        committee=province.committee,
        by=province.secretariat,
        content=build_xlsx(rows, header=OBSERVATION_HEADER),
        filename="so-lieu.xlsx",
        kind=ImportKind.OBSERVATIONS,
    )


def test_values_are_recorded_as_approved_once(province):
    online = IndicatorFactory(
        committee=province.committee,
        code="11.1",
        value_type=ValueType.PERCENT,
        frequency=PeriodKind.YEAR,
    )
    rows = [
        ("11.1", "Sở KH&CN", "2024", "72,5", "Cổng dịch vụ công"),
        ("11.1", "UBND xã An Bình", "Năm 2024", "64", ""),
    ]
    data_import = observation_import(province, rows)

    do_commit_observation_import(data_import=data_import, by=province.secretariat)

    science = Observation.objects.get(unit=province.science)
    assert (science.indicator, science.value, science.period_start.isoformat()) == (
        online,
        Decimal("72.5"),
        "2024-01-01",
    )
    assert science.state == ObservationState.APPROVED
    assert science.approved_by == province.secretariat
    again = observation_import(province, rows)
    assert {row.outcome for row in build_observation_plan(again).rows} == {"skip"}
    assert Observation.objects.count() == 2


def test_one_bad_value_writes_nothing(province):
    IndicatorFactory(committee=province.committee, code="7", value_type=ValueType.PERCENT)
    rows = [
        ("7", "Sở KH&CN", "2024", "80", ""),
        ("7", "Sở Tài chánh", "2024", "120", ""),
        ("99", "Sở Nội vụ", "Quý V/2024", "1", ""),
    ]
    data_import = observation_import(province, rows)
    plan = build_observation_plan(data_import)

    _good, bad, worse = plan.rows
    messages = " ".join(problem.message for problem in bad.errors)
    assert "Sở Tài chánh" in messages
    assert bad.errors[0].suggestions[0] == province.finance
    assert len(worse.errors) == 2  # unknown indicator and unreadable period
    with pytest.raises(ValidationError):
        do_commit_observation_import(data_import=data_import, by=province.secretariat)
    assert not Observation.objects.exists()


def test_a_word_file_without_a_table_is_refused_and_nothing_is_staged(province):
    """Issue 19, item 9: it used to leave a staged import whose preview could only fail."""
    import io

    import docx

    from chidao.imports.models import DataImport
    from chidao.imports.services import do_upload_import

    document = docx.Document()
    document.add_paragraph("Báo cáo số liệu quý I/2026: xem bảng gửi kèm.")
    buffer = io.BytesIO()
    document.save(buffer)

    with pytest.raises(ValidationError) as refused:
        do_upload_import(
            committee=province.committee,
            by=province.secretariat,
            kind=ImportKind.OBSERVATIONS,
            filename="so-lieu.docx",
            content=buffer.getvalue(),
        )

    assert "Không tìm thấy bảng số liệu" in refused.value.message_dict["file"][0]
    assert not DataImport.objects.exists()
