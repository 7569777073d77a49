from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.imports.tables import get_max_bytes
from chidao.onboarding.choices import AccountRole
from chidao.org.models import Unit

LEVELS = [
    (CommitteeLevel.PROVINCE, CommitteeLevel.PROVINCE.label),
    (CommitteeLevel.COMMUNE, CommitteeLevel.COMMUNE.label),
]


class OnboardingForm(forms.Form):
    """The committee's particulars and its unit list (``services.do_start_onboarding``)."""

    name = forms.CharField(
        label=_("Tên Ban Chỉ đạo"),
        max_length=300,
        help_text=_(
            "Như trong quyết định thành lập, ví dụ “Ban Chỉ đạo về phát triển khoa học, công "
            "nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Thái Nguyên”."
        ),
    )
    level = forms.ChoiceField(label=_("Cấp"), choices=LEVELS, initial=CommitteeLevel.PROVINCE)
    place = forms.CharField(
        label=_("Địa bàn"),
        max_length=100,
        help_text=_("Tên tỉnh (“Thái Nguyên”) hoặc xã, phường (“xã Phú Bình”)."),
    )
    parent = forms.ModelChoiceField(
        label=_("Ban Chỉ đạo cấp trên"), queryset=Committee.objects.none(), required=False
    )
    file = forms.FileField(
        label=_("Danh sách cơ quan, đơn vị"),
        help_text=_(
            "Tệp Excel (.xlsx), Word (.docx) hoặc CSV có một bảng với cột “Tên đơn vị” (hoặc "
            "“Tên cơ quan, đơn vị”, “Đơn vị”); các cột “Tên viết tắt”, “Loại”, “Trực thuộc” "
            "nếu có. Loại đơn vị được suy ra từ tên khi không có cột “Loại”."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx,.csv"}),
    )
    standing_unit = forms.CharField(
        label=_("Cơ quan thường trực"),
        max_length=300,
        initial="Sở Khoa học và Công nghệ",
        help_text=_("Tên một đơn vị trong danh sách, ví dụ “Sở Khoa học và Công nghệ”."),
    )
    secretariat_username = forms.CharField(label=_("Tên đăng nhập của Thường trực"), max_length=150)
    secretariat_full_name = forms.CharField(label=_("Họ và tên cán bộ Thường trực"), max_length=200)

    def __init__(self, *args, parents, parent_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents
        # A secretariat sets up only committees below its own; an admin any committee.
        self.fields["parent"].required = parent_required

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > get_max_bytes():
            raise forms.ValidationError(
                _("Tệp quá lớn; mỗi tệp tối đa %(max)s MB.")
                % {"max": get_max_bytes() // (1024 * 1024)}
            )
        return upload


class AccountForm(forms.Form):
    """A new account for a committee (``services.do_create_account``)."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    unit = forms.ModelChoiceField(label=_("Đơn vị công tác"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=AccountRole.choices)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
