from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.committees.directory import UnitDirectory
from chidao.core.uploads import DOCX, XLSX, check_upload
from chidao.documents.models import Document
from chidao.imports.choices import GroupLeads, GroupMode, UnknownNames
from chidao.imports.tables import get_max_bytes
from chidao.org.models import Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TaskUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch"),
        help_text=_(
            "Tệp Excel (.xlsx) hoặc Word (.docx) có bảng nhiệm vụ với các cột TT, Tên nhiệm vụ, "
            "Cơ quan chủ trì, Cơ quan phối hợp, Kết quả/Sản phẩm, Thời gian hoàn thành."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx"}),
    )
    group_mode = forms.ChoiceField(
        label=_("Cụm từ chỉ nhiều cơ quan (“các sở, ngành”, “UBND các xã, phường”)"),
        choices=GroupMode.choices,
        initial=GroupMode.EXPAND,
        widget=forms.RadioSelect,
    )
    unknown_names = forms.ChoiceField(
        label=_("Cơ quan phối hợp ngoài danh mục đơn vị"),
        choices=UnknownNames.choices,
        initial=UnknownNames.FLAG,
        required=False,
        widget=forms.RadioSelect,
    )
    group_leads = forms.ChoiceField(
        label=_("Cơ quan chủ trì ghi là một cụm (“Các bộ, ngành, địa phương”)"),
        choices=GroupLeads.choices,
        initial=GroupLeads.FLAG,
        required=False,
        widget=forms.RadioSelect,
    )
    code_prefix = forms.CharField(
        label=_("Tiền tố mã nhiệm vụ"),
        required=False,
        max_length=16,
        help_text=_(
            "Ghép trước mã nhóm và số thứ tự, ví dụ “KH29-” cho mã “KH29-I.1”; để tránh trùng "
            "mã với kế hoạch khác."
        ),
    )
    assigned_on = forms.DateField(
        label=_("Ngày giao"), widget=DateInput, initial=timezone.localdate
    )
    source_document = forms.ModelChoiceField(
        label=_("Văn bản giao"), queryset=Document.objects.none(), required=False
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_document"].queryset = Document.objects.filter(committee=committee)

    def clean_unknown_names(self) -> str:
        return self.cleaned_data["unknown_names"] or UnknownNames.FLAG

    def clean_group_leads(self) -> str:
        return self.cleaned_data["group_leads"] or GroupLeads.FLAG

    def clean_file(self):
        """Size, zip caps and kind by content, next to the field (``core.uploads``)."""
        upload = self.cleaned_data["file"]
        check_upload(upload, kinds=(XLSX, DOCX), max_bytes=get_max_bytes())
        return upload


class IndicatorUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh mục chỉ tiêu"),
        help_text=_(
            "Tệp Excel (.xlsx) hoặc Word (.docx) có bảng với các cột TT, Chỉ tiêu, Đơn vị, "
            "Kết quả (mục tiêu), Cơ quan chủ trì theo dõi, đánh giá; mục “Đến năm 2030” cho "
            "biết năm của mục tiêu."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx"}),
    )
    code_prefix = forms.CharField(
        label=_("Tiền tố mã chỉ tiêu"),
        required=False,
        max_length=16,
        help_text=_("Ghép trước số thứ tự, ví dụ “NQ57-” cho mã “NQ57-11.1”."),
    )
    target_year = forms.IntegerField(
        label=_("Năm mục tiêu mặc định"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Cho các chỉ tiêu không nằm trong mục “Đến năm …”."),
    )

    clean_file = TaskUploadForm.clean_file


class ObservationUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp số liệu"),
        help_text=_(
            "Tệp Excel (.xlsx) hoặc Word (.docx) có bảng với các cột Mã chỉ tiêu, Đơn vị, Kỳ "
            "(2025, Quý II/2025, 6/2025), Giá trị, Ghi chú. Số liệu nhập vào được ghi là đã duyệt."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx"}),
    )

    clean_file = TaskUploadForm.clean_file


class UnitAliasForm(forms.Form):
    """A name of a plan recorded as a unit of the committee's own directory (never a
    unit of another province)."""

    name = forms.CharField(label=_("Tên gọi trong văn bản"), max_length=300)
    unit = forms.ModelChoiceField(label=_("Là cơ quan, đơn vị"), queryset=Unit.objects.none())
    data_import = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        scope = UnitDirectory(committee).scope
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=scope, is_active=True).order_by(
            "name"
        )
