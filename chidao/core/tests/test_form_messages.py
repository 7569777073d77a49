"""Django's own form messages read as natural Vietnamese (issue [O] §10): the project's
override of Django's wording (``chidao/core/data/wording/vi``) on the project's forms,
English left as Django writes it, and the sign-in and password refusals in plain words."""

import pytest
from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.urls import reverse
from django.utils import translation

from chidao.assignments.forms.reports import ProgressReportForm
from chidao.core.tests.world import PASSWORD
from chidao.org.tests.factories import UserFactory


class NumberForm(forms.Form):
    whole = forms.IntegerField(min_value=0, max_value=100)
    day = forms.DateField()
    choice = forms.ChoiceField(choices=[("a", "A")])
    text = forms.CharField(max_length=5)


def errors(data: dict, language: str) -> dict[str, list[str]]:
    with translation.override(language):
        form = NumberForm(data)
        form.is_valid()
        return {field: list(messages) for field, messages in form.errors.items()}


def test_django_messages_in_natural_vietnamese():
    assert errors({}, "vi")["whole"] == ["Mục này không được để trống."]
    found = errors({"whole": "150", "day": "31/02/2025", "choice": "b", "text": "dài quá"}, "vi")
    assert found == {
        "whole": ["Giá trị không được lớn hơn 100."],
        "day": ["Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2025."],
        "choice": ["Lựa chọn “b” không có trong danh sách; hãy chọn lại."],
        "text": ["Tối đa 5 ký tự (hiện có 7)."],
    }
    assert errors({"whole": "-1"}, "vi")["whole"] == ["Giá trị không được nhỏ hơn 0."]
    assert errors({"whole": "1,5"}, "vi")["whole"] == ["Nhập một số nguyên."]


def test_english_stays_djangos():
    assert errors({"whole": "150"}, "en")["whole"] == [
        "Ensure this value is less than or equal to 100."
    ]


def test_the_progress_forms_percent_says_its_limit_plainly():
    form = ProgressReportForm({"percent": "150"}, can_claim=False, max_bytes=1024)

    assert not form.is_valid()
    assert form.errors["percent"] == ["Giá trị không được lớn hơn 100."]


@pytest.mark.django_db
def test_a_wrong_password_is_refused_in_plain_words(client):
    UserFactory(username="canbo.thu", password=PASSWORD)

    response = client.post(reverse("login"), {"username": "canbo.thu", "password": "sai"})

    assert response.status_code == 200
    assert (
        "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: chữ hoa và chữ thường là khác nhau."
        in response.content.decode()
    )


@pytest.mark.django_db
def test_password_refusals_in_plain_words():
    user = UserFactory(username="canbo.thu")
    data = {"new_password1": "12345678", "new_password2": "12345679"}

    mismatch = SetPasswordForm(user, data)
    short = SetPasswordForm(user, {"new_password1": "1234", "new_password2": "1234"})

    assert not mismatch.is_valid()
    assert mismatch.errors["new_password2"] == ["Hai lần nhập mật khẩu mới không khớp nhau."]
    assert not short.is_valid()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in short.errors["new_password2"]
    assert "Mật khẩu không được chỉ gồm chữ số." in short.errors["new_password2"]
