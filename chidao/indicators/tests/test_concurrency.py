"""No lost updates in the indicator grid: two officers of a unit fill in the same quarter
in two sessions. A stale cell refuses the whole grid, naming the cells; nothing is saved."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.world import build_world, make_user
from chidao.indicators.choices import ObservationState, ValueType
from chidao.indicators.models import Observation
from chidao.indicators.services import ObservationEntry, do_save_observations
from chidao.indicators.tests.factories import IndicatorFactory

Q4 = datetime.date(2025, 10, 1)
Q4_KEY = "quarter-2025-10-01"


@pytest.fixture
def world(db, settings, tmp_path, time_machine):
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    world.users["unit_officer"].person.full_name = "Lê Văn Cường"
    world.users["unit_officer"].person.save()
    world.users["second_officer"] = make_user("canbo2", world.lead_unit)
    for code, value_type in (("CĐS-11", ValueType.NUMBER), ("CĐS-12", ValueType.PERCENT)):
        world.objects[code] = IndicatorFactory(
            committee=world.committee,
            responsible_unit=world.lead_unit,
            code=code,
            value_type=value_type,
        )
    return world


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def load_grid(client) -> dict:
    """The grid as the browser would send it back untouched, hidden versions included."""
    page = client.get(reverse("indicators:data_entry"), {"period": Q4_KEY})
    data = {"period": Q4_KEY, "action": "save"}
    for row in page.context["rows"]:
        if row.editable:
            pk = row.indicator.pk
            data |= {f"value-{pk}": row.value, f"note-{pk}": row.note, f"version-{pk}": row.version}
    return data


def values(world) -> dict:
    return {
        obs.indicator.code: (obs.value, obs.note)
        for obs in Observation.objects.filter(unit=world.lead_unit, period_start=Q4)
    }


def test_a_stale_cell_refuses_the_whole_grid_and_names_the_cell(world):
    count, rate = world.objects["CĐS-11"], world.objects["CĐS-12"]
    do_save_observations(
        by=world.users["unit_officer"],
        unit=world.lead_unit,
        period=Period.from_start(PeriodKind.QUARTER, Q4),
        entries=[ObservationEntry(indicator_id=rate.pk, value="50")],
    )
    cuong = session(world.users["unit_officer"])
    dung = session(world.users["second_officer"])
    cuong_grid, dung_grid = load_grid(cuong), load_grid(dung)

    first = cuong.post(
        reverse("indicators:data_entry"),
        {**cuong_grid, f"value-{rate.pk}": "60", f"note-{rate.pk}": "Theo Cổng dịch vụ công"},
    )
    second = dung.post(
        reverse("indicators:data_entry"),
        {**dung_grid, f"value-{rate.pk}": "70", f"value-{count.pk}": "20"},
    )

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "Không số liệu nào được lưu." in page
    assert second.context["form_errors"] == [
        "Số liệu của CĐS-12 vừa được người khác lưu trong khi bạn đang nhập. "
        "Hãy xem lại các ô được đánh dấu rồi lưu lại."
    ]
    rows = {row.indicator.code: row for row in second.context["rows"]}
    assert rows["CĐS-12"].errors == [
        "Số liệu đã được Lê Văn Cường sửa lúc 09:00 20/11/2025 trong khi bạn đang sửa. "
        "Các trường đã thay đổi: Giá trị, Ghi chú."
    ]
    assert rows["CĐS-11"].errors == []
    # Dũng's typing stays in the grid; the stale cell now carries the current version.
    assert (rows["CĐS-12"].value, rows["CĐS-11"].value) == ("70", "20")
    current = Observation.objects.get(indicator=rate, unit=world.lead_unit, period_start=Q4)
    assert rows["CĐS-12"].version == current.version
    assert f'name="version-{rate.pk}" value="{current.version}"' in page
    # Nothing of Dũng's was saved, not even the cell nobody else touched.
    assert values(world) == {"CĐS-12": (Decimal("60"), "Theo Cổng dịch vụ công")}

    # Having looked, Dũng saves the grid again as shown: now it goes through.
    resent = dung.post(
        reverse("indicators:data_entry"),
        {
            **dung_grid,
            f"value-{rate.pk}": "70",
            f"value-{count.pk}": "20",
            f"version-{rate.pk}": current.version,
        },
    )

    assert resent.status_code == 302
    assert values(world) == {"CĐS-11": (Decimal("20"), ""), "CĐS-12": (Decimal("70"), "")}


def test_a_value_entered_in_an_empty_cell_meanwhile_is_not_overwritten(world):
    rate = world.objects["CĐS-12"]
    cuong = session(world.users["unit_officer"])
    dung = session(world.users["second_officer"])
    dung_grid = load_grid(dung)
    cuong.post(reverse("indicators:data_entry"), {**load_grid(cuong), f"value-{rate.pk}": "45"})

    response = dung.post(reverse("indicators:data_entry"), {**dung_grid, f"value-{rate.pk}": "46"})

    rows = {row.indicator.code: row for row in response.context["rows"]}
    assert rows["CĐS-12"].errors == [
        "Số liệu đã được Lê Văn Cường nhập lúc 09:00 20/11/2025 trong khi bạn đang sửa. "
        "Các trường đã thay đổi: Giá trị, Trạng thái."
    ]
    assert values(world) == {"CĐS-12": (Decimal("45"), "")}


def test_a_cell_submitted_meanwhile_is_named_with_its_new_state(world):
    rate = world.objects["CĐS-12"]
    cuong = session(world.users["unit_officer"])
    cuong.post(reverse("indicators:data_entry"), {**load_grid(cuong), f"value-{rate.pk}": "45"})
    dung = session(world.users["second_officer"])
    dung_grid = load_grid(dung)
    cuong.post(reverse("indicators:data_entry"), {**load_grid(cuong), "action": "submit"})

    response = dung.post(reverse("indicators:data_entry"), {**dung_grid, f"value-{rate.pk}": "9"})

    rows = {row.indicator.code: row for row in response.context["rows"]}
    assert rows["CĐS-12"].errors == [
        "Số liệu đã được Lê Văn Cường sửa lúc 09:00 20/11/2025 trong khi bạn đang sửa. "
        "Các trường đã thay đổi: Trạng thái."
    ]
    saved = Observation.objects.get(indicator=rate, unit=world.lead_unit, period_start=Q4)
    assert (saved.value, saved.state) == (Decimal("45"), ObservationState.SUBMITTED)
