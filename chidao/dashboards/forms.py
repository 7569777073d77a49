from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.core.periods import MAX_YEAR, MIN_YEAR, Period, PeriodKind
from chidao.dashboards.models import EvaluationWeights, Publication, SavedView


class EvaluationWeightsForm(forms.ModelForm):
    class Meta:
        model = EvaluationWeights
        fields = ("on_time", "overdue", "reporting", "indicators", "lead", "coordinating",
                  "overdue_penalty", "min_lead_due", "evaluate_directing_units")  # fmt: skip


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ("is_published", "show_task_counts", "show_groups", "introduction", "indicators")
        widgets = {"indicators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = committee.indicators.order_by("code")


class SavedViewForm(forms.ModelForm):
    class Meta:
        model = SavedView
        fields = (
            "name",
            "source_document",
            "group",
            "key_tasks_only",
            "units",
            "indicators",
            "is_pinned",
        )
        widgets = {
            "units": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, committee, **kwargs):
        from chidao.org.models import Unit

        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = committee.task_groups.order_by("code", "name")
        self.fields["group"].empty_label = _("Tất cả các nhóm")
        from chidao.documents.models import Document

        self.fields["source_document"].queryset = Document.objects.filter(
            pk__in=committee.tasks.values("source_document")
        )
        self.fields["source_document"].empty_label = _("Tất cả văn bản")
        self.fields["units"].queryset = Unit.objects.filter(
            pk__in=committee.tasks.values("lead_unit")
        ).order_by("name")
        self.fields["indicators"].queryset = committee.indicators.order_by("code")


class EvaluationPeriodForm(forms.Form):
    """The period of an evaluation: a quarter, a half-year or a year (Quy định 366 rates
    by term, year or quarter)."""

    kind = forms.ChoiceField(
        label=_("Kỳ đánh giá"),
        choices=[
            (PeriodKind.QUARTER, _("Quý")),
            (PeriodKind.SIX_MONTHS, _("6 tháng")),
            (PeriodKind.YEAR, _("Năm")),
        ],
    )
    number = forms.IntegerField(label=_("Số kỳ"), min_value=1, max_value=4, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        number = 1 if data["kind"] == PeriodKind.YEAR else data.get("number") or 1
        try:
            data["period"] = Period(data["kind"], data["year"], number)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return data
