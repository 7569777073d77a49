"""Tasks read into action, product, object, scope and period (issue [S]): real titles."""

import pytest

from chidao.overlap.index import judge_pairs
from chidao.overlap.parts import (
    COMMUNE,
    NATIONAL,
    PROVINCE,
    VILLAGE,
    _deadline_at,
    _doer_names,
    _other_bodies,
    _other_owners,
    _owner_names,
    _says_content_at,
    _short_forms_unaccounted,
    compare_parts,
    read_parts,
)
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


# Pairs of different work and the difference the comparison names, by the session of
# issue [S] that added the rule (all checked by one test below).
_HEADS_NAMES_AND_STAGES = [
    # Same head, another modifier; same modifier, another head.
    (
        "Ban hành Kế hoạch phát triển hạ tầng số tỉnh Nam Định giai đoạn 2026-2030",
        "Ban hành Kế hoạch phát triển hạ tầng đô thị tỉnh Nam Định giai đoạn 2026-2030",
        "khác đối tượng: số / đô thị",
    ),
    (
        "Xây dựng Kế hoạch phát triển kinh tế số của tỉnh năm 2027",
        "Xây dựng Kế hoạch phát triển xã hội số của tỉnh năm 2027",
        "khác đối tượng: kinh tế / xã hội",
    ),
    # Two subjects with nothing in common.
    (
        "Triển khai bệnh án điện tử tại các bệnh viện công lập của tỉnh",
        "Triển khai thanh toán viện phí không dùng tiền mặt tại các bệnh viện công lập",
        "khác đối tượng: bệnh án điện tử / thanh toán viện phí không dùng tiền mặt",
    ),
    # A meeting that launches a scheme is not the one that reviews it.
    (
        "Tổ chức Hội nghị triển khai Đề án 06 năm 2026",
        "Tổ chức Hội nghị tổng kết Đề án 06 năm 2026",
        "khác sản phẩm: hội nghị triển khai / hội nghị tổng kết",
    ),
    # "Tổ chức" before a verb: the work is that verb's.
    (
        "Ban hành Bộ tiêu chí đánh giá mức độ chuyển đổi số của hợp tác xã",
        "Tổ chức đánh giá, công bố mức độ chuyển đổi số của hợp tác xã năm 2026",
        "khác việc: ban hành / đánh giá",
    ),
    # A first verb no table holds is work of its own against a review.
    (
        "Phổ cập kỹ năng số cho hội viên nông dân qua phong trào Bình dân học vụ số",
        "Sơ kết phong trào Bình dân học vụ số của Hội Nông dân năm 2026",
        "khác việc: phổ cập / sơ kết",
    ),
    # Places and laws by name.
    (
        "Xây dựng mô hình thôn thông minh tại xã Mường Hum, tỉnh Lào Cai",
        "Xây dựng mô hình thôn thông minh tại xã Bản Xèo, tỉnh Lào Cai",
        "khác đối tượng: xã Mường Hum / xã Bản Xèo",
    ),
    # Schools of another grade; another school year.
    (
        "Triển khai sổ điểm điện tử tại các trường THCS của tỉnh",
        "Triển khai sổ điểm điện tử tại các trường mầm non của tỉnh",
        "khác đối tượng: THCS / mầm non",
    ),
    (
        "Triển khai học bạ số tại các trường tiểu học trong năm học 2026-2027",
        "Triển khai học bạ số tại các trường tiểu học trong năm học 2027-2028",
        "khác thời gian: 2026–2027 / 2027–2028",
    ),
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The doer named first is not the action ("Đào tạo" in a department's name).
        (
            "Triển khai học bạ số cho học sinh tiểu học trên toàn quốc",
            "Sở Giáo dục và Đào tạo tỉnh Nam Định triển khai học bạ số tại các trường tiểu học",
        ),
        # The same object said at more length.
        (
            "Xây dựng Cổng dữ liệu mở của tỉnh",
            "Triển khai cổng thông tin dữ liệu mở của tỉnh để công khai dữ liệu cho người dân",
        ),
        # An unknown verb the other task also says.
        (
            "Rà soát, điều chỉnh quy trình nội bộ theo Luật Giao dịch điện tử",
            "Điều chỉnh quy trình nội bộ theo Luật Giao dịch điện tử",
        ),
    ],
)
def test_doers_and_longer_wordings_do_not_set_work_apart(a, b):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert not comparison.conflict, comparison.summary


def test_another_level_s_version_has_a_lower_bar():
    # Fell under the bar when the eleventh and twelfth sets joined the fit (0.54 < 0.55, a
    # strict xfail that session); 0.575 with the thirteenth and fourteenth sets in the fit.
    a = "Số hóa sổ hộ tịch lưu trữ, cập nhật vào cơ sở dữ liệu hộ tịch điện tử của tỉnh"
    b = "Hoàn thành số hóa sổ hộ tịch tại UBND các xã, phường"
    judged = judge_pairs([(a, b)])[0]

    assert not judged.comparison.conflict
    assert judged.comparison.related
    assert judged.same


_AMENDING_SURVEYS_OPTIONS_STAGES_AND_OWNERS = [
    # Amending is not issuing; a survey for a project is not the project.
    (
        "Ban hành Quy chế làm việc của Hội đồng khoa học tỉnh",
        "Sửa đổi, bổ sung Quy chế làm việc của Hội đồng khoa học tỉnh",
        "khác việc: ban hành / sửa đổi, bổ sung",
    ),
    (
        "Nâng cấp hệ thống truyền thanh cơ sở trên địa bàn tỉnh",
        "Khảo sát hiện trạng hệ thống truyền thanh cơ sở làm căn cứ lập dự án nâng cấp",
        "khác việc: nâng cấp / khảo sát",
    ),
    # The options for a piece of work are not the work.
    (
        "Xây dựng phương án kết nối cổng dịch vụ công tỉnh với hệ thống thanh toán",
        "Kết nối cổng dịch vụ công tỉnh với hệ thống thanh toán",
        "khác việc: phương án / kết nối",
    ),
    # A review's stage without "hội nghị".
    (
        "Sơ kết 6 tháng đầu năm 2026 thực hiện Kế hoạch cải cách hành chính tỉnh",
        "Tổng kết năm 2026 thực hiện Kế hoạch cải cách hành chính tỉnh",
        "khác việc: sơ kết / tổng kết",
    ),
    # Words inserted after "của" or right after the product; "đối với".
    (
        "Ban hành Quy chế hoạt động của Hội đồng thẩm định tỉnh",
        "Ban hành Quy chế hoạt động của Tổ thư ký Hội đồng thẩm định tỉnh",
        "khác đối tượng: của Hội đồng / của Tổ thư ký Hội đồng",
    ),
    (
        "Điều chỉnh Quy hoạch tỉnh Nghệ An thời kỳ 2021-2030",
        "Điều chỉnh Quy hoạch sử dụng đất tỉnh Nghệ An thời kỳ 2021-2030",
        "khác đối tượng: Quy hoạch tỉnh / Quy hoạch sử dụng đất tỉnh",
    ),
    (
        "Cấp mã số vùng trồng đối với sầu riêng xuất khẩu",
        "Cấp mã số vùng trồng đối với thanh long xuất khẩu",
        "khác đối tượng: sầu riêng / thanh long",
    ),
    # A rate of what.
    (
        "Nâng cao tỷ lệ hồ sơ nộp trực tuyến tại xã năm 2026",
        "Nâng cao tỷ lệ hộ gia đình dùng nước sạch tại xã năm 2026",
        "khác đối tượng: hồ sơ nộp trực tuyến / hộ gia đình dùng nước sạch",
    ),
]

_NAMES_DEADLINES_GRADES_AND_MAKING = [
    # The same work for two named places is two pieces of work.
    (
        "Đặc khu Cô Tô lắp đặt wifi miễn phí tại các điểm du lịch, bến tàu",
        "Đặc khu Vân Đồn lắp đặt wifi miễn phí tại các điểm du lịch, bến tàu",
        "khác đối tượng: Đặc khu Cô Tô / Đặc khu Vân Đồn",
    ),
    (
        "UBND xã Ea Kar 2 hoàn thành số hóa sổ hộ tịch lưu trữ vào cơ sở dữ liệu của tỉnh",
        "UBND xã Ea Kar 3 hoàn thành số hóa sổ hộ tịch lưu trữ vào cơ sở dữ liệu của tỉnh",
        "khác đối tượng: xã Ea Kar 2 / xã Ea Kar 3",
    ),
    (
        "Triển khai thanh toán không dùng tiền mặt tại cửa khẩu Lao Bảo",
        "Triển khai thanh toán không dùng tiền mặt tại cửa khẩu Cha Lo",
        "khác đối tượng: Lao Bảo / Cha Lo",
    ),
    # Announcing a scheme at a meeting is not making it.
    (
        "Xây dựng Đề án phát triển du lịch thông minh tỉnh Quảng Bình",
        "Tổ chức hội nghị công bố Đề án phát triển du lịch thông minh tỉnh Quảng Bình",
        "khác việc: xây dựng / hội nghị công bố",
    ),
    # Making a scheme is not carrying it out.
    (
        "Xây dựng Đề án phát triển đô thị thông minh thành phố Huế đến năm 2030",
        "Triển khai Đề án phát triển đô thị thông minh thành phố Huế đến năm 2030",
        "khác việc: xây dựng / triển khai",
    ),
    # A deadline's year is the period of a task that names no other.
    (
        "UBND xã hoàn thành số hóa sổ hộ tịch lưu trữ trước 30/6/2026",
        "UBND xã hoàn thành số hóa sổ hộ tịch lưu trữ trước 31/12/2027",
        "khác thời gian: 2026 / 2027",
    ),
    # School grades, though both say "học sinh".
    (
        "Triển khai học bạ số cho học sinh tiểu học tỉnh Bình Định năm học 2026-2027",
        "Triển khai học bạ số cho học sinh trung học phổ thông tỉnh Bình Định năm học 2026-2027",
        "khác đối tượng: tiểu học / trung học phổ thông",
    ),
    # One slot filled differently in wordings alike in 55 % of their words.
    (
        "Ứng dụng công nghệ viễn thám trong giám sát khai thác cát trái phép trên các sông"
        " tại Quảng Nam",
        "Ứng dụng công nghệ viễn thám trong giám sát cháy rừng tại Quảng Nam",
        "khác đối tượng: khai thác cát trái phép trên các sông / cháy rừng",
    ),
]

_SIXTH_ROUND = [
    # One template for two provinces: "thành phố" and "tỉnh" name places of one level.
    (
        "Xây dựng Kho dữ liệu dùng chung của Thành phố Hồ Chí Minh, kết nối với Trung tâm"
        " dữ liệu quốc gia, hoàn thành năm 2026",
        "Xây dựng Kho dữ liệu dùng chung của tỉnh Đồng Tháp, kết nối với Trung tâm dữ liệu"
        " quốc gia",
        "khác đối tượng: Thành phố Hồ Chí Minh / tỉnh Đồng Tháp",
    ),
    (
        "Thành lập Quỹ đầu tư khởi nghiệp sáng tạo thành phố Đà Nẵng để đầu tư mạo hiểm vào"
        " doanh nghiệp khởi nghiệp công nghệ",
        "Thành lập Quỹ đầu tư khởi nghiệp sáng tạo tỉnh Quảng Ngãi",
        "khác đối tượng: thành phố Đà Nẵng / tỉnh Quảng Ngãi",
    ),
    # A commune and a ward are places of one level too.
    (
        "Xã Tân Hưng hướng dẫn các hộ nuôi tôm ghi nhật ký điện tử để được cấp mã số vùng nuôi",
        "Phường An Hải hướng dẫn các hộ nuôi tôm ghi nhật ký điện tử để được cấp mã số vùng nuôi",
        "khác đối tượng: Xã Tân Hưng / Phường An Hải",
    ),
    # Two centres of one province, by their names.
    (
        "Thành lập Trung tâm Đổi mới sáng tạo tỉnh Quảng Ngãi và kết nối vào mạng lưới các"
        " trung tâm đổi mới sáng tạo quốc gia",
        "Thành lập Trung tâm Chuyển đổi số tỉnh Quảng Ngãi",
        "khác đối tượng: Trung tâm Đổi mới sáng tạo / Trung tâm Chuyển đổi số",
    ),
    # One template for two ministries.
    (
        "Bộ Y tế xây dựng kho dữ liệu dùng chung của ngành, kết nối với Trung tâm dữ liệu quốc gia",
        "Bộ Tài chính xây dựng kho dữ liệu dùng chung của ngành, kết nối với Trung tâm dữ"
        " liệu quốc gia",
        "khác đối tượng: Bộ Y tế / Bộ Tài chính",
    ),
    # A plan's period is its span, not the far year it looks to.
    (
        "Triển khai Đề án xây dựng đô thị thông minh thành phố Huế giai đoạn 2025-2030, tầm"
        " nhìn đến năm 2045",
        "Triển khai Đề án xây dựng đô thị thông minh tỉnh Thừa Thiên Huế giai đoạn 2018-2020,"
        " định hướng đến năm 2025",
        "khác thời gian: 2025–2030 / 2018–2020",
    ),
    # A meeting on the work is not the work.
    (
        "Triển khai bệnh án điện tử tại 100% bệnh viện công lập trên địa bàn thành phố Hà"
        " Nội trước ngày 30/9/2025",
        "Hội nghị đánh giá tiến độ triển khai bệnh án điện tử của các bệnh viện Hà Nội",
        "khác việc: triển khai / hội nghị",
    ),
]


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    _HEADS_NAMES_AND_STAGES
    + _AMENDING_SURVEYS_OPTIONS_STAGES_AND_OWNERS
    + _NAMES_DEADLINES_GRADES_AND_MAKING
    + _SIXTH_ROUND,
)
def test_different_work_is_told_apart_and_says_why(a, b, differ):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert comparison.conflict
    assert differ in comparison.summary, comparison.summary
    assert not judge_pairs([(a, b)])[0].same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A signing date is not the period.
        (
            "Triển khai Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn xã",
            "Triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị trên địa bàn xã năm 2026",
        ),
        # A ministry issues a programme, a province carries it out: another level's
        # version, not another piece of work.
        (
            "Bộ Giáo dục và Đào tạo ban hành chương trình giáo dục kỹ năng số cho học sinh",
            "Sở Giáo dục và Đào tạo tỉnh Nam Định triển khai chương trình giáo dục kỹ năng số"
            " cho học sinh",
        ),
        # Making and carrying out said together; publishing a list is issuing it.
        (
            "Xây dựng và triển khai Đề án đô thị thông minh thành phố Huế",
            "Triển khai Đề án đô thị thông minh thành phố Huế",
        ),
        # Read right (no conflict, "cùng công bố danh mục"), decided the same work until the
        # sixteenth session's refit with the twenty-second and twenty-third sets (0.602),
        # just under the bar then (0.534 < 0.55), over it again with t-ambig's refit (0.561),
        # under it with the twenty-fourth and twenty-fifth sets in the fit (0.485; 0.515 with
        # the twenty-sixth and twenty-seventh).
        pytest.param(
            "Công bố danh mục dữ liệu mở của tỉnh năm 2026",
            "Ban hành danh mục dữ liệu mở của tỉnh năm 2026",
            marks=pytest.mark.xfail(
                strict=True, reason="not met: probability 0.515 under the bar 0.55 (refit)"
            ),
        ),
        # The same announcing meeting, "tổ chức" said or not.
        (
            "Tổ chức hội nghị công bố Đề án chuyển đổi số tỉnh Hà Tĩnh",
            "Hội nghị công bố Đề án chuyển đổi số tỉnh Hà Tĩnh",
        ),
    ],
)
def test_signing_dates_another_body_s_share_and_announcing_lists_stay_the_same_work(a, b):
    judged = judge_pairs([(a, b)])[0]

    assert not judged.comparison.conflict, judged.comparison.summary
    assert judged.same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A meeting's stage is the work; a short form for an action is not a doer.
        (
            "Tổ chức hội nghị sơ kết 01 năm thực hiện Đề án 06",
            "Sơ kết một năm thực hiện Đề án 06",
        ),
        (
            "BC kết quả thực hiện Kế hoạch chuyển đổi số quý II/2026",
            "Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số quý II/2026",
        ),
        # A product's fuller name is not another object.
        (
            "Kết nối Hệ thống thông tin giải quyết TTHC tỉnh với Cổng Dịch vụ công quốc gia",
            "Kết nối hệ thống giải quyết TTHC tỉnh với Cổng Dịch vụ công quốc gia",
        ),
    ],
)
def test_meeting_stages_short_forms_and_fuller_names_stay_the_same_work(a, b):
    judged = judge_pairs([(a, b)])[0]

    assert not judged.comparison.conflict, judged.comparison.summary
    assert judged.same


def test_synonyms_are_folded_before_scoring_and_soc_only_in_capitals():
    assert fold_for_matching("Xóa vùng lõm sóng di động") == "phu song di dong"
    assert "trung tam" not in fold_for_matching("chăm sóc sức khỏe ban đầu")
    assert fold_for_matching("Phát triển app du lịch") == "phat trien ung dung du lich"
    # General verbs for one kind of work.
    assert fold_for_matching("Thực hiện liên thông dữ liệu") == "trien khai ket noi du lieu"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A ministry's task against a province's concrete version: the product is named
        # in the province's own words ("dữ liệu" / "ứng dụng"), and that is no conflict
        # between levels.
        (
            "Bộ Y tế chỉ đạo các cơ sở khám chữa bệnh trên cả nước liên thông dữ liệu Sổ sức"
            " khỏe điện tử để người dân khai thác trên VNeID",
            "Triển khai Sổ sức khỏe điện tử trên ứng dụng VNeID tại các cơ sở khám chữa bệnh"
            " tỉnh Điện Biên",
        ),
        # A ministry named as the doer is the national level, though the text says
        # neither "cả nước" nor "trình Thủ tướng".
        (
            "Bộ Nông nghiệp và Môi trường xây dựng, triển khai các ứng dụng trí tuệ nhân tạo"
            " hỗ trợ phân tích, cảnh báo thiên tai và ứng phó biến đổi khí hậu, phổ cập tới"
            " các địa phương",
            "Ứng dụng trí tuệ nhân tạo phân tích dữ liệu quan trắc để cảnh báo sớm sạt lở bờ"
            " biển, xâm nhập mặn trên địa bàn tỉnh Cà Mau",
        ),
    ],
)
def test_a_ministry_s_task_and_a_province_s_own_version_are_related(a, b):
    judged = judge_pairs([(a, b)])[0]

    assert not judged.comparison.conflict, judged.comparison.summary
    assert judged.comparison.related
    assert "khác cấp: quốc gia / tỉnh" in judged.comparison.summary
    assert judged.same


def test_a_ministry_whose_document_is_cited_is_not_the_level_of_the_task():
    parts = read_parts(
        "Triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị theo hướng dẫn của Bộ Khoa học và"
        " Công nghệ trên địa bàn tỉnh Nam Định"
    )

    assert parts.level == "tỉnh"
    assert read_parts("Bộ Khoa học và Công nghệ ban hành bộ chỉ số đổi mới sáng tạo").level == (
        "quốc gia"
    )
    # Different products at one level still conflict.
    same_level = compare_parts(
        read_parts("Xây dựng cơ sở dữ liệu đất đai tỉnh Sơn La"),
        read_parts("Xây dựng ứng dụng đất đai tỉnh Sơn La"),
    )
    assert same_level.conflict


def test_a_centre_named_in_fewer_words_or_by_its_short_form_is_not_another_centre():
    centre = read_parts("Vận hành Trung tâm Giám sát, điều hành thông minh (IOC) tỉnh Lâm Đồng")
    for other in (
        "Duy trì Trung tâm Điều hành thông minh của tỉnh Lâm Đồng",
        "Duy trì hoạt động hiệu quả Trung tâm IOC tỉnh Lâm Đồng",
    ):
        assert _other_bodies(centre, read_parts(other)) is None
    assert _other_bodies(
        read_parts("Thành lập Quỹ Phát triển khoa học và công nghệ tỉnh Bắc Ninh"),
        read_parts("Thành lập Quỹ Đầu tư khởi nghiệp sáng tạo tỉnh Bắc Ninh"),
    ) == ("Quỹ Phát triển khoa học và công nghệ", "Quỹ Đầu tư khởi nghiệp sáng tạo")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A commune named as the doer: its share, though it names the province after.
        (
            "Xã Chiềng Mung rà soát, chỉnh lý hồ sơ địa chính các thửa đất để đưa vào cơ sở"
            " dữ liệu đất đai của tỉnh Sơn La",
            COMMUNE,
        ),
        (
            "UBND xã Văn Giang rà soát, khắc phục các chỉ tiêu chuyển đổi số cấp xã còn điểm"
            " thấp theo kế hoạch nâng DTI của tỉnh Hưng Yên",
            COMMUNE,
        ),
        # A city by its name is a province's level; "các thành phố trực thuộc" is not one.
        (
            "Xây dựng Kho dữ liệu dùng chung của Thành phố Hồ Chí Minh, kết nối với Trung"
            " tâm dữ liệu quốc gia",
            PROVINCE,
        ),
        ("Hướng dẫn các xã triển khai nền tảng số của tỉnh", PROVINCE),
        ("Xây dựng đô thị thông minh ở các thành phố trực thuộc trung ương", None),
    ],
)
def test_the_level_is_the_doer_s_or_the_highest_named(text, level):
    assert read_parts(text).level == level


def test_a_commune_s_share_of_a_city_s_task_is_another_level():
    comparison = compare_parts(
        read_parts(
            "Làm sạch, cập nhật dữ liệu dân cư và kết nối với các cơ sở dữ liệu chuyên ngành"
            " trên địa bàn Thành phố Hải Phòng"
        ),
        read_parts("Phường Lê Chân làm sạch, cập nhật dữ liệu dân cư trên địa bàn phường"),
    )

    assert comparison.related
    assert "khác cấp: tỉnh / xã" in comparison.summary


@pytest.mark.parametrize(
    ("a", "b", "level_differ"),
    [
        # A ward's share of a city's store of data: it updates what the city builds.
        (
            "Xây dựng Kho dữ liệu dùng chung của Thành phố Hồ Chí Minh, kết nối với Trung tâm"
            " dữ liệu quốc gia, hoàn thành năm 2026",
            "Phường Bến Thành chuẩn hóa, cập nhật dữ liệu hộ kinh doanh trên địa bàn vào Kho"
            " dữ liệu dùng chung của Thành phố",
            "khác cấp: tỉnh / xã",
        ),
        # A commune spreads the resolution the province's plan is about.
        (
            "Xây dựng và triển khai Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính"
            " trị trên địa bàn tỉnh Thanh Hóa giai đoạn 2025-2030",
            "UBND xã Quảng Phú phổ biến Nghị quyết 57-NQ/TW qua loa truyền thanh cơ sở và"
            " nhóm Zalo của các thôn",
            "khác cấp: tỉnh / xã",
        ),
    ],
)
def test_a_lower_level_s_share_of_the_same_product_is_related_in_other_verbs(a, b, level_differ):
    comparison = compare_parts(read_parts(a), read_parts(b))

    assert not comparison.conflict, comparison.summary
    assert comparison.related
    assert "khác việc" in comparison.summary
    assert level_differ in comparison.summary


def test_checking_a_lower_level_s_work_stays_other_work():
    comparison = compare_parts(
        read_parts("Xây dựng cơ sở dữ liệu đất đai tỉnh Sơn La"),
        read_parts("Xã Chiềng Mung kiểm tra cơ sở dữ liệu đất đai trên địa bàn xã"),
    )

    assert comparison.related
    assert comparison.conflict
    assert "khác việc: xây dựng / kiểm tra" in comparison.summary


def test_a_review_listed_before_the_work_is_not_the_work():
    # "Rà soát, ban hành …" issues a policy, as "Ban hành …" does; reviewing alone is
    # checking.
    reviewed = read_parts(
        "Rà soát, ban hành chính sách đặc thù thu hút, trọng dụng nhân tài khoa học, công"
        " nghệ của tỉnh Phú Thọ"
    )
    issued = read_parts(
        "Ban hành chính sách đặc thù thu hút, trọng dụng nhân tài khoa học, công nghệ của"
        " tỉnh Phú Thọ"
    )

    assert reviewed.action.label == "ban hành"
    assert not compare_parts(reviewed, issued).conflict
    assert read_parts("Rà soát chính sách thu hút nhân tài của tỉnh").action.label == "rà soát"


def test_a_ministry_whose_document_is_cited_is_not_another_ministry_at_work():
    comparison = compare_parts(
        read_parts("Triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị trên địa bàn tỉnh"),
        read_parts("Bộ Nội vụ hướng dẫn triển khai Nghị quyết 57-NQ/TW trên địa bàn tỉnh"),
    )

    assert not comparison.conflict, comparison.summary


# --- Seventh session: rewordings by ministries and public bodies (the fourth set) -------


def test_a_verb_in_a_body_s_name_is_not_the_work():
    # "Đào tạo" of "Sở Giáo dục và Đào tạo" (or of "Bộ GD&ĐT" spelled out) names the
    # body, it is not training: the department's version of the ministry's framework.
    department = read_parts(
        "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh hướng dẫn các trường phổ thông tổ"
        " chức dạy nội dung trí tuệ nhân tạo theo khung của Bộ từ học kỳ I năm học 2025-2026"
    )
    ministry = read_parts(
        "Bộ GD&ĐT xây dựng, ban hành khung nội dung giáo dục trí tuệ nhân tạo cho học sinh"
        " phổ thông, đưa vào giảng dạy từ năm học 2025-2026"
    )
    short = read_parts("Sở GDĐT Nghệ An chỉ đạo 100% trường phổ thông sử dụng học bạ số")
    comparison = compare_parts(department, ministry)

    assert "đào tạo" not in {part.label for part in department.actions + short.actions}
    assert not comparison.conflict, comparison.summary
    assert "khác cấp: tỉnh / quốc gia" in comparison.summary
    # A short form that opens the work is still the work.
    assert read_parts("BC kết quả chuyển đổi số quý I").action.label == "báo cáo"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Triển khai HĐĐT khởi tạo từ MTT cho hộ KD, cá nhân KD kê khai thuế (01/6/2025)",
            "Chuyển toàn bộ hộ kinh doanh nộp thuế theo kê khai sang sử dụng hóa đơn điện tử có"
            " mã từ máy tính tiền, thời hạn từ ngày 01/6/2025",
        ),
        (
            "Cấp Phiếu LLTP qua VNeID toàn quốc (Bộ TP phối hợp BCA)",
            "Bộ Tư pháp mở rộng cấp Phiếu lý lịch tư pháp qua ứng dụng VNeID trên phạm vi"
            " toàn quốc",
        ),
        # Read right (no conflict, "cùng triển khai"), decided the same work until the
        # sixteenth session's refit with the twenty-second and twenty-third sets (0.572),
        # just under the bar since (0.535 < 0.55; 0.523 after the seventeenth session's refit
        # with the twenty-fourth and twenty-fifth sets; 0.509 with the twenty-sixth and
        # twenty-seventh); over the bar again once it was 0.45 (twentieth session, t-lex).
        (
            "Bộ Y tế chỉ đạo 100% bệnh viện trực thuộc Bộ triển khai bệnh án điện tử, chấm dứt"
            " sử dụng bệnh án giấy trong năm 2025",
            "Các BV trực thuộc BYT áp dụng HSBA điện tử, không in bệnh án giấy (hoàn thành 2025)",
        ),
    ],
)
def test_a_ministry_s_short_forms_are_the_same_work_spelled_out(a, b):
    (judgement,) = judge_pairs([(a, b)])

    assert judgement.same, (judgement.score, judgement.comparison.summary)


def test_records_of_procedures_and_of_online_services_are_one_object():
    comparison = compare_parts(
        read_parts(
            "Phường Long Biên nâng tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến"
            " toàn trình đạt trên 80% năm 2025"
        ),
        read_parts("P. Long Biên: tỷ lệ hồ sơ DVCTT toàn trình > 80% (2025)"),
    )
    # What is done with the records still tells two tasks apart.
    other = compare_parts(
        read_parts("Tỷ lệ hồ sơ TTHC giải quyết qua DVCTT toàn trình của thành phố đạt trên 80%"),
        read_parts("Tỷ lệ cấp kết quả giải quyết TTHC điện tử của thành phố đạt 100%"),
    )

    assert not comparison.conflict, comparison.summary
    assert other.conflict
    assert "khác đối tượng" in other.summary


# Read right ("cùng nhân rộng", no conflict), decided the same work until the seventeenth
# session's refit with the twenty-fourth and twenty-fifth sets, which put it at 0.519 (a
# strict xfail then), and again since the eighteenth's with t-dev26's reader (0.625).
def test_a_model_and_the_scheme_that_spreads_it_are_one_work():
    (judgement,) = judge_pairs(
        [
            (
                "Nhân rộng mô hình bệnh viện số của Bạch Mai, Chợ Rẫy ra các bệnh viện cả nước"
                " trong năm 2025 (Bộ Y tế)",
                "Triển khai Đề án chuyển đổi số của Bệnh viện Bạch Mai và Bệnh viện Chợ Rẫy,"
                " nhân rộng trên toàn quốc trong năm 2025",
            )
        ]
    )

    assert judgement.same, judgement.comparison.summary
    assert "khác sản phẩm" not in judgement.comparison.summary


def test_universities_and_health_workers_are_read_as_their_own_people():
    universities = read_parts(
        "Bộ Giáo dục và Đào tạo xây dựng đề án đưa các cơ sở giáo dục đại học thành trung"
        " tâm nghiên cứu mạnh, gắn đào tạo với nghiên cứu và chuyển giao (2025)"
    )
    health = read_parts(
        "Các doanh nghiệp chữ ký số công cộng cấp miễn phí chứng thư số cho cán bộ y tế phục"
        " vụ ký hồ sơ bệnh án điện tử (06/2025)"
    )

    assert universities.beneficiaries == {"sinh viên"}
    assert "cán bộ, công chức" not in health.beneficiaries
    assert not compare_parts(
        universities,
        read_parts(
            "Bộ GD&ĐT chủ trì đề án nâng các trường đại học lên thành những chủ thể nghiên"
            " cứu mạnh, gắn nghiên cứu với ứng dụng và đào tạo nhân lực"
        ),
    ).conflict
    assert not compare_parts(
        health,
        read_parts(
            "Viettel, VNPT cung cấp dịch vụ chữ ký số công cộng ưu đãi cho cơ sở y tế, miễn"
            " phí cho nhân viên y tế để ký bệnh án điện tử"
        ),
    ).conflict


def test_applying_opens_the_work_as_a_verb():
    applied = read_parts(
        "Ứng dụng AI trong dự báo, cảnh báo sớm thiên tai và thích ứng biến đổi khí hậu - Bộ"
        " Nông nghiệp và Môi trường chủ trì, hoàn thành 12/2026"
    )
    developed = read_parts(
        "Bộ Nông nghiệp và Môi trường phát triển các công cụ trí tuệ nhân tạo phân tích dữ"
        " liệu khí tượng thủy văn để cảnh báo sớm thiên tai, thích ứng biến đổi khí hậu"
    )

    assert applied.action.label == "ứng dụng"
    assert "ứng dụng" not in {part.label for part in applied.products}
    assert not compare_parts(applied, developed).conflict
    # Elsewhere it is still an application built, and checking the work stays other work.
    assert (
        read_parts("Triển khai các ứng dụng TTNT phân tích thiên tai").product.label == "ứng dụng"
    )
    checked = compare_parts(
        read_parts("Ứng dụng AI trong cảnh báo sớm thiên tai trên địa bàn tỉnh"),
        read_parts("Thanh tra việc ứng dụng AI trong cảnh báo sớm thiên tai trên địa bàn tỉnh"),
    )
    assert checked.conflict
    assert "khác việc: ứng dụng / thanh tra" in checked.summary


def test_a_province_s_department_at_work_is_the_province_s_version():
    department = read_parts(
        "Sở Tư pháp Cần Thơ tiếp nhận, giải quyết 100% yêu cầu cấp phiếu lý lịch tư pháp nộp"
        " qua VNeID, trả kết quả bản điện tử"
    )
    (judgement,) = judge_pairs(
        [
            (
                "Bộ Tư pháp mở rộng cấp Phiếu lý lịch tư pháp qua ứng dụng VNeID trên phạm vi"
                " toàn quốc",
                department.text.original,
            )
        ]
    )

    assert department.level == PROVINCE
    assert judgement.same
    assert "khác cấp: quốc gia / tỉnh" in judgement.comparison.summary
    # A department cited, or named after the work, is not the doer.
    assert read_parts("Triển khai bệnh án điện tử theo kế hoạch của Sở Y tế").level is None
    assert read_parts("Xã Mỹ Thọ làm sạch dữ liệu đất đai để Sở cập nhật").level == COMMUNE


# Real titles of the sixth set's Cà Mau committee (data/pairs_sixth_*.jsonl).
_CA_MAU = [
    "Bệnh viện Đa khoa Cà Mau triển khai liên thông kết quả xét nghiệm với các bệnh viện, "
    "trung tâm y tế trong tỉnh để người bệnh không phải xét nghiệm lại (năm 2026)",
    "Liên thông kết quả xét nghiệm giữa Bệnh viện Đa khoa Cà Mau và các bệnh viện tuyến dưới",
    "Sở Y tế Cà Mau triển khai liên thông, công nhận kết quả xét nghiệm giữa các cơ sở khám "
    "bệnh, chữa bệnh trên địa bàn tỉnh",
    "Nhân rộng mô hình gắn cảm biến đo oxy, pH, độ mặn trong ao tôm siêu thâm canh, gửi cảnh "
    "báo về điện thoại của người nuôi tại tỉnh Cà Mau",
    "Chi trả trợ cấp xã hội cho người cao tuổi, người khuyết tật qua tài khoản năm 2025 (đạt "
    "50% đối tượng)",
    "Vận động đối tượng bảo trợ xã hội mở tài khoản để nhận trợ cấp hằng tháng không dùng "
    "tiền mặt, phấn đấu 80% trong năm 2026",
    "Phổ cập điện thoại thông minh cho hộ nghèo, hộ cận nghèo ở các bản",
    "Chi trả trợ cấp xã hội hằng tháng cho người cao tuổi, người khuyết tật trên địa bàn xã "
    "qua tài khoản ngân hàng (đạt 80% đối tượng trong năm 2026)",
    # Short forms used bare, spelled out nowhere.
    "Liên thông KQXN BVĐK tỉnh CM với tuyến dưới",
    "Chi trả TCXH qua TK cho NCT, NKT (80% ĐT năm 2026)",
    "Cảnh báo qua ĐT cho người nuôi tôm STC",
]


def test_initialisms_are_learned_from_the_words_of_the_committee_s_own_tasks():
    learned = get_learned_abbreviations(_CA_MAU)

    # The one run of words spelling each, seen at least twice.
    assert learned["kqxn"] == ("ket", "qua", "xet", "nghiem")
    assert learned["tcxh"] == ("tro", "cap", "xa", "hoi")
    # "BVĐK", "NCT" are the fixed table's (t-abbrev): not learned, expanded all the same.
    assert "bvdk" not in learned
    assert "nct" not in learned
    # Two letters only from a name written with capitals ("Cà Mau", five times here).
    assert learned["cm"] == ("ca", "mau")
    assert fold_for_matching(
        "Liên thông KQXN BVĐK tỉnh CM với tuyến dưới", abbreviations=learned
    ) == ("ket noi ket qua xet nghiem benh vien da khoa tinh ca mau voi tuyen duoi")
    # Ambiguous: "ĐT" is "điện thoại" twice and "đối tượng" twice; "TK" (tài khoản) is two
    # common words, which spell too many short forms to trust. Seen once: "STC" (siêu thâm
    # canh) is not learned.
    assert "dt" not in learned
    assert "tk" not in learned
    assert "stc" not in learned


def test_an_initialism_is_not_learned_against_the_fixed_table_or_a_defined_short_form():
    texts = [
        *_CA_MAU,
        # Defined in the committee's data: that meaning stands, whatever the runs say.
        "Triển khai Kiểm tra chất lượng xét nghiệm (KQXN)",
        "CSDL dự án ĐG tỉnh CM",
        "Xây dựng cơ sở dữ liệu dân cư",
    ]
    learned = get_learned_abbreviations(texts)

    assert learned["kqxn"] == ("kiem", "tra", "chat", "luong", "xet", "nghiem")
    assert "csdl" not in learned
    assert fold_for_matching("CSDL", abbreviations=learned) == "co so du lieu"


def test_the_same_work_for_two_named_owners_says_which_ones():
    # s-tuner8: the same action on a neighbour's product names another body or place as
    # its owner; the explanation says so, and the decision weighs it (no veto).
    (judgement,) = judge_pairs(
        [
            (
                "Lắp đặt camera an ninh tại phường Rạch Giá năm 2026",
                "Lắp đặt camera an ninh tại đặc khu Phú Quốc năm 2026",
            )
        ]
    )
    comparison = judgement.comparison

    assert "khác đối tượng: Rạch Giá / Phú Quốc" in comparison.summary
    assert "owner" in comparison.reasons
    assert not comparison.conflict
    assert comparison.signals["owners_apart"] == 1.0


def test_a_name_with_a_small_word_inside_is_one_owner_and_a_short_form_is_spelled_out():
    a = read_parts("Số hóa kho tư liệu của Đài Tiếng nói Việt Nam (VOV), năm 2026")
    b = read_parts("Số hóa kho tư liệu của Đài Truyền hình Việt Nam, năm 2026")
    same = read_parts("BHXH tỉnh đối soát dữ liệu đóng bảo hiểm xã hội")

    assert [written for _, written in _owner_names(a.text)][:1] == ["Đài Tiếng nói Việt Nam"]
    assert _other_owners(a, b)[:2] == ("Đài Tiếng nói Việt Nam", "Đài Truyền hình Việt Nam")
    # "BHXH" and "bảo hiểm xã hội" are one name: nothing apart.
    assert _other_owners(same, read_parts("Bảo hiểm xã hội tỉnh đối soát dữ liệu đóng")) is None


def test_another_level_s_body_is_not_another_owner():
    (judgement,) = judge_pairs(
        [
            (
                "Bộ Tư pháp mở rộng cấp Phiếu lý lịch tư pháp qua ứng dụng VNeID trên phạm vi"
                " toàn quốc",
                "Sở Tư pháp Cần Thơ tiếp nhận, giải quyết 100% yêu cầu cấp phiếu lý lịch tư"
                " pháp nộp qua VNeID",
            )
        ]
    )

    assert "owner" not in judgement.comparison.reasons
    assert judgement.comparison.signals["owners_apart"] == 0.0


@pytest.mark.parametrize(
    ("title", "action"),
    [
        # s-tuner9, the eighth set: a body written as its kind and its name opens the
        # task; the work is the first verb after the name.
        (
            "Công ty Chế biến khí Vũng Tàu phân loại cấp độ và khắc phục lỗ hổng hệ thống"
            " DCS Nhà máy xử lý khí Dinh Cố theo kế hoạch chung của PV GAS, trước 30/11/2026",
            "phân loại",
        ),
        ("Trung tâm Tin học KTNN xây dựng kho dữ liệu kiểm toán", "xây dựng"),
    ],
)
def test_a_body_named_first_is_not_the_work(title, action):
    parts = read_parts(title)

    assert parts.action.label == action


def test_the_name_of_a_body_and_its_workers_are_not_read_as_verbs():
    statistics = read_parts(
        "Cơ quan thống kê lấy dữ liệu quản lý hành chính thay cho điều tra: nguồn từ dân"
        " cư, thuế, bảo hiểm, đăng ký doanh nghiệp; lộ trình 2026 - 2030"
    )
    railways = read_parts(
        "Tổng công ty Đường sắt Việt Nam cử 300 kỹ sư, công nhân đi đào tạo ở nước ngoài"
        " về vận hành, bảo trì đường sắt tốc độ cao, giai đoạn 2026 - 2030"
    )

    # "thống kê" names the body; "công nhân" (workers) is not "công nhận" (recognise).
    assert "thống kê" not in [part.label for part in statistics.actions]
    assert "công nhận" not in [part.label for part in railways.actions]


def test_finishing_an_installation_is_installing_not_founding():
    # Folded, "hoàn thành lắp đặt" holds "thanh lap" (thành lập, to found) across two
    # words; written with its marks, the verb is "lắp đặt" (ninth set).
    meters = read_parts(
        "Tập đoàn Điện lực Việt Nam hoàn thành lắp đặt công tơ điện tử đo xa cho 100%"
        " khách hàng sử dụng điện sinh hoạt khu vực đô thị trước 31/12/2026"
    )
    founding = read_parts("Thành lập Tổ công tác triển khai công tơ điện tử")
    # A text written without marks cannot tell the two apart, and is read as before.
    unmarked = read_parts("Thanh lap To cong tac trien khai cong to dien tu")

    assert [part.label for part in meters.actions] == ["lắp đặt"]
    assert founding.action.label == "thành lập"
    assert unmarked.action.label == "thành lập"
    # "hoá"/"hóa" and "đảm bảo"/"bảo đảm" are spellings of one verb.
    assert read_parts("Số hoá hồ sơ địa chính").action.label == "số hóa"
    assert read_parts("Đảm bảo an toàn thông tin").action.family == "secure"


def test_short_forms_the_reader_cannot_spell_out_do_not_set_a_sure_pair_apart():
    written_out = (
        "Đánh giá, kiểm thử an toàn thông tin cho hệ thống điều khiển công nghiệp"
        " (SCADA/DCS) của các đường ống dẫn khí và nhà máy xử lý khí, phân loại cấp độ,"
        " khắc phục lỗ hổng trước 30/11/2026"
    )
    short = (
        "ĐG, KT ATTT hệ thống ĐKCN (SCADA/DCS) đường ống dẫn khí, NM xử lý khí; phân loại"
        " cấp độ; khắc phục LH trước 30/11/2026"
    )
    (judgement,) = judge_pairs([(written_out, short)])

    # "ĐG, KT" is not read as work of its own kind ("khác việc: đánh giá / đg kt" was).
    assert read_parts(short).actions == ()
    assert not judgement.comparison.conflict
    assert judgement.same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Xây dựng, ban hành, tổ chức thực hiện chương trình đào tạo, bồi dưỡng cho cán bộ,"
            " công chức, viên chức về kiến thức về khoa học, công nghệ, đổi mới sáng tạo,",
            "Tổ chức đào tạo, bồi dưỡng kiến thức KH&CN, ĐMST cho CBCCVC",
        ),
        (
            "Hoàn thành xây dựng Trung tâm dữ liệu quốc gia và đưa vào khai thác, sử dụng,"
            " phục vụ chuyển đổi số quốc gia",
            "Đưa Trung tâm dữ liệu quốc gia vào khai thác, sử dụng phục vụ chuyển đổi số quốc gia",
        ),
    ],
)
def test_an_action_the_other_task_lists_is_not_other_work(a, b):
    # "khác việc: xây dựng / đào tạo", "khác việc: xây dựng / khai thác" were said: the
    # longer task lists the shorter one's work among its own.
    (judgement,) = judge_pairs([(a, b)])

    assert not any(line.startswith("khác việc") for line in judgement.comparison.differ)
    assert not judgement.comparison.conflict


def test_a_product_and_a_preparation_are_read_as_written():
    # "mang" (bearing) is not "mạng" (network); "trên mạng" is online; "phường An
    # Xuyên" is not "phương án" (eighth and sixth sets).
    stamps = read_parts(
        "Tem ĐT QR TXNG cho SP mang NH chứng nhận “Gốm sứ Bát Tràng”; cập nhật lên HT"
        " TXNG TP – 2026"
    )
    online = read_parts("Công khai bản án trên mạng (đủ 100%, trong 30 ngày)")
    ward = "UBND phường An Xuyên triển khai thanh toán không dùng tiền mặt bằng mã QR tại chợ"
    ward += " Cà Mau, 100% tiểu thương có mã QR thanh toán trong năm 2026"
    (judgement,) = judge_pairs(
        [
            (
                ward,
                "Vận động các hộ tiểu thương chợ Cà Mau đăng ký mã QR để nhận tiền chuyển"
                " khoản của khách hàng, phủ kín toàn chợ trong năm 2026",
            )
        ]
    )

    assert "mạng" not in [part.label for part in stamps.products]
    assert online.products == ()
    assert read_parts("Nâng cấp mạng lưới trạm quan trắc").product.label == "mạng"
    assert not any("phương án" in line for line in judgement.comparison.differ)


@pytest.mark.parametrize(
    ("title", "action"),
    [
        (
            "Kho bạc Nhà nước bảo đảm 100% hồ sơ kiểm soát chi ngân sách nhà nước của các đơn"
            " vị sử dụng ngân sách được gửi, nhận qua Dịch vụ công trực tuyến KBNN",
            "bảo đảm",
        ),
        ("Trạm y tế xã Mường Phăng cập nhật thông tin khám bệnh của người dân", "cập nhật"),
        ("Bảo tàng Thiên nhiên Việt Nam điều tra đa dạng sinh học Vườn quốc gia", "điều tra"),
        ("Ngân hàng Chính sách xã hội triển khai chương trình cho vay học sinh", "triển khai"),
        ("Viện Vật lý địa cầu nâng cấp hệ thống quan trắc động đất", "nâng cấp"),
        ("Bệnh viện Nhi Trung ương duy trì hội chẩn từ xa hằng tuần", "duy trì"),
        ("Tổng công ty Bưu điện Việt Nam chuyển 30% phương tiện giao nhận", None),
        ("Đài Tiếng nói Việt Nam sản xuất, phát sóng chương trình chuyên biệt", "sản xuất"),
    ],
)
def test_a_body_named_by_its_kind_is_not_the_work(title, action):
    # "Kho bạc Nhà nước bảo đảm …" was read with the action "kho bạc", "Trạm y tế …" with
    # "trạm y", "Đài … chương trình" with "trình" (ninth and tenth sets).
    parts = read_parts(title)

    # "chuyển 30%" is not a verb the reader knows: no action rather than "phương tiện".
    assert (parts.action.label if parts.action else None) == action


def test_a_body_s_name_in_lower_case_words_is_not_its_product():
    # "Trung tâm Điều độ hệ thống điện quốc gia đưa mô hình …": the product was "hệ
    # thống", from the body's name (ninth set).
    parts = read_parts(
        "Trung tâm Điều độ hệ thống điện quốc gia đưa mô hình học máy dự báo nước về hồ các"
        " nhà máy thủy điện bậc thang sông Đà theo giờ cho 7 ngày tới vào vận hành"
    )
    # Spelled out from its short form, the bank's name does not swallow its work.
    bank = read_parts("NHCSXH - CIC: kết nối, cung cấp DL dư nợ KH vay hằng ngày; hoàn thành 2026")

    assert parts.product.label == "mô hình"
    assert bank.action.label == "kết nối"


def test_the_owner_line_names_the_market_not_a_ward_written_by_its_initials():
    # "khác đối tượng: Tây Đô / UBND phường Ninh Kiều" was said: the other task names
    # the ward "P. NK"; the two differ in the market. "Quý II" is a time, not a name.
    (markets, quarter) = judge_pairs(
        [
            (
                "P. NK: 100% HKD chợ đêm Tây Đô, khu bến NK niêm yết QR, TTKDTM; trước 30/6/2026",
                "UBND phường Ninh Kiều vận động 100% hộ kinh doanh tại chợ Xuân Khánh niêm yết"
                " mã QR, nhận thanh toán không dùng tiền mặt trước 30/6/2026",
            ),
            (
                "UBND phường Ninh Kiều vận động 100% hộ kinh doanh tại chợ đêm Tây Đô và khu bến"
                " Ninh Kiều niêm yết mã QR, nhận thanh toán không dùng tiền mặt trước 30/6/2026",
                "Chợ đêm và bến Ninh Kiều không tiền mặt: phường đến từng tiểu thương hướng dẫn"
                " mở tài khoản, in mã QR, xong trong quý II/2026",
            ),
        ]
    )

    assert markets.comparison.differ == ("khác đối tượng: Tây Đô / Xuân Khánh",)
    assert quarter.comparison.differ == ()


def test_guiding_people_is_not_making_a_guidance_document():
    # "Tổ … hướng dẫn người dân cài VNeID" guides people; "khác sản phẩm: hướng dẫn /
    # ứng dụng" was said against the same commune's task in other words (holdout set).
    (judgement,) = judge_pairs(
        [
            (
                "Xã An Lão 1: Tổ CNSCĐ hướng dẫn người dân cài VNeID, dùng DVCTT",
                "Xã An Lão 1 đưa các tổ công nghệ số cộng đồng đến từng thôn giúp người dân cài"
                " ứng dụng định danh và nộp hồ sơ trực tuyến",
            )
        ]
    )

    assert not any(line.startswith("khác sản phẩm") for line in judgement.comparison.differ)
    assert "hướng dẫn" not in [
        part.label for part in read_parts("Hướng dẫn 100% hộ kinh doanh mở tài khoản").products
    ]
    # A guidance document is still one.
    assert read_parts("Ban hành hướng dẫn lập kế hoạch chuyển đổi số").product.label == (
        "hướng dẫn"
    )


@pytest.mark.parametrize(
    ("duty", "part", "line"),
    [
        # A duty for all localities and one ward's civil servant carrying it out.
        (
            "Các địa phương triển khai liên thông điện tử nhóm thủ tục đăng ký khai sinh - đăng ký"
            " thường trú - cấp thẻ BHYT cho trẻ em dưới 6 tuổi, 100% hồ sơ giải quyết trực tuyến"
            " toàn trình năm 2026",
            "Công chức tư pháp - hộ tịch phường Rạch Giá tiếp nhận, xử lý hồ sơ liên thông khai"
            " sinh - thường trú - BHYT của trẻ dưới 6 tuổi hoàn toàn trực tuyến, không nhận hồ sơ"
            " giấy từ 2026",
            "khác đối tượng: các xã, phường / cán bộ, công chức",
        ),
        # The national database, and a province updating its own part of it.
        (
            "Xây dựng cơ sở dữ liệu nền địa lý quốc gia tỷ lệ 1:2.000, 1:5.000 phục vụ chuyển"
            " đổi số",
            "Cập nhật cơ sở dữ liệu nền địa lý tỷ lệ 1:2.000 khu vực đô thị tỉnh Thái Nguyên",
            "khác việc: xây dựng / cập nhật",
        ),
    ],
)
def test_a_named_unit_s_part_of_a_general_duty_is_parent_and_part(duty, part, line):
    (judged,) = judge_pairs([(duty, part)])

    assert not judged.comparison.conflict, judged.comparison.summary
    assert judged.comparison.related
    # What differs is still said: the part's own object, verb or product.
    assert line in judged.comparison.summary
    assert judged.same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A ministry's technical rule, and the customs applying seals to 100% of containers.
        (
            "Cục Hải quan mở rộng giám sát hàng hóa vận chuyển chịu sự giám sát hải quan bằng"
            " seal định vị điện tử, kết nối dữ liệu hành trình GPS về Trung tâm giám sát tập"
            " trung, áp dụng với 100% container chuyển cảng, chuyển cửa khẩu từ Quý II/2026",
            "Bộ Tài chính ban hành Thông tư quy định chuẩn kỹ thuật thiết bị seal định vị điện tử"
            " dùng trong giám sát hải quan",
        ),
        # One commune's two pieces of work on the same roads.
        (
            "UBND xã Phong Điền lắp đặt camera an ninh tại các tuyến đường chính của xã, kết nối"
            " về Trung tâm giám sát, điều hành thông minh của thành phố",
            "UBND xã Phong Điền lắp đặt hệ thống chiếu sáng công cộng trên các tuyến đường chính"
            " của xã",
        ),
        # A duty for 100% of a province's people and another paper in the same app.
        (
            "Triển khai Sổ sức khỏe điện tử trên VNeID cho 100% người dân tỉnh Đồng Nai",
            "Triển khai Giấy chuyển viện điện tử trên VNeID tại các bệnh viện tỉnh Đồng Nai",
        ),
    ],
)
def test_a_rule_for_the_work_or_a_neighbour_s_work_is_not_a_part(a, b):
    (judged,) = judge_pairs([(a, b)])

    assert judged.comparison.conflict, judged.comparison.summary
    assert not judged.same


def test_one_template_on_two_objects_says_which_ones():
    # s-lexical: the two wordings differ in one run of words only, framed by the same
    # words on both sides, and each side says what the other task does not: one
    # commune's budget line for two different units. Said, and weighed (no veto) until
    # t-fa3: "cửa" folds onto "của" and was dropped, so the one slot ("bộ phận một cửa" /
    # "trạm y tế") had no word on one side; read as written, the slot is said, a veto.
    (judgement,) = judge_pairs(
        [
            (
                "UBND xã Mỹ Đức bố trí kinh phí mua sắm thiết bị cho bộ phận một cửa xã năm 2026",
                "UBND xã Mỹ Đức bố trí kinh phí mua sắm thiết bị cho trạm y tế xã năm 2026",
            )
        ]
    )
    comparison = judgement.comparison

    assert "khác đối tượng: bộ phận một cửa / trạm y tế" in comparison.summary
    assert comparison.reasons == ("slot",)
    assert comparison.conflict
    assert not judgement.same
    assert comparison.signals["differing_runs"] == pytest.approx(1 / 6)
    assert comparison.signals["middle_swap_unsaid"] == 1.0


def test_a_province_s_store_for_all_and_for_one_field_are_not_one_task():
    # One run differs, in the middle, and each side is unsaid in the other: the decision
    # weighs it (0.56 on main, under 0.1 with these signals).
    (judgement,) = judge_pairs(
        [
            (
                "Xây dựng Kho dữ liệu dùng chung của tỉnh",
                "Xây dựng Kho dữ liệu về nông nghiệp của tỉnh",
            )
        ]
    )

    assert "khác đối tượng: dùng chung / về nông nghiệp" in judgement.comparison.summary
    assert not judgement.same


def test_two_wordings_of_one_task_differ_all_over_and_say_no_other_object():
    # Another verb, an added word, another quantifier and scope: several runs, none of
    # them a swap of unsaid words in the middle; nothing said to differ.
    (judgement,) = judge_pairs(
        [
            (
                "Triển khai bệnh án điện tử tại 100% bệnh viện công lập của tỉnh",
                "Hoàn thành triển khai hồ sơ bệnh án điện tử ở tất cả bệnh viện công lập trên"
                " địa bàn tỉnh",
            )
        ]
    )
    comparison = judgement.comparison

    assert "swap" not in comparison.reasons
    assert comparison.signals["middle_swap_unsaid"] == 0.0
    assert comparison.signals["differing_runs"] >= 2 / 6
    assert not any(line.startswith("khác") for line in comparison.differ)


def test_runs_apart_by_a_few_shared_words_are_one_difference():
    # The museum's 3D digitisation of minerals and of animal and plant specimens differs
    # in one place ("5.000 mẫu khoáng vật, đá quý" / "đa dạng sinh học 50.000 mẫu vật
    # động vật …"), not in three: "000 mẫu" and "vật" shared inside it join the runs.
    # Too long to be said as the object (no line), it is weighed as one middle swap.
    a = read_parts(
        "Bảo tàng Thiên nhiên Việt Nam số hóa 3D và đưa lên cổng dữ liệu 5.000 mẫu khoáng"
        " vật, đá quý, hoàn thành năm 2027"
    )
    b = read_parts(
        "Bảo tàng Thiên nhiên Việt Nam số hóa 3D và đưa lên cổng dữ liệu đa dạng sinh học"
        " 50.000 mẫu vật động vật, thực vật, hóa thạch, hoàn thành năm 2027"
    )
    comparison = compare_parts(a, b)

    assert comparison.signals["differing_runs"] == pytest.approx(1 / 6)
    assert comparison.signals["middle_swap_unsaid"] == 1.0
    assert "swap" not in comparison.reasons


def test_a_swap_sharing_its_own_words_is_a_rewording():
    # "khởi nghiệp đổi mới sáng tạo tỉnh" / "Khởi nghiệp sáng tạo cấp tỉnh": the differing
    # run holds "sáng tạo" on both sides, a rewording of one contest, not another object.
    comparison = compare_parts(
        read_parts("Tổ chức Cuộc thi khởi nghiệp đổi mới sáng tạo tỉnh năm 2026"),
        read_parts("Tổ chức cuộc thi Khởi nghiệp sáng tạo cấp tỉnh năm 2026"),
    )

    assert "swap" not in comparison.reasons
    assert not any(line.startswith("khác đối tượng") for line in comparison.differ)


def test_a_short_form_spelled_out_by_the_other_task_is_not_another_object():
    # s-lexical2: "CSDL người học, GV" is the other task's "cơ sở dữ liệu người học,
    # giảng viên": spelled out, the two wordings differ in no run of other words.
    comparison = compare_parts(
        read_parts(
            "Hoàn thiện cơ sở dữ liệu người học, giảng viên của Đại học Đà Nẵng và kết nối"
            " HEMIS trước 30/6/2026"
        ),
        read_parts("Đại học Đà Nẵng hoàn thiện CSDL người học, GV, kết nối HEMIS trước 30/6/2026"),
    )

    assert comparison.signals["swap_weight"] == 0.0
    assert comparison.signals["swap_share"] == 0.0


def test_one_template_on_two_objects_is_seen_through_the_short_forms():
    # The same database template on the university's facilities and laboratories and
    # on its learners and lecturers ("GV" spelled out): one run of other lower-case
    # words in the middle on each side, heavy words the other task never says.
    comparison = compare_parts(
        read_parts(
            "Hoàn thiện cơ sở dữ liệu cơ sở vật chất, phòng thí nghiệm của Đại học Đà Nẵng"
            " và kết nối HEMIS trước 30/6/2026"
        ),
        read_parts(
            "Hoàn thiện cơ sở dữ liệu người học, giảng viên của Đại học Đà Nẵng và kết nối"
            " HEMIS trước 30/6/2026"
        ),
    )

    assert comparison.signals["swap_weight"] > 0.5
    assert 0.0 < comparison.signals["swap_share"] < 0.5


def test_a_swapped_name_is_not_a_swapped_object():
    # Two provinces' one template: the run that differs is a name (capitalised), a doer
    # or a place, not a field or a population; no opposed run of lower-case words.
    comparison = compare_parts(
        read_parts("Sở Y tế tỉnh Nghệ An triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh"),
        read_parts("Sở Y tế tỉnh Hà Tĩnh triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh"),
    )

    assert comparison.signals["swap_weight"] == 0.0


@pytest.mark.parametrize(
    ("check", "work", "line"),
    [
        (
            "Kiểm định chương trình đào tạo kỹ sư thiết kế vi mạch của Trường Đại học Bách"
            " khoa theo chuẩn AUN-QA",
            "Đại học Đà Nẵng đào tạo kỹ sư, thạc sĩ thiết kế vi mạch bán dẫn giai đoạn 2026"
            " - 2030, mỗi năm tuyển 500 chỉ tiêu tại Trường Đại học Bách khoa",
            "khác việc: kiểm định / đào tạo",
        ),
        (
            "Đối soát số liệu người học của ĐHĐN trên HEMIS với kết quả tuyển sinh thực tế,"
            " báo cáo Bộ trước 31/8/2026",
            "Hoàn thiện cơ sở dữ liệu người học, giảng viên của Đại học Đà Nẵng và kết nối,"
            " cập nhật định kỳ lên HEMIS",
            "khác việc: đối soát / hoàn thiện",
        ),
    ],
)
def test_accrediting_or_reconciling_checks_the_work_it_does_not_do_it(check, work, line):
    # s-lexical2: accrediting a programme is a check of it, not the training;
    # reconciling the learners' figures is not completing the database.
    (judgement,) = judge_pairs([(check, work)])

    assert line in judgement.comparison.differ
    assert judgement.comparison.conflict
    assert not judgement.same


def test_an_owner_line_names_a_body_whole_and_a_short_form_by_itself():
    # s-tuner12: "Trường Đại học Bách" was shown, cut before "khoa"; "AI cho KSV" as one
    # name, though "AI" is the short form the other task does not say.
    school = read_parts(
        "Đại học Đà Nẵng đào tạo kỹ sư, thạc sĩ thiết kế vi mạch bán dẫn giai đoạn 2026 - 2030, "
        "mỗi năm tuyển 500 chỉ tiêu tại Trường Đại học Bách khoa và Trường Đại học CNTT và "
        "Truyền thông Việt - Hàn"
    )
    short = read_parts("Đào tạo nhân lực vi mạch bán dẫn - ĐH Bách khoa (DUT) và VKU")
    assert _other_owners(short, school) == ("DUT", "Trường Đại học Bách khoa")
    assistant = read_parts(
        "Đưa trợ lý ảo vào hỗ trợ kiểm sát viên VKSND tỉnh Đồng Tháp: tra cứu văn bản pháp "
        "luật, án lệ, tóm tắt hồ sơ và gợi ý dự thảo cáo trạng án hình sự, sử dụng từ năm 2027"
    )
    written = read_parts("VKS tỉnh ĐT - AI cho KSV (tra cứu, tóm tắt HSVA, nháp cáo trạng)")
    assert _other_owners(written, assistant) == ("AI", "VKSND tỉnh Đồng Tháp")
    room = read_parts(
        "Phòng Thực hành quyền công tố và kiểm sát điều tra án kinh tế, tham nhũng dùng thử "
        "trợ lý ảo để tóm tắt 20 hồ sơ án tham nhũng trước khi áp dụng rộng"
    )
    assert _other_owners(assistant, room) == ("VKSND tỉnh Đồng Tháp", "Phòng Thực hành")


def test_an_owner_name_is_not_run_on_into_the_verb_after_it():
    # "Ban Tổ chức Tỉnh ủy Nghệ An chủ trì": "chủ" is the verb, not the name's.
    a = read_parts("BTC TU: chuẩn hóa CSDL ĐV, đối chiếu số ĐDCN với CSDLQG về DC - hạn 30/9/2026")
    b = read_parts(
        "Ban Tổ chức Tỉnh ủy Nghệ An chủ trì rà soát, chuẩn hóa thông tin các tổ chức cơ sở "
        "đảng trên Phần mềm quản lý cơ sở dữ liệu đảng viên sau sắp xếp đơn vị hành chính"
    )
    assert _other_owners(a, b)[1] == "Ban Tổ chức Tỉnh ủy Nghệ An"


def test_a_clause_read_past_the_object_is_not_another_object():
    # s-tuner12: "khác đối tượng: thay / áp dụng 100 án mới thụ" vetoed one task in two
    # wordings; "thay cho bìa hồ sơ giấy" says what the software replaces, not its object.
    comparison = compare_parts(
        read_parts(
            "Toàn bộ án hình sự mới của VKS tỉnh và khu vực có hồ sơ kiểm sát dạng số trên "
            "phần mềm thay cho bìa hồ sơ giấy"
        ),
        read_parts(
            "Lập hồ sơ kiểm sát điện tử đối với án hình sự tại Viện kiểm sát hai cấp tỉnh Đồng "
            "Tháp: tài liệu do cơ quan điều tra chuyển sang được số hóa, lưu và khai thác trên "
            "phần mềm, áp dụng 100 % án mới thụ lý từ năm 2027"
        ),
    )
    assert not any(line.startswith("khác đối tượng: thay") for line in comparison.differ)
    # "bắt đầu Quý II" is a time, not what the images are for.
    comparison = compare_parts(
        read_parts(
            "VAST - TTVTVN (VNSC): vận hành TMĐ, thu nhận, cung cấp ảnh VT radar LOTUSat-1 cho "
            "bộ, ngành; giám sát sạt lở, ngập lụt; từ QII/2026"
        ),
        read_parts(
            "Khai thác vệ tinh LOTUSat-1: cung cấp ảnh radar chụp xuyên mây cho công tác phòng "
            "chống thiên tai của các bộ, ngành, bắt đầu Quý II năm 2026"
        ),
    )
    assert "bắt đầu" not in " ".join(comparison.differ)
    assert not comparison.conflict


def test_law_at_large_is_not_a_law_the_task_makes():
    # s-tuner12: "khác sản phẩm: luật / dữ liệu" was read from "văn bản pháp luật".
    parts = read_parts(
        "Đưa trợ lý ảo vào hỗ trợ kiểm sát viên VKSND tỉnh Đồng Tháp: tra cứu văn bản pháp "
        "luật, án lệ, tóm tắt hồ sơ và gợi ý dự thảo cáo trạng án hình sự, sử dụng từ năm 2027"
    )
    assert all(product.label != "luật" for product in parts.products)
    assert read_parts("Xây dựng Luật Dữ liệu").product.label == "luật"


def test_the_words_two_wordings_share_count_words_for_one_thing_as_one():
    # Issue [S] #20, s-synonyms: one task in a student's words and in a plan's words.
    [judgement] = judge_pairs(
        [
            (
                "Sinh viên trường này học online các môn chung do trường khác trong ĐHĐN mở "
                "và được tính tín chỉ",
                "Học phần đại cương trực tuyến dùng chung trong ĐHĐN",
            )
        ]
    )

    # 7 of the plan's 9 words ("học phần đại cương trực tuyến" read as "học online các
    # môn chung"); 3 of 9 before the synonyms.
    assert judgement.comparison.signals["words_contained"] == pytest.approx(7 / 9)
    assert judgement.score > 0.45


# --- t-explain: names read whole, a kind of body alone neither agreed on nor a name -----


@pytest.mark.parametrize(
    ("a", "b", "absent"),
    [
        (
            # "cùng nghiệp và": the department's name read as the work.
            "Bộ Nông nghiệp và Môi trường và UBND các tỉnh giải quyết thủ tục cấp giấy phép "
            "môi trường trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia, năm 2026",
            "Sở Nông nghiệp và Môi trường Vĩnh Long giải quyết 100% hồ sơ cấp giấy phép môi "
            "trường thuộc thẩm quyền tỉnh theo hình thức trực tuyến toàn trình, năm 2026",
            "nghiệp và",
        ),
        (
            # "cùng đặc khu": the island zone's kind read as the work.
            "Đặc khu Lý Sơn cấp tem truy xuất nguồn gốc mã QR cho 100% sản phẩm tỏi Lý Sơn "
            "mang chỉ dẫn địa lý bán ra, gắn nhật ký canh tác điện tử của từng hộ, vụ tỏi "
            "2026 - 2027",
            "Đặc khu Lý Sơn cấp tem truy xuất nguồn gốc mã QR cho 100% sản phẩm hành tím Lý "
            "Sơn bán ra, gắn nhật ký canh tác điện tử của từng hộ, vụ 2026 - 2027",
            "đặc khu",
        ),
        (
            # "cùng trung tâm": which centre is not said.
            "Kết nối 38 máy soi container cố định và di động về Trung tâm phân tích hình ảnh "
            "soi tập trung của Cục Hải quan, áp dụng AI nhận diện hàng cấm, hàng khai sai, "
            "hoàn thành trước 30/9/2026",
            "Ảnh chụp từ 38 máy soi container ở các cảng, cửa khẩu được chuyển về một trung "
            "tâm để phân tích chung, có AI nhận diện hàng cấm và khai sai; xong trước 30/9/2026",
            "trung tâm",
        ),
        (
            # "khác đối tượng: TT / Bệnh viện Mắt Hải Phòng".
            "BV Mắt TW: BAĐT chuyên khoa, tích hợp ảnh ĐM/OCT/TT, hạn 31/12/2026",
            "Triển khai bệnh án điện tử chuyên khoa mắt tại Bệnh viện Mắt Hải Phòng, tích hợp "
            "ảnh đáy mắt, OCT vào hồ sơ người bệnh, bỏ bệnh án giấy trước 31/12/2026",
            "TT /",
        ),
        (
            # "khác đối tượng: Bắc Ninh / UBND": the province's council names no other body.
            "Ban hành Kế hoạch chuyển đổi số năm 2026 của tỉnh Bắc Ninh",
            "UBND tỉnh ban hành KH CĐS năm 2026",
            "UBND",
        ),
        (
            # "cùng ủy ban": the council's name read as the work.
            "Ủy ban nhân dân tỉnh Quảng Ninh đưa tiêu chí chuyển đổi số vào đánh giá người "
            "đứng đầu cơ quan, đơn vị và cán bộ, công chức trên địa bàn tỉnh",
            "Ủy ban nhân dân phường Hồng Gai đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số "
            "của từng công chức phường khi xếp loại chất lượng năm 2025",
            "ủy ban",
        ),
        (
            # "khác đối tượng: tham quan / Sở": a kind of body is no object.
            "Từ tháng 6/2026, khách du lịch gửi phản ánh, khiếu nại ngay trên app “Du lịch "
            "Việt Nam an toàn, hấp dẫn”; phản ánh chuyển thẳng về Sở của địa phương xử lý",
            "Nâng cấp ứng dụng “Du lịch Việt Nam an toàn, hấp dẫn”: thêm chức năng đặt vé "
            "tham quan, thanh toán trực tuyến, trước tháng 6/2026",
            "/ Sở",
        ),
    ],
)
def test_a_kind_of_body_or_a_piece_of_a_name_is_not_what_two_tasks_share_or_differ_in(a, b, absent):
    [judgement] = judge_pairs([(a, b)])

    assert absent not in judgement.comparison.summary
    assert absent not in compare_parts(read_parts(a), read_parts(b)).summary


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (
            # "Cục Di / Cục Du lịch Quốc gia Việt Nam" before.
            "Cục Di sản văn hóa hoàn thiện Cơ sở dữ liệu quốc gia về di sản văn hóa, kết nối "
            "dữ liệu di tích, bảo vật quốc gia từ 34 tỉnh, thành phố, vận hành trước 31/12/2026",
            "Cục Du lịch Quốc gia Việt Nam hoàn thiện Cơ sở dữ liệu quốc gia về du lịch, kết "
            "nối dữ liệu cơ sở lưu trú, doanh nghiệp lữ hành, hướng dẫn viên từ 34 tỉnh, "
            "thành phố, vận hành trước 31/12/2026",
            "khác đối tượng: Cục Di sản văn hóa / Cục Du lịch Quốc gia Việt Nam",
        ),
        (
            # "Sở Tài chính / Ban Quản" before.
            "Sở Tài chính tỉnh Phú Thọ cấp, điều chỉnh giấy chứng nhận đăng ký đầu tư cho dự "
            "án ngoài khu công nghiệp hoàn toàn trực tuyến, từ quý III/2026",
            "Ban Quản lý các khu công nghiệp tỉnh Phú Thọ cấp, điều chỉnh giấy chứng nhận đăng "
            "ký đầu tư cho dự án trong KCN hoàn toàn trực tuyến trên Hệ thống thông tin quốc "
            "gia về đầu tư, từ quý III/2026",
            "khác đối tượng: Sở Tài chính tỉnh Phú Thọ / Ban Quản lý các khu công nghiệp tỉnh "
            "Phú Thọ",
        ),
        (
            # "Bộ Nông nghiệp / …" before: the ministry's name cut at "và".
            "Kết nối, truyền dữ liệu quan trắc môi trường tự động, liên tục của các địa "
            "phương và cơ sở sản xuất về Bộ Nông nghiệp và Môi trường",
            "Xây dựng quy chuẩn kỹ thuật quốc gia về trạm quan trắc nước thải tự động, liên tục",
            "khác đối tượng: Bộ Nông nghiệp và Môi trường / trạm quan trắc nước thải tự động",
        ),
        (
            # "TP / Lào Cai" before: the point of "TP." cut the city's name.
            "Lắp đặt hệ thống cảnh báo tự động sử dụng camera AI và cảm biến phát hiện tàu "
            "tại 120 đường ngang không có người gác trên tuyến Hà Nội - TP. Hồ Chí Minh, hoàn "
            "thành trước 31/12/2026",
            "Lắp đặt hệ thống cảnh báo tự động sử dụng camera AI tại 45 đường ngang không có "
            "người gác trên tuyến Hà Nội - Lào Cai, hoàn thành trước 31/12/2026",
            "khác đối tượng: TP Hồ Chí Minh / Lào Cai",
        ),
        (
            # "Bộ Khoa học / Bộ Tài chính" before.
            "Bộ Khoa học và Công nghệ soạn thảo Nghị định về thành lập, tổ chức, hoạt động "
            "của quỹ đầu tư mạo hiểm cho khởi nghiệp sáng tạo, ươm tạo công nghệ, chuyển đổi "
            "số (hoàn thành năm 2026)",
            "Hoàn thiện dự thảo Nghị định về quỹ đầu tư mạo hiểm khởi nghiệp sáng tạo, lấy ý "
            "kiến Bộ Tài chính trước khi trình Chính phủ",
            "khác đối tượng: Bộ Khoa học và Công nghệ / Bộ Tài chính",
        ),
    ],
)
def test_a_body_or_place_is_named_whole_where_two_tasks_differ(a, b, differ):
    assert differ in compare_parts(read_parts(a), read_parts(b)).differ


def test_a_department_named_first_is_read_whole_not_as_the_work():
    parts = read_parts(
        "Sở Nông nghiệp và Môi trường Vĩnh Long giải quyết 100% hồ sơ cấp giấy phép môi "
        "trường thuộc thẩm quyền tỉnh theo hình thức trực tuyến toàn trình, năm 2026"
    )
    assert parts.action.label == "giải quyết"
    # After a name of two capitals the next word is the work's ("đưa"), as before.
    assert read_parts("Khánh Hòa đưa VNeID vào sử dụng tại 100% xã").begin == 2


def test_a_village_doing_its_share_is_a_level_below_the_commune():
    # t-share: the thirteenth set's bản and the fourteenth's thôn were read with no level,
    # and the two names ("La Pán Tẩn" / "Mù Cang Chải") as two owners, other work.
    village = read_parts(
        "Cô đỡ bản La Pán Tẩn nhập danh sách phụ nữ mang thai của bản vào ứng dụng quản lý "
        "thai nghén, nhắn Zalo báo trạm y tế khi thai phụ đau bụng, ra máu"
    )
    commune = read_parts(
        "Năm 2026, mười hai cô đỡ ở các bản của xã Mù Cang Chải dùng ứng dụng trên điện thoại "
        "được cấp để theo dõi thai phụ, nhắc đi khám thai và báo ngay trạm y tế khi có biểu "
        "hiện bất thường"
    )
    assert village.level == VILLAGE
    assert commune.level == COMMUNE
    comparison = compare_parts(village, commune)
    assert comparison.related
    assert not comparison.conflict
    assert "owner" not in comparison.reasons

    assert read_parts("Trưởng bản Mồ Dề thông báo lịch chi trả trợ cấp").level == VILLAGE
    assert read_parts("Thôn Tây lắp cảm biến tại 8 giếng khoan tưới tỏi").level == VILLAGE
    # A document or a map is no village.
    assert read_parts("Rà soát văn bản Luật Đất đai năm 2024").level != VILLAGE
    assert read_parts("Số hóa bản đồ Địa chính").level != VILLAGE


def test_a_provinces_communes_are_not_people_another_level_serves():
    # t-share: "các xã, phường" in a province's duty and "thôn" in the commune's part were
    # read as two kinds of people, a veto between a duty and its part (fourth, ninth,
    # tenth, holdout sets).
    comparison = compare_parts(
        read_parts(
            "Sở Công Thương thành phố Cần Thơ triển khai mô hình chợ, phố đi bộ, chợ đêm thanh "
            "toán không dùng tiền mặt; các phường trung tâm hoàn thành trước 30/6/2026"
        ),
        read_parts(
            "UBND phường Ninh Kiều vận động 100% hộ kinh doanh tại chợ đêm Tây Đô và khu bến "
            "Ninh Kiều niêm yết mã QR, nhận thanh toán không dùng tiền mặt trước 30/6/2026"
        ),
    )
    assert comparison.related
    assert "people" not in comparison.reasons
    assert not comparison.conflict

    # Between two tasks of one level, the communes are still whom a task serves.
    same_level = compare_parts(
        read_parts("Tỉnh hỗ trợ các xã đưa sản phẩm OCOP lên sàn thương mại điện tử"),
        read_parts("Tỉnh hỗ trợ doanh nghiệp đưa sản phẩm OCOP lên sàn thương mại điện tử"),
    )
    assert "people" in same_level.reasons


def test_the_plan_a_part_follows_is_not_what_it_makes():
    # t-share: "… theo kế hoạch của xã" read as the product, against the commune's
    # "hướng dẫn" (eighth set).
    parts = read_parts(
        "Thôn Giang Cao lập danh sách 22 hộ làm gốm đăng ký mở gian hàng trực tuyến, bố trí "
        "điểm livestream tại nhà văn hóa thôn theo kế hoạch của xã, Quý II/2026"
    )
    assert all(product.label != "kế hoạch" for product in parts.products)
    assert read_parts("Xây dựng kế hoạch chuyển đổi số năm 2026").product.label == "kế hoạch"

    # The province's system for the whole province, and a special zone's codes in it: until
    # t-share "khác sản phẩm: hệ thống / kế hoạch", lifted as parent and part (s-parent);
    # now no product differs at all.
    (judged,) = judge_pairs(
        [
            (
                "Sở Nông nghiệp và Môi trường Quảng Ninh xây dựng hệ thống quản lý nuôi trồng"
                " thủy sản trên biển toàn tỉnh",
                "Đặc khu Vân Đồn cấp, quản lý mã số cơ sở nuôi trồng thủy sản trên biển theo kế"
                " hoạch của tỉnh Quảng Ninh",
            )
        ]
    )
    assert "product" not in judged.comparison.reasons
    assert not judged.comparison.conflict
    assert judged.same


# t-read: the Government appendix's own titles (``data/appendix2_tasks.csv``), read wrong
# until then into false "same work" warnings (bench/overlap_plan_alarms.py).
APPENDIX = {
    7: "Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ.",
    19: (
        "Rà soát để sửa đổi một số quy định trong Luật Thuế thu nhập doanh nghiệp; Luật Thuế"
        " thu nhập cá nhân; Luật Thuế giá trị gia tăng; Luật Thuế xuất khẩu, nhập khẩu để thúc"
        " đẩy doanh nghiệp đầu tư cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và"
        " đào tạo nhân lực"
    ),
    22: (
        "Xây dựng Luật Nhà giáo trong đó sửa đổi, bổ sung một số quy định có liên quan của Luật"
        " Giáo dục, Luật Giáo dục đại học"
    ),
    34: (
        "Sửa đổi Nghị định số 80/2020/NĐ-CP về quản lý và sử dụng viện trợ không hoàn lại không"
        " thuộc hỗ trợ phát triển chính thức của các cơ quan, tổ chức, cá nhân nước ngoài dành"
        " cho Việt Nam"
    ),
    39: (
        "Hoàn thiện định mức kinh tế kỹ thuật, đơn giá lập dự toán chi phí các hoạt động liên"
        " quan đến chuyển đổi số, xây dựng, cập nhật, khai thác, sử dụng, bảo trì, bảo mật CSDL"
        " quốc gia, CSDL chuyên ngành; làm căn cứ để các bộ, ngành, địa phương xây dựng dự"
        " toán thực hiện chiến lược dữ liệu Quốc gia"
    ),
    45: (
        "Xây dựng, trình Thủ tướng Chính phủ thành lập Quỹ Đầu tư phát triển công nghiệp chiến lược"
    ),
    52: (
        "Tổ chức triển khai các chiến lược, chương trình, đề án phát triển hạ tầng năng lượng,"
        " đảm bảo an ninh năng lượng, khai thác, sử dụng các nguồn tài nguyên khoáng sản để"
        " phát triển khoa học, công nghệ, đổi mới sáng tạo và các ngành công nghiệp chiến lược"
    ),
    57: (
        "Xây dựng danh mục, kế hoạch triển khai các nền tảng số quốc gia, nền tảng số dùng chung"
        " của các ngành, lĩnh vực, vùng"
    ),
    58: (
        "Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực, vùng"
        " theo danh mục đã được ban hành bảo đảm hoạt động thống nhất, liên thông của các"
        " ngành, lĩnh vực trên môi trường số"
    ),
    66: (
        "Xây dựng kế hoạch và triển khai hạ tầng 5G, IoT trong các khu khu công nghiệp, cụm"
        " công nghiệp"
    ),
    69: (
        "Hoàn thành xây dựng Trung tâm dữ liệu quốc gia và đưa vào khai thác, sử dụng, phục vụ"
        " chuyển đổi số quốc gia"
    ),
    71: (
        "Hoàn thành và đưa vào khai thác hiệu quả các cơ sở dữ liệu quốc gia; các cơ sở dữ liệu"
        " dùng chung theo danh mục đã ban hành của bộ, ngành, địa phương để phát triển các"
        " ứng dụng, dịch vụ"
    ),
    84: (
        "Đề án chuyển các cơ sở giáo dục đại học đào tạo đa ngành, đa lĩnh vực về Bộ Giáo dục"
        " và Đào tạo quản lý"
    ),
    89: "Xây dựng Chương trình phát triển Chính phủ số",
    116: (
        "Đề án đột phá phát triển khoa học công nghệ, công nghiệp an ninh, làm chủ công nghệ"
        " chiến lược thực hiện hiện đại hóa lực lượng Công an nhân dân"
    ),
    118: (
        "Xây dựng tổ chức triển khai Đề án chuyển đổi số cho các doanh nghiệp, nhất là doanh"
        " nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh"
    ),
    121: (
        "Xây dựng, triển khai các chương trình hỗ trợ, thúc đẩy doanh nghiệp, nhất là doanh"
        " nghiệp vừa và nhỏ, hộ kinh doanh, hợp tác xã chuyển đổi số"
    ),
    127: (
        "Triển khai một số khu công nghiệp công nghệ số/khu công nghiệp công nghệ thông tin tập"
        " trung theo Quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021-2030"
    ),
    132: (
        "Xây dựng Đề án Việt Nam chủ động tham gia vào các tổ chức tiêu chuẩn hóa quốc tế. Có"
        " cơ chế xây dựng đội ngũ chuyên gia tham gia vào các vị trí lãnh đạo các tổ chức"
        " tiêu chuẩn hóa quốc tế"
    ),
}


def _labels(text: str) -> list[str]:
    return [product.label for product in read_parts(text).products]


def test_strategic_after_a_noun_is_no_strategy_made():
    # "công nghệ chiến lược", "công nghiệp chiến lược": the modifier follows its head.
    assert "chiến lược" not in _labels(APPENDIX[116])
    assert _labels(APPENDIX[45]) == ["quỹ đầu tư"]
    # A strategy the task carries out, after a determiner or a verb, is one.
    assert _labels(APPENDIX[52])[0] == "chiến lược"
    assert read_parts("Xây dựng chiến lược dữ liệu quốc gia").product.label == "chiến lược"
    assert read_parts("Triển khai thực hiện Chiến lược quốc gia về AI").product.label == (
        "chiến lược"
    )
    # Until t-read "cùng xây dựng chiến lược": a fund is not a programme.
    comparison = compare_parts(read_parts(APPENDIX[45]), read_parts(APPENDIX[89]))
    assert "khác sản phẩm: quỹ đầu tư / chương trình" in comparison.differ
    assert comparison.conflict


def test_a_data_centre_is_not_the_databases():
    # Until t-read "cùng dữ liệu".
    comparison = compare_parts(read_parts(APPENDIX[69]), read_parts(APPENDIX[71]))
    assert "khác sản phẩm: trung tâm dữ liệu / cơ sở dữ liệu" in comparison.differ
    assert comparison.conflict


def test_products_in_a_cited_plans_name_are_not_made():
    # "theo Quy hoạch hạ tầng thông tin …": no infrastructure built; until t-read "cùng hạ
    # tầng" with the industrial parks' 5G.
    assert _labels(APPENDIX[127]) == []
    comparison = compare_parts(read_parts(APPENDIX[66]), read_parts(APPENDIX[127]))
    assert not any("hạ tầng" in line for line in comparison.agree)


def test_agreeing_on_a_product_is_on_what_both_make():
    # The plan is about the platforms; until t-read "cùng nền tảng".
    plan = read_parts(APPENDIX[57])
    assert [part.label for part in plan.made] == ["danh mục", "kế hoạch"]
    assert not compare_parts(plan, read_parts(APPENDIX[58])).agree


def test_a_list_of_products_shares_the_object_after_it():
    parts = read_parts(APPENDIX[52])
    assert [part.label for part in parts.made] == ["chiến lược", "chương trình", "đề án"]
    assert parts.objects["sản phẩm"][1] == "phát triển hạ tầng năng lượng"
    # "chương trình hỗ trợ, thúc đẩy doanh nghiệp": a list of verbs, no purpose clause.
    assert read_parts(APPENDIX[121]).objects["sản phẩm"][1] == "hỗ trợ thúc đẩy doanh nghiệp"


def test_the_provisions_of_a_law_are_the_law():
    # "sửa đổi một số quy định trong Luật Thuế …" amends laws, not a rule of its own.
    assert _labels(APPENDIX[19])[0] == "luật"
    comparison = compare_parts(read_parts(APPENDIX[19]), read_parts(APPENDIX[34]))
    assert "khác sản phẩm: luật / nghị định" in comparison.differ
    assert comparison.conflict


@pytest.mark.parametrize(("a", "b"), [(22, 84), (39, 132)])
def test_a_differing_product_a_unit_could_not_make_stays_a_difference(a, b):
    # A law named ("Luật Giáo dục") or the nation ("Đề án Việt Nam …") is no unit carrying
    # out a duty written for all (s-parent); until t-read "khác sản phẩm: luật / đề án"
    # was lifted as parent and part and warned at 0.81.
    comparison = compare_parts(read_parts(APPENDIX[a]), read_parts(APPENDIX[b]))
    assert "product" in comparison.reasons
    assert comparison.conflict
    assert not comparison.related


def test_the_appendix_one_true_overlap_is_found():
    (judged,) = judge_pairs([(APPENDIX[118], APPENDIX[121])])
    assert judged.same


@pytest.mark.parametrize(
    "text",
    [
        # t-level: bodies named in passing in the Ministry of Health's plan (plan_boyte):
        # a partner, recipients, a place of work, the agent of a relative clause.
        "Phối hợp Bộ KH&CN đề nghị các doanh nghiệp cung cấp chữ ký số công cộng có chế độ"
        " ưu đãi cấp chữ ký số cho cơ sở y tế, nhân viên y tế và miễn phí cho người bệnh",
        "Đào tạo chuyên sâu về công nghệ thông tin, an toàn thông tin, khoa học dữ liệu cho"
        " cán bộ chuyên trách CNTT các bệnh viện, Sở Y tế.",
        "Mở rộng mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước kết nối Bộ Y"
        " tế với 100% Sở Y tế và bệnh viện, viện trực thuộc Bộ.",
        "Mở rộng hệ thống hội nghị truyền hình trực tuyến từ Bộ đến Sở Y tế và bệnh viện trực"
        " thuộc phục vụ họp, giao ban chuyên môn.",
        "Rà soát, đề xuất chế độ đãi ngộ để thu hút nhân lực chuyên trách chuyển đổi số, an"
        " toàn thông tin về làm việc tại bệnh viện, Sở Y tế.",
        "Cập nhật đầy đủ dữ liệu giấy phép hành nghề khám bệnh, chữa bệnh do Sở Y tế cấp lên"
        " Hệ thống quản lý hành nghề khám bệnh, chữa bệnh",
        "Tổ chức diễn tập thực chiến ứng cứu sự cố an toàn thông tin mạng cho các bệnh viện"
        " trực thuộc Bộ và Sở Y tế.",
        "Tổ chức hội nghị quán triệt, triển khai Nghị quyết số 57-NQ/TW đến lãnh đạo các Cục,"
        " Vụ, Văn phòng Bộ, các đơn vị trực thuộc và Giám đốc Sở Y tế các tỉnh, thành phố.",
        "Nâng cấp, mở rộng nền tảng hỗ trợ tư vấn khám, chữa bệnh từ xa (Telehealth) kết nối"
        " các bệnh viện tuyến cuối với bệnh viện tuyến tỉnh và trạm y tế xã.",
        "Đầu tư thiết bị tin học, đường truyền Internet cho trạm y tế xã, phường, đặc khu; ưu"
        " tiên vùng sâu, vùng xa, biên giới, hải đảo.",
        # Written with marks, "xa" is far and "tinh" spirit: no commune, no province.
        "Xây dựng Thông tư quy định về khám bệnh, chữa bệnh từ xa và hỗ trợ khám bệnh, chữa"
        " bệnh từ xa.",
        # The Government's appendix: a ministry named as the recipient of universities.
        "Đề án chuyển các cơ sở giáo dục đại học đào tạo đa ngành, đa lĩnh vực về Bộ Giáo dục"
        " và Đào tạo quản lý",
    ],
)
def test_a_body_named_in_passing_is_not_the_level_of_the_task(text):
    assert read_parts(text).level is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # The doer named at the head, or the task's own scope, still gives the level.
        (
            "Sở Y tế chỉ đạo bệnh viện tuyến tỉnh và trung tâm y tế khu vực trên địa bàn hoàn"
            " thành triển khai bệnh án điện tử.",
            PROVINCE,
        ),
        (
            "Triển khai bệnh án điện tử (BAĐT) tại 100% bệnh viện trên toàn quốc, thay thế hoàn"
            " toàn bệnh án giấy.",
            NATIONAL,
        ),
        (
            "Lắp đặt camera giám sát an ninh, trật tự tại các tuyến đường chính trên địa bàn xã",
            COMMUNE,
        ),
        ("Triển khai sổ điểm điện tử, học bạ số tại 100% trường phổ thông của tỉnh", PROVINCE),
        ("Số hóa hồ sơ TTHC tại bộ phận một cửa cấp xã", COMMUNE),
        # A unit named, or governed itself, is the task's territory, not a body in passing.
        ("Chuyển đổi giống cà phê vối tái canh tại xã Di Linh", COMMUNE),
        (
            "Triển khai truy xuất nguồn gốc điện tử cho xoài, sầu riêng xuất khẩu tỉnh An Giang",
            PROVINCE,
        ),
        (
            "Ban hành chính sách hỗ trợ kinh phí cho công chức tỉnh Thái Nguyên học thạc sĩ",
            PROVINCE,
        ),
        ("Xây dựng bản đồ số về quy hoạch sử dụng đất tỉnh Quảng Trị", PROVINCE),
        # "Bộ … chủ trì" after a dash is the doer, not a body in passing.
        ("Ban hành bộ quy tắc ứng xử trên mạng xã hội - Bộ VHTTDL chủ trì, năm 2025", NATIONAL),
        # A commune sending its data to the province's centre is the commune's share.
        (
            "Triển khai mô hình giám sát, điều hành thông minh tại xã, kết nối với Trung tâm IOC"
            " tỉnh",
            COMMUNE,
        ),
    ],
)
def test_the_level_comes_from_the_doer_or_the_scope_not_a_body_in_passing(text, level):
    assert read_parts(text).level == level


def test_one_ministry_s_tasks_naming_departments_in_passing_are_not_two_levels():
    # t-level: #77 / #91 of the Ministry of Health's plan were "khác cấp: quốc gia / tỉnh",
    # and a pair read as parent and part passes at a far lower bar; #68 / #69, the
    # department's share of the nationwide task, stays another level's version.
    passing = compare_parts(
        read_parts(
            "Phối hợp Bộ KH&CN đề nghị các doanh nghiệp cung cấp chữ ký số công cộng có chế"
            " độ ưu đãi cấp chữ ký số cho cơ sở y tế, nhân viên y tế và miễn phí cho người bệnh"
        ),
        read_parts(
            "Đào tạo chuyên sâu về công nghệ thông tin, an toàn thông tin, khoa học dữ liệu cho"
            " cán bộ chuyên trách CNTT các bệnh viện, Sở Y tế."
        ),
    )
    assert not passing.related
    assert "level" not in passing.reasons

    share = compare_parts(
        read_parts(
            "Triển khai bệnh án điện tử (BAĐT) tại 100% bệnh viện trên toàn quốc, thay thế hoàn"
            " toàn bệnh án giấy."
        ),
        read_parts(
            "Sở Y tế chỉ đạo bệnh viện tuyến tỉnh và trung tâm y tế khu vực trên địa bàn hoàn"
            " thành triển khai bệnh án điện tử."
        ),
    )
    assert share.related
    assert "khác cấp: quốc gia / tỉnh" in share.summary


# t-read2: titles of the Ministry of Health's plan (``data/plan_boyte.csv``) the reader
# read nothing of on one side, so that a warning on them said "-".
BOYTE = {
    10: (
        "Quy định trách nhiệm của người đứng đầu các đơn vị thuộc, trực thuộc Bộ trong trực"
        " tiếp lãnh đạo, chỉ đạo triển khai nhiệm vụ khoa học, công nghệ (KH,CN), đổi mới sáng"
        " tạo (ĐMST) và chuyển đổi số (CĐS) của đơn vị."
    ),
    51: (
        "Xây dựng CSDL về an toàn thực phẩm: cơ sở sản xuất, kinh doanh, sản phẩm tự công bố,"
        " kết quả kiểm nghiệm, vụ ngộ độc."
    ),
    81: (
        "Ứng dụng công nghệ số trong hậu kiểm an toàn thực phẩm, cảnh báo nhanh ngộ độc thực"
        " phẩm và thực phẩm không bảo đảm an toàn."
    ),
    94: (
        'Trường Đại học Y Hà Nội xây dựng và đưa vào giảng dạy học phần "Y học số và trí tuệ'
        ' nhân tạo" cho sinh viên ngành bác sĩ y khoa từ năm học 2026-2027.'
    ),
    95: (
        "Cử bác sĩ trẻ, nghiên cứu viên đi đào tạo tiến sĩ, sau tiến sĩ ở nước ngoài trong"
        " các lĩnh vực công nghệ gen, tế bào gốc, AI y tế."
    ),
    98: (
        "Phấn đấu bố trí tỷ lệ phù hợp cán bộ có chuyên môn, kinh nghiệm về khoa học kỹ thuật"
        " trong đội ngũ lãnh đạo các đơn vị thuộc, trực thuộc Bộ."
    ),
}


def test_technology_applied_in_work_is_that_work():
    # "Ứng dụng công nghệ số trong hậu kiểm …" checks food safety; building its database is
    # other work. Until t-read2 nothing was compared and the pair was warned at 0.83.
    parts = read_parts(BOYTE[81])
    assert [part.label for part in parts.actions] == ["hậu kiểm", "ứng dụng"]
    comparison = compare_parts(read_parts(BOYTE[51]), parts)
    assert "khác việc: xây dựng / hậu kiểm" in comparison.differ
    assert comparison.conflict


def test_words_of_resolve_are_not_the_verb():
    # "Phấn đấu bố trí tỷ lệ …": the work is "bố trí", about "tỷ lệ … cán bộ".
    parts = read_parts(BOYTE[98])
    assert [part.label for part in parts.actions] == ["bố trí"]
    assert parts.subject is not None
    assert parts.text is not None
    assert " ".join(parts.text.words[slice(*parts.subject)]).startswith("ty le phu hop can bo")
    joining = read_parts("Tích cực, chủ động tham gia định hình các khuôn khổ")
    assert [part.label for part in joining.actions] == ["tham gia"]


def test_a_one_syllable_verb_and_a_researcher():
    # "Cử bác sĩ trẻ, nghiên cứu viên …": sending people, "nghiên cứu viên" a person.
    parts = read_parts(BOYTE[95])
    assert [part.label for part in parts.actions] == ["cử"]
    assert parts.subject is not None


@pytest.mark.parametrize(("a", "b"), [(10, 98), (94, 95)])
def test_subjects_with_nothing_in_common_are_said_to_differ(a, b):
    # No product read on one side: the subjects after the verbs are compared, said and
    # weighed, not a conflict.
    comparison = compare_parts(read_parts(BOYTE[a]), read_parts(BOYTE[b]))
    assert "subject" in comparison.reasons
    assert comparison.differ[0].startswith("khác đối tượng: ")
    assert not comparison.conflict


# t-lines: titles of Lào Cai's plan (``data/plan_laocai.csv``) whose warnings' lines were
# plainly wrong.
LAOCAI = {
    18: (
        "Kiện toàn Ban Chỉ đạo về phát triển KH,CN, ĐMST và CĐS tỉnh sau hợp nhất; ban hành"
        " Quy chế hoạt động của Ban Chỉ đạo, Tổ giúp việc và phân công nhiệm vụ cho từng thành"
        " viên."
    ),
    20: (
        "Ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của các sở, ban, ngành và UBND các"
        " xã, phường (DTI)² phù hợp mô hình chính quyền địa phương hai cấp."
    ),
    27: (
        "Mở rộng mạng truyền số liệu chuyên dùng cấp II đến UBND các xã, phường và cơ quan"
        " Đảng, MTTQ cấp xã sau sắp xếp."
    ),
    28: (
        "Trang bị máy tính, thiết bị số, chữ ký số cho UBND các xã, phường mới, bảo đảm vận"
        " hành thông suốt chính quyền địa phương hai cấp."
    ),
    36: (
        "Triển khai phần mềm quản lý phương tiện, hàng hóa xuất nhập khẩu ra vào và thu phí"
        " sử dụng hạ tầng tự động tại cửa khẩu quốc tế đường bộ số II Kim Thành."
    ),
    54: (
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực của các cơ quan trên"
        " địa bàn tỉnh; khai thác, tái sử dụng dữ liệu đã số hóa."
    ),
    58: (
        "UBND các xã, phường số hóa 100% kết quả giải quyết TTHC còn hiệu lực thuộc thẩm quyền"
        " cấp xã, bao gồm hồ sơ do cấp huyện (cũ) bàn giao."
    ),
    59: (
        "Đánh giá, xếp hạng mức độ chuyển đổi số của các sở, ngành và UBND các xã, phường;"
        " công bố kết quả."
    ),
    67: (
        "Xây dựng, triển khai mô hình cửa khẩu số tại các cửa khẩu trên địa bàn tỉnh (Lào Cai,"
        " Kim Thành, Bản Vược, Mường Khương), quản lý hoạt động xuất nhập khẩu trên nền tảng"
        " số."
    ),
    72: (
        "Tổ chức đánh giá mức độ chuyển đổi số doanh nghiệp trên địa bàn tỉnh theo Bộ tiêu chí"
        " của Bộ Khoa học và Công nghệ."
    ),
    108: "Sắp xếp, kiện toàn các tổ chức KH&CN công lập của tỉnh sau hợp nhất.",
}


def _laocai(a: int, b: int):
    titles = [LAOCAI[a], LAOCAI[b]]
    learned = get_learned_abbreviations(titles)
    return compare_parts(
        read_parts(titles[0], abbreviations=learned), read_parts(titles[1], abbreviations=learned)
    )


@pytest.mark.parametrize(
    "text",
    [
        LAOCAI[18],
        "Phát triển KHCN và ĐMST của tỉnh",
        "Phát triển khoa học và công nghệ, đổi mới sáng tạo",
        "Phát triển khoa học, công nghệ và chuyển đổi số",
    ],
)
def test_one_short_form_spelled_two_ways_is_one_thing(text):
    # "KH,CN", "KH&CN", "KHCN", "khoa học và công nghệ": one field, never "khác đối tượng".
    other = read_parts(LAOCAI[108])
    assert _other_owners(read_parts(text), other) is None
    assert _other_owners(other, read_parts(text)) is None
    assert not any("KH" in line for line in _laocai(18, 108).differ)


def _shown(title: str) -> list[str]:
    text = read_parts(title).text
    assert text is not None
    return [shown for _, shown in _owner_names(text)]


def test_a_roman_numeral_or_an_opening_verb_is_no_word_of_a_name():
    # "số II Kim Thành": the other task names Kim Thành; "II" numbers the border gate.
    assert "Kim Thành" in _shown(LAOCAI[36])
    assert "khác đối tượng" not in _laocai(36, 67).summary
    # "Kiện toàn Ban Chỉ đạo", "Phối hợp Bộ KH&CN": the verb opens the sentence.
    assert _shown(LAOCAI[18])[0] == "Ban Chỉ đạo"
    assert _shown("Phối hợp Bộ KH&CN đề nghị các doanh nghiệp cung cấp chữ ký số") == ["Bộ KH&CN"]
    # A name after a short form and a word of the sentence is shown by itself.
    assert "Bộ Y tế" in _shown("Sửa đổi Quy chế quản lý nhiệm vụ KH&CN cấp Bộ Y tế")


def test_the_provinces_departments_and_communes_together_are_the_provinces_task():
    # Whose digital transformation is ranked: the province's units, the province's work;
    # the ranking of communes and the province's enterprises differ in what is ranked.
    assert read_parts(LAOCAI[59]).level == PROVINCE
    assert read_parts(LAOCAI[20]).level == PROVINCE
    # "theo Bộ tiêu chí của Bộ Khoa học và Công nghệ": a cited body, no unit at work.
    comparison = _laocai(59, 72)
    assert "khác cấp" not in comparison.summary
    assert "khác đối tượng: các xã, phường / doanh nghiệp" in comparison.differ
    assert comparison.conflict
    assert not judge_pairs([(LAOCAI[59], LAOCAI[72])])[0].same


# The nineteenth and eighteenth sets' titles (t-abbrev): a name written partly in short
# forms, and a short form of the table against its spelling, are one name.
_CUC = "Cục Quản lý và Phát triển thị trường trong nước"


def test_a_partly_short_formed_name_is_the_name_spelled_out():
    a = read_parts(
        f"{_CUC} phát hành ứng dụng di động cho người tiêu dùng quét mã QR, tem chống giả để"
        " kiểm tra hàng thật và gửi tố giác hàng giả kèm ảnh, vị trí, trong năm 2026"
    )
    b = read_parts(
        "Cục QL&PTTTTN: app quét QR, tem CG xác thực hàng thật, tố giác hàng giả kèm ảnh, vị"
        " trí, năm 2026"
    )
    assert _other_owners(a, b) is None
    assert _other_owners(b, a) is None
    assert "khác đối tượng" not in compare_parts(a, b).summary
    # Another body's name is still another owner.
    other = read_parts(
        "Cục Hóa chất phát hành ứng dụng di động cho người tiêu dùng quét mã QR, năm 2026"
    )
    assert _other_owners(b, other) is not None


def test_a_national_short_form_and_a_deadline_written_two_ways_are_no_other_object():
    a = "Số hóa hồ sơ VBBH giấy (từ 1982) — CSDL SHCN QG, hạn 6/2027"
    b = (
        "Cục Sở hữu trí tuệ số hóa toàn bộ hồ sơ đơn và văn bằng bảo hộ giấy từ năm 1982 đến"
        " nay, đưa vào cơ sở dữ liệu sở hữu công nghiệp quốc gia, hoàn thành trước 30/6/2027"
    )
    assert "quoc gia" in fold_for_matching(a)
    (judgement,) = judge_pairs([(a, b)])
    assert "khác đối tượng" not in judgement.comparison.summary
    # "hạn chế", "hoàn thành chương trình" are no deadline: the object runs on.
    assert _deadline_at(("han", "6", "2027"), 0)
    assert _deadline_at(("hoan", "thanh", "truoc", "30"), 0)
    assert not _deadline_at(("han", "che", "ho", "so"), 0)
    assert not _deadline_at(("hoan", "thanh", "chuong", "trinh"), 0)


def test_a_short_form_with_two_meanings_is_not_in_the_table():
    # "QH": Quốc hội and quy hoạch; "TP": thành phố, Thẩm phán, Tư pháp; "BCT": Bộ Chính
    # trị and Bộ Công Thương.
    for short in ("QH", "TP", "BCT", "HS", "GV"):
        assert fold_for_matching(f"kết nối {short} tỉnh") == f"ket noi {short.lower()} tinh"
    assert fold_for_matching("BHXH, BHYT, CCCD") == (
        "bao hiem xa hoi bao hiem y te can cuoc cong dan"
    )


def test_a_short_form_of_two_initials_makes_no_part_the_other_task_does_not_say():
    # "KH" is kế hoạch in the fixed table, but khách hàng here ("KH SH": khách hàng sinh
    # hoạt); read as a plan, it vetoed its spelled-out twin ("khác sản phẩm: kế hoạch /
    # trung tâm", twenty-second dev half, t-ambig).
    a = (
        "CTCP CN Huế: lắp 60.000 ĐHN TM đọc từ xa (AMI) cho KH SH các phường TT TP. Huế, tự"
        " động lập HĐĐT, CB rò rỉ sau ĐH qua app - QIV/2027"
    )
    b = (
        "Lắp 60.000 đồng hồ nước thông minh đọc chỉ số từ xa (AMI) cho khách hàng sinh hoạt"
        " tại các phường trung tâm TP. Huế, tự động lập hóa đơn điện tử, cảnh báo rò rỉ sau"
        " đồng hồ qua ứng dụng, hoàn thành quý IV/2027."
    )
    read_a = read_parts(a)
    assert "kế hoạch" in {part.label for part in read_a.products}  # alone, the table's
    comparison = compare_parts(read_a, read_parts(b))
    assert "khác sản phẩm" not in comparison.summary
    assert not comparison.conflict
    # "SXD KH" is Sở Xây dựng Khánh Hòa: no plan against the data its twin connects.
    comparison = compare_parts(
        read_parts(
            "SXD KH: cấp GPXD DVCTT toàn trình, kết nối DL đất đai, QH, không nộp bản giấy,"
            " 100% hồ sơ từ 01/7/2026"
        ),
        read_parts(
            "Sở Xây dựng tỉnh Khánh Hòa cung cấp thủ tục cấp giấy phép xây dựng trực tuyến"
            " toàn trình, kết nối dữ liệu đất đai, quy hoạch để không yêu cầu nộp bản giấy"
        ),
    )
    assert "kế hoạch" not in comparison.summary
    assert not comparison.conflict


def test_a_short_form_of_two_initials_is_the_tables_where_the_other_task_says_so():
    # Where the other task writes the plan, "Ban hành KH …" is still the plan both make.
    comparison = compare_parts(
        read_parts("Ban hành KH CĐS tỉnh Tây Ninh năm 2026"),
        read_parts("Ban hành Kế hoạch chuyển đổi số tỉnh Tây Ninh năm 2026"),
    )
    assert comparison.summary == "cùng ban hành kế hoạch"
    assert not comparison.conflict
    # Written both sides the same way, it is one word, whatever it means.
    comparison = compare_parts(
        read_parts("Ban hành KH CĐS tỉnh Tây Ninh năm 2026"),
        read_parts("UBND tỉnh ban hành KH CĐS năm 2026"),
    )
    assert not comparison.conflict
    # A definition in the text, or the committee's own table, fixes the meaning.
    assert not read_parts("Lập kế hoạch (KH) năm; KH gửi Sở").text.unsure
    assert read_parts("KH gửi Sở").text.unsure == {0}
    own = get_learned_abbreviations([], own=[("KH", "kế hoạch")])
    assert not read_parts("KH gửi Sở", abbreviations=own).text.unsure
    # "TW" (W is no initial) and a document's symbol ("29/KH-UBND") are sure; "BV"
    # (bệnh viện, bảo vệ) is not.
    assert read_parts("Kế hoạch 29/KH-UBND của BV Mắt TW").text.unsure == {5}


def test_a_count_is_no_part_of_the_object_it_counts():
    # The fifth set's rephrasing and the twenty-second set's ministry's duty and its
    # centre's share: "100%" and "2.000" say how large the share is, not what it is on.
    a = read_parts(
        "Cấp chữ ký số cho 100% cán bộ, công chức, viên chức của Bộ và sử dụng trong xử lý"
        " văn bản điện tử"
    )
    b = read_parts(
        "Trang bị chữ ký số cho tất cả công chức, viên chức các đơn vị thuộc Bộ và bắt buộc"
        " ký số văn bản đi"
    )
    assert a.objects["cho"][1].startswith("cán bộ")
    assert "khác đối tượng" not in compare_parts(a, b).summary
    centre = read_parts(
        "Đầu tư nâng cấp hệ thống mô phỏng buồng lái toàn phần (full mission bridge"
        " simulator) và mô phỏng buồng máy tại Trung tâm Huấn luyện thuyền viên, đáp ứng"
        " STCW, đưa vào huấn luyện và đánh giá năng lực cho 2.000 học viên/năm, hoàn thành"
        " tháng 8/2027."
    )
    ministry = read_parts(
        "Bộ Xây dựng: đầu tư trang thiết bị mô phỏng hiện đại cho các cơ sở đào tạo, huấn"
        " luyện thuyền viên trực thuộc Bộ theo yêu cầu Công ước STCW, giai đoạn 2026 - 2027."
    )
    assert "khác đối tượng" not in compare_parts(centre, ministry).summary
    # A count scaled and measured ("1 triệu người", "20.000 ha lúa") is passed whole; a
    # measure with nothing after it is kept: "Đề án 1 triệu héc-ta" is "… 1 triệu ha".
    assert read_parts("Sàng lọc lao cho 1 triệu người nguy cơ cao").objects["cho"][1] == (
        "người nguy cơ cao"
    )
    assert read_parts("Hỗ trợ bay phun thuốc cho 20.000 ha lúa").objects["cho"][1] == "lúa"
    (judgement,) = judge_pairs(
        [
            (
                "Triển khai truy xuất nguồn gốc điện tử cho lúa gạo chất lượng cao, phát thải"
                " thấp tỉnh An Giang thuộc Đề án 1 triệu héc-ta",
                "Áp dụng mã QR truy xuất nguồn gốc cho gạo chất lượng cao, phát thải thấp vùng"
                " Đề án 1 triệu ha của tỉnh An Giang",
            )
        ]
    )
    assert "khác đối tượng" not in judgement.comparison.summary


def test_a_short_verb_lap_is_the_work_not_the_purpose_after_it():
    # The twenty-sixth set's rewording, in other words: "Lắp" installs, as "Lắp đặt"
    # does; read without it, "giám sát" (what the sensors do) became the work and the
    # pair read "khác việc: lắp đặt / giám sát".
    installs = read_parts(
        "Lắp cảm biến IoT giám sát nhiệt độ, độ ẩm kho lạnh thủy sản, cảnh báo tự động về"
        " Chi cục, thí điểm 12 kho năm 2026"
    )
    full = read_parts(
        "Lắp đặt hệ thống cảm biến IoT giám sát nhiệt độ, độ ẩm trong kho lạnh thủy sản,"
        " cảnh báo tự động về Chi cục Thủy sản, thí điểm 12 kho năm 2026"
    )
    assert installs.action.family == full.action.family == "make"
    assert "khác việc" not in compare_parts(installs, full).summary
    # "Lập" (draw up) is written with other marks: not installing.
    assert read_parts("Lập danh sách hộ nghèo của xã năm 2026").action.label != "lắp"


def test_monitoring_is_the_work_of_what_monitors():
    # The twenty-sixth set's rewording, in other words: monitoring with sensors and
    # installing the sensors that monitor are one work; monitoring work done stays
    # oversight of it.
    monitors = read_parts(
        "Giám sát từ xa nhiệt độ kho lạnh thủy sản bằng thiết bị cảm biến kết nối"
        " Internet, cảnh báo về Chi cục khi vượt ngưỡng"
    )
    installs = read_parts(
        "Lắp đặt hệ thống cảm biến IoT giám sát nhiệt độ trong kho lạnh thủy sản, cảnh báo"
        " tự động về Chi cục Thủy sản"
    )
    assert "khác việc" not in compare_parts(monitors, installs).summary
    oversees = read_parts(
        "Giám sát việc lắp đặt hệ thống cảm biến IoT trong kho lạnh thủy sản của các doanh nghiệp"
    )
    assert "khác việc" in compare_parts(oversees, installs).summary


def test_a_place_by_its_initials_is_the_place_it_spells():
    # The twenty-seventh set's short wordings, in other words: "tỉnh QNg" writes Quảng
    # Ngãi by its syllables' first consonants; Quảng Nam is another province.
    full = read_parts(
        "Xây dựng phần mềm quản lý hội viên Hội Nông dân tỉnh Quảng Ngãi, số hóa 100% hồ"
        " sơ hội viên, xong trước 30/11/2026"
    )
    short = read_parts("XD PM QL hội viên HND tỉnh QNg, SH 100% HS HV, trước 30/11/2026")
    assert "khác đối tượng" not in compare_parts(full, short).summary
    other = read_parts(
        "Xây dựng phần mềm quản lý hội viên Hội Nông dân tỉnh Quảng Nam, số hóa 100% hồ"
        " sơ hội viên, xong trước 30/11/2026"
    )
    assert "khác đối tượng: tỉnh Quảng Nam / tỉnh QNg" in compare_parts(other, short).summary


def test_a_quarter_written_short_is_the_quarter():
    # The twenty-sixth set's short wording, in other words: "QII/2027" is "quý II/2027",
    # not a word of the object ("khác đối tượng: … quý II / … QII").
    full = read_parts(
        "Triển khai phần mềm quản lý kho hàng thống nhất tại Cục và các Chi cục khu vực,"
        " hoàn thành trong quý II/2027"
    )
    short = read_parts(
        "Triển khai PM quản lý kho hàng thống nhất tại Cục và các Chi cục khu vực, QII/2027"
    )
    assert short.text.words[-3:] == ("quy", "ii", "2027")
    assert "khác đối tượng" not in compare_parts(full, short).summary


def test_a_vietnamese_short_form_is_learned_only_from_words_it_spells():
    # The twenty-seventh set: "Phòng Đào tạo (ĐHCT)" is the university's office, not a
    # definition of "ĐHCT"; a foreign short form after its Vietnamese name still is one.
    learned = get_learned_abbreviations(
        [
            "Phòng Đào tạo (ĐHCT) xây dựng bộ câu hỏi - đáp về tuyển sinh",
            "Triển khai hệ thống quản trị nguồn lực doanh nghiệp (ERP) tại Tổng công ty",
        ]
    )
    assert "dhct" not in learned
    assert learned["erp"] == ("quan", "tri", "nguon", "luc", "doanh", "nghiep")


# t-reader2: the explanations' wrong readings (real titles of the labelled sets).
HTX_SOFTWARE = (
    "Cung cấp miễn phí phần mềm kế toán, quản lý thành viên và hóa đơn điện tử trên nền tảng"
    " điện toán đám mây cho 300 hợp tác xã, 100% HTX được hỗ trợ nộp báo cáo tài chính điện"
    " tử, hoàn thành trong năm 2026"
)
FAST_TRACK = (
    "Cục Sở hữu trí tuệ áp dụng quy trình thẩm định nhanh đơn đăng ký {} xuống dưới {}"
    " tháng, từ năm 2026"
)


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        # "quản | lý thành viên" / "quản | trị": the shared syllable was left out of both.
        (
            HTX_SOFTWARE,
            "Hỗ trợ 300 HTX dùng phần mềm kế toán - quản trị (PMKT-QT) và hóa đơn điện tử"
            " (HĐĐT) trên cloud, T12/2026",
            "khác đối tượng: quản lý thành viên và hóa đơn / quản trị PMKT-QT",
        ),
        # "thuộc danh | mục": the line ended inside "danh mục".
        (
            FAST_TRACK.format("nhãn hiệu của doanh nghiệp khởi nghiệp sáng tạo, rút ngắn", "6"),
            FAST_TRACK.format(
                "sáng chế thuộc danh mục công nghệ chiến lược, rút ngắn thời gian thẩm định"
                " nội dung",
                "12",
            ),
            "khác đối tượng: nhãn hiệu / sáng chế thuộc danh mục",
        ),
    ],
)
def test_a_difference_is_shown_in_whole_words(a, b, shown):
    (judgement,) = judge_pairs([(a, b)])
    assert shown in judgement.comparison.summary, judgement.comparison.summary


def test_a_colon_after_the_doer_s_name_closes_it():
    # "Xã Mỹ Đức: dự toán, mua sắm …": the work starts at "dự toán", which was read as
    # words of the doer's name (the work from "mua sắm"); the pair, labelled the same
    # work, was vetoed by "khác đối tượng: thiết bị / máy tính máy quét".
    title = (
        "Xã Mỹ Đức: dự toán, mua sắm máy tính, máy quét cho bộ phận tiếp nhận và trả kết"
        " quả năm 2026"
    )
    parts = read_parts(title)
    assert parts.text.words[parts.begin : parts.begin + 2] == ("du", "toan")
    herds = read_parts(
        "CCCN&TY tỉnh BN: cấp mã số, cập nhật 100% CSCN trang trại QML, QMV lên CSDL chăn"
        " nuôi QG, trước 31/12/2026"
    )
    assert herds.text.words[herds.begin : herds.begin + 3] == ("cap", "ma", "so")
    (judgement,) = judge_pairs(
        [("UBND xã Mỹ Đức bố trí kinh phí mua sắm thiết bị cho bộ phận một cửa xã năm 2026", title)]
    )
    assert not judgement.comparison.conflict, judgement.comparison.summary


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "CTCP CN Huế: lắp 60.000 ĐHN TM đọc từ xa (AMI) cho KH SH các phường TT TP. Huế,"
            " tự động lập HĐĐT, CB rò rỉ sau ĐH qua app - QIV/2027",
            "Lắp 60.000 đồng hồ nước thông minh đọc chỉ số từ xa (AMI) cho khách hàng sinh"
            " hoạt tại các phường trung tâm TP. Huế, tự động lập hóa đơn điện tử, cảnh báo rò"
            " rỉ sau đồng hồ qua ứng dụng, hoàn thành quý IV/2027.",
        ),
        (
            "BVĐK tỉnh TH: BAĐT theo TT 13/2025/TT-BYT, liên thông HIS-LIS-RIS/PACS, ký số"
            " 100%, dừng BA giấy từ 01/7/2026",
            "Bệnh viện Đa khoa tỉnh Thanh Hóa hoàn thiện bệnh án điện tử theo Thông tư"
            " 13/2025/TT-BYT, liên thông HIS - LIS - RIS/PACS, ký số 100% hồ sơ, dừng bệnh án"
            " giấy và in phim từ 01/7/2026",
        ),
    ],
)
def test_a_name_both_tasks_write_alike_is_no_other_body(a, b):
    # "khác đối tượng: AMI / AMI", "TT-BYT / TT-BYT": spelled out from the words around
    # it in one task, the same written name differed.
    (judgement,) = judge_pairs([(a, b)])
    assert "owner" not in judgement.comparison.reasons, judgement.comparison.summary


def test_a_meeting_s_stage_says_which_work():
    # The meeting's stage gives the work its kind; the line said "tổ chức / tổ chức".
    (judgement,) = judge_pairs(
        [
            (
                "Tổ chức hội nghị quán triệt, triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị",
                "Tổ chức hội nghị sơ kết một năm thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
            )
        ]
    )
    assert "khác việc: quán triệt / sơ kết" in judgement.comparison.summary


def test_short_forms_the_other_task_does_not_account_for_are_a_share_of_its_words():
    # Thirteenth set: one title mostly in short forms, against the same work in full and
    # against another database of the same hospital.
    short = read_parts(
        "CSDL TKX học đường: BV Mắt TW tiếp nhận KQ khám mắt HS các tỉnh phía Bắc, NH 2026 - 2027"
    )
    same = read_parts(
        "Bệnh viện Mắt Trung ương xây dựng cơ sở dữ liệu tật khúc xạ học đường, tiếp nhận kết"
        " quả khám mắt học sinh của các tỉnh phía Bắc, đưa vào sử dụng từ năm học 2026 - 2027"
    )
    other = read_parts(
        "Bệnh viện Mắt Trung ương xây dựng cơ sở dữ liệu người bệnh glôcôm, tiếp nhận kết quả"
        " khám của các bệnh viện vệ tinh phía Bắc, đưa vào sử dụng từ năm 2026"
    )

    # Every short form written in full by the same work ("tật khúc xạ", "học sinh",
    # "năm học"); three of twenty words ("TKX", "HS", "NH") said nowhere by the other.
    assert _short_forms_unaccounted(short, same) == 0.0
    assert _short_forms_unaccounted(short, other) == pytest.approx(3 / 20)
    assert _short_forms_unaccounted(other, short) == _short_forms_unaccounted(short, other)
    assert compare_parts(short, other).signals["short_forms_unaccounted"] == pytest.approx(0.15)


def test_the_words_only_one_side_writes_are_its_unsaid_syllables_and_their_pairs():
    # t-lex: one template on two objects (test_decision.py's databases) differs in the
    # object's words only; short forms count as the other task spells them.
    template = "Kết nối cơ sở dữ liệu của tỉnh với Cơ sở dữ liệu quốc gia về "
    population = read_parts(template + "dân cư")
    insurance = read_parts(template + "bảo hiểm")
    ioc = read_parts("Vận hành Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh")
    ioc_again = read_parts("Duy trì vận hành hiệu quả Trung tâm IOC tỉnh")

    one_sided = compare_parts(population, insurance).one_sided
    assert {"dan", "cu", "dan_cu"} <= one_sided[0]
    assert "hiem" in one_sided[1]
    assert not one_sided[0] & {"co", "so", "du", "lieu", "quoc", "gia", "co_so", "du_lieu"}
    # "IOC" is the centre the other task names in full: not a word of its own.
    words_ioc, words_again = compare_parts(ioc, ioc_again).one_sided
    assert not words_ioc
    assert {"duy", "tri", "duy_tri", "hieu_qua"} <= words_again


def test_a_content_word_that_folds_onto_a_stop_word_is_read_as_written():
    # Folded, "ô" (tô) is "o" ("ở") and "khí" is "khi" ("when"): the slot and the runs
    # that differ were read without them (t-fa3, ``_says_content_at``).
    car = read_parts(
        "Tiếp nhận và giải quyết 100 % hồ sơ đăng ký, cấp biển số xe ô tô trực tuyến toàn"
        " trình tại Công an cấp xã trên địa bàn tỉnh Tây Ninh từ Quý I/2026"
    )
    motorbike = read_parts(
        "Tiếp nhận và giải quyết 100 % hồ sơ đăng ký, cấp biển số xe mô tô, xe gắn máy trực"
        " tuyến toàn trình tại Công an cấp xã trên địa bàn tỉnh Tây Ninh từ Quý I/2026"
    )
    assert _says_content_at(car.text, car.text.words.index("o"))
    comparison = compare_parts(car, motorbike)
    assert comparison.conflict
    assert "slot" in comparison.reasons

    water = read_parts(
        "Kết nối dữ liệu quan trắc nước thải tự động, liên tục của Nhà máy xử lý nước thải tập"
        " trung Khu CNC về Sở Nông nghiệp và Môi trường TP. Hồ Chí Minh trước 30/6/2026"
    )
    air = read_parts(
        "Kết nối dữ liệu quan trắc khí thải tự động, liên tục của các nhà máy trong Khu CNC về"
        " Sở Nông nghiệp và Môi trường TP. Hồ Chí Minh trước 30/6/2026"
    )
    # "khí" says something; "về", "của", "các" do not, marks or none.
    assert _says_content_at(air.text, air.text.words.index("khi"))
    assert not _says_content_at(air.text, air.text.words.index("ve"))
    assert not _says_content_at(air.text, air.text.words.index("cac"))
    unmarked = read_parts("Ket noi du lieu quan trac khi thai tu dong")
    assert not _says_content_at(unmarked.text, unmarked.text.words.index("khi"))
    # The air run is said on both sides now: "nước" / "khí", each unsaid in the other.
    assert compare_parts(water, air).signals["middle_swap_unsaid"] == 1.0


def test_a_doer_named_at_the_head_is_told_from_an_owner_of_the_object():
    # A unit's part of its upper body's duty: the owner line pairs the unit doing its part
    # with a thing the duty names, and the duty's doer is written inside the part's work
    # ("… của Bộ Giáo dục và Đào tạo"): a doer, not the owner of another object (t-part2).
    school = read_parts(
        "Phòng Quản lý đào tạo chủ trì nâng cấp phần mềm xét tuyển trực tuyến, kết nối, đối"
        " soát tự động dữ liệu đăng ký và nguyện vọng với Hệ thống hỗ trợ tuyển sinh chung"
        " của Bộ Giáo dục và Đào tạo, phục vụ tuyển sinh đại học chính quy năm 2027 của"
        " Trường Đại học Kinh tế Quốc dân, hoàn thành tháng 3/2027"
    )
    ministry = read_parts(
        "Bộ Giáo dục và Đào tạo nâng cấp Hệ thống hỗ trợ tuyển sinh chung, mở giao diện kết"
        " nối (API) để các trường đại học đồng bộ dữ liệu đăng ký xét tuyển, nguyện vọng và"
        " kết quả lọc ảo năm 2027"
    )
    assert [written for _, written in _doer_names(ministry)] == ["Bộ Giáo dục và Đào tạo"]
    assert "Hệ thống" not in " ".join(written for _, written in _doer_names(school))
    part = compare_parts(school, ministry)
    # The line stays, "khác đối tượng: Phòng Quản lý / API", and says it pairs a doer.
    assert part.reasons == ("owner",)
    assert part.signals["owner_doer"] == 1.0
    assert part.signals["doer_cited"] == 1.0
    # A doer named before or after "chủ trì" at the end is a doer too.
    portal = read_parts(
        "Nâng cấp Cổng thông tin góp ý dự thảo văn bản quy phạm pháp luật của cộng đồng doanh"
        " nghiệp (VIBonline): ứng dụng trí tuệ nhân tạo tóm tắt dự thảo; Ban Pháp chế VCCI chủ"
        " trì, hoàn thành tháng 8/2026"
    )
    assert "Ban Pháp chế VCCI" in [written for _, written in _doer_names(portal)]
    tuyen_quang = read_parts(
        "Xây dựng Trung tâm điều phối cấp cứu 115 tỉnh Tuyên Quang ứng dụng công nghệ số;"
        " chủ trì: Sở Y tế tỉnh Tuyên Quang; hoàn thành Quý I/2027"
    )
    assert "Sở Y tế tỉnh Tuyên Quang" in [written for _, written in _doer_names(tuyen_quang)]
    # Another body's own work names no doer of the other.
    aviation = read_parts(
        "Cục Hàng không Việt Nam xây dựng hệ thống tiếp nhận, phân tích báo cáo sự cố an toàn"
        " hàng không bắt buộc và tự nguyện trực tuyến, vận hành từ tháng 6/2027"
    )
    air_traffic = read_parts(
        "Tổng công ty Quản lý bay Việt Nam triển khai phần mềm báo cáo, điều tra sự cố không"
        " lưu nội bộ tại các trung tâm kiểm soát đường dài, năm 2027"
    )
    other = compare_parts(aviation, air_traffic)
    assert other.signals["doer_cited"] == 0.0
