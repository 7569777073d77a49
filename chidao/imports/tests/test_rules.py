"""The pure reading rules: column headers, unit-name keys, splitting cells."""

import pytest

from chidao.imports.rules import (
    CODE,
    COORDINATING,
    DEADLINE,
    LEAD,
    OUTPUT,
    TITLE,
    GroupRow,
    NoteRow,
    TaskRow,
    find_columns,
    get_column,
    read_row,
)
from chidao.org.names import (
    get_compact_key,
    get_initials_key,
    get_name_key,
    parse_group_phrase,
    split_names,
)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("TT", CODE),
        ("STT", CODE),
        ("Tên nhiệm vụ", TITLE),
        ("Nội dung nhiệm vụ, giải pháp", TITLE),
        ("Cơ quan chủ trì", LEAD),
        ("ĐƠN VỊ CHỦ TRÌ", LEAD),
        ("Cơ quan phối hợp", COORDINATING),
        ("Kết quả/Sản phẩm", OUTPUT),
        ("Thời gian hoàn thành", DEADLINE),
        ("Thời hạn", DEADLINE),
        ("Cột lạ", None),
    ],
)
def test_headers_name_columns(header, column):
    assert get_column(header) == column


def test_a_two_line_header_is_read_as_one():
    rows = [
        ("KẾ HOẠCH",),
        ("TT", "Nhiệm vụ", "Chủ trì", "Thời gian"),
        ("", "", "", "Hoàn thành"),
        ("1", "Một", "Sở Nội vụ", "2025"),
    ]
    first_row, columns = find_columns(rows)
    assert first_row == 3
    assert columns == {CODE: 0, TITLE: 1, LEAD: 2, DEADLINE: 3}


@pytest.mark.parametrize(
    "written",
    [
        "Sở Khoa học và Công nghệ",
        "Sở Khoa học và Công nghệ tỉnh Nam Định",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "So Khoa hoc va Cong nghe",
        "Sở Khoa học & Công nghệ",
    ],
)
def test_spellings_of_one_name_share_a_key(written):
    assert get_name_key(written) == "so khoa hoc va cong nghe"


@pytest.mark.parametrize("written", ["Sở KH&CN", "Sở KHCN", "sở kh-cn", "Sở KH và CN"])
def test_abbreviations_match_the_initials_of_the_full_name(written):
    assert get_compact_key(written) == get_initials_key("Sở Khoa học và Công nghệ tỉnh Nam Định")


def test_people_committee_abbreviation_is_expanded():
    assert get_name_key("Văn phòng UBND tỉnh") == get_name_key(
        "Văn phòng Ủy ban nhân dân tỉnh Nam Định"
    )


@pytest.mark.parametrize(
    ("text", "kinds", "related"),
    [
        ("Các sở, ngành", {"department"}, False),
        ("UBND các xã, phường", {"commune"}, False),
        ("Các bộ, ngành, địa phương", {"department", "commune"}, False),
        ("các bộ, ngành có liên quan", {"department"}, True),
    ],
)
def test_group_phrases(text, kinds, related):
    group = parse_group_phrase(text)
    assert (set(group.kinds), group.related) == (kinds, related)


@pytest.mark.parametrize("text", ["Sở Tài chính", "Bộ Công an", "Ban Tổ chức Tỉnh ủy"])
def test_unit_names_are_not_group_phrases(text):
    assert parse_group_phrase(text) is None


KNOWN = {
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Sở Tài chính",
    "các sở, ngành",
}


def is_known(name):
    return name in KNOWN or parse_group_phrase(name) is not None


@pytest.mark.parametrize(
    ("cell", "bodies"),
    [
        (
            "Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch",
            ["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"],
        ),
        (
            "Bộ Khoa học và Công nghệ và các địa phương",
            ["Bộ Khoa học và Công nghệ", "các địa phương"],
        ),
        ("Sở Tài chính; các sở, ngành", ["Sở Tài chính", "các sở, ngành"]),
        ("Sở Tài chính\nSở Lạ", ["Sở Tài chính", "Sở Lạ"]),
        ("", []),
    ],
)
def test_cells_split_into_bodies_keeping_known_names_whole(cell, bodies):
    assert split_names(cell, is_known) == bodies


COLUMNS = {CODE: 0, TITLE: 1, LEAD: 2, COORDINATING: 3, OUTPUT: 4, DEADLINE: 5}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("II.", "Thể chế", "", "", "", ""), GroupRow("II", "Thể chế")),
        (("Nhóm III:", "Hạ tầng", "", "", "", ""), GroupRow("III", "Hạ tầng")),
        (("", "Ghi chú: số liệu ước tính", "", "", "", ""), NoteRow("Ghi chú: số liệu ước tính")),
        (("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"), None),
        (("", "", "", "", "", ""), None),
        (
            ("12.", "Một", "Sở Nội vụ", "", "Đề án", "2025"),
            TaskRow("12", "Một", "Sở Nội vụ", "", "Đề án", "2025"),
        ),
    ],
)
def test_rows_are_groups_notes_or_tasks(cells, expected):
    assert read_row(cells, COLUMNS) == expected
