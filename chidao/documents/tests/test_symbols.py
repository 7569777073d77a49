"""Số, ký hiệu of state and Party documents: real examples, slips, and arbitrary input."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from chidao.documents.choices import SymbolSystem
from chidao.documents.rules import (
    DocumentSymbol,
    parse_document_symbol,
    validate_document_symbol,
)

STATE, PARTY = SymbolSystem.STATE, SymbolSystem.PARTY


def error_of(text):
    with pytest.raises(ValidationError) as caught:
        parse_document_symbol(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        # State documents (Decree 30/2020/NĐ-CP).
        ("29/KH-UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("1270/BC-TCTTTg", DocumentSymbol("1270", "BC", "TCTTTg", STATE), "1270/BC-TCTTTg"),
        ("03/NQ-CP", DocumentSymbol("03", "NQ", "CP", STATE), "03/NQ-CP"),
        ("123/QĐ-UBND", DocumentSymbol("123", "QĐ", "UBND", STATE), "123/QĐ-UBND"),
        ("15/HD-UBND-VP", DocumentSymbol("15", "HD", "UBND-VP", STATE), "15/HD-UBND-VP"),
        ("7/TTr-SKHCN", DocumentSymbol("7", "TTr", "SKHCN", STATE), "7/TTr-SKHCN"),
        ("05/2019/NĐ-CP", DocumentSymbol("05", "NĐ", "CP", STATE, 2019), "05/2019/NĐ-CP"),
        ("30/2020/NĐ-CP", DocumentSymbol("30", "NĐ", "CP", STATE, 2020), "30/2020/NĐ-CP"),
        # An official letter carries no kind: agency, then drafting unit.
        ("708/BTTTT-CATTT", DocumentSymbol("708", "CV", "BTTTT-CATTT", STATE), "708/BTTTT-CATTT"),
        ("1552/BTTTT-TTH", DocumentSymbol("1552", "CV", "BTTTT-TTH", STATE), "1552/BTTTT-TTH"),
        # Party documents.
        ("54-CTr/TU", DocumentSymbol("54", "CTr", "TU", PARTY), "54-CTr/TU"),
        ("57-NQ/TW", DocumentSymbol("57", "NQ", "TW", PARTY), "57-NQ/TW"),
        ("1407-QĐ/TU", DocumentSymbol("1407", "QĐ", "TU", PARTY), "1407-QĐ/TU"),
        ("12-KL/TU", DocumentSymbol("12", "KL", "TU", PARTY), "12-KL/TU"),
        ("45-TB/TU", DocumentSymbol("45", "TB", "TU", PARTY), "45-TB/TU"),
        ("09-CT/TW", DocumentSymbol("09", "CT", "TW", PARTY), "09-CT/TW"),
        ("05-QC/BCĐ", DocumentSymbol("05", "QC", "BCĐ", PARTY), "05-QC/BCĐ"),
        ("08-QĐi/TW", DocumentSymbol("08", "QĐi", "TW", PARTY), "08-QĐi/TW"),
        # Prefixes, spacing, dashes and case.
        ("Số 29/KH-UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("Số: 54-CTr/TU", DocumentSymbol("54", "CTr", "TU", PARTY), "54-CTr/TU"),
        ("số:29/KH-UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("  29 / KH - UBND ", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("29/KH\u2013UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("57\u2014NQ/TW", DocumentSymbol("57", "NQ", "TW", PARTY), "57-NQ/TW"),
        ("Số:\u00a029/KH-UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        ("54-ctr/TU", DocumentSymbol("54", "CTr", "TU", PARTY), "54-CTr/TU"),
        ("29/kh-UBND", DocumentSymbol("29", "KH", "UBND", STATE), "29/KH-UBND"),
        # Legacy fonts type the look-alike eth (U+00D0) for Đ.
        ("123/Q\u00d0-UBND", DocumentSymbol("123", "QĐ", "UBND", STATE), "123/QĐ-UBND"),
        # Decomposed input (NFD, as some macOS apps produce) reads the same as composed.
        (
            unicodedata.normalize("NFD", "Số: 1407-QĐ/TU"),
            DocumentSymbol("1407", "QĐ", "TU", PARTY),
            "1407-QĐ/TU",
        ),
    ],
)
def test_parses_real_symbols(text, expected, canonical):
    symbol = parse_document_symbol(text)

    assert symbol == expected
    assert str(symbol) == canonical
    assert symbol.warnings == ()


@pytest.mark.parametrize(
    ("text", "canonical", "warning_mentions"),
    [
        # As a newspaper printed Tuyên Quang's plan; the standard order puts the kind first.
        ("29/UBND-KH", "29/KH-UBND", "viết đảo thứ tự"),
        ("Số 29/UBND-KH", "29/KH-UBND", "Nghị định 30/2020/NĐ-CP"),
        ("57 NQ/TW", "57-NQ/TW", "thiếu dấu gạch nối"),
        ("1407-QD/TU", "1407-QĐ/TU", 'không có chữ "Đ"'),
        ("123/QD-UBND", "123/QĐ-UBND", 'không có chữ "Đ"'),
        ("05/2019/ND-CP", "05/2019/NĐ-CP", 'không có chữ "Đ"'),
    ],
)
def test_normalises_common_slips_with_a_warning(text, canonical, warning_mentions):
    symbol = parse_document_symbol(text)

    assert str(symbol) == canonical
    assert len(symbol.warnings) == 1
    assert warning_mentions in symbol.warnings[0]
    assert canonical in symbol.warnings[0]


def test_reversed_order_warning_reads_as_specified():
    symbol = parse_document_symbol("29/UBND-KH")

    assert symbol == DocumentSymbol("29", "KH", "UBND", STATE)
    assert symbol.warnings == (
        'Ký hiệu "29/UBND-KH" viết đảo thứ tự; đã chuẩn hóa thành "29/KH-UBND" '
        "theo Nghị định 30/2020/NĐ-CP.",
    )


def test_warnings_do_not_change_equality():
    assert parse_document_symbol("57 NQ/TW") == parse_document_symbol("57-NQ/TW")


@pytest.mark.parametrize(
    ("text", "code", "mentions"),
    [
        ("", "required", "không được để trống"),
        ("   ", "required", "không được để trống"),
        (None, "required", "không được để trống"),
        ("/KH-UBND", "missing_number", "thiếu số văn bản"),
        ("-NQ/TW", "missing_number", "thiếu số văn bản"),
        ("0/KH-UBND", "zero_number", "bằng 0"),
        ("000-NQ/TW", "zero_number", "bằng 0"),
        ("abc/KH-UBND", "invalid_number", '"abc" không phải là số'),
        ("29a/KH-UBND", "invalid_number", '"29a" không phải là số'),
        ("29/-UBND", "missing_kind", "thiếu tên loại văn bản"),
        ("29/UBND", "missing_kind", "thiếu tên loại văn bản"),
        ("57-/TW", "missing_kind", "thiếu tên loại văn bản"),
        ("29/KH", "missing_issuer", "thiếu tên cơ quan ban hành"),
        ("29/KH-", "missing_issuer", "thiếu tên cơ quan ban hành"),
        ("54-CTr/", "missing_issuer", "thiếu tên cơ quan ban hành"),
        ("54-CTr", "missing_issuer", "thiếu tên cơ quan ban hành"),
        ("05/1800/NĐ-CP", "invalid_year", '"1800"'),
        ("05/99999/NĐ-CP", "invalid_year", '"99999"'),
        ("Kế hoạch số 29", "invalid", "không hợp lệ"),
        ("29/KH--UBND", "invalid", "không hợp lệ"),
        ("29/KH_UBND", "invalid", "không hợp lệ"),
        ("57-NQ/TW/x", "invalid", "không hợp lệ"),
        ("😀", "invalid", "không hợp lệ"),
    ],
)
def test_rejects_bad_symbols_naming_the_input(text, code, mentions):
    error = error_of(text)

    assert error.code == code
    (message,) = error.messages
    assert mentions in message
    assert 'Ví dụ hợp lệ: "29/KH-UBND"' in message
    if text and text.strip():
        assert f'"{text.strip()}"' in message


def test_long_input_is_cut_short_in_the_message():
    (message,) = error_of("x" * 5000).messages

    assert "x" * 60 + "…" in message
    assert len(message) < 300


def test_validator_raises_the_same_error():
    validate_document_symbol("29/KH-UBND")
    with pytest.raises(ValidationError) as caught:
        validate_document_symbol("29/KH")

    assert caught.value.code == "missing_issuer"


def assert_parses_or_explains(text):
    try:
        symbol, error = parse_document_symbol(text), None
    except ValidationError as raised:
        symbol, error = None, raised
    if error:
        assert error.messages
        assert all(message.strip() for message in error.messages)
    else:
        assert symbol.number.isascii()
        assert symbol.number.isdigit()
        assert symbol.number.strip("0")
        assert symbol.kind
        assert symbol.issuer
        # The canonical form reads back as the same symbol, with nothing left to fix.
        again = parse_document_symbol(str(symbol))
        assert again == symbol
        assert again.warnings == ()


@given(st.text())
def test_any_text_parses_or_explains(text):
    assert_parses_or_explains(text)


KINDS = ["KH", "kh", "NQ", "CTr", "QĐ", "QD", "Q\u00d0", "ND", "TTr", "XYZ", "", "1", "Đ"]
ISSUERS = ["UBND", "TW", "TU", "UBND-VP", "BCĐ", "TCTTTg", "QH15", "", "-", "U_B", "😀"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.sampled_from(["", "0", "00", "abc", "١٢", "²", " 29 ", "-1"]),
)
SEPARATORS = st.sampled_from(["/", "-", " ", "\u2013", "\u2014", "\u00a0", " / ", "", "//"])


@given(
    prefix=st.sampled_from(["", "Số ", "Số:", "số: ", "SỐ "]),
    number=NUMBERS,
    first_sep=SEPARATORS,
    year=st.one_of(st.just(""), st.integers(min_value=-1, max_value=10**6).map(lambda y: f"{y}/")),
    kind=st.sampled_from(KINDS),
    second_sep=SEPARATORS,
    issuer=st.sampled_from(ISSUERS),
)
def test_symbol_shaped_text_parses_or_explains(
    prefix, number, first_sep, year, kind, second_sep, issuer
):
    assert_parses_or_explains(f"{prefix}{number}{first_sep}{year}{kind}{second_sep}{issuer}")


@given(
    number=st.integers(min_value=1, max_value=99_999).map(str),
    kind=st.sampled_from(["KH", "NQ", "QĐ", "BC", "HD", "TTr", "CTr"]),
    issuer=st.sampled_from(["UBND", "CP", "UBND-VP", "TCTTTg", "BCĐ"]),
)
def test_written_state_and_party_forms_round_trip(number, kind, issuer):
    state = parse_document_symbol(f"{number}/{kind}-{issuer}")
    party = parse_document_symbol(f"{number}-{kind}/{issuer}")

    assert (state.system, str(state)) == (STATE, f"{number}/{kind}-{issuer}")
    assert (party.system, str(party)) == (PARTY, f"{number}-{kind}/{issuer}")
