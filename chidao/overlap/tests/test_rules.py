"""Wording reduced for matching, and shared phrases: plain functions, no database."""

import pytest

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


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # Loan words and their office words.
        ("học online", "học trực tuyến"),
        ("livestream bán hàng", "phát trực tiếp bán hàng"),
        ("check-in", "làm thủ tục"),
        ("digital twin đô thị", "bản sao số đô thị"),
        ("song sinh số đô thị", "bản sao số đô thị"),
        ("mô hình máy học", "mô hình học máy"),
        ("Telehealth", "khám chữa bệnh từ xa"),
        ("predictive maintenance", "bảo dưỡng dự báo"),
        # Two office words for one thing.
        ("quét khuôn mặt", "sinh trắc học khuôn mặt"),
        ("nhận diện khuôn mặt", "sinh trắc học khuôn mặt"),
        ("nhận dạng biển kiểm soát", "nhận diện biển số"),
        ("cân không người trực", "cân tự động"),
        ("sinh viên ra trường", "sinh viên tốt nghiệp"),
        ("các môn chung", "các học phần đại cương"),
        ("hồ sơ dạng điện tử", "hồ sơ điện tử"),
        ("học bạ số", "học bạ điện tử"),
        ("bảo trì động cơ", "bảo dưỡng động cơ"),
        ("đoán trước hỏng hóc", "dự báo hỏng hóc"),
        ("mã định danh", "số định danh"),
        ("người có tài năng", "nhân tài"),
        ("chặng Hà Nội - Sài Gòn", "chặng Hà Nội - Hồ Chí Minh"),
    ],
)
def test_words_for_one_thing_read_as_one(one, other):
    assert fold_for_matching(one) == fold_for_matching(other)


def test_words_with_several_meanings_are_made_one_only_in_a_phrase_that_fixes_them():
    # "bằng" is a diploma after "nhận", "by" elsewhere.
    assert fold_for_matching("nhận bằng dạng điện tử") == "nhan van bang dien tu"
    assert fold_for_matching("thanh toán bằng mã QR") == "thanh toan bang ma qr"
    # "mạng" is the internet after "trên", not in "mạng xã hội" or "mạng lưới".
    assert fold_for_matching("bán hàng trên mạng") == "ban hang truc tuyen"
    assert fold_for_matching("bán hàng trên mạng xã hội") == "ban hang tren mang xa hoi"
    assert fold_for_matching("trên mạng lưới y tế") == "tren mang luoi y te"
    # "dạng số" is a digital form, not the "đa dạng" of a number.
    assert fold_for_matching("đa dạng số lượng sản phẩm") == "da dang so luong san pham"
