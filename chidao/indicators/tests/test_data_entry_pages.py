"""Indicator values through the pages (issue [B] §9): the unit's grid, the review queue,
the indicator list and detail. Time is frozen on 20/11/2025: Q4/2025 is open, Q3/2025
closed on 20/10/2025 (20 days after its end)."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.core.periods import PeriodKind
from chidao.core.tests.world import build_world, sign_in
from chidao.documents.tests.factories import PDF_BYTES
from chidao.indicators.choices import ObservationState, ValueType
from chidao.indicators.models import Observation
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

Q4 = datetime.date(2025, 10, 1)
Q3 = datetime.date(2025, 7, 1)
Q4_KEY = "quarter-2025-10-01"
REASON = "Tỷ lệ phải tính trên tổng số hồ sơ tiếp nhận trong quý."


@pytest.fixture
def world(db, settings, tmp_path, time_machine):
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def indicators(world):
    def quarterly(code, value_type, **fields):
        return IndicatorFactory(
            committee=world.committee,
            responsible_unit=world.lead_unit,
            code=code,
            value_type=value_type,
            **fields,
        )

    return {
        "count": quarterly("CĐS-11", ValueType.NUMBER, measure_unit="thủ tục"),
        "rate": quarterly("CĐS-12", ValueType.PERCENT),
        "flag": quarterly("CĐS-13", ValueType.BOOLEAN, measure_unit=""),
        "yearly": quarterly("CĐS-14", ValueType.NUMBER, frequency=PeriodKind.YEAR),
        "not_ours": IndicatorFactory(committee=world.committee, responsible_unit=world.other_unit),
    }


def grid_url(world):
    return reverse("indicators:unit_data_entry", kwargs={"unit_pk": world.lead_unit.pk})


def quarter_values(world):
    return {
        obs.indicator.code: obs
        for obs in Observation.objects.filter(
            unit=world.lead_unit, period_kind=PeriodKind.QUARTER, period_start=Q4
        ).select_related("indicator")
    }


def test_enter_submit_return_fix_approve(client, world, indicators):
    rate, count = indicators["rate"], indicators["count"]
    officer = sign_in(client, world.users["unit_officer"])

    page = officer.get(reverse("indicators:data_entry"))
    assert page.status_code == 200
    assert page.context["period"].start == Q4
    assert 'id="period-quarter-2025-10-01"' in page.content.decode()
    # Closed Q3 is not offered; the yearly indicator is on its own tab.
    assert "quarter-2025-07-01" not in page.content.decode()
    assert 'id="period-year-2025-01-01"' in page.content.decode()
    codes = [row.indicator.code for row in page.context["rows"]]
    assert "CĐS-12" in codes
    assert "CĐS-14" not in codes
    assert indicators["not_ours"].code not in codes

    response = officer.post(
        reverse("indicators:data_entry"),
        {
            "period": Q4_KEY,
            "action": "save",
            f"value-{count.pk}": "1.234",
            f"value-{rate.pk}": "87,5",
            f"note-{rate.pk}": "Theo Cổng dịch vụ công",
            f"value-{indicators['flag'].pk}": "1",
            f"evidence-{rate.pk}": SimpleUploadedFile("bang-tinh.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    values = quarter_values(world)
    assert {code: (o.value, o.state) for code, o in values.items()} == {
        "CĐS-11": (Decimal("1234"), ObservationState.DRAFT),
        "CĐS-12": (Decimal("87.5"), ObservationState.DRAFT),
        "CĐS-13": (Decimal("1"), ObservationState.DRAFT),
    }
    assert values["CĐS-12"].evidence.name.endswith(".pdf")
    assert "bang-tinh" not in values["CĐS-12"].evidence.name  # stored under a generated name

    response = officer.post(
        reverse("indicators:data_entry"),
        {
            "period": Q4_KEY,
            "action": "submit",
            f"value-{rate.pk}": "87,5",
            f"note-{rate.pk}": "Theo Cổng dịch vụ công",
            f"version-{rate.pk}": values["CĐS-12"].version,
        },
        follow=True,
    )
    assert "Đã gửi số liệu kỳ Quý IV/2025" in response.content.decode()
    assert {o.state for o in quarter_values(world).values()} == {ObservationState.SUBMITTED}

    secretariat = sign_in(client, world.users["secretariat"])
    queue = secretariat.get(reverse("indicators:review"))
    rate_value = quarter_values(world)["CĐS-12"]
    assert f'id="review-row-{rate_value.pk}"' in queue.content.decode()
    assert "87,5 %" in queue.content.decode()

    no_reason = secretariat.post(
        reverse("indicators:observation_return", kwargs={"pk": rate_value.pk}), {"reason": " "}
    )
    assert no_reason.status_code == 200
    assert "Trả lại số liệu phải nêu lý do." in no_reason.content.decode()
    rate_value.refresh_from_db()
    assert rate_value.state == ObservationState.SUBMITTED

    secretariat.post(
        reverse("indicators:observation_return", kwargs={"pk": rate_value.pk}), {"reason": REASON}
    )
    for code in ("CĐS-11", "CĐS-13"):
        secretariat.post(
            reverse("indicators:observation_approve", kwargs={"pk": quarter_values(world)[code].pk})
        )
    rate_value.refresh_from_db()
    assert (rate_value.state, rate_value.return_reason) == (ObservationState.RETURNED, REASON)
    assert rate_value.returned_by == world.users["secretariat"]

    officer = sign_in(client, world.users["unit_officer"])
    page = officer.get(reverse("indicators:data_entry")).content.decode()
    assert f'<tr id="row-{rate.pk}" class="table-warning">' in page
    assert REASON in page
    assert f'id="value-{count.pk}"' not in page  # approved: no longer an input

    officer.post(
        reverse("indicators:data_entry"),
        {
            "period": Q4_KEY,
            "action": "submit",
            f"value-{rate.pk}": "78,4",
            f"version-{rate.pk}": rate_value.version,
        },
    )
    rate_value.refresh_from_db()
    assert (rate_value.value, rate_value.state) == (Decimal("78.4"), ObservationState.SUBMITTED)

    secretariat = sign_in(client, world.users["secretariat"])
    secretariat.post(reverse("indicators:observation_approve", kwargs={"pk": rate_value.pk}))
    rate_value.refresh_from_db()
    assert rate_value.state == ObservationState.APPROVED
    assert rate_value.approved_by == world.users["secretariat"]
    assert rate_value.return_reason == ""
    states = list(rate_value.history.order_by("history_date").values_list("state", flat=True))
    assert states == ["draft", "submitted", "returned", "draft", "submitted", "approved"]


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("rate", "101", "Tỷ lệ phải từ 0 đến 100, đã nhập 101."),
        ("rate", "-3", "Tỷ lệ phải từ 0 đến 100, đã nhập -3."),
        ("count", "mười hai", "“mười hai” không phải là số."),
        ("count", "1,23456", "Giá trị chỉ được có tối đa 4 chữ số thập phân."),
        ("flag", "2", "Chọn “Có” hoặc “Không”."),
    ],
)
def test_a_bad_cell_saves_nothing_and_says_why_next_to_it(
    client, world, indicators, field, typed, message
):
    officer = sign_in(client, world.users["unit_officer"])
    bad = indicators[field]
    good = indicators["count"] if field != "count" else indicators["rate"]

    response = officer.post(
        reverse("indicators:data_entry"),
        {"period": Q4_KEY, "action": "submit", f"value-{good.pk}": "12", f"value-{bad.pk}": typed},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Không số liệu nào được lưu" in page
    assert f'<div class="form-field-error" id="value-{bad.pk}-error">' in page
    assert message.split("“")[-1] in page.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert f'<tr id="row-{bad.pk}" class="table-danger">' in page
    assert not Observation.objects.filter(period_start=Q4).exists()


def test_a_closed_period_is_refused(client, world, indicators):
    officer = sign_in(client, world.users["unit_officer"])

    response = officer.post(
        reverse("indicators:data_entry"),
        {"period": "quarter-2025-07-01", "action": "save", f"value-{indicators['rate'].pk}": "50"},
    )

    assert response.status_code == 200
    assert "Kỳ Quý III/2025 đã hết hạn nhập số liệu." in response.content.decode()
    assert not Observation.objects.filter(period_start=Q3).exists()


def test_a_value_returned_after_the_period_closed_can_still_be_fixed(client, world, indicators):
    rate = indicators["rate"]
    returned = ObservationFactory(
        indicator=rate,
        unit=world.lead_unit,
        period_start=Q3,
        state=ObservationState.RETURNED,
        return_reason=REASON,
    )
    officer = sign_in(client, world.users["unit_officer"])

    page = officer.get(reverse("indicators:data_entry"), {"period": "quarter-2025-07-01"})
    assert REASON in page.content.decode()
    officer.post(
        reverse("indicators:data_entry"),
        {
            "period": "quarter-2025-07-01",
            "action": "submit",
            f"value-{rate.pk}": "64",
            f"version-{rate.pk}": returned.version,
        },
    )

    returned.refresh_from_db()
    assert (returned.value, returned.state) == (Decimal("64"), ObservationState.SUBMITTED)


def test_an_indicator_the_unit_does_not_report_is_refused(client, world, indicators):
    officer = sign_in(client, world.users["unit_officer"])

    response = officer.post(
        reverse("indicators:data_entry"),
        {
            "period": Q4_KEY,
            "action": "save",
            f"value-{indicators['rate'].pk}": "50",
            f"value-{indicators['not_ours'].pk}": "50",
        },
    )

    assert response.status_code == 200
    assert "Đơn vị không báo cáo chỉ tiêu này" in response.content.decode()
    assert not Observation.objects.filter(period_start=Q4).exists()


def test_evidence_is_judged_by_its_content(client, world, indicators):
    rate = indicators["rate"]
    officer = sign_in(client, world.users["unit_officer"])

    response = officer.post(
        reverse("indicators:data_entry"),
        {
            "period": Q4_KEY,
            "action": "save",
            f"value-{rate.pk}": "50",
            f"evidence-{rate.pk}": SimpleUploadedFile("minh-chung.pdf", b"<html>not a pdf</html>"),
        },
    )

    assert response.status_code == 200
    assert "không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG" in response.content.decode()
    assert not Observation.objects.filter(period_start=Q4).exists()


def test_another_units_officer_neither_sees_nor_posts_to_the_grid(client, world, indicators):
    other = sign_in(client, world.users["other_unit_officer"])

    assert other.get(grid_url(world)).status_code == 404
    posted = other.post(
        grid_url(world),
        {"period": Q4_KEY, "action": "save", f"value-{indicators['rate'].pk}": "50"},
    )
    assert posted.status_code == 404
    # On their own grid the other unit's indicator is refused, not saved for anyone.
    own = other.post(
        reverse("indicators:data_entry"),
        {"period": Q4_KEY, "action": "save", f"value-{indicators['rate'].pk}": "50"},
    )
    assert "Đơn vị không báo cáo chỉ tiêu này" in own.content.decode()
    assert not Observation.objects.filter(period_start=Q4).exists()


def test_html_in_a_note_is_shown_as_text(client, world, indicators):
    rate = indicators["rate"]
    ObservationFactory(
        indicator=rate,
        unit=world.lead_unit,
        period_start=Q4,
        state=ObservationState.SUBMITTED,
        note="<script>alert('x')</script>",
    )
    page = sign_in(client, world.users["secretariat"]).get(reverse("indicators:review"))

    assert "<script>alert" not in page.content.decode()
    assert "&lt;script&gt;alert" in page.content.decode()


def test_the_grid_and_the_queue_take_a_fixed_number_of_queries(
    client, world, indicators, django_assert_num_queries
):
    for indicator in (indicators["rate"], indicators["count"], indicators["flag"]):
        ObservationFactory(
            indicator=indicator, unit=world.lead_unit, period_start=Q4, submitted=True
        )
    officer = sign_in(client, world.users["unit_officer"])
    with django_assert_num_queries(8):
        officer.get(reverse("indicators:data_entry"))
    secretariat = sign_in(client, world.users["secretariat"])
    with django_assert_num_queries(7):
        secretariat.get(reverse("indicators:review"))
    with django_assert_num_queries(9):
        secretariat.get(reverse("indicators:indicator_list"))


def test_indicator_page_shows_targets_latest_value_and_achievement(client, world, indicators):
    rate = indicators["rate"]
    TargetFactory(indicator=rate, year=2025, text="≥ 80")
    TargetFactory(indicator=rate, year=2030, text="≥ 95")
    ObservationFactory(
        indicator=rate,
        unit=world.lead_unit,
        period_start=Q3,
        value=Decimal("72"),
        state=ObservationState.APPROVED,
    )
    ObservationFactory(
        indicator=rate, unit=world.lead_unit, period_start=Q4, value=Decimal("90"), submitted=True
    )
    world.task.indicators.add(rate)
    leader = sign_in(client, world.users["leader"])

    listing = leader.get(reverse("indicators:indicator_list"), {"q": "cds-12"}).content.decode()
    assert all(text in listing for text in ("CĐS-12", "≥ 80", "≥ 95"))
    assert "CĐS-11" not in listing

    page = leader.get(reverse("indicators:indicator_detail", kwargs={"pk": rate.pk}))
    latest = page.context["latest_values"]
    assert [(v.observation.value, v.achievement.ratio, v.achievement.met) for v in latest] == [
        (Decimal("72"), Decimal("90"), False)
    ]
    content = page.content.decode()
    assert all(text in content for text in ("Quý III/2025", "Quý IV/2025", "72 %", "Chưa đạt"))
    assert list(page.context["tasks"]) == [world.task]
    assert world.task.title in content


def test_a_post_without_a_valid_period_saves_nothing(client, world, indicators):
    officer = sign_in(client, world.users["unit_officer"])

    response = officer.post(
        reverse("indicators:data_entry"),
        {"period": "quarter-2025-10-02", "action": "save", f"value-{indicators['rate'].pk}": "50"},
    )

    assert response.status_code == 200
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()
    assert not Observation.objects.filter(indicator=indicators["rate"]).exists()
