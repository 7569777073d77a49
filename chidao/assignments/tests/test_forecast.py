"""The early warning's pure rule (``forecast.py``) and the dependency graph rules."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.assignments.choices import Risk, TaskStatus
from chidao.assignments.dependencies import find_cycle, get_critical_path, get_topological_order
from chidao.assignments.forecast import (
    TaskFacts,
    Weights,
    forecast_task,
    forecast_tasks,
    get_pace_forecast,
)

D = datetime.date
START = D(2026, 1, 1)
DEADLINE = D(2026, 12, 31)


def facts(**changes) -> TaskFacts:
    values = {
        "label": "III.4",
        "status": TaskStatus.IN_PROGRESS,
        "start": START,
        "deadline": DEADLINE,
    }
    values.update(changes)
    return TaskFacts(**values)


def test_a_task_keeping_pace_is_on_track_and_expected_by_its_deadline():
    reports = ((D(2026, 3, 31), 25), (D(2026, 6, 30), 50))

    forecast = forecast_task(facts(reports=reports), D(2026, 7, 10))

    assert forecast.risk == Risk.ON_TRACK
    assert forecast.expected_on is not None
    assert forecast.expected_on <= DEADLINE
    assert forecast.reasons == ()


def test_slow_progress_late_in_the_time_says_so_in_plain_vietnamese():
    reports = ((D(2026, 6, 1), 20), (D(2026, 10, 1), 30))

    forecast = forecast_task(facts(reports=reports), D(2026, 10, 20))

    assert forecast.risk == Risk.CERTAIN_LATE
    assert "tiến độ 30 % khi đã qua 80 % thời gian" in forecast.reasons
    assert forecast.reasons[0].startswith("dự kiến hoàn thành ")
    assert "chậm" in forecast.reasons[0]


def test_a_silent_task_is_flagged_with_the_days_since_its_last_report():
    reports = ((D(2026, 1, 20), 10), (D(2026, 2, 20), 30))

    forecast = forecast_task(facts(reports=reports), D(2026, 4, 6))

    assert "chưa báo cáo 45 ngày" in forecast.reasons


def test_a_task_never_reported_counts_from_its_start():
    forecast = forecast_task(facts(), D(2026, 3, 2))

    assert "chưa có báo cáo nào sau 60 ngày được giao" in forecast.reasons


def test_a_fresh_task_without_reports_is_taken_at_its_word():
    forecast = forecast_task(facts(), D(2026, 1, 20))

    assert forecast.risk == Risk.ON_TRACK
    assert forecast.expected_on == DEADLINE


def test_signals_add_up_to_a_risk_under_the_committee_weights():
    reports = ((D(2026, 3, 1), 20), (D(2026, 6, 1), 60))
    item = facts(reports=reports, change_requests=2, silent_coordinators=1, lead_record=(1, 5))

    forecast = forecast_task(item, D(2026, 7, 10))

    assert forecast.risk == Risk.AT_RISK
    assert "đã 2 lần đề nghị lùi thời hạn" in forecast.reasons
    assert "1 cơ quan phối hợp chưa báo cáo phần việc" in forecast.reasons
    assert "cơ quan chủ trì mới hoàn thành đúng hạn 1/5 nhiệm vụ đã đến hạn" in forecast.reasons
    lenient = Weights(risk_points=10)
    assert forecast_task(item, D(2026, 7, 10), lenient).risk == Risk.ON_TRACK


def test_a_stalled_task_has_no_expected_date_and_is_at_risk():
    reports = ((D(2026, 2, 1), 40), (D(2026, 3, 1), 40), (D(2026, 4, 1), 40))

    forecast = forecast_task(facts(reports=reports), D(2026, 4, 10))

    assert forecast.expected_on is None
    assert forecast.risk == Risk.AT_RISK
    assert any("tiến độ đứng ở 40 %" in reason for reason in forecast.reasons)


def test_done_paused_cancelled_and_overdue_tasks_are_never_at_risk():
    slow = ((D(2026, 2, 1), 5),)
    for status in (
        TaskStatus.DONE_ON_TIME,
        TaskStatus.DONE_LATE,
        TaskStatus.PAUSED,
        TaskStatus.CANCELLED,
        TaskStatus.OVERDUE,
        TaskStatus.NOT_YET_ASSIGNED,
    ):
        assert forecast_task(facts(status=status, reports=slow), D(2026, 11, 1)).risk is None


def test_an_overdue_prerequisite_puts_the_task_at_risk():
    found = forecast_tasks(
        {
            1: facts(label="III.3", status=TaskStatus.OVERDUE, deadline=D(2026, 3, 31)),
            2: facts(label="III.4", depends_on=(1,)),
        },
        D(2026, 1, 20),
    )

    assert found[1].risk is None
    assert found[2].risk == Risk.AT_RISK
    assert "phụ thuộc nhiệm vụ III.3 đang quá hạn" in found[2].reasons


def test_slippage_moves_down_a_chain_of_three():
    as_of = D(2026, 6, 1)
    slow = ((D(2026, 2, 1), 5), (D(2026, 5, 25), 20))  # 15 % in ~4 months
    on_pace = ((D(2026, 3, 1), 20), (D(2026, 5, 25), 45))
    found = forecast_tasks(
        {
            "a": facts(label="A", deadline=D(2026, 9, 30), reports=slow),
            "b": facts(label="B", reports=on_pace, depends_on=("a",)),
            "c": facts(label="C", deadline=D(2027, 3, 31), reports=on_pace, depends_on=("b",)),
        },
        as_of,
    )

    assert found["a"].risk == Risk.CERTAIN_LATE
    assert found["b"].expected_on >= found["a"].expected_on > DEADLINE
    assert found["c"].expected_on >= found["b"].expected_on
    assert found["b"].is_warning
    assert found["c"].is_warning
    assert any("phụ thuộc nhiệm vụ A" in reason for reason in found["b"].reasons)
    assert any("phụ thuộc nhiệm vụ B" in reason for reason in found["c"].reasons)


def test_the_pace_reads_the_last_reports():
    reports = ((D(2026, 1, 31), 10), (D(2026, 3, 2), 40), (D(2026, 4, 1), 70))

    expected, percent = get_pace_forecast(reports, START, D(2026, 4, 1))

    assert percent == 70
    assert expected == D(2026, 5, 1)  # 60 % in 60 days: the last 30 % in 30 more


report_lists = st.lists(
    st.tuples(
        st.dates(min_value=START, max_value=D(2026, 12, 1)), st.integers(min_value=0, max_value=100)
    ),
    max_size=6,
)


@settings(max_examples=200, derandomize=True)
@given(
    reports=report_lists,
    as_of=st.dates(min_value=D(2026, 1, 2), max_value=D(2026, 12, 31)),
    requests=st.integers(min_value=0, max_value=4),
    silent=st.integers(min_value=0, max_value=3),
    on_time=st.integers(min_value=0, max_value=6),
)
def test_every_warning_has_reasons_and_no_expected_date_before_tomorrow(
    reports, as_of, requests, silent, on_time
):
    known = tuple(r for r in reports if r[0] <= as_of)
    item = facts(
        reports=known,
        change_requests=requests,
        silent_coordinators=silent,
        lead_record=(on_time, 6),
    )

    forecast = forecast_task(item, as_of)

    assert forecast.risk in set(Risk)
    if forecast.risk != Risk.ON_TRACK:
        assert forecast.reasons
    if forecast.expected_on is not None and max((p for _d, p in known), default=0) < 100:
        assert forecast.expected_on > as_of


@settings(max_examples=200, derandomize=True)
@given(
    upstream_delay=st.integers(min_value=0, max_value=400),
    own_percent=st.integers(min_value=1, max_value=99),
)
def test_a_later_prerequisite_never_makes_a_task_earlier(upstream_delay, own_percent):
    as_of = D(2026, 6, 1)
    base = {
        "b": facts(label="B", reports=((D(2026, 5, 1), own_percent),), depends_on=("a",)),
    }
    early = forecast_tasks({**base, "a": facts(label="A", reports=((D(2026, 5, 1), 50),))}, as_of)
    later_deadline = DEADLINE + datetime.timedelta(days=upstream_delay)
    slow = forecast_tasks(
        {**base, "a": facts(label="A", deadline=later_deadline, reports=((D(2026, 5, 1), 10),))},
        as_of,
    )

    assert slow["b"].expected_on >= early["b"].expected_on
    assert slow["a"].expected_on >= early["a"].expected_on


def test_a_cycle_is_found_and_named():
    edges = {2: [3], 3: [1]}

    assert find_cycle(edges, 1, [2]) == [1, 2, 3, 1]
    assert find_cycle(edges, 1, [1]) == [1, 1]
    assert find_cycle(edges, 4, [2]) is None
    assert find_cycle({2: [3]}, 1, [2, 3]) is None


@settings(max_examples=200, derandomize=True)
@given(
    st.dictionaries(
        st.integers(0, 8), st.lists(st.integers(0, 8), max_size=3, unique=True), max_size=9
    )
)
def test_the_topological_order_puts_prerequisites_first_when_there_is_no_cycle(edges):
    edges = {k: [v for v in values if v < k] for k, values in edges.items()}  # acyclic

    order = get_topological_order(edges)

    position = {node: i for i, node in enumerate(order)}
    assert len(order) == len(set(order))
    for node, before in edges.items():
        for other in before:
            assert position[other] < position[node]


def test_the_critical_path_follows_the_latest_prerequisites():
    edges = {"c": ["b", "x"], "b": ["a"]}
    finish = {"a": 3, "b": 5, "x": 4, "c": 9}

    assert get_critical_path(edges, finish) == ["a", "b", "c"]
    tied = {"a": 9, "b": 9, "x": 4, "c": 9}  # the chain moved by its first task
    assert get_critical_path(edges, tied) == ["a", "b", "c"]
