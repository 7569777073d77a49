"""Wording reduced for matching, and shared phrases: plain functions, no database."""

from chidao.overlap.rules import (
    fold_for_matching,
    get_highlighted,
    get_shared_phrases,
    parse_match_text,
)


def test_abbreviations_read_as_the_words_they_stand_for():
    assert fold_for_matching("Sở KH&CN") == "so khoa hoc va cong nghe"
    assert parse_match_text("KHCN, ĐMST và CĐS").folded == (
        "khoa hoc cong nghe doi moi sang tao va chuyen doi so"
    )
    assert fold_for_matching("cds") == "chuyen doi so"
    assert fold_for_matching("UBND tỉnh") == "uy ban nhan dan tinh"
    assert fold_for_matching("định mức KT-KT") == "dinh muc kinh te ky thuat"


def test_the_name_of_the_whole_field_is_left_out_of_matching():
    assert (
        fold_for_matching(
            "Xây dựng chính sách phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
        )
        == "xay dung chinh sach"
    )
    assert fold_for_matching("Đẩy mạnh chuyển đổi số, đổi mới sáng tạo") == (
        "day manh chuyen doi so doi moi sang tao"
    )


def test_short_forms_that_are_words_expand_only_in_capitals():
    assert fold_for_matching("ứng dụng AI") == "ung dung tri tue nhan tao"
    assert fold_for_matching("ai làm") == "ai lam"
    assert fold_for_matching("tự chủ") == "tu chu"


def test_diacritics_and_case_do_not_matter():
    assert fold_for_matching("Chuyển Đổi Số") == fold_for_matching("chuyen doi so")


def test_shared_phrases_are_the_longest_common_runs_with_a_content_word():
    a = parse_match_text("Xây dựng bộ tiêu chí đánh giá mức độ CĐS doanh nghiệp")
    b = parse_match_text("Bo tieu chi danh gia muc do chuyen doi so cua doanh nghiep")

    assert get_shared_phrases(a, b) == ["bo tieu chi danh gia muc do chuyen doi so doanh nghiep"]


def test_highlighting_marks_the_written_words_including_an_abbreviation():
    text = parse_match_text("Hỗ trợ DNNVV chuyển đổi số, tổ chức hội thảo")
    other = parse_match_text("Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số")

    segments = get_highlighted(text, other)

    assert [s.text for s in segments if s.shared] == ["Hỗ trợ DNNVV chuyển đổi số"]
    assert "".join(s.text for s in segments) == "Hỗ trợ DNNVV chuyển đổi số, tổ chức hội thảo"


def test_stop_words_alone_are_not_a_shared_phrase():
    a = parse_match_text("Tuyên truyền về và của các cơ quan")
    b = parse_match_text("Đào tạo về và của các doanh nghiệp")

    assert get_shared_phrases(a, b) == []
