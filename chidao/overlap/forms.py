from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.overlap.models import FULL_MAX_LENGTH, SHORT_MAX_LENGTH, ShortForm


class ShortFormForm(forms.ModelForm):
    """One short form for the committee's table; the model's ``clean`` checks that it is a
    short form, new to the committee, and that the full words are words."""

    class Meta:
        model = ShortForm
        fields = ("short", "full")
        labels = {"short": _("Viết tắt"), "full": _("Viết đầy đủ")}
        help_texts = {
            "short": _(
                "Một từ viết liền, có ít nhất hai chữ in hoa, như trong văn bản: SXD, GPXD."
            ),
            "full": _("Những chữ mà từ viết tắt thay cho: Sở Xây dựng, giấy phép xây dựng."),
        }
        error_messages = {
            "short": {
                "required": _("Hãy nhập từ viết tắt."),
                "max_length": _(
                    "Từ viết tắt dài tối đa %(limit_value)d ký tự (đang có %(show_value)d)."
                ),
            },
            "full": {
                "required": _("Hãy nhập nghĩa đầy đủ của từ viết tắt."),
                "max_length": _(
                    "Viết đầy đủ dài tối đa %(limit_value)d ký tự (đang có %(show_value)d)."
                ),
            },
        }

    # The limits, for the template's maxlength (a browser stops typing there).
    short_max_length = SHORT_MAX_LENGTH
    full_max_length = FULL_MAX_LENGTH
