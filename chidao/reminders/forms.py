from django import forms

from chidao.reminders.models import NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["in_app", "email", "digest_weekday"]
