"""Forms of proposals. The public form carries an offline challenge (a sum, no third-party
captcha) and a field robots fill and people do not see.

The challenge's token is signed and carries only a random id and the time it was made;
the two numbers are derived from the id with a keyed hash, so they cannot be read from
the token. Each token is spent once: by the proposal it let through, or by a wrong
answer (``SpentChallenge``), after which a new sum is shown.
"""

import secrets
import time

from django import forms
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from chidao.assignments.forms.reports import EvidenceFilesField
from chidao.assignments.forms.tasks import DateInput, UnitChoiceField, get_unit_choices
from chidao.committees.models import Committee
from chidao.committees.rules import group_by_province
from chidao.proposals.choices import ProposalCategory, ProposalKind
from chidao.proposals.models import SpentChallenge
from chidao.proposals.rules import CHALLENGE_MAX_AGE_SECONDS, MAX_CONTENT_CHARS, parse_contact

_SALT = "chidao.proposals.challenge"


def new_challenge_token() -> str:
    """A signed random id; the page shows the sum it stands for as the question."""
    return signing.dumps({"id": secrets.token_urlsafe(16), "at": int(time.time())}, salt=_SALT)


def get_challenge_numbers(challenge_id: str) -> tuple[int, int]:
    """The two numbers (1–9) of a challenge, known only to the server."""
    digest = salted_hmac(_SALT, challenge_id, algorithm="sha256").digest()
    return digest[0] % 9 + 1, digest[1] % 9 + 1


def read_challenge(token: str) -> dict | None:
    """The challenge of a token (``id``, ``a``, ``b``), or None if forged or expired."""
    try:
        data = signing.loads(token or "", salt=_SALT, max_age=CHALLENGE_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    a, b = get_challenge_numbers(data["id"])
    return {"id": data["id"], "a": a, "b": b}


class PublicProposalForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Gửi Ban Chỉ đạo"),
        queryset=Committee.objects.filter(is_active=True, accepts_proposals=True),
        empty_label=None,
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=ProposalKind.choices)
    category = forms.ChoiceField(label=_("Lĩnh vực"), choices=ProposalCategory.choices)
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    content = forms.CharField(
        label=_("Nội dung"),
        max_length=MAX_CONTENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    sender_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    contact = forms.CharField(
        label=_("Điện thoại hoặc email"),
        max_length=200,
        help_text=_("Chỉ dùng để liên hệ, không bao giờ công khai."),
    )
    organisation = forms.CharField(
        label=_("Cơ quan, tổ chức, doanh nghiệp"), max_length=300, required=False
    )
    attachments = EvidenceFilesField(
        label=_("Tệp đính kèm"),
        help_text=_("Không bắt buộc; tối đa 3 tệp PDF, Word, Excel, PNG hoặc JPEG."),
    )
    consents_to_publish = forms.BooleanField(
        label=_("Tôi đồng ý công khai nội dung kiến nghị và trả lời (không kèm họ tên, liên hệ)"),
        required=False,
    )
    challenge_answer = forms.IntegerField(label=_("Kết quả phép tính"))
    challenge_token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Grouped by province, so a commune is found under its own province; the sender
        # chooses (the first choice is a prompt that is not a committee, not "---------").
        field = self.fields["committee"]
        committees = field.queryset.select_related("parent__parent")
        field.widget.choices = [
            ("", _("— Chọn Ban Chỉ đạo nhận kiến nghị —")),
            *(
                (place, [(committee.pk, committee.name) for committee in members])
                for place, members in group_by_province(committees)
            ),
        ]
        sent = self.data.get("challenge_token", "") if self.is_bound else ""
        self.challenge = read_challenge(sent)
        self.token_was_valid = not self.is_bound or self.challenge is not None
        # The challenge answered wrongly, to be spent by the view (None otherwise).
        self.failed_challenge_id = None
        if self.challenge is None:
            self._ask_new_challenge()
        else:
            self.initial["challenge_token"] = sent
            self._label_challenge()

    def _ask_new_challenge(self) -> None:
        token = new_challenge_token()
        self.challenge = read_challenge(token)
        if self.is_bound:
            self.data = self.data.copy()
            self.data["challenge_token"] = token
        self.initial["challenge_token"] = token
        self._label_challenge()

    def _label_challenge(self) -> None:
        self.fields["challenge_answer"].label = _("Kết quả phép tính %(a)s + %(b)s") % {
            "a": self.challenge["a"],
            "b": self.challenge["b"],
        }
        # Validation has built the field's BoundField with the old label: build it anew.
        self._bound_fields_cache.pop("challenge_answer", None)

    def clean_contact(self):
        value = self.cleaned_data["contact"]
        parse_contact(value)
        return value

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Không gửi được kiến nghị."))
        if not self.token_was_valid:
            self.add_error("challenge_answer", _("Phép tính đã hết hạn; hãy làm phép tính mới."))
        elif SpentChallenge.objects.filter(challenge_id=self.challenge["id"]).exists():
            self.add_error(
                "challenge_answer", _("Phép tính này đã được dùng; hãy làm phép tính mới.")
            )
            self._ask_new_challenge()
        elif data.get("challenge_answer") != self.challenge["a"] + self.challenge["b"]:
            self.add_error("challenge_answer", _("Kết quả phép tính chưa đúng."))
            self.failed_challenge_id = self.challenge["id"]
            self._ask_new_challenge()
        return data


class TrackForm(forms.Form):
    ma = forms.CharField(label=_("Mã tra cứu"), max_length=16)


class RouteForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị xử lý"), queryset=None)
    response_due = forms.DateField(label=_("Hạn trả lời"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = get_unit_choices().order_by("name")


class DraftForm(forms.Form):
    answer_draft = forms.CharField(
        label=_("Dự thảo trả lời"), widget=forms.Textarea(attrs={"rows": 6})
    )


class ApproveForm(forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 6}))
    publish = forms.BooleanField(label=_("Công khai trên trang công khai"), required=False)
