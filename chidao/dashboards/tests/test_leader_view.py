"""The leader's first screen (issue [O] §1): headline figures, then what needs a decision
(overdue key tasks, units falling behind, indicators off track), each a link; the long
tables folded below it."""

import re

from chidao.dashboards.tests.test_dashboard import (
    AS_OF,
    open_dashboard,
    province,
    sign_in_leader,
)

__all__ = ["province"]


def section(page: str, section_id: str) -> str:
    return re.search(rf'<section id="{section_id}".*?</section>', page, re.S).group(0)


def test_what_needs_a_decision_comes_right_after_the_figures(client, province):
    sign_in_leader(client)

    page = open_dashboard(client, province, AS_OF).content.decode()

    assert page.index('id="cards"') < page.index('id="needs-decision"') < page.index('id="by-unit"')
    decisions = section(page, "needs-decision")
    key_task = province.tasks.get(is_key=True)
    assert f"/nhiem-vu/{key_task.pk}/" in decisions
    # The unit with overdue tasks (Sở Công Thương: two) links to its overdue list.
    units = re.search(r'id="decision-units".*?</ol>', decisions, re.S).group(0)
    assert "Sở Công Thương" in units
    assert "status=overdue" in units
    assert "Sở Tài chính" not in units


def test_the_long_tables_are_folded_under_the_first_screen(client, province):
    sign_in_leader(client)

    page = open_dashboard(client, province, AS_OF).content.decode()

    for section_id in ("by-unit", "by-group", "overdue"):
        body = section(page, section_id)
        assert '<details class="dash-more">' in body, section_id
        assert '<details class="dash-more" open' not in body
