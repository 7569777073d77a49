"""Tasks read into action, product, object, scope and period (issue [S]): real titles."""

import pytest

from chidao.overlap.index import judge_pairs
from chidao.overlap.parts import COMMUNE, PROVINCE, compare_parts, read_parts
from chidao.overlap.rules import fold_for_matching, get_learned_abbreviations


def test_a_task_is_read_into_its_parts():
    parts = read_parts(
        "Xây dựng Kế hoạch đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức năm 2026 "
        "trên địa bàn tỉnh"
    )
    assert parts.action.label == "xây dựng"
    assert parts.product.label == "kế hoạch"
    assert parts.beneficiaries == {"cán bộ, công chức"}
    assert parts.level == PROVINCE
    assert parts.years == (2026, 2026)

    report = read_parts("Báo cáo kết quả đào tạo nhân lực số năm 2025")
    assert report.action.label == "báo cáo"
    assert read_parts("Xây dựng Đề án đô thị thông minh giai đoạn 2026-2030").years == (2026, 2030)
    assert read_parts("Số hóa hồ sơ TTHC tại bộ phận một cửa cấp xã").level == COMMUNE
    # "xã hội" and "hợp tác xã" are not a commune.
    assert read_parts("Phát triển xã hội số, hỗ trợ hợp tác xã").level is None


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (
            "Kết nối hệ thống với Cơ sở dữ liệu quốc gia về dân cư",
            "Kết nối hệ thống với Cơ sở dữ liệu quốc gia về bảo hiểm",
            "khác đối tượng: dân cư / bảo hiểm",
        ),
        (
            "Xây dựng các văn bản quy định chi tiết, hướng dẫn thi hành Luật Dữ liệu",
            "Xây dựng các văn bản quy định chi tiết, hướng dẫn thi hành Luật Giao dịch điện tử",
            "khác đối tượng: Dữ liệu / Giao dịch điện tử",
        ),
        (
            "Xây dựng Kế hoạch đào tạo nhân lực số năm 2026",
            "Báo cáo kết quả đào tạo nhân lực số năm 2025",
            "khác thời gian: 2026 / 2025",
        ),
        (
            "Tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW",
            "Tổ chức hội nghị sơ kết một năm thực hiện Nghị quyết số 57-NQ/TW",
            "khác sản phẩm: hội nghị quán triệt / hội nghị sơ kết",
        ),
        (
            "Ban hành quy chế quản lý dữ liệu của tỉnh",
            "Kiểm tra việc thực hiện quy chế quản lý dữ liệu của tỉnh",
            "khác việc: ban hành / kiểm tra",
        ),
        (
            "Xây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp",
            "Xây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số của các xã, phường",
            "khác đối tượng: doanh nghiệp / các xã, phường",
        ),
    ],
)
def test_the_issue_s_hard_pairs_are_told_apart_and_say_why(a, b, differ):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert comparison.conflict
    assert differ in comparison.summary
    assert not judge_pairs([(a, b)])[0].same


def test_what_agrees_is_said_first():
    comparison = compare_parts(
        read_parts("Xây dựng quy chế khai thác Cơ sở dữ liệu quốc gia về dân cư"),
        read_parts("Xây dựng quy chế khai thác Cơ sở dữ liệu quốc gia về bảo hiểm"),
    )
    assert comparison.summary == "cùng xây dựng quy chế; khác đối tượng: dân cư / bảo hiểm"


def test_a_province_version_of_a_national_task_is_related_not_a_duplicate():
    a = "Xây dựng nền tảng đào tạo trực tuyến mở đại trà, trình Thủ tướng Chính phủ phê duyệt"
    b = "Triển khai nền tảng đào tạo trực tuyến mở đại trà trên địa bàn tỉnh"
    judged = judge_pairs([(a, b)])[0]

    assert judged.same
    assert judged.comparison.related
    assert "khác cấp: quốc gia / tỉnh" in judged.comparison.summary


def test_short_forms_are_learned_from_the_committee_s_own_tasks_and_units():
    learned = get_learned_abbreviations(
        ["Vận hành Trung tâm giám sát, điều hành thông minh (IOC)"],
        names=[("Trung tâm Phục vụ hành chính công", "TTPVHCC")],
    )
    assert fold_for_matching("Trung tâm IOC tỉnh", abbreviations=learned) == (
        "trung tam trung tam giam sat dieu hanh thong minh tinh"
    )
    assert learned["ttpvhcc"] == ("trung", "tam", "phuc", "vu", "hanh", "chinh", "cong")
    # The fixed table keeps its meaning; "ioc" in lower case is left alone.
    assert "cdS" not in learned
    assert fold_for_matching("ioc", abbreviations=learned) == "ioc"

    judged = judge_pairs(
        [
            (
                "Vận hành Trung tâm giám sát, điều hành thông minh (IOC)",
                "Duy trì hoạt động hiệu quả Trung tâm IOC tỉnh",
            )
        ]
    )[0]
    assert judged.same


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (
            "Xây dựng Quy định về quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh",
            "Xây dựng Quy định về quản lý nhiệm vụ khoa học và công nghệ cấp cơ sở",
            "khác đối tượng: cấp tỉnh / cấp cơ sở",
        ),
        (
            "Phát động phong trào thi đua chuyển đổi số trong cơ quan nhà nước",
            "Tổng kết, khen thưởng phong trào thi đua chuyển đổi số trong cơ quan nhà nước",
            "khác việc: phát động / tổng kết",
        ),
        (
            "Tổ chức Hội nghị học tập, quán triệt Nghị quyết 57-NQ/TW",
            "Tổ chức Hội nghị sơ kết một năm thực hiện Nghị quyết 57-NQ/TW",
            "khác sản phẩm: hội nghị quán triệt / hội nghị sơ kết",
        ),
        (
            "Xây dựng Chương trình phát triển kinh tế số, xã hội số",
            "Xây dựng Chương trình phát triển Chính phủ số",
            "khác đối tượng",
        ),
    ],
)
def test_stages_and_grades_tell_work_apart(a, b, differ):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert comparison.conflict
    assert differ in comparison.summary


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The same object named elsewhere in the other wording (order changed).
        (
            "Xây dựng Trung tâm đổi mới sáng tạo về dữ liệu thuộc Trung tâm dữ liệu quốc gia",
            "Thuộc Trung tâm dữ liệu quốc gia, xây dựng Trung tâm đổi mới sáng tạo về dữ liệu",
        ),
        # A short form no table holds, spelled out by the other's initials.
        (
            "Tổ chức tập huấn kỹ năng số cho công nhân viên chức lao động",
            "Bồi dưỡng kỹ năng số cho CNVCLĐ",
        ),
        # Training named three ways; a plan and a programme of one thing.
        (
            "Xây dựng Kế hoạch đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức năm 2026",
            "Xây dựng kế hoạch tập huấn nâng cao kỹ năng số cho cán bộ, công chức năm 2026",
        ),
        (
            "Xây dựng tổ chức triển khai Đề án chuyển đổi số cho doanh nghiệp nhỏ và vừa",
            "Xây dựng, triển khai Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
        ),
    ],
)
def test_rewordings_are_not_set_apart_by_their_wording(a, b):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert not comparison.conflict, comparison.summary
