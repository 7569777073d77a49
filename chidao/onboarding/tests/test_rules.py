"""The pure rules of a unit list: kinds from names, places in names, rows."""

import pytest

from chidao.onboarding.rules import (
    NAME,
    SHORT_NAME,
    NoteRow,
    Place,
    SectionRow,
    UnitListRow,
    get_full_unit_name,
    get_other_province,
    parse_place,
    read_unit_row,
)
from chidao.org.choices import UnitKind
from chidao.org.kinds import infer_unit_kind, parse_unit_kind

THAI_NGUYEN = Place("tỉnh", "Thái Nguyên")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sở Khoa học và Công nghệ", UnitKind.DEPARTMENT),
        ("Sở KH&CN", UnitKind.DEPARTMENT),
        ("UBND xã Phú Bình", UnitKind.COMMUNE),
        ("Ủy ban nhân dân phường Phan Đình Phùng", UnitKind.COMMUNE),
        ("Ủy ban nhân dân tỉnh Thái Nguyên", UnitKind.PEOPLES_COMMITTEE),
        ("HĐND tỉnh", UnitKind.PEOPLES_COUNCIL),
        ("Ngân hàng Nhà nước Khu vực 5", UnitKind.CENTRAL_BODY),
        ("Tỉnh ủy Thái Nguyên", UnitKind.PARTY_COMMITTEE),
        ("Đảng ủy xã Phú Bình", UnitKind.PARTY_COMMITTEE),
        ("Ban Tổ chức Tỉnh ủy", UnitKind.DEPARTMENT),
        ("Văn phòng UBND tỉnh", UnitKind.DEPARTMENT),
        ("Công an tỉnh", UnitKind.DEPARTMENT),
        ("Thanh tra tỉnh", UnitKind.DEPARTMENT),
        ("Trường Đại học Thái Nguyên", UnitKind.INSTITUTE),
        ("Viettel Thái Nguyên", UnitKind.ENTERPRISE),
        ("Tỉnh đoàn", UnitKind.OTHER),
        ("Ủy ban MTTQ Việt Nam tỉnh", UnitKind.OTHER),
    ],
)
def test_the_kind_of_a_unit_comes_from_its_name(name, kind):
    assert infer_unit_kind(name) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sở, ban, ngành", UnitKind.DEPARTMENT),
        ("II. KHỐI CÁC SỞ, BAN, NGÀNH", UnitKind.DEPARTMENT),
        ("Cấp xã", UnitKind.COMMUNE),
        ("Xã, phường, đặc khu", UnitKind.COMMUNE),
        ("Cơ quan Trung ương", UnitKind.CENTRAL_BODY),
        ("Khối Đảng", UnitKind.PARTY_COMMITTEE),
        ("Khối Đảng, Mặt trận và đoàn thể", None),
        ("Khối văn hóa - xã hội", None),
        ("", None),
    ],
)
def test_a_kind_column_or_heading_names_a_kind_or_none(text, kind):
    assert parse_unit_kind(text) == kind


def test_places_are_read_with_or_without_their_word():
    assert parse_place("Thái Nguyên", level="province") == Place("tỉnh", "Thái Nguyên")
    assert parse_place("thành phố Hải Phòng", level="province") == Place("thành phố", "Hải Phòng")
    assert parse_place("Phú Bình", level="commune") == Place("xã", "Phú Bình")
    assert parse_place("phường  Phan Đình Phùng", level="commune") == Place(
        "phường", "Phan Đình Phùng"
    )


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Sở Tài chính tỉnh Nam Định", "Nam Định"),
        ("Sở Tài chính Tỉnh Nam Định", "Nam Định"),
        ("Báo Nam Định", "Nam Định"),
        ("Sở Tài chính tỉnh Thái Nguyên", ""),
        ("Sở Tài chính", ""),
        ("Báo và Phát thanh, Truyền hình Thái Nguyên", ""),
        # Communes share names with provinces: "phường Nam Định" is a ward, not a province.
        ("UBND phường Nam Định", ""),
        ("Đại học Thái Nguyên", ""),
    ],
)
def test_a_name_carrying_another_province_is_found(name, other):
    assert get_other_province(name, THAI_NGUYEN) == other


@pytest.mark.parametrize(
    ("name", "kind", "full"),
    [
        ("Sở Y tế", UnitKind.DEPARTMENT, "Sở Y tế tỉnh Thái Nguyên"),
        ("Văn phòng UBND tỉnh", UnitKind.DEPARTMENT, "Văn phòng UBND tỉnh Thái Nguyên"),
        ("Tỉnh ủy", UnitKind.PARTY_COMMITTEE, "Tỉnh ủy Thái Nguyên"),
        ("Ban Tổ chức Tỉnh ủy", UnitKind.DEPARTMENT, "Ban Tổ chức Tỉnh ủy Thái Nguyên"),
        ("Sở Y tế tỉnh Thái Nguyên", UnitKind.DEPARTMENT, "Sở Y tế tỉnh Thái Nguyên"),
        ("UBND xã Phú Bình", UnitKind.COMMUNE, "Ủy ban nhân dân xã Phú Bình"),
        ("Ngân hàng Nhà nước Khu vực 5", UnitKind.CENTRAL_BODY, "Ngân hàng Nhà nước Khu vực 5"),
    ],
)
def test_a_stored_name_carries_its_place(name, kind, full):
    assert get_full_unit_name(name, kind, THAI_NGUYEN) == full


def test_a_commune_list_names_its_bodies_with_the_commune():
    place = Place("xã", "Phú Bình")
    assert (
        get_full_unit_name("Đảng ủy xã", UnitKind.PARTY_COMMITTEE, place) == "Đảng ủy xã Phú Bình"
    )
    assert get_full_unit_name("Phòng Kinh tế", UnitKind.DEPARTMENT, place) == (
        "Phòng Kinh tế xã Phú Bình"
    )


COLUMNS = {"code": 0, NAME: 1, SHORT_NAME: 2}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("1", "Sở Y tế", "SYT"), UnitListRow("1", "Sở Y tế", "SYT", "", "")),
        (("II.", "KHỐI CÁC SỞ, BAN, NGÀNH", ""), SectionRow("KHỐI CÁC SỞ, BAN, NGÀNH")),
        (("", "Khối các sở, ngành", ""), SectionRow("Khối các sở, ngành")),
        (("Ghi chú: danh sách gồm 20 đơn vị", "", ""), NoteRow("Ghi chú: danh sách gồm 20 đơn vị")),
        (("", "Ghi chú: cập nhật", ""), NoteRow("Ghi chú: cập nhật")),
        (
            ("TT", "Tên cơ quan, đơn vị", "Tên viết tắt"),
            NoteRow("TT Tên cơ quan, đơn vị Tên viết tắt"),
        ),
        (("", "", ""), None),
        (("(1)", "(2)", "(3)"), None),
    ],
)
def test_rows_of_a_list_are_units_sections_or_notes(cells, expected):
    assert read_unit_row(cells, COLUMNS) == expected
