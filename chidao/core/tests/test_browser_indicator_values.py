"""Issue [B] §14 (c): a unit enters a quarter's indicator values and submits them; the
secretariat returns one with a reason; the unit fixes it and submits again; the
secretariat approves.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.browser import make_pdf, sign_in
from chidao.core.tests.world import PASSWORD, build_world
from chidao.indicators.choices import ObservationState, ValueType
from chidao.indicators.models import Observation
from chidao.indicators.tests.factories import IndicatorFactory

pytestmark = pytest.mark.browser

REASON = "Tỷ lệ phải tính trên tổng số hồ sơ tiếp nhận trong quý, không chỉ hồ sơ tháng cuối quý."


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def indicators(world):
    """Three quarterly indicators the lead unit reports: a count, a rate, a yes/no."""

    def quarterly(code, name, value_type, measure_unit):
        return IndicatorFactory(
            committee=world.committee,
            responsible_unit=world.lead_unit,
            frequency=PeriodKind.QUARTER,
            code=code,
            name=name,
            value_type=value_type,
            measure_unit=measure_unit,
        )

    return {
        "count": quarterly(
            "CĐS-11",
            "Số thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
            ValueType.NUMBER,
            "thủ tục",
        ),
        "rate": quarterly(
            "CĐS-12", "Tỷ lệ hồ sơ được giải quyết trực tuyến", ValueType.PERCENT, "%"
        ),
        "flag": quarterly(
            "CĐS-13",
            "Cổng dịch vụ công đã kết nối Cơ sở dữ liệu quốc gia về dân cư",
            ValueType.BOOLEAN,
            "",
        ),
    }


def test_quarter_values_returned_fixed_and_approved(web, world, indicators, live_server):
    count, rate, flag = indicators["count"], indicators["rate"], indicators["flag"]
    quarter = Period.containing(PeriodKind.QUARTER, timezone.localdate())
    quarter_tab = f"#period-quarter-{quarter.start.isoformat()}"

    # The unit officer fills in the quarter's grid and sends it.
    officer = web.new_page()
    sign_in(officer, live_server, world.users["unit_officer"].username, PASSWORD)
    officer.click(f"#main-nav a[href='{reverse('indicators:data_entry')}']")
    officer.click(quarter_tab)
    expect(officer.locator(quarter_tab)).to_have_attribute("aria-current", "page")
    grid_url = officer.url
    officer.fill(f"#value-{count.pk}", "1.234")
    officer.fill(f"#note-{count.pk}", "Theo Cổng dịch vụ công tỉnh, số liệu đến hết quý.")
    officer.set_input_files(
        f"#evidence-{count.pk}",
        files=[
            {"name": "danh-muc-thu-tuc.pdf", "mimeType": "application/pdf", "buffer": make_pdf()}
        ],
    )
    officer.fill(f"#value-{rate.pk}", "87,5")
    officer.select_option(f"#value-{flag.pk}", "1")
    web.step(officer, "grid filled in")
    with officer.expect_navigation():
        officer.click("#submit-values")
    web.step(officer, "grid submitted")
    for indicator in (count, rate, flag):
        expect(officer.locator(f"#state-{indicator.pk}")).to_have_text("Đã gửi")

    values = {
        obs.indicator_id: obs
        for obs in Observation.objects.filter(
            unit=world.lead_unit, period_kind=PeriodKind.QUARTER, period_start=quarter.start
        ).exclude(indicator=world.objects["indicator"])
    }
    assert {pk: (obs.value, obs.state) for pk, obs in values.items()} == {
        count.pk: (Decimal("1234"), ObservationState.SUBMITTED),
        rate.pk: (Decimal("87.5"), ObservationState.SUBMITTED),
        flag.pk: (Decimal("1"), ObservationState.SUBMITTED),
    }
    assert values[count.pk].evidence
    assert values[count.pk].entered_by == world.users["unit_officer"]

    # The secretariat returns the rate with a reason and approves the other two.
    secretariat = web.new_page()
    sign_in(secretariat, live_server, world.users["secretariat"].username, PASSWORD)
    web.step(secretariat, "secretariat queue")
    secretariat.click("#link-indicator-review")
    secretariat.wait_for_url(f"{web.url('indicators:review')}?committee={world.committee.pk}")
    web.step(secretariat, "values to review")
    rate_value = values[rate.pk]
    expect(secretariat.locator(f"#review-value-{rate_value.pk}")).to_contain_text("87,5")
    secretariat.fill(f"#reason-{rate_value.pk}", REASON)
    with secretariat.expect_navigation():
        secretariat.click(f"#return-{rate_value.pk}")
    for indicator in (count, flag):
        with secretariat.expect_navigation():
            secretariat.click(f"#approve-{values[indicator.pk].pk}")
    web.step(secretariat, "rate returned, others approved")
    rate_value.refresh_from_db()
    assert rate_value.state == ObservationState.RETURNED
    assert rate_value.return_reason == REASON

    # The unit sees the reason next to the value, corrects it, sends it again.
    officer.goto(grid_url)
    web.step(officer, "grid with the returned value")
    expect(officer.locator(f"#row-{rate.pk}")).to_have_class("table-warning")
    expect(officer.locator(f"#return-reason-{rate.pk}")).to_contain_text(REASON)
    expect(officer.locator(f"#state-{rate.pk}")).to_have_text("Trả lại")
    expect(officer.locator(f"#value-{rate.pk}")).to_have_value("87,5")
    for indicator in (count, flag):
        expect(officer.locator(f"#state-{indicator.pk}")).to_have_text("Đã duyệt")
        expect(officer.locator(f"#value-{indicator.pk}")).to_have_count(0)
    officer.fill(f"#value-{rate.pk}", "78,4")
    officer.fill(f"#note-{rate.pk}", "Tính lại trên 12.480 hồ sơ tiếp nhận trong quý.")
    with officer.expect_navigation():
        officer.click("#submit-values")
    web.step(officer, "corrected value submitted")
    expect(officer.locator(f"#state-{rate.pk}")).to_have_text("Đã gửi")

    # The secretariat approves the corrected value.
    secretariat.goto(web.url("indicators:review"))
    expect(secretariat.locator(f"#review-value-{rate_value.pk}")).to_contain_text("78,4")
    web.step(secretariat, "corrected value to review")
    with secretariat.expect_navigation():
        secretariat.click(f"#approve-{rate_value.pk}")
    web.step(secretariat, "all approved")
    expect(secretariat.locator(f"#review-row-{rate_value.pk}")).to_have_count(0)

    for observation in values.values():
        observation.refresh_from_db()
        assert observation.state == ObservationState.APPROVED
        assert observation.approved_by == world.users["secretariat"]
    rate_value.refresh_from_db()
    assert rate_value.value == Decimal("78.4")
    assert rate_value.return_reason == ""
    history = list(rate_value.history.order_by("history_date").values_list("state", flat=True))
    assert ObservationState.RETURNED in history
    assert history[-1] == ObservationState.APPROVED
