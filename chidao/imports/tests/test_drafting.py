"""Draft tasks read from directive text: plain functions of the text and the unit names."""

import pytest

from chidao.imports.drafting import FOUND, GUESSED, MISSING, UnitName, parse_directive_text
from chidao.imports.drafting_quality import get_drafting_quality

UNITS = [
    UnitName(1, "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    UnitName(2, "Sở Tài chính"),
    UnitName(3, "Sở Nội vụ"),
    UnitName(4, "Văn phòng UBND tỉnh", "VP UBND tỉnh"),
    UnitName(5, "Ban Tuyên giáo Trung ương"),
    UnitName(6, "Văn phòng Trung ương Đảng"),
    UnitName(7, "Ban Kinh tế Trung ương"),
    UnitName(8, "Bộ Khoa học và Công nghệ"),
]


def parse_one(text):
    drafts = parse_directive_text(text, UNITS)
    assert len(drafts) == 1, drafts
    return drafts[0]


def test_reads_a_sentence_of_a_provincial_plan():
    draft = parse_one(
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ xây dựng "
        "Kế hoạch phát triển hạ tầng số của tỉnh, hoàn thành trong Quý II/2025."
    )

    assert draft.title.value == "Xây dựng Kế hoạch phát triển hạ tầng số của tỉnh"
    assert draft.lead_unit.key == 1
    assert draft.lead.state == FOUND
    assert [unit.key for unit in draft.coordinating_units] == [2, 3]
    assert (draft.output.value, draft.output.state) == ("Kế hoạch", GUESSED)
    assert (draft.deadline.value, draft.deadline.state) == ("trong Quý II/2025", FOUND)


def test_reads_a_real_passage_of_resolution_57():
    draft = parse_one(
        "6. Văn phòng Trung ương Đảng phối hợp với Ban Kinh tế Trung ương theo dõi, kiểm tra, "
        "đánh giá kết quả thực hiện Nghị quyết; định kỳ 6 tháng báo cáo kết quả với Ban Chỉ "
        "đạo Trung ương và Bộ Chính trị để chỉ đạo."
    )

    assert draft.lead_unit.key == 6
    assert [unit.key for unit in draft.coordinating_units] == [7]
    assert draft.title.value.startswith("Theo dõi, kiểm tra, đánh giá kết quả")


def test_reads_a_row_of_an_appendix_table_pasted_from_word():
    draft = parse_one(
        "4.\tXây dựng văn bản quy định trách nhiệm người đứng đầu\tBộ Khoa học và Công nghệ"
        "\tCác bộ, ngành, địa phương\tQuyết định của Thủ tướng Chính phủ\t6/2025"
    )

    assert draft.lead_unit.key == 8
    assert (draft.output.value, draft.output.state) == ("Quyết định của Thủ tướng Chính phủ", FOUND)
    assert draft.deadline.value == "6/2025"


@pytest.mark.parametrize(
    ("text", "lead", "deadline"),
    [
        (
            "Giao Sở Tài chính: bố trí kinh phí thực hiện Nghị quyết số 57-NQ/TW (Hằng năm).",
            2,
            "Hằng năm",
        ),
        (
            "Giao VP UBND tỉnh theo dõi, đôn đốc việc thực hiện, báo cáo Chủ tịch UBND tỉnh hằng "
            "quý.",
            4,
            "hằng quý",
        ),
        (
            "Sở KH&CN chủ trì tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo; thời gian hoàn "
            "thành: tháng 10/2025.",
            1,
            "tháng 10/2025",
        ),
        (
            "giao so noi vu chu tri xay dung quy dinh danh gia can bo gan voi chuyen doi so, "
            "truoc ngay 30/6/2025",
            3,
            "truoc ngay 30/6/2025",
        ),
    ],
)
def test_reads_the_lead_unit_and_deadline_in_several_shapes(text, lead, deadline):
    draft = parse_one(text)

    assert draft.lead_unit.key == lead
    assert draft.deadline.value == deadline


def test_a_unit_not_on_file_is_guessed_or_left_missing():
    near = parse_one("Giao Sở Khoa học Công nghệ chủ trì xây dựng bộ tiêu chí đánh giá CĐS.")
    unknown = parse_one("Giao Công ty Điện lực chủ trì kéo điện cho trạm phát sóng.")

    assert (near.lead_unit.key, near.lead.state) == (1, GUESSED)
    assert unknown.lead_unit is None
    assert unknown.deadline.state == MISSING


def test_a_year_inside_the_title_is_not_a_deadline_and_a_bad_phrase_is_flagged():
    plain = parse_one("Giao Sở Nội vụ xây dựng Kế hoạch đào tạo cán bộ năm 2025.")
    odd = parse_one("Giao Sở Nội vụ xây dựng Kế hoạch đào tạo; thời gian: khi có hướng dẫn.")

    assert plain.deadline.state == MISSING
    assert plain.title.value == "Xây dựng Kế hoạch đào tạo cán bộ năm 2025"
    assert odd.deadline.state == GUESSED
    assert odd.deadline_error


def test_text_that_assigns_nothing_gives_no_draft():
    assert (
        parse_directive_text("Ban Chỉ đạo đánh giá cao sự vào cuộc của các sở, ngành.", UNITS) == []
    )
    assert parse_directive_text("", UNITS) == []


def test_a_paragraph_with_several_assignments_gives_several_drafts():
    drafts = parse_directive_text(
        "Giao Sở Nội vụ chủ trì xây dựng quy chế phối hợp. Giao Sở Tài chính bố trí kinh phí "
        "thực hiện năm 2026.",
        UNITS,
    )

    assert [draft.lead_unit.key for draft in drafts] == [3, 2]


def test_lead_unit_and_deadline_are_read_right_on_the_labelled_passages():
    quality = get_drafting_quality()

    assert quality.passages >= 200
    assert quality.lead.precision >= 0.9
    assert quality.lead.recall >= 0.85
    assert quality.deadline.precision >= 0.9
    assert quality.deadline.recall >= 0.85


PARTY_UNITS = [
    UnitName(20, "Quốc hội"),
    UnitName(21, "Chính phủ"),
    UnitName(22, "Bộ Khoa học và Công nghệ"),
    UnitName(23, "Bộ Tài chính"),
    UnitName(24, "Bộ Văn hóa, Thể thao và Du lịch"),
]


def test_a_party_body_of_a_body_is_not_that_body():
    (draft,) = parse_directive_text(
        "Đảng đoàn Quốc hội chủ trì, phối hợp với Ban cán sự đảng Chính phủ lãnh đạo, chỉ "
        "đạo sửa đổi, bổ sung các luật liên quan đến khoa học, công nghệ, hoàn thành trong "
        "năm 2025.",
        PARTY_UNITS,
    )

    assert draft.lead.value == "Đảng đoàn Quốc hội"
    assert draft.lead_unit is None
    assert draft.coordinating_units == []


def test_lead_and_every_coordinator_of_a_directive_sentence():
    (draft,) = parse_directive_text(
        "Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính, Bộ Văn hóa, Thể thao "
        "và Du lịch xây dựng Đề án phát triển công nghiệp văn hóa số, hoàn thành trong "
        "Quý IV/2025.",
        PARTY_UNITS,
    )

    assert draft.lead_unit.key == 22
    assert [unit.key for unit in draft.coordinating_units] == [23, 24]


def test_a_paragraph_assigning_nothing_gives_no_draft():
    assert (
        parse_directive_text(
            "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng "
            "đầu, là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.",
            PARTY_UNITS,
        )
        == []
    )
