from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if not upload.name.lower().endswith(".docx") or upload.size > MAX_DOCX_BYTES:
            raise ValidationError(_("Chỉ nhận tệp Word .docx không quá 5 MB."))
        try:
            return read_docx_text(upload)
        except Exception as error:  # python-docx raises many kinds on a damaged file
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
    from docx import Document

    document = Document(upload)
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(" ".join(cell.text.split()) for cell in row.cells))
    return "\n".join(lines)
