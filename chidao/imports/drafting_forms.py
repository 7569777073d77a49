from zipfile import BadZipFile

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError

from chidao.assignments.forms.tasks import (
    DateInput,
    UnitChoiceField,
    clean_deadline_phrase,
    get_document_choices,
    get_unit_choices,
)
from chidao.core.uploads import DOCX, accept_upload

MAX_TEXT = 50_000
MAX_DOCX_BYTES = 5 * 1024 * 1024


class DirectiveTextForm(forms.Form):
    """A passage of a plan, a conclusion notice or a directive, pasted or as a .docx."""

    text = forms.CharField(
        label=_("Nội dung văn bản"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=MAX_TEXT,
        help_text=_(
            "Dán đoạn văn bản giao nhiệm vụ, ví dụ: “Giao Sở Khoa học và Công nghệ chủ trì, "
            "phối hợp với Sở Tài chính xây dựng Kế hoạch…, hoàn thành trong Quý II/2025.” "
            "Có thể dán cả bảng phụ lục nhiệm vụ từ Word."
        ),
    )
    file = forms.FileField(
        label=_("Hoặc tải lên tệp Word (.docx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

    def __init__(self, *args, by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.by = by

    def clean_file(self):
        """The rules of every upload (a Word file by content, at most 5 MB, zip caps,
        virus scan recorded: ``chidao.core.uploads``), then its text. The file is read,
        never stored."""
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        accept_upload(
            upload, kinds=(DOCX,), max_bytes=MAX_DOCX_BYTES, by=self.by, purpose="directive_text"
        )
        try:
            return read_docx_text(upload)
        except (PackageNotFoundError, BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
            # What python-docx raises on a file that is not a sound .docx.
            raise ValidationError(_("Không đọc được tệp Word này.")) from error

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text") and not cleaned.get("file") and not self.errors:
            raise ValidationError(_("Hãy dán nội dung văn bản hoặc tải lên tệp Word."))
        return cleaned

    def get_text(self) -> str:
        return "\n".join(
            part for part in (self.cleaned_data.get("text"), self.cleaned_data.get("file")) if part
        )


def read_docx_text(upload) -> str:
    """The paragraphs of a Word file, then its tables with cells separated by tabs."""
    document = Document(upload)
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(" ".join(cell.text.split()) for cell in row.cells))
    return "\n".join(lines)


class DraftTaskForm(forms.Form):
    """One draft as the secretariat corrects it; only drafts marked ``keep`` are saved."""

    keep = forms.BooleanField(label=_("Giao nhiệm vụ này"), required=False, initial=True)
    title = forms.CharField(
        label=_("Tên nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead_unit = UnitChoiceField(label=_("Cơ quan chủ trì"), queryset=None, required=False)
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    expected_output = forms.CharField(label=_("Sản phẩm"), required=False)
    deadline_text = forms.CharField(label=_("Thời hạn"), required=False, max_length=200)
    # The passage the draft was read from, carried along to be shown again.
    source = forms.CharField(required=False, widget=forms.HiddenInput, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = get_unit_choices().order_by("name")
        self.fields["lead_unit"].queryset = units
        self.fields["coordinating_units"].queryset = units
        self.fields["coordinating_units"].label_from_instance = lambda unit: unit.name

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("keep"):
            return cleaned
        if not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Hãy ghi tên nhiệm vụ."))
        if cleaned.get("lead_unit") is None:
            self.add_error("lead_unit", _("Hãy chọn cơ quan chủ trì."))
        try:
            cleaned["deadline_text"] = clean_deadline_phrase(cleaned.get("deadline_text", ""))
        except ValidationError as error:
            self.add_error("deadline_text", error)
        return cleaned

    def get_task_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "lead_unit": data["lead_unit"],
            "coordinating_units": list(data["coordinating_units"]),
            "expected_output": data["expected_output"].strip(),
            "deadline_text": data["deadline_text"],
        }


DraftTaskFormSet = forms.formset_factory(DraftTaskForm, extra=0, max_num=200, validate_max=True)


class DraftSourceForm(forms.Form):
    """What the kept drafts share: the document they come from and the day assigned."""

    source_document = forms.ModelChoiceField(label=_("Văn bản giao"), queryset=None, required=False)
    assigned_on = forms.DateField(label=_("Ngày giao"), widget=DateInput())

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_document"].queryset = get_document_choices(committee)
        self.fields["assigned_on"].initial = timezone.localdate()
