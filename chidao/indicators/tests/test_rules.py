"""Indicator maths: targets as written in real appendices, achievement, roll-up, projection."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from chidao.indicators.choices import (
    Comparator,
    Direction,
    ProjectionStatus,
    Rollup,
    ValueType,
)
from chidao.indicators.maths import Achievement, Projection, get_achievement, project, roll_up
from chidao.indicators.targets import TargetBound, format_number, parse_target

GE, GT, LE, LT, EQ = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.EQ
BETWEEN, QUALITATIVE = Comparator.BETWEEN, Comparator.QUALITATIVE
HIGHER, LOWER, EXACT = Direction.HIGHER_BETTER, Direction.LOWER_BETTER, Direction.EXACT
NUMBER, PERCENT, BOOLEAN = ValueType.NUMBER, ValueType.PERCENT, ValueType.BOOLEAN
ON, AT_RISK, OFF = ProjectionStatus.ON_TRACK, ProjectionStatus.AT_RISK, ProjectionStatus.OFF_TRACK
NO_DATA, STALE = ProjectionStatus.NO_DATA, ProjectionStatus.STALE
D = Decimal


def shape(bounds):
    return [(b.comparator, b.lower, b.upper, b.label) for b in bounds]


def at_least(n):
    return [(GE, D(n), None, "")]


def at_most(n, label=""):
    return (LE, None, D(n), label)


def equal(n):
    return [(EQ, D(n), D(n), "")]


def between(a, b):
    return [(BETWEEN, D(a), D(b), "")]


def error_of(call, *args, **kwargs):
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value


def bound(text):
    (only,) = parse_target(text)
    return only


# Every distinct "Kết quả" of Government Resolution 03/NQ-CP (2025), Appendix I, with the
# number of its indicators that use it.
APPENDIX_I_TARGETS = [
    ("100", 6, equal(100)),
    ("≤ 3 Đông Nam Á; ≤ 50 Thế giới", 2, [at_most(3, "Đông Nam Á"), at_most(50, "Thế giới")]),
    ("≥ 5", 2, at_least(5)),
    ("≥ 50", 2, at_least(50)),
    ("≥ 80", 2, at_least(80)),
    ("80", 2, equal(80)),
    ("50", 2, equal(50)),
    ("100%", 2, equal(100)),
    ("≥ 95", 2, at_least(95)),
    ("≤ 3 Đông Nam Á", 1, [at_most(3, "Đông Nam Á")]),
    ("≥ 55", 1, at_least(55)),
    ("≥ 30", 1, at_least(30)),
    ("90", 1, equal(90)),
    ("70", 1, equal(70)),
    (">= 30", 1, at_least(30)),
    ("≥ 40", 1, at_least(40)),
    ("> 0,7", 1, [(GT, D("0.7"), None, "")]),
    ("2", 1, equal(2)),
    ("> 60", 1, [(GT, D(60), None, "")]),
    ("≥ 3% và tăng dần theo yêu cầu phát triển", 1, at_least(3)),
    ("12", 1, equal(12)),
    ("40 - 50", 1, between(40, 50)),
    ("10", 1, equal(10)),
    ("16 - 18", 1, between(16, 18)),
    ("8 - 10", 1, between(8, 10)),
    ("09", 1, equal(9)),
    ("≥ 350", 1, at_least(350)),
    ("99", 1, equal(99)),
    ("≥ 6", 1, at_least(6)),
    ("≥ 3", 1, at_least(3)),
    ("5", 1, equal(5)),
    ("≥ 03", 1, at_least(3)),
    ("≥ 70", 1, at_least(70)),
    ("≤ 10", 1, [at_most(10)]),
    ("01", 1, equal(1)),
    ("≤ 30", 1, [at_most(30)]),
    ("1", 1, equal(1)),
    ("≥ 10", 1, at_least(10)),
    ("20% - 50%", 1, between(20, 50)),
]
APPENDIX_I_QUALITATIVE = [
    "Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng, thuộc nhóm dẫn đầu trong các nước có thu "
    "nhập trung bình cao",
    "Đạt mức trên trung bình của thế giới",
    "Một số lĩnh vực đạt trình độ quốc tế",
    "Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm các nước tiên tiến",
]


@pytest.mark.parametrize(("text", "indicators", "expected"), APPENDIX_I_TARGETS)
def test_every_numeric_target_of_resolution_03_appendix_i(text, indicators, expected):
    bounds = parse_target(text)
    assert shape(bounds) == expected
    assert all(b.text for b in bounds)


@pytest.mark.parametrize("text", APPENDIX_I_QUALITATIVE)
def test_qualitative_targets_of_appendix_i_are_kept_whole(text):
    assert parse_target(text) == (TargetBound(QUALITATIVE, None, None, text=text),)


def test_appendix_i_tables_cover_all_its_indicators():
    # 56 rows carry a target; the 3 blank cells are section and group headings.
    assert sum(n for _t, n, _e in APPENDIX_I_TARGETS) + len(APPENDIX_I_QUALITATIVE) == 56


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (">= 55", at_least(55)),
        ("≥55%", at_least(55)),
        ("⩾ 55", at_least(55)),
        ("40 – 50", between(40, 50)),
        ("40—50", between(40, 50)),
        ("40-50%", between(40, 50)),
        ("từ 40 đến 50", between(40, 50)),
        ("đạt 40 - 50%", between(40, 50)),
        ("1.234,5", equal("1234.5")),
        ("≥ 1.234.567", at_least(1234567)),
        ("≥ 2.5", at_least("2.5")),
        ("≥ 0.125", at_least("0.125")),
        ("= 100", equal(100)),
        ("== 100", equal(100)),
        ("≤ 3", [at_most(3)]),
        ("<= 3", [at_most(3)]),
        ("< 10", [(LT, None, D(10), "")]),
        ("≥ -2", at_least(-2)),
        ("-5 - -3", between(-5, -3)),
        ("40 - 40", between(40, 40)),
        ("đạt 100%", equal(100)),
        ("trên 80%", [(GT, D(80), None, "")]),
        ("Tối thiểu 55%", at_least(55)),
        ("không quá 10", [at_most(10)]),
        ("dưới 5%", [(LT, None, D(5), "")]),
        ("từ 50% trở lên", at_least(50)),
        ("30% trở xuống", [at_most(30)]),
        ("trên 50% số xã", [(GT, D(50), None, "số xã")]),
        ("≤ 3 Đông Nam Á, ≤ 50 Thế giới", [at_most(3, "Đông Nam Á"), at_most(50, "Thế giới")]),
        ("≤ 3 Đông Nam Á\n≤ 50 Thế giới", [at_most(3, "Đông Nam Á"), at_most(50, "Thế giới")]),
        ("≥ 5;", at_least(5)),
        ("Có", equal(1)),
        ("Đạt", equal(1)),
        ("hoàn thành", equal(1)),
        ("Không", equal(0)),
    ],
)
def test_parses_targets_as_people_write_them(text, expected):
    assert shape(parse_target(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Top 3",
        "Nhóm 3 nước dẫn đầu ĐNA",
        "3 nước dẫn đầu ASEAN",
        "5G phủ toàn tỉnh",
        "Trên trung bình",
    ],
)
def test_prose_with_numbers_is_qualitative_not_a_guessed_bound(text):
    (only,) = parse_target(text)
    assert (only.comparator, only.lower, only.upper, only.text) == (QUALITATIVE, None, None, text)
    assert only.is_met(D(3)) is None
    assert str(only) == text


def test_a_remark_after_the_bound_stays_in_the_text_not_the_label():
    only = bound("≥ 3% và tăng dần theo yêu cầu phát triển")
    assert only.label == ""
    assert only.text == "≥ 3% và tăng dần theo yêu cầu phát triển"


def test_mixed_clauses_keep_the_prose_one_as_qualitative():
    assert shape(parse_target("≥ 5; nhóm dẫn đầu khu vực")) == [
        (GE, D(5), None, ""),
        (QUALITATIVE, None, None, ""),
    ]


def test_text_is_stored_in_nfc_with_single_spaces():
    decomposed = "\u2264 3  \u0110o\u0302ng Nam A\u0301"  # "≤ 3 Đông Nam Á" in NFD
    only = bound(decomposed)
    assert (only.label, only.text) == ("Đông Nam Á", "≤ 3 Đông Nam Á")


@pytest.mark.parametrize(
    ("text", "code", "mentions"),
    [
        (None, "target_empty", "≥ 55"),
        ("", "target_empty", "≥ 55"),
        ("   ", "target_empty", "≥ 55"),
        (" ; \n", "target_empty", "≥ 55"),
        ("≥ abc", "target_number_missing", "≥ abc"),
        ("≥", "target_number_missing", "≥"),
        (">= %", "target_number_missing", ">= %"),
        ("1,2,3", "invalid_number", "1,2,3"),
        ("≥ 1.234.5", "invalid_number", "1.234.5"),
        ("50 - 40", "target_range_reversed", "50 - 40"),
        ("≥ 40 - 50", "target_ambiguous", "≥ 40 - 50"),
        ("-", "target_unreadable", "“-”"),
        ("…", "target_unreadable", "…"),
    ],
)
def test_rejects_bad_targets_naming_them_with_an_example(text, code, mentions):
    error = error_of(parse_target, text)
    assert error.code == code
    assert mentions in error.messages[0]
    assert "ví dụ" in error.messages[0].lower()


TARGET_PIECES = [
    *"0123456789.,-–—%;:≥≤<>=⩾ \n",
    "tối thiểu ",
    "trên ",
    "dưới ",
    "đạt ",
    "từ ",
    " đến ",
    " trở lên",
    " và ",
    "Đông Nam Á",
    "Có",
    "ı",
]


PARSE_ERRORS = {
    "target_empty",
    "target_unreadable",
    "target_number_missing",
    "invalid_number",
    "target_ambiguous",
    "target_range_reversed",
}


def parse_or_error(text):
    try:
        return parse_target(text)
    except ValidationError as error:
        return error


@given(st.text() | st.lists(st.sampled_from(TARGET_PIECES)).map("".join))
def test_parse_target_raises_only_validation_errors(text):
    result = parse_or_error(text)
    if isinstance(result, ValidationError):
        assert result.code in PARSE_ERRORS
        assert result.messages[0]
        return
    assert result
    for b in result:
        assert b.text
        assert str(b)


def labels():
    return st.sampled_from(["", "Đông Nam Á", "Thế giới", "cả nước", "khu vực ASEAN"])


def numbers():
    return st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    )


@st.composite
def numeric_bounds(draw, comparators=(GE, GT, LE, LT, EQ, BETWEEN)):
    comparator = draw(st.sampled_from(comparators))
    a, b = sorted([draw(numbers()), draw(numbers())])
    lower = {GE: a, GT: a, EQ: a, BETWEEN: a}.get(comparator)
    upper = {LE: a, LT: a, EQ: a, BETWEEN: b}.get(comparator)
    return TargetBound(comparator, lower, upper, label=draw(labels()))


@given(numeric_bounds())
def test_written_bounds_parse_back_to_themselves(written):
    assert shape(parse_target(str(written))) == shape([written])


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("0.7"), "0,7"),
        (D("1234.5"), "1.234,5"),
        (D("1234567"), "1.234.567"),
        (D("-1234.50"), "-1.234,50"),
        (D("1E+3"), "1.000"),
        (D("0"), "0"),
        (D("5E-7"), "0,0000005"),
    ],
)
def test_format_number_writes_vietnamese_separators(value, text):
    assert format_number(value) == text


def test_str_writes_the_canonical_form():
    assert [str(b) for b in parse_target(">= 0,70; 40–50 Thế giới; 100%")] == [
        "≥ 0,70",
        "40 - 50 Thế giới",
        "= 100",
    ]


@pytest.mark.parametrize(
    ("text", "value", "met"),
    [
        ("≥ 55", "55", True),
        ("≥ 55", "54.99", False),
        ("> 0,7", "0.7", False),
        ("> 0,7", "0.71", True),
        ("≤ 3", "3", True),
        ("< 10", "10", False),
        ("100", "100", True),
        ("100", "101", False),
        ("40 - 50", "40", True),
        ("40 - 50", "50", True),
        ("40 - 50", "51", False),
    ],
)
def test_is_met_reads_the_clause_literally(text, value, met):
    assert bound(text).is_met(D(value)) is met


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("sometimes", D(1), None), "invalid_choice"),
        ((GE, None, None), "invalid_value"),
        ((LE, D(3), None), "invalid_value"),
        ((BETWEEN, D(1), None), "invalid_value"),
        ((GE, D("NaN"), None), "invalid_value"),
        ((EQ, D(1), D(2)), "target_bounds_differ"),
        ((BETWEEN, D(50), D(40)), "target_range_reversed"),
    ],
)
def test_impossible_bounds_are_refused(args, code):
    assert error_of(TargetBound, *args).code == code


def test_bounds_accept_the_stored_comparator_string():
    stored = TargetBound("le", None, D(3), label="Đông Nam Á")
    assert stored.comparator is LE
    assert shape([stored]) == shape(parse_target("≤ 3 Đông Nam Á"))


# Achievement


@pytest.mark.parametrize(
    ("value", "target", "direction", "value_type", "ratio", "met"),
    [
        # Higher is better: value / target.
        ("55", "≥ 60", HIGHER, PERCENT, "91.7", False),
        ("60", "≥ 60", HIGHER, PERCENT, "100", True),
        ("66", "≥ 60", HIGHER, PERCENT, "110", True),
        ("0.7", "> 0,7", HIGHER, NUMBER, "100", False),
        ("-5", "≥ 60", HIGHER, NUMBER, "0", False),
        # A bare number under a direction: at least / at most.
        ("95", "90", HIGHER, PERCENT, "105.6", True),
        ("85", "90", HIGHER, PERCENT, "94.4", False),
        # A range counts from the end the direction faces; past it is fine.
        ("45", "40 - 50", HIGHER, NUMBER, "112.5", True),
        ("55", "40 - 50", HIGHER, NUMBER, "137.5", True),
        ("30", "40 - 50", HIGHER, NUMBER, "75", False),
        # Lower is better (a rank): target / value.
        ("4", "≤ 3", LOWER, NUMBER, "75", False),
        ("2", "≤ 3", LOWER, NUMBER, "150", True),
        ("0", "≤ 3", LOWER, NUMBER, None, True),
        ("0", "0", LOWER, NUMBER, "100", True),
        ("2", "0", LOWER, NUMBER, "0", False),
        ("60", "40 - 50", LOWER, NUMBER, "83.3", False),
        ("45", "40 - 50", LOWER, NUMBER, "111.1", True),
        # Exact: 100 - distance in percent of the target, floored at 0.
        ("100", "100", EXACT, PERCENT, "100", True),
        ("95", "100", EXACT, PERCENT, "95", False),
        ("105", "100", EXACT, PERCENT, "95", False),
        ("250", "100", EXACT, PERCENT, "0", False),
        ("45", "40 - 50", EXACT, NUMBER, "100", True),
        ("55", "40 - 50", EXACT, NUMBER, "90", False),
        ("1", "0", EXACT, NUMBER, "0", False),
        # Ratios against a target of 0 have no meaning when dividing by it.
        ("5", "> 0", HIGHER, NUMBER, None, True),
        # Yes/no: met iff the answer is the target's.
        ("1", "Có", HIGHER, BOOLEAN, "100", True),
        ("0", "Có", HIGHER, BOOLEAN, "0", False),
        ("0", "Không", EXACT, BOOLEAN, "100", True),
        ("1", "Đạt", LOWER, BOOLEAN, "100", True),
    ],
)
def test_achievement(value, target, direction, value_type, ratio, met):
    achievement = get_achievement(D(value), bound(target), direction, value_type)
    expected_ratio = None if ratio is None else D(ratio)
    assert achievement == Achievement(ratio=expected_ratio, met=met)


def test_no_value_or_a_qualitative_target_is_unknown():
    unknown = Achievement(ratio=None, met=None)
    assert get_achievement(None, bound("≥ 55"), HIGHER, PERCENT) == unknown
    assert get_achievement(D(3), bound("Top 3"), LOWER, NUMBER) == unknown


def test_achievement_accepts_stored_choice_strings_and_rejects_others():
    target = bound("≥ 60")
    assert get_achievement(D(60), target, "higher", "percent").met is True
    assert error_of(get_achievement, D(60), target, "up", "percent").code == "invalid_choice"
    assert error_of(get_achievement, D("NaN"), target, HIGHER, NUMBER).code == "invalid_value"


@given(
    value=numbers() | st.sampled_from([D(0), D("0.0001"), D(-1)]),
    target=numeric_bounds() | st.sampled_from([bound("0"), bound("≤ 0"), bound("0 - 0")]),
    direction=st.sampled_from(Direction.values),
    value_type=st.sampled_from(ValueType.values),
)
def test_achievement_never_divides_by_zero_nor_goes_negative(value, target, direction, value_type):
    achievement = get_achievement(value, target, direction, value_type)
    assert achievement.met in (True, False)
    assert achievement.ratio is None or achievement.ratio >= 0


@given(value=numbers(), target=numeric_bounds((GE, GT, EQ, BETWEEN)), extra=numbers())
def test_higher_better_more_never_hurts(value, target, extra):
    assume(extra > 0)
    before = get_achievement(value, target, HIGHER, NUMBER)
    after = get_achievement(value + extra, target, HIGHER, NUMBER)
    assert after.met >= before.met
    if before.ratio is not None:
        assert after.ratio >= before.ratio


# Roll-up

UNITS = [(D("80"), D("1000")), (D("60"), D("3000")), (D("70.5"), None)]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (Rollup.SUM, D("210.5")),
        (Rollup.MEAN, D("70.1667")),
        (Rollup.MIN, D("60")),
        (Rollup.MAX, D("80")),
        (Rollup.NONE, None),
    ],
)
def test_roll_up(method, expected):
    assert roll_up(UNITS, method) == expected


def test_roll_up_weighted_mean():
    assert roll_up(UNITS[:2], Rollup.WEIGHTED_MEAN) == D(65)
    assert roll_up([(D(80), D(1)), (D(60), D(0))], Rollup.WEIGHTED_MEAN) == D(80)


def test_roll_up_latest_takes_the_latest_date_and_the_last_listed_on_a_tie():
    days = [date(2025, 6, 30), date(2025, 9, 30), date(2025, 3, 31)]
    assert roll_up(UNITS, Rollup.LATEST, dates=days) == D(60)
    tie = [date(2025, 9, 30), date(2025, 9, 30), date(2025, 3, 31)]
    assert roll_up(UNITS, Rollup.LATEST, dates=tie) == D(60)


@pytest.mark.parametrize("method", Rollup.values)
def test_roll_up_of_nothing_is_nothing(method):
    assert roll_up([], method) is None


@pytest.mark.parametrize(
    ("values", "method", "dates", "code"),
    [
        (UNITS, Rollup.WEIGHTED_MEAN, None, "rollup_weight_invalid"),
        ([(D(1), D(-1)), (D(2), D(3))], Rollup.WEIGHTED_MEAN, None, "rollup_weight_invalid"),
        ([(D(1), D(0)), (D(2), D(0))], Rollup.WEIGHTED_MEAN, None, "rollup_weights_zero"),
        (UNITS, Rollup.LATEST, None, "rollup_dates_missing"),
        (UNITS, Rollup.LATEST, [date(2025, 1, 1)], "rollup_dates_missing"),
        ([(D("Infinity"), None)], Rollup.SUM, None, "invalid_value"),
        ([(None, None)], Rollup.SUM, None, "invalid_value"),
        (UNITS, "median", None, "invalid_choice"),
    ],
)
def test_roll_up_refuses_what_it_cannot_combine(values, method, dates, code):
    assert error_of(roll_up, values, method, dates=dates).code == code


def test_a_missing_weight_is_named_by_its_position():
    error = error_of(roll_up, UNITS, Rollup.WEIGHTED_MEAN)
    assert "Giá trị thứ 3" in error.messages[0]


weighted_values = st.lists(
    st.tuples(
        st.decimals(min_value=-1000, max_value=1000, places=2),
        st.decimals(min_value=0, max_value=1000, places=1),
    ),
    min_size=1,
    max_size=12,
)


@given(values=weighted_values, data=st.data())
def test_roll_up_properties(values, data):
    low, high = roll_up(values, Rollup.MIN), roll_up(values, Rollup.MAX)
    mean = roll_up(values, Rollup.MEAN)
    assert low <= mean <= high
    assert roll_up(values, Rollup.SUM) == sum((v for v, _w in values), D(0))
    shuffled = data.draw(st.permutations(values))
    for method in (Rollup.SUM, Rollup.MEAN, Rollup.MIN, Rollup.MAX):
        assert roll_up(shuffled, method) == roll_up(values, method)
    equal_weights = [(v, D(7)) for v, _w in values]
    assert roll_up(equal_weights, Rollup.WEIGHTED_MEAN) == mean
    if sum(w for _v, w in values) > 0:
        assert low <= roll_up(values, Rollup.WEIGHTED_MEAN) <= high


# Projection

YEARLY = [date(2025, 1, 1), date(2026, 1, 1), date(2027, 1, 1)]
BY_2030 = {"target_date": date(2030, 1, 1), "as_of": date(2027, 3, 1)}


def series(*values):
    return list(zip(YEARLY, map(D, values), strict=True))


@pytest.mark.parametrize(
    ("values", "target", "direction", "status", "projected"),
    [
        # +5 a year from 60 reaches 85 by 2030: on track for ≥ 80.
        (("60", "65", "70"), "≥ 80", HIGHER, ON, "85.0137"),
        # +3 a year reaches 75: misses 80 by 5, within 10 % of it.
        (("60", "63", "66"), "≥ 80", HIGHER, AT_RISK, "75.0082"),
        (("50", "50", "50"), "≥ 80", HIGHER, OFF, "50"),
        (("40", "60", "50"), "≥ 80", HIGHER, OFF, "70.0137"),
        # A rank falling 2 places a year reaches 2: on track for ≤ 3.
        (("12", "10", "8"), "≤ 3", LOWER, ON, "1.9945"),
        (("70", "67", "64"), "≤ 50", LOWER, AT_RISK, "54.9918"),
        (("12", "11", "10"), "≤ 3", LOWER, OFF, "6.9973"),
        # Overshooting an exact target is a miss too.
        (("96", "97", "98"), "100", EXACT, AT_RISK, "101.0027"),
        (("40", "42", "44"), "40 - 60", EXACT, ON, "50.0055"),
    ],
)
def test_projection_of_a_yearly_series(values, target, direction, status, projected):
    result = project(series(*values), target=bound(target), direction=direction, **BY_2030)
    assert (result.status, result.projected) == (status, D(projected))


def test_required_yearly_change_runs_from_the_latest_value():
    observations = [(date(2025, 1, 1), D(50)), (date(2026, 1, 1), D(60))]
    result = project(
        observations,
        target=bound("≥ 80"),
        target_date=date(2030, 1, 1),
        as_of=date(2026, 2, 1),
        direction=HIGHER,
    )
    # 1/1/2026 to 1/1/2030 is four years; 20 more to go.
    assert result == Projection(ON, projected=D("100.0274"), required_yearly_change=D(5))


def test_required_yearly_change_for_lower_is_better_is_negative():
    result = project(
        [(date(2026, 1, 1), D(7))],
        target=bound("≤ 3"),
        target_date=date(2030, 1, 1),
        as_of=date(2026, 1, 1),
        direction=LOWER,
    )
    assert result == Projection(OFF, projected=D(7), required_yearly_change=D(-1))


def test_no_change_is_required_once_the_target_is_met_or_time_is_up():
    met = project(series("70", "80", "90"), target=bound("≥ 80"), direction=HIGHER, **BY_2030)
    assert met.required_yearly_change is None
    late = project(
        series("60", "65", "70"),
        target=bound("≥ 80"),
        direction=HIGHER,
        target_date=date(2026, 12, 31),
        as_of=date(2027, 3, 1),
    )
    assert (late.status, late.required_yearly_change) == (OFF, None)


def test_one_observation_projects_flat():
    result = project(
        [(date(2026, 6, 30), D("78"))], target=bound("≥ 80"), direction=HIGHER, **BY_2030
    )
    assert (result.status, result.projected) == (AT_RISK, D(78))


def test_observations_after_as_of_are_ignored():
    known = series("60", "65", "70")
    later = [*known, (date(2027, 6, 1), D(10)), (date(2028, 1, 1), D(0))]
    target = bound("≥ 80")
    assert project(later, target=target, direction=HIGHER, **BY_2030) == project(
        known, target=target, direction=HIGHER, **BY_2030
    )


def test_old_data_is_stale_but_still_projected():
    result = project(
        series("60", "65", "70"),
        target=bound("≥ 80"),
        direction=HIGHER,
        target_date=date(2030, 1, 1),
        as_of=date(2028, 3, 1),
    )
    assert (result.status, result.projected) == (STALE, D("85.0137"))
    fresh = project(
        series("60", "65", "70"),
        target=bound("≥ 80"),
        direction=HIGHER,
        target_date=date(2030, 1, 1),
        as_of=date(2028, 3, 1),
        stale_after_days=500,
    )
    assert fresh.status == ON


@pytest.mark.parametrize(
    ("observations", "target"),
    [
        ([], "≥ 80"),
        ([(date(2027, 6, 1), D(90))], "≥ 80"),  # only after as_of
        (series("60", "65", "70"), "Nhóm 3 nước dẫn đầu ĐNA"),
    ],
)
def test_no_data_means_nothing_is_projected(observations, target):
    result = project(observations, target=bound(target), direction=HIGHER, **BY_2030)
    assert result == Projection(NO_DATA, projected=None, required_yearly_change=None)


def test_projection_refuses_bad_settings():
    target = bound("≥ 80")
    wrong_direction = error_of(project, [], target=target, direction="up", **BY_2030)
    assert wrong_direction.code == "invalid_choice"
    negative = error_of(
        project, [], target=target, direction=HIGHER, stale_after_days=-1, **BY_2030
    )
    assert negative.code == "invalid_stale_after_days"


AS_OF = date(2027, 1, 1)
RANK = {OFF: 0, AT_RISK: 1, ON: 2}
observation_lists = st.lists(
    st.tuples(
        st.dates(min_value=date(2020, 1, 1), max_value=AS_OF),
        st.decimals(min_value=-1000, max_value=1000, places=2),
    ),
    max_size=8,
)


def project_2030(observations, target, direction):
    return project(
        observations,
        target=target,
        target_date=date(2030, 12, 31),
        as_of=AS_OF,
        direction=direction,
    )


@given(
    observations=observation_lists,
    later=st.lists(
        st.tuples(
            st.dates(min_value=AS_OF + timedelta(days=1), max_value=date(2032, 1, 1)),
            st.decimals(min_value=-1000, max_value=1000, places=2),
        ),
        max_size=4,
    ),
    target=numeric_bounds(),
    direction=st.sampled_from(Direction.values),
)
def test_observations_after_as_of_never_change_the_result(observations, later, target, direction):
    assert project_2030([*later, *observations], target, direction) == project_2030(
        observations, target, direction
    )


@given(
    observations=observation_lists,
    target=numeric_bounds((GE, GT, EQ, BETWEEN)),
    raise_by=st.decimals(min_value=0, max_value=500, places=2),
)
def test_higher_better_raising_every_value_never_makes_the_status_worse(
    observations, target, raise_by
):
    before = project_2030(observations, target, HIGHER)
    after = project_2030([(d, v + raise_by) for d, v in observations], target, HIGHER)
    if before.status in RANK:
        assert RANK[after.status] >= RANK[before.status]
    else:
        assert after.status == before.status


@given(
    observations=observation_lists,
    target=numeric_bounds((LE, LT, EQ, BETWEEN)),
    lower_by=st.decimals(min_value=0, max_value=500, places=2),
)
def test_lower_better_lowering_every_value_never_makes_the_status_worse(
    observations, target, lower_by
):
    before = project_2030(observations, target, LOWER)
    after = project_2030([(d, v - lower_by) for d, v in observations], target, LOWER)
    if before.status in RANK:
        assert RANK[after.status] >= RANK[before.status]
    else:
        assert after.status == before.status


@given(
    observations=st.lists(
        st.tuples(
            st.dates(min_value=date(2020, 1, 1), max_value=AS_OF),
            st.decimals(min_value=-1000, max_value=1000, places=2),
        ),
        unique_by=lambda o: o[0],
        max_size=8,
    ),
    target=numeric_bounds(),
    direction=st.sampled_from(Direction.values),
    data=st.data(),
)
def test_the_order_of_observations_does_not_matter(observations, target, direction, data):
    shuffled = data.draw(st.permutations(observations))
    assert project_2030(shuffled, target, direction) == project_2030(
        observations, target, direction
    )
