"""Issue [L]: the QĐ 366 evaluation on the demo, its page, its files, the command, and the
ranking that no longer scores units without data (small worlds: test_evaluation_small.py).

Every test here reads the demo (or changes it in its own savepoint): it is loaded once for
the module (``module_demo``), on one worker."""

import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from chidao.core.periods import Period, PeriodKind
from chidao.dashboards.evaluation import get_evaluation, get_ranking
from chidao.dashboards.models import EvaluationWeights
from chidao.dashboards.rating import Rating, rate_unit
from chidao.dashboards.tests.conftest import DEMO_PASSWORD, DEMO_TODAY

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
Q3 = Period(PeriodKind.QUARTER, 2026, 3)
YEAR = Period(PeriodKind.YEAR, 2026)

pytestmark = pytest.mark.xdist_group("dashboards-test_evaluation")


@pytest.fixture
def demo(module_demo):
    return module_demo


def check_sheet(sheet) -> None:
    """What "done" asks of every evaluation: no unit without data scored or ranked, each
    level agreeing with its points and conditions, no overdue lead task rated well."""
    for unit in sheet.units:
        facts = unit.facts
        nothing = not (
            facts.lead.due or facts.coordinating.due or facts.reports_required or facts.achievements
        )
        if nothing or facts.lead.due < sheet.min_lead_due:
            assert (unit.total, unit.rating, unit.rank) == (None, None, None), facts.name
        if unit.directing:
            assert unit.rank is None, facts.name
        if unit.rating is None:
            continue
        again, _checks = rate_unit(unit.total, unit.lead)
        assert unit.rating == again, facts.name
        reached = [check.rating for check in unit.checks if check.met]
        assert unit.rating == (reached[0] if reached else Rating.KHTNV), facts.name
        floor = {Rating.HTXSNV: 90, Rating.HTTNV: 70, Rating.HTNV: 50}.get(unit.rating, 0)
        assert unit.total >= floor, facts.name
        if facts.lead.overdue:
            assert unit.rating not in (Rating.HTXSNV, Rating.HTTNV), facts.name


def test_demo_evaluation_is_done_as_the_issue_asks(demo):
    for period in (Q3, Period(PeriodKind.SIX_MONTHS, 2026, 2), YEAR):
        sheet = get_evaluation(demo, period, today=DEMO_TODAY)
        check_sheet(sheet)
        assert sheet.rated, period
    sheet = get_evaluation(demo, YEAR, today=DEMO_TODAY)
    names = {unit.facts.name: unit for unit in sheet.units}
    # The province's People's Committee and the host direct: listed apart, not ranked.
    assert names["Ủy ban nhân dân tỉnh Nam Định"].directing
    assert names["Ủy ban nhân dân tỉnh Nam Định"].rank is None
    # A unit that only coordinates is "chưa đủ dữ liệu" under the default minimum (1 led).
    assert names["Báo Nam Định"].total is None
    # The demo's secretariat judged some outputs exceeding the requirement.
    assert sum(unit.lead.exceeded for unit in sheet.units) > 0
    assert sorted(u.rank for u in sheet.rated) == sorted(u.rank for u in sheet.rated if u.rank)


def test_demo_ranking_scores_no_unit_without_data(demo):
    from django.contrib.auth import get_user_model

    leader = get_user_model().objects.get(username="lanhdao")
    _weights, scores = get_ranking(leader, demo, DEMO_TODAY)

    by_name = {s.facts.name: s for s in scores}
    for score in scores:
        facts = score.facts
        busy = facts.lead.due or facts.coordinating.due or facts.reports_required
        if not (busy or facts.achievements):
            assert (score.total, score.rank) == (None, None), facts.name
        if score.total == 100 and facts.lead.due == 0:
            pytest.fail(f"{facts.name} scores 100 with no task of its own due")
    assert by_name["Ủy ban nhân dân tỉnh Nam Định"].rank is None
    assert by_name["Tỉnh ủy Nam Định"].rank is None


def test_the_committee_may_evaluate_its_directing_units_and_lower_the_minimum(demo):
    EvaluationWeights.objects.create(committee=demo, min_lead_due=0, evaluate_directing_units=True)

    sheet = get_evaluation(demo, YEAR, today=DEMO_TODAY)

    names = {unit.facts.name: unit for unit in sheet.units}
    assert names["Báo Nam Định"].total is not None
    assert not names["Ủy ban nhân dân tỉnh Nam Định"].directing
    check_sheet(sheet)


def test_command_prints_one_json_object(demo):
    out = io.StringIO()
    with time_machine.travel(datetime(2026, 11, 20, 9, tzinfo=HANOI), tick=False):
        call_command(
            "evaluate_units",
            "--committee",
            str(demo.pk),
            "--year",
            "2026",
            "--quarter",
            "3",
            "--json",
            stdout=out,
        )

    data = json.loads(out.getvalue())
    assert list(data) == ["units"]
    keys = {
        "unit",
        "score",
        "rating",
        "conditions",
        "lead_due",
        "lead_overdue",
        "coordinating_due",
        "exceeded",
        "indicators_with_data",
        "reports_due",
    }
    for unit in data["units"]:
        assert keys <= set(unit)
        assert unit["rating"] in (None, "HTXSNV", "HTTNV", "HTNV", "KHTNV")
        assert (unit["score"] is None) == (unit["rating"] is None)
        if unit["lead_overdue"]:
            assert unit["rating"] not in ("HTXSNV", "HTTNV")
    assert any(unit["rating"] for unit in data["units"])
    assert any(unit["rating"] is None for unit in data["units"])


def test_command_refuses_a_bad_period(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="số kỳ phải từ 1 đến 4"):
        call_command("evaluate_units", "--committee", str(demo.pk), "--year", "2026",
                     "--quarter", "5", stdout=io.StringIO())  # fmt: skip


# The page and the files -----------------------------------------------------------------


def sign_in_demo(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)


@pytest.mark.parametrize("username", ["lanhdao", "thuongtruc"])
def test_page_and_files_for_leader_and_secretariat(client, demo, username):
    sign_in_demo(client, username)
    query = {"kind": "quarter", "number": "3", "year": "2026"}
    with time_machine.travel(datetime(2026, 11, 20, 9, tzinfo=HANOI), tick=False):
        page = client.get(reverse("dashboards:unit_evaluation", args=[demo.pk]), query)
        word = client.get(reverse("dashboards:unit_evaluation_docx", args=[demo.pk]), query)
        excel = client.get(reverse("dashboards:unit_evaluation_xlsx", args=[demo.pk]), query)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Quý III/2026" in html
    assert "due_in_from=2026-07-01" in html
    assert "Chưa đủ dữ liệu để đánh giá" in html
    assert "Báo Nam Định" in html

    document = WordDocument(io.BytesIO(word.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Kết quả đánh giá, xếp loại các cơ quan, đơn vị thực hiện nhiệm vụ quý III năm 2026" in text
    )
    assert "Quy định số 366-QĐ/TW" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Sở Giáo dục và Đào tạo tỉnh Nam Định" in cells

    sheet = load_workbook(io.BytesIO(excel.content)).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows
    for row in rows:
        assert isinstance(row[5], int), row  # lead tasks due: a number, never text
        assert row[2] is None or isinstance(row[2], float | int), row


def test_a_bad_period_shows_a_message_not_an_error(client, demo):
    sign_in_demo(client, "lanhdao")

    response = client.get(
        reverse("dashboards:unit_evaluation", args=[demo.pk]),
        {"kind": "quarter", "number": "9", "year": "2026"},
    )

    assert response.status_code == 200
    assert (
        "Giá trị không được lớn hơn 4." in response.content.decode()
        or (response.context["form"].errors["number"])
    )


def test_a_unit_officer_cannot_open_the_evaluation(client, demo):
    sign_in_demo(client, "canbo.khcn")

    response = client.get(reverse("dashboards:unit_evaluation", args=[demo.pk]))

    assert response.status_code == 403
