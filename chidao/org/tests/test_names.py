"""The names of bodies as plans write them: keys, abbreviations, and cells split whole."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.org.names import get_name_key, parse_group_phrase, split_names, strip_place


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở KHCN tỉnh", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở NN&MT", "Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh"),
        ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu"),
        ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("BQL các KCN", "Ban Quản lý các khu công nghiệp tỉnh Thái Nguyên"),
        ("Sở Tài chính tỉnh", "Sở Tài chính"),
    ],
)
def test_abbreviations_and_the_place_need_no_alias(written, same_as):
    assert get_name_key(written) == get_name_key(same_as)


def test_the_place_is_cut_only_at_the_end_of_one_name():
    assert get_name_key("Sở Tài chính tỉnh, Sở Xây dựng") == "so tai chinh tinh so xay dung"
    assert get_name_key("Tỉnh ủy Thái Nguyên") == "tinh uy thai nguyen"
    assert strip_place(get_name_key("Sở Tài chính Thái Nguyên"), "thai nguyen") == "so tai chinh"


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Văn phòng UBND tỉnh; Công an tỉnh", ["Văn phòng UBND tỉnh", "Công an tỉnh"]),
        (
            "Báo và Phát thanh, Truyền hình tỉnh; UBND các xã, phường",
            ["Báo và Phát thanh, Truyền hình tỉnh", "UBND các xã, phường"],
        ),
        ("Sở Tài chính tỉnh, Sở Xây dựng", ["Sở Tài chính tỉnh", "Sở Xây dựng"]),
        ("Bộ Khoa học và Công nghệ", ["Bộ Khoa học và Công nghệ"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Tài chính tỉnh;", ["Sở Tài chính tỉnh"]),
        ("Sở Nội vụ\nSở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]),
        (
            "Bộ Tài chính, bộ, ngành liên quan",
            ["Bộ Tài chính", "bộ, ngành liên quan"],
        ),
        ("Sở Công Thương và các doanh nghiệp", ["Sở Công Thương", "các doanh nghiệp"]),
    ],
)
def test_cells_split_between_names_never_inside_one(cell, names):
    assert split_names(cell, lambda name: parse_group_phrase(name) is not None) == names


# Names as plans write them: some hold commas, "và" or " - " inside; all open the way a
# body's name opens. Bodies outside any directory are among them.
NAMES = [
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Báo và Phát thanh, Truyền hình tỉnh",
    "Bộ Lao động - Thương binh và Xã hội",
    "Sở Tài chính tỉnh",
    "UBND các xã, phường",
    "Các sở, ban, ngành",
    "Sở KH&CN",
    "Văn phòng UBND tỉnh",
    "Công an tỉnh",
    "các doanh nghiệp viễn thông",
    "các cơ quan đại diện Việt Nam ở nước ngoài",
    "Ủy ban MTTQ Việt Nam tỉnh",
    "Trường Đại học Kỹ thuật Công nghiệp",
]
SEPARATORS = ["; ", ", ", "\n", " và ", ";\n"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=6),
    separators=st.lists(st.sampled_from(SEPARATORS), min_size=5, max_size=5),
    known=st.sets(st.sampled_from(NAMES)),
)
def test_every_name_written_comes_out_once_and_whole(names, separators, known):
    """Names in = names out, whatever the directory knows: a known name is kept whole
    by the directory, an unknown one by the way names open."""
    cell = names[0]
    for name, separator in zip(names[1:], separators, strict=False):
        cell += separator + name

    def is_known(span):
        return span in known or parse_group_phrase(span) is not None

    assert split_names(cell, is_known) == names
