"""Forms of the reporting pages; they parse input, the services judge it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.core.periods import MAX_YEAR, MIN_YEAR, Period, PeriodKind
from chidao.org.models import Unit
from chidao.reporting.choices import CycleKind
from chidao.reporting.models import ReportingCycle

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _unit_field():
    return forms.ModelMultipleChoiceField(
        label=_("Đơn vị phải báo cáo"),
        queryset=Unit.objects.filter(is_active=True).order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Giữ Ctrl (Cmd trên máy Mac) để chọn nhiều đơn vị."),
    )


class CycleForm(forms.Form):
    """Open a cycle: a periodic one by kind, year and number, or an ad hoc one by window."""

    committee = forms.ModelChoiceField(label=_("Ban Chỉ đạo"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại kỳ báo cáo"), choices=CycleKind.choices)
    year = forms.IntegerField(
        label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )
    number = forms.IntegerField(
        label=_("Kỳ số"),
        required=False,
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("Tháng 1–12, quý 1–4, 6 tháng 1–2; kỳ 9 tháng và năm để 1."),
    )
    title = forms.CharField(
        label=_("Tên kỳ báo cáo"),
        required=False,
        max_length=300,
        help_text=_("Để trống với báo cáo định kỳ: hệ thống đặt tên theo kỳ (ví dụ Quý III/2026)."),
    )
    window_start = forms.DateField(
        label=_("Số liệu từ ngày (báo cáo đột xuất)"), required=False, widget=_DATE
    )
    window_end = forms.DateField(
        label=_("Số liệu đến ngày (báo cáo đột xuất)"), required=False, widget=_DATE
    )
    due_on = forms.DateField(
        label=_("Hạn gửi báo cáo"),
        required=False,
        widget=_DATE,
        help_text=_("Để trống: 4 ngày sau khi kỳ số liệu kết thúc (ngày 18)."),
    )
    required_units = _unit_field()

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["required_units"] = _unit_field()
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and kind != CycleKind.AD_HOC:
            for name in ("year", "number"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Báo cáo định kỳ phải chọn năm và kỳ số."))
        if kind and kind != CycleKind.AD_HOC and data.get("year") and data.get("number"):
            try:
                data["period"] = Period(PeriodKind(kind), data["year"], data["number"])
            except ValidationError as error:
                self.add_error("number", error)
        if kind == CycleKind.AD_HOC:
            start, end = data.get("window_start"), data.get("window_end")
            if start and end and end < start:
                self.add_error("window_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
            elif start and end:
                data["window"] = (start, end)
        return data


class YearScheduleForm(forms.Form):
    committee = forms.ModelChoiceField(label=_("Ban Chỉ đạo"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    schedule = forms.ChoiceField(
        label=_("Lịch báo cáo"),
        choices=[
            ("milestones", _("Quý I, 6 tháng, 9 tháng và năm")),
            ("quarterly", _("Hằng quý")),
            ("monthly", _("Hằng tháng")),
        ],
    )
    required_units = _unit_field()

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["required_units"] = _unit_field()
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()
        self.fields["year"].initial = timezone.localdate().year


class CycleEditForm(forms.ModelForm):
    required_units = _unit_field()

    class Meta:
        model = ReportingCycle
        fields = [
            "title",
            "due_on",
            "required_units",
            "requires_unit_head_approval",
            "report_number",
            "issuer_code",
            "place",
            "recipients",
        ]
        widgets = {"due_on": _DATE, "recipients": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_units"] = _unit_field()
        if self.instance.pk:
            self.fields["required_units"].initial = list(self.instance.required_units.all())


class SubmissionForm(forms.Form):
    results = forms.CharField(
        label=_("Kết quả thực hiện trong kỳ"), widget=forms.Textarea(attrs={"rows": 6})
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    next_steps = forms.CharField(
        label=_("Nhiệm vụ trọng tâm kỳ tới"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, saving_draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if saving_draft:
            self.fields["results"].required = False


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class ReportTemplateForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp mẫu báo cáo (.docx)"),
        help_text=_("Mẫu đã sửa trong Word, giữ nguyên các trường dạng {{ ten_truong }}."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document"
            }
        ),
    )
