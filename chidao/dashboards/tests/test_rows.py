"""The long tables' rows written in Python (``rows.py``) are the HTML the templates'
loops wrote: the loops of before are kept here as the oracle, rendered on the same data
(names that need escaping, rows without a link, key tasks, reports, urge links)."""

import datetime
import decimal
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.core.periods import PeriodKind
from chidao.dashboards.queries import (
    LINKED_STATUSES as STATUSES,
)
from chidao.dashboards.queries import (
    Scope,
    get_dashboard,
    get_indicator_panel,
    get_table_lines,
)
from chidao.dashboards.rows import (
    get_commune_rows_html,
    get_count_rows,
    get_indicator_rows_html,
    get_overdue_rows,
)
from chidao.indicators.choices import ObservationState
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory
from chidao.org.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 9, 30)
JUNE = datetime.date(2025, 6, 30)
# The templates' loops of before, kept as the oracle.
OLD_ROWS = Path(__file__).parent / "old_rows"

COUNT_LOOP = (OLD_ROWS / "count.html").read_text()
COMMUNE_LOOP = (OLD_ROWS / "commune.html").read_text()
OVERDUE_LOOP = (OLD_ROWS / "overdue.html").read_text()
INDICATOR_LOOP = (OLD_ROWS / "indicator.html").read_text()


def same_html(a: str, b: str) -> bool:
    squeeze = lambda html: re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()  # noqa: E731
    return squeeze(a) == squeeze(b)


@pytest.fixture
def dashboard():
    province = CommitteeFactory(name="Ban Chỉ đạo tỉnh <Thử> & nghiệm")
    for name, tasks in (("Xã A & B", 2), ('Xã "C"', 0), ("Xã D", 1)):
        commune = CommitteeFactory(name=name, parent=province)
        TaskFactory.create_batch(tasks, committee=commune, deadline=JUNE)
    CommitteeFactory(parent=CommitteeFactory(name="Xã E", parent=province))  # rolls up
    group = TaskGroupFactory(committee=province, name="Nhóm <I>")
    trade, science = UnitFactory(name="Sở Công Thương & Du lịch"), UnitFactory(name="Sở KH<CN>")
    key = TaskFactory(
        committee=province,
        group=group,
        lead_unit=trade,
        deadline=JUNE,
        is_key=True,
        title="Một nhiệm vụ <b>rất</b> dài " + "và dài " * 20,
    )
    ProgressUpdateFactory(task=key, reported_on=datetime.date(2025, 9, 1), percent=40)
    TaskFactory(committee=province, lead_unit=science, deadline=JUNE, title='Nhiệm vụ "A" & B')
    TaskFactory(
        committee=province,
        group=group,
        lead_unit=science,
        deadline=datetime.date(2025, 12, 31),
    )
    admin = UserFactory(is_superuser=True, is_staff=True)
    return get_dashboard(admin, Scope(province), AS_OF)


def test_count_rows_are_the_templates(dashboard):
    scope, last_year = dashboard.scope, dashboard.by_unit_last_year
    for table, by, old in (
        (dashboard.by_unit, "lead_unit", last_year),
        (dashboard.by_group, "group", None),
    ):
        lines = get_table_lines(table, scope, AS_OF, by=by, last_year=old)
        assert any(not line["url"] for line in lines) or by == "lead_unit"
        # The loop of before read a link per status from the line; the lines now give the
        # row's list (``url``), which the rows' HTML extends with each status.
        old_lines = [
            {**line, **{f"{s}_url": line["url"] and f"{line['url']}&status={s}" for s in STATUSES}}
            for line in lines
        ]
        expected = Template(COUNT_LOOP).render(Context({"lines": old_lines, "last_year": old}))
        shown = get_count_rows(lines, last_year=old is not None)
        assert "&amp;status=overdue" in shown
        assert same_html(shown, expected)


def test_commune_rows_are_the_templates(dashboard):
    assert len(dashboard.communes) == 4
    expected = Template(COMMUNE_LOOP).render(Context({"communes": dashboard.communes}))
    shown = get_commune_rows_html(dashboard.communes)
    assert "Xã A &amp; B" in shown
    assert same_html(shown, expected)


@pytest.mark.parametrize("can_manage", [True, False])
def test_overdue_rows_are_the_templates(dashboard, can_manage):
    tasks = dashboard.overdue_tasks
    assert len(tasks) >= 2
    for urge, task in zip((True, False), tasks, strict=False):
        task.can_urge = urge
    context = Context({"tasks": tasks, "can_manage": can_manage})
    expected = Template(OVERDUE_LOOP).render(context)
    shown = get_overdue_rows(tasks, can_manage=can_manage)
    assert "01/09/2025 (40 %)" in shown
    assert ("urge-link" in shown) is can_manage
    assert same_html(shown, expected)


def test_indicator_rows_are_the_templates():
    committee = CommitteeFactory()
    measured = IndicatorFactory(
        committee=committee,
        code="CT<1>",
        name='Tỷ lệ "xã" đạt chuẩn & nông thôn mới',
        measure_unit="%",
        frequency=PeriodKind.QUARTER,
    )
    TargetFactory(indicator=measured, year=2025, text="≥ 5 & < 10")
    for start, value in ((datetime.date(2025, 1, 1), "3.25"), (datetime.date(2025, 4, 1), "6")):
        ObservationFactory(
            indicator=measured,
            unit=UnitFactory(),
            period_start=start,
            value=decimal.Decimal(value),
            state=ObservationState.APPROVED,
        )
    IndicatorFactory(committee=committee, code="CT2", name="Chưa có số liệu", measure_unit="")
    rows = get_indicator_panel(Scope(committee), AS_OF)
    assert len(rows) == 2
    expected = Template(INDICATOR_LOOP).render(Context({"rows": rows}))
    shown = get_indicator_rows_html(rows)
    for text in ("CT&lt;1&gt;", "≥ 5 &amp; &lt; 10", "04/2025"):
        assert text in shown
    assert same_html(shown, expected)
