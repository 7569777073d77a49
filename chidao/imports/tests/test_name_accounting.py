"""Every name written in a lead or coordinating cell is accounted for (issue [K] §4).

A property over generated cells: names in = matched + expanded + kept as text + flagged,
whatever mix of the province's units, group phrases, bodies outside the directory and
another province's units a cell holds; and no unit outside the directory is matched.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.imports.task_plans import (
    EXPANDED,
    FLAGGED,
    KEPT_AS_TEXT,
    MATCHED,
    TaskRowPlan,
    _TaskPlanner,
)
from chidao.imports.tests.factories import build_task_import

pytestmark = pytest.mark.django_db

NAMES = [
    "Sở KH&CN",
    "Sở Khoa học và Công nghệ tỉnh Thử",
    "Sở Tài chính tỉnh",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nội vụ",
    "UBND các xã, phường",
    "Các sở, ngành",
    "các sở, ngành có liên quan",
    "các doanh nghiệp viễn thông",
    "Bộ Khoa học và Công nghệ",
    "Sở Tài chính tỉnh Khác",
    "Sở Tài chánh",
]
SEPARATORS = ["; ", ", ", "\n", " và "]


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=5),
    separators=st.lists(st.sampled_from(SEPARATORS), min_size=4, max_size=4),
    unknown=st.sampled_from(["flag", "text"]),
    column=st.sampled_from(["lead", "coordinating"]),
)
def test_names_in_equal_names_out(province, names, separators, unknown, column):
    cell = names[0]
    for name, separator in zip(names[1:], separators, strict=False):
        cell += separator + name
    data_import = build_task_import(
        committee=province.committee, by=province.secretariat, unknown_names=unknown
    )
    planner = _TaskPlanner(data_import)
    row = TaskRowPlan(
        label="Dòng 1", code="I.1", title="Thử", group=None, deadline_text="", output=""
    )

    if column == "lead":
        planner._read_lead(row, cell)
    else:
        planner._read_coordinating(row, cell)

    written = planner.directory.split(cell)
    assert [result.name for result in row.names] == written
    outcomes = [result.outcome for result in row.names]
    assert set(outcomes) <= {MATCHED, EXPANDED, KEPT_AS_TEXT, FLAGGED}
    flagged = [problem.name for problem in row.errors if problem.name]
    assert flagged == [result.name for result in row.names if result.outcome == FLAGGED]
    kept = [result.name for result in row.names if result.outcome == KEPT_AS_TEXT]
    assert row.coordinators_text == kept
    units = [row.lead_unit, *row.coordinating_units, *row.fan_out_units]
    assert province.other_finance not in units
    # A name saying it is of another province is never read as ours.
    if "Sở Tài chính tỉnh Khác" in written and column == "coordinating":
        assert "Sở Tài chính tỉnh Khác" in flagged + kept
    assert all(unit.pk in planner.directory.scope for unit in units if unit is not None)
