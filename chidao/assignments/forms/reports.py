"""Forms of the report pages: progress reports with evidence, reviews, deadline changes,
directions.

Forms only parse and check what a user typed; the rules live in the services, whose
``ValidationError`` the views put back next to the field it names. No form carries a
state, a deadline or an author: those come from the service and the signed-in user, so
a POST that adds them changes nothing.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.assignments.choices import CompletionQuality
from chidao.assignments.forms.tasks import DateInput
from chidao.core.uploads import check_evidence_file

ACCEPT = "accept"
RETURN = "return"
APPROVE = "approve"
REJECT = "reject"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several evidence files at once, each checked by content (``evidence.py``)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        errors = []
        for file in files:
            super().clean(file, initial)
            try:
                check_evidence_file(file)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class ProgressReportForm(forms.Form):
    """A unit's report; the lead unit may also claim completion (``can_claim``)."""

    percent = forms.IntegerField(
        label=_("Tiến độ (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
    )
    results = forms.CharField(
        label=_("Kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence_files = EvidenceFilesField(label=_("Tệp minh chứng"))
    claims_completion = forms.BooleanField(
        label=_("Đề nghị xác nhận hoàn thành nhiệm vụ"), required=False
    )
    completion_output = forms.CharField(
        label=_("Sản phẩm hoàn thành"),
        required=False,
        max_length=500,
        help_text=_('Ví dụ "Quyết định số 123/QĐ-UBND".'),
    )
    output_date = forms.DateField(
        label=_("Ngày của sản phẩm"),
        required=False,
        widget=DateInput,
        help_text=_("Ngày ký, ban hành sản phẩm; nhiệm vụ hoàn thành vào ngày này."),
    )

    def __init__(self, *args, can_claim: bool, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_files"].help_text = _(
            "PDF, Word (DOCX), Excel (XLSX), PNG, JPEG; mỗi tệp tối đa %(limit)s."
        ) % {"limit": filesizeformat(max_bytes)}
        self.fields["evidence_files"].widget.attrs["accept"] = (
            ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        )
        if not can_claim:
            for name in ("claims_completion", "completion_output", "output_date"):
                del self.fields[name]

    def get_report_fields(self) -> dict:
        """Keyword arguments of ``services.do_submit_progress`` from the cleaned data."""
        data = self.cleaned_data
        return {
            "percent": data["percent"],
            "results": data["results"],
            "difficulties": data["difficulties"],
            "proposals": data["proposals"],
            "claims_completion": data.get("claims_completion", False),
            "completion_output": data.get("completion_output", ""),
            "output_date": data.get("output_date"),
            "evidence_files": data["evidence_files"],
        }


class ProgressReviewForm(forms.Form):
    """The secretariat accepts a report (completing the task if it claims so) or returns it."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[(ACCEPT, _("Chấp nhận")), (RETURN, pgettext_lazy("hành động", "Trả lại"))],
        widget=forms.RadioSelect,
    )
    review_reason = forms.CharField(
        label=_("Lý do trả lại"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại; đơn vị sẽ thấy lý do này."),
    )
    completion_quality = forms.ChoiceField(
        label=_("Chất lượng sản phẩm"),
        choices=CompletionQuality.choices,
        initial=CompletionQuality.MET,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Khi xác nhận hoàn thành; dùng để đánh giá, xếp loại theo Quy định 366."),
    )
    quality_reason = forms.CharField(
        label=_("Nhận xét chất lượng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi sản phẩm chưa đạt yêu cầu."),
    )

    def __init__(self, *args, claims_completion: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.claims_completion = claims_completion
        if not claims_completion:
            del self.fields["completion_quality"]
            del self.fields["quality_reason"]

    def clean(self):
        data = super().clean()
        if data.get("decision") == RETURN and not data.get("review_reason", "").strip():
            self.add_error("review_reason", _("Trả lại báo cáo phải nêu lý do."))
        if self.claims_completion and data.get("decision") == ACCEPT:
            quality = data.get("completion_quality") or CompletionQuality.MET
            data["completion_quality"] = quality
            if quality == CompletionQuality.NOT_MET and not data.get("quality_reason", "").strip():
                self.add_error("quality_reason", _("Sản phẩm chưa đạt yêu cầu phải nêu lý do."))
        return data


class UnitApprovalForm(forms.Form):
    """The unit head sends a report on to the secretariat, or returns it to the officer."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[(APPROVE, _("Duyệt, gửi Thường trực")), (RETURN, _("Trả lại cán bộ"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Lý do trả lại"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == RETURN and not data.get("reason", "").strip():
            self.add_error("reason", _("Trả lại báo cáo phải nêu lý do."))
        return data


class DeadlineChangeRequestForm(forms.Form):
    new_deadline = forms.DateField(label=_("Thời hạn đề nghị"), widget=DateInput)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 4}))


class DeadlineChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[
            (APPROVE, pgettext_lazy("hành động", "Đồng ý")),
            (REJECT, pgettext_lazy("hành động", "Không đồng ý")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DirectionForm(forms.Form):
    text = forms.CharField(
        label=_("Ý kiến chỉ đạo"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
