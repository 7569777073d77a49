from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.documents.models import Document
from chidao.documents.rules import validate_document_symbol
from chidao.org.models import Unit


class DocumentForm(forms.Form):
    """Register a document; the symbol is checked by the one parser, next to the field."""

    symbol = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=64,
        validators=[validate_document_symbol],
        help_text=_('Ví dụ "29/KH-UBND" hoặc "54-CTr/TU"; loại văn bản lấy từ ký hiệu.'),
    )
    committee = forms.ModelChoiceField(label=_("Sổ văn bản của Ban Chỉ đạo"), queryset=None)
    issuing_unit = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"), queryset=Unit.objects.filter(is_active=True).order_by("name")
    )
    issued_on = forms.DateField(
        label=_("Ngày ban hành"),
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        help_text=_("Ngày/tháng/năm, ví dụ 15/03/2025."),
    )
    signer = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    summary = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 3}))
    implements = forms.ModelChoiceField(
        label=_("Thực hiện văn bản"),
        queryset=None,
        required=False,
        help_text=_("Văn bản cấp trên mà văn bản này triển khai."),
    )
    file = forms.FileField(
        label=_("Tệp văn bản"),
        required=False,
        help_text=_("PDF hoặc Word (DOCX)."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx"}),
    )

    def __init__(self, *args, committees, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["implements"].queryset = documents.select_related("issuing_unit")
        self.fields["implements"].label_from_instance = _document_label
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()


def _document_label(document: Document) -> str:
    return f"{document.symbol} — {document.summary[:80]}"
