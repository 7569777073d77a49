from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.committees.choices import CommitteeLevel
from chidao.onboarding.choices import OnboardingState


class Onboarding(models.Model):
    """A committee being set up from its unit list: previewed, then created once.

    A new province (or commune) arrives with a list of its agencies in the layout it
    keeps. The list is stored with the committee's particulars so that the preview can be
    read again after the secretariat skips a row, and the commit creates exactly what the
    last preview showed, from the same bytes: units, then the committee, then the
    secretariat's person, account and seat. Nothing exists before the commit.
    """

    name = models.CharField(_("tên Ban Chỉ đạo"), max_length=300)
    level = models.CharField(_("cấp"), max_length=16, choices=CommitteeLevel.choices)
    place = models.CharField(
        _("địa bàn"), max_length=100, help_text=_("Ví dụ “Thái Nguyên” hoặc “xã Phú Bình”.")
    )
    parent = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo cấp trên"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    standing_unit_name = models.CharField(_("cơ quan thường trực"), max_length=300)
    secretariat_username = models.CharField(_("tên đăng nhập Thường trực"), max_length=150)
    secretariat_full_name = models.CharField(
        _("họ và tên cán bộ Thường trực"), max_length=200, blank=True
    )
    filename = models.CharField(_("tên tệp"), max_length=255)
    content = models.BinaryField(_("nội dung tệp"))
    skipped_rows = models.JSONField(
        _("dòng bỏ qua"),
        default=list,
        blank=True,
        help_text=_("Nhãn các dòng Thường trực chọn không nhập."),
    )
    kinds = models.JSONField(
        _("loại đơn vị đã chọn"),
        default=dict,
        blank=True,
        help_text=_("Nhãn dòng → loại đơn vị Thường trực chọn thay cho loại suy ra từ tên."),
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=OnboardingState.choices,
        default=OnboardingState.PREVIEWED,
    )
    committee = models.OneToOneField(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo đã tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onboarding",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    committed_at = models.DateTimeField(_("tạo Ban Chỉ đạo lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần thiết lập Ban Chỉ đạo")
        verbose_name_plural = pgettext_lazy("số nhiều", "lần thiết lập Ban Chỉ đạo")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.filename})"
