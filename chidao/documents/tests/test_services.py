import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from chidao.documents.choices import DocumentKind
from chidao.documents.models import Document
from chidao.documents.services import do_register_document
from chidao.org.tests.factories import UnitFactory, UserFactory


@pytest.mark.django_db
def test_reversed_state_symbol_is_stored_normalised_with_a_note():
    people_committee = UnitFactory(name="Ủy ban nhân dân tỉnh Nam Định")
    plan = do_register_document(
        by=UserFactory(),
        symbol="29/UBND-KH",
        issuing_unit=people_committee,
        issued_on=dt.date(2025, 2, 21),
        summary="Kế hoạch thực hiện Chương trình hành động số 54-CTr/TU",
    )
    plan.refresh_from_db()
    assert (plan.symbol, plan.kind) == ("29/KH-UBND", DocumentKind.PLAN)
    assert "29/UBND-KH" in plan.symbol_note
    assert str(plan) == "Kế hoạch 29/KH-UBND"


@pytest.mark.django_db
def test_registering_the_same_document_twice_returns_the_first():
    unit, user = UnitFactory(), UserFactory()
    fields = {"by": user, "issuing_unit": unit, "issued_on": dt.date(2025, 2, 24), "summary": "CTr"}
    first = do_register_document(symbol="54-CTr/TU", **fields)
    again = do_register_document(symbol="Số 54 CTr/TU", **fields)
    assert again == first
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_symbol_is_refused_with_a_vietnamese_message_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        do_register_document(
            by=UserFactory(),
            symbol="abc",
            issuing_unit=UnitFactory(),
            issued_on=dt.date(2025, 1, 1),
            summary="x",
        )
    assert "không hợp lệ" in " ".join(error.value.messages)
    assert Document.objects.count() == 0
