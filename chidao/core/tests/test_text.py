import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chidao.core.text import fold_text, normalize_text
from chidao.org.models import Unit
from chidao.org.tests.factories import UnitFactory


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Khoa học và Công nghệ", "so khoa hoc va cong nghe"),
        ("ĐỔI MỚI SÁNG TẠO", "doi moi sang tao"),
        ("  Ủy ban   nhân dân\ttỉnh ", "uy ban nhan dan tinh"),
        ("Đắk Lắk", "dak lak"),
    ],
)
def test_fold_text(text, folded):
    assert fold_text(text) == folded


@given(st.text())
def test_composed_and_decomposed_text_fold_alike(text):
    nfd = unicodedata.normalize("NFD", text)
    assert fold_text(nfd) == fold_text(unicodedata.normalize("NFC", text))
    assert normalize_text(nfd) == normalize_text(unicodedata.normalize("NFC", text))


@pytest.mark.django_db
def test_text_is_stored_in_nfc_and_searchable_without_diacritics():
    decomposed = unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ")
    unit = UnitFactory(name=decomposed, short_name=" Sở KH&CN ")
    unit.refresh_from_db()
    assert unit.name == unicodedata.normalize("NFC", "Sở Khoa học và Công nghệ")
    assert unit.short_name == "Sở KH&CN"
    assert Unit.objects.filter(search_text__contains="so khoa hoc").get() == unit
