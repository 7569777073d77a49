"""A service's refusal lands on the form: next to its field, or above the form."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from chidao.core.forms import add_service_errors


class DeadlineForm(forms.Form):
    deadline = forms.CharField(required=False)
    reason = forms.CharField(required=False)


def refused(error: ValidationError) -> DeadlineForm:
    form = DeadlineForm(data={"deadline": "30/6/2025", "reason": "Chờ kinh phí"})
    assert form.is_valid()
    add_service_errors(form, error)
    return form


def test_a_plain_message_goes_above_the_form():
    form = refused(ValidationError("Nhiệm vụ đã đóng.", code="closed"))

    assert form.non_field_errors() == ["Nhiệm vụ đã đóng."]
    assert form.errors.as_data()[NON_FIELD_ERRORS][0].code == "closed"


def test_a_list_of_messages_goes_above_the_form():
    form = refused(ValidationError(["Thứ nhất.", "Thứ hai."]))

    assert form.non_field_errors() == ["Thứ nhất.", "Thứ hai."]


def test_a_message_for_a_field_goes_next_to_it_and_others_above():
    form = refused(
        ValidationError(
            {
                "deadline": "Thời hạn mới phải sau thời hạn cũ.",
                "lead_unit": "Cơ quan chủ trì đã giải thể.",  # the form has no such field
                NON_FIELD_ERRORS: "Trang đã cũ.",
            }
        )
    )

    assert form.errors["deadline"] == ["Thời hạn mới phải sau thời hạn cũ."]
    assert sorted(form.non_field_errors()) == ["Cơ quan chủ trì đã giải thể.", "Trang đã cũ."]
    assert "deadline" not in form.cleaned_data  # the refused value is no longer "clean"
