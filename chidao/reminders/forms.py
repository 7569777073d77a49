from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.reminders.models import NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["in_app", "email", "digest_weekday"]


class UrgeForm(forms.Form):
    message = forms.CharField(
        label=_("Nội dung đôn đốc"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        initial=_("Đề nghị đơn vị khẩn trương thực hiện, báo cáo kết quả về Thường trực."),
    )
