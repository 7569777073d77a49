"""Deadline phrases as written in the "Thời gian hoàn thành" column of real plans."""

import calendar
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from chidao.assignments.choices import Recurrence, TaskKind
from chidao.assignments.deadlines import ParsedDeadline, parse_deadline_phrase

DEADLINE, RECURRING, ONGOING = TaskKind.DEADLINE, TaskKind.RECURRING, TaskKind.ONGOING
D = date


def by(day):
    return (DEADLINE, day, None, None)


def error_of(text):
    with pytest.raises(ValidationError) as caught:
        parse_deadline_phrase(text)
    return caught.value


def outcome(parsed):
    return (parsed.kind, parsed.deadline, parsed.start, parsed.recurrence)


# Every distinct phrase of the deadline column of Government Resolution 03/NQ-CP (2025),
# Appendix II, with the number of its 140 tasks that use it.
APPENDIX_II_PHRASES = [
    ("2025", 59, by(D(2025, 12, 31))),
    ("12/2025", 13, by(D(2025, 12, 31))),
    ("Thường xuyên", 12, (ONGOING, None, None, None)),
    ("6/2025", 11, by(D(2025, 6, 30))),
    ("2026", 6, by(D(2026, 12, 31))),
    ("9/2025", 5, by(D(2025, 9, 30))),
    ("9/2026", 3, by(D(2026, 9, 30))),
    ("12/2026", 3, by(D(2026, 12, 31))),
    ("2025 và những năm tiếp theo", 3, (ONGOING, None, D(2025, 1, 1), None)),
    ("03/2025", 2, by(D(2025, 3, 31))),
    ("2030", 2, by(D(2030, 12, 31))),
    ("Hằng năm", 2, (RECURRING, None, None, Recurrence.YEARLY)),
    ("12/2028", 2, by(D(2028, 12, 31))),
    ("06/2025", 2, by(D(2025, 6, 30))),
    ("01/2025", 1, by(D(2025, 1, 31))),
    ("Nhiệm vụ thường xuyên", 1, (ONGOING, None, None, None)),
    ("Tháng 10/2025", 1, by(D(2025, 10, 31))),
    ("Tháng 5/2025", 1, by(D(2025, 5, 31))),
    ("2/2025", 1, by(D(2025, 2, 28))),
    ("7/2025", 1, by(D(2025, 7, 31))),
    ("2027", 1, by(D(2027, 12, 31))),
    ("2025 - 2026", 1, (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
    ("hằng năm", 1, (RECURRING, None, None, Recurrence.YEARLY)),
    ("2025-2026", 1, (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
    ("3/2025", 1, by(D(2025, 3, 31))),
    ("3/2026", 1, by(D(2026, 3, 31))),
    ("Quý II/2025", 1, by(D(2025, 6, 30))),
    ("2028", 1, by(D(2028, 12, 31))),
]
# Cells of the same column that are no deadline: task 42 left it empty, and the heading
# row of group IV carries "năm tiếp theo", the tail of a split "… và những năm tiếp theo".
APPENDIX_II_NON_PHRASES = [
    ("", 1, "required", "Thời hạn không được để trống."),
    ("năm tiếp theo", 0, "missing_year", 'Thời hạn "năm tiếp theo" không nêu năm.'),
]


@pytest.mark.parametrize(("text", "tasks", "expected"), APPENDIX_II_PHRASES)
def test_every_phrase_of_resolution_03_appendix_ii(text, tasks, expected):
    parsed = parse_deadline_phrase(text)

    assert parsed.text == text
    assert outcome(parsed) == expected


@pytest.mark.parametrize(("text", "tasks", "code", "message"), APPENDIX_II_NON_PHRASES)
def test_appendix_ii_cells_without_a_deadline_are_explained(text, tasks, code, message):
    error = error_of(text)

    assert error.code == code
    assert error.messages[0].startswith(message)
    assert '"2025 và những năm tiếp theo"' in error.messages[0]


def test_appendix_ii_tables_cover_all_its_tasks():
    tables = APPENDIX_II_PHRASES + APPENDIX_II_NON_PHRASES
    assert sum(row[1] for row in tables) == 140


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/2025", by(D(2025, 6, 30))),
        ("06/2025", by(D(2025, 6, 30))),
        ("2/2024", by(D(2024, 2, 29))),
        ("Tháng 10/2025", by(D(2025, 10, 31))),
        ("tháng 10 năm 2025", by(D(2025, 10, 31))),
        ("THÁNG 10 - 2025", by(D(2025, 10, 31))),
        ("Quý II/2025", by(D(2025, 6, 30))),
        ("Quý 2/2025", by(D(2025, 6, 30))),
        ("quý II năm 2025", by(D(2025, 6, 30))),
        ("Quý I/2026", by(D(2026, 3, 31))),
        ("Quý III/2025", by(D(2025, 9, 30))),
        ("Quý IV/2025", by(D(2025, 12, 31))),
        ("6 tháng đầu năm 2025", by(D(2025, 6, 30))),
        ("6 tháng cuối năm 2025", by(D(2025, 12, 31))),
        ("9 tháng năm 2025", by(D(2025, 9, 30))),
        ("2025", by(D(2025, 12, 31))),
        ("Năm 2025", by(D(2025, 12, 31))),
        ("Đến năm 2030", by(D(2030, 12, 31))),
        ("Trong năm 2025", by(D(2025, 12, 31))),
        ("2025 - 2026", (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
        ("2025-2026", (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
        ("2025 \u2013 2026", (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
        ("2025\u20142026", (DEADLINE, D(2026, 12, 31), D(2025, 1, 1), None)),
        ("Giai đoạn 2025 - 2030", (DEADLINE, D(2030, 12, 31), D(2025, 1, 1), None)),
        ("Từ năm 2025 đến năm 2030", (DEADLINE, D(2030, 12, 31), D(2025, 1, 1), None)),
        ("30/6/2025", by(D(2025, 6, 30))),
        ("30/06/2025", by(D(2025, 6, 30))),
        ("29/2/2024", by(D(2024, 2, 29))),
        ("ngày 30 tháng 6 năm 2025", by(D(2025, 6, 30))),
        # "Trước" reads as "by": plans use it for "no later than" (see the module docstring).
        ("Trước ngày 30/6/2025", by(D(2025, 6, 30))),
        ("Trước 30/6/2025", by(D(2025, 6, 30))),
        ("Trước tháng 6/2025", by(D(2025, 6, 30))),
        ("Chậm nhất ngày 15/3/2025", by(D(2025, 3, 15))),
        ("Hằng năm", (RECURRING, None, None, Recurrence.YEARLY)),
        ("Hàng năm", (RECURRING, None, None, Recurrence.YEARLY)),
        ("Định kỳ hằng năm", (RECURRING, None, None, Recurrence.YEARLY)),
        ("Hằng quý", (RECURRING, None, None, Recurrence.QUARTERLY)),
        ("Hằng tháng", (RECURRING, None, None, Recurrence.MONTHLY)),
        ("Thường xuyên", (ONGOING, None, None, None)),
        ("Nhiệm vụ thường xuyên", (ONGOING, None, None, None)),
        ("Thường xuyên, hằng năm", (ONGOING, None, None, None)),
        ("Thường xuyên, liên tục", (ONGOING, None, None, None)),
        ("2025 và những năm tiếp theo", (ONGOING, None, D(2025, 1, 1), None)),
        ("2025 và các năm tiếp theo", (ONGOING, None, D(2025, 1, 1), None)),
        ("Từ năm 2025", (ONGOING, None, D(2025, 1, 1), None)),
        ("Từ 2026 trở đi", (ONGOING, None, D(2026, 1, 1), None)),
        ("12/2028", by(D(2028, 12, 31))),
        # Tolerant of case, spacing, non-breaking spaces, a trailing full stop and NFD.
        ("  QUÝ  ii /2025 ", by(D(2025, 6, 30))),
        ("Tháng\u00a010/2025", by(D(2025, 10, 31))),
        ("6/2025.", by(D(2025, 6, 30))),
        ("Hang nam", (RECURRING, None, None, Recurrence.YEARLY)),
        ("Th\u01b0\u01a1\u0300ng xuy\u00ean", (ONGOING, None, None, None)),
    ],
)
def test_parses_deadline_phrases(text, expected):
    assert outcome(parse_deadline_phrase(text)) == expected


def test_keeps_the_text_as_written_in_nfc():
    parsed = parse_deadline_phrase("  Qu\u0079\u0301 II/2025\n")

    assert parsed == ParsedDeadline("Qu\u00fd II/2025", DEADLINE, D(2025, 6, 30))


@pytest.mark.parametrize(
    ("text", "code", "mentions"),
    [
        ("", "required", "không được để trống"),
        ("  ", "required", "không được để trống"),
        (None, "required", "không được để trống"),
        ("0/2025", "invalid_month", "tháng 0;"),
        ("13/2025", "invalid_month", "tháng 13;"),
        ("Tháng 00/2025", "invalid_month", "tháng 00;"),
        ("31/2/2025", "invalid_date", "không phải là một ngày có thật"),
        ("29/2/2025", "invalid_date", "không phải là một ngày có thật"),
        ("0/6/2025", "invalid_date", "không phải là một ngày có thật"),
        ("30/13/2025", "invalid_month", "tháng 13;"),
        ("Quý V/2025", "invalid_quarter", "quý V;"),
        ("Quý 0/2025", "invalid_quarter", "quý 0;"),
        ("Quý 5/2025", "invalid_quarter", "quý 5;"),
        ("1989", "invalid_year", "năm 1989 nằm ngoài khoảng 1990–2100"),
        ("2101", "invalid_year", "năm 2101"),
        ("99999", "invalid_year", "năm 99999"),
        ("Năm 99999", "invalid_year", "năm 99999"),
        ("6/20255", "invalid_year", "năm 20255"),
        ("6/25", "invalid_year", "năm 25"),
        ("2025 - 99999", "invalid_year", "năm 99999"),
        ("2026 - 2025", "invalid_span", "năm bắt đầu sau năm kết thúc"),
        ("Từ năm 1900", "invalid_year", "năm 1900"),
        ("Tháng 10", "missing_year", "không nêu năm"),
        ("Quý II", "missing_year", "không nêu năm"),
        ("Sớm", "invalid", "Không đọc được thời hạn"),
        ("Hằng tuần", "invalid", "Không đọc được thời hạn"),
        ("2025/6/30", "invalid", "Không đọc được thời hạn"),
        ("😀", "invalid", "Không đọc được thời hạn"),
    ],
)
def test_rejects_bad_phrases_naming_them(text, code, mentions):
    error = error_of(text)

    assert error.code == code
    (message,) = error.messages
    assert mentions in message
    assert 'Ví dụ hợp lệ: "6/2025", "Quý II/2025"' in message
    if text and text.strip():
        assert f'"{text.strip()}"' in message


def test_pasted_paragraph_is_cut_short_in_the_message():
    (message,) = error_of("Hoàn thành " * 500).messages

    assert len(message) < 400
    assert "…" in message


def assert_parses_or_explains(text):
    try:
        parsed, error = parse_deadline_phrase(text), None
    except ValidationError as raised:
        parsed, error = None, raised
    if error:
        assert error.messages
        assert all(message.strip() for message in error.messages)
        return None
    assert parsed.text == parsed.text.strip()
    assert (parsed.deadline is not None) == (parsed.kind == DEADLINE)
    assert (parsed.recurrence is not None) == (parsed.kind == RECURRING)
    if parsed.deadline:
        assert 1990 <= parsed.deadline.year <= 2100
    if parsed.start and parsed.deadline:
        assert parsed.start <= parsed.deadline
    return parsed


@given(st.text())
def test_any_text_parses_or_explains(text):
    assert_parses_or_explains(text)


NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**25).map(str),
    st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}"),
    st.integers(min_value=1985, max_value=2105).map(str),
    st.sampled_from(["", "V", "IIII", "iv", "-1", "١٢"]),
)
WORDS = st.sampled_from(
    ["", "Tháng ", "Quý ", "Năm ", "Trước ", "Trước ngày ", "Từ năm ", "Giai đoạn ", "ngày "]
)
SEPARATORS = st.sampled_from(["/", "-", " - ", "\u2013", " năm ", " tháng ", " ", "", "."])


@given(WORDS, NUMBERS, SEPARATORS, NUMBERS, st.one_of(st.just(""), SEPARATORS), NUMBERS)
def test_deadline_shaped_text_parses_or_explains(word, first, sep, second, sep2, third):
    text = f"{word}{first}{sep}{second}{sep2}{third}"
    assert_parses_or_explains(text)


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_phrase_gives_the_last_day_of_that_month(year, month):
    deadline = parse_deadline_phrase(f"{month}/{year}").deadline

    assert (deadline.year, deadline.month) == (year, month)
    assert (deadline + timedelta(days=1)).day == 1
    assert parse_deadline_phrase(f"Tháng {month:02d} năm {year}").deadline == deadline


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_written_dates_read_back(day):
    assert parse_deadline_phrase(f"{day.day}/{day.month}/{day.year}").deadline == day
    assert parse_deadline_phrase(f"Trước ngày {day:%d/%m/%Y}").deadline == day


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=4))
def test_roman_and_digit_quarters_agree(year, quarter):
    roman = ["I", "II", "III", "IV"][quarter - 1]
    deadline = parse_deadline_phrase(f"Quý {roman}/{year}").deadline

    assert deadline == parse_deadline_phrase(f"quý {quarter} năm {year}").deadline
    assert deadline == D(year, quarter * 3, calendar.monthrange(year, quarter * 3)[1])
