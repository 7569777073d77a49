import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.core.models import VietnameseTextModel
from chidao.core.periods import Period
from chidao.reporting.choices import (
    SUBMISSION_BADGES,
    CycleKind,
    CycleState,
    SubmissionState,
    Timeliness,
)
from chidao.reporting.rules import get_local_date, get_timeliness

DEFAULT_RECIPIENTS = "- Như trên;\n- Lưu: VT."


class ReportingCycle(VietnameseTextModel):
    """A reporting round (kỳ báo cáo) a committee opens: Quý III/2026, 6 tháng đầu năm…

    The units listed must each send a report (``UnitSubmission``) by the due date; the
    report counts the data of the window (Decree 09/2019: 15th of the month before the
    period to the 14th of its last month). The secretariat compiles the units' reports
    into the committee's consolidated report, whose number, place and recipients are kept
    here so that every download of the cycle's report reads the same.
    """

    SEARCH_FIELDS = ("title",)

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="reporting_cycles",
    )
    kind = models.CharField(_("loại kỳ báo cáo"), max_length=16, choices=CycleKind.choices)
    title = models.CharField(
        _("tên kỳ báo cáo"), max_length=300, help_text=_('Ví dụ "Quý III/2026".')
    )
    period_start = models.DateField(_("kỳ từ ngày"))
    period_end = models.DateField(_("kỳ đến ngày"))
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    due_on = models.DateField(_("hạn gửi báo cáo"))
    required_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("đơn vị phải báo cáo"),
        related_name="required_cycles",
        blank=True,
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=CycleState.choices, default=CycleState.OPEN
    )
    requires_unit_head_approval = models.BooleanField(
        _("lãnh đạo đơn vị duyệt trước khi gửi"), default=False
    )
    report_number = models.CharField(
        _("số báo cáo"),
        max_length=20,
        blank=True,
        help_text=_("Để trống nếu văn thư cấp số khi ký ban hành."),
    )
    issuer_code = models.CharField(_("chữ viết tắt cơ quan ban hành"), max_length=30, default="BCĐ")
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận"), default=DEFAULT_RECIPIENTS)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở kỳ"),
        on_delete=models.PROTECT,
        related_name="opened_cycles",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = pgettext_lazy("số nhiều", "kỳ báo cáo")
        ordering = ["committee", "-period_start", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "kind", "period_start"],
                condition=~Q(kind=CycleKind.AD_HOC),
                name="cycle_unique_per_committee_period",
                violation_error_message=_("Ban Chỉ đạo đã mở kỳ báo cáo này."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="cycle_period_ends_after_start",
                violation_error_message=_("Kỳ báo cáo phải kết thúc sau ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(window_end__gte=F("window_start")),
                name="cycle_window_ends_after_start",
                violation_error_message=_("Kỳ số liệu phải kết thúc sau ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("window_start")),
                name="cycle_due_after_window_start",
                violation_error_message=_("Hạn gửi báo cáo không thể trước kỳ số liệu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.committee}"

    @property
    def period(self) -> Period | None:
        """The calendar period, or None for an ad hoc cycle."""
        if self.kind == CycleKind.AD_HOC:
            return None
        return Period.from_start(self.kind, self.period_start)

    @property
    def is_open(self) -> bool:
        return self.state == CycleState.OPEN


class UnitSubmission(models.Model):
    """One unit's report for a cycle (báo cáo của đơn vị): a narrative in four parts.

    The unit's progress reports and indicator values of the window are gathered for it
    (``gather.py``); the narrative is the unit's own words. It reaches the secretariat
    when submitted, after the unit head's approval where the cycle requires it;
    ``submitted_at`` is that moment, which decides whether it was late.
    """

    cycle = models.ForeignKey(
        ReportingCycle,
        verbose_name=_("kỳ báo cáo"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="cycle_submissions",
    )
    results = models.TextField(_("kết quả thực hiện"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    next_steps = models.TextField(_("nhiệm vụ trọng tâm kỳ tới"), blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=24,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cập nhật"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo đơn vị duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("gửi Thường trực lúc"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lại"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "báo cáo của đơn vị")
        ordering = ["cycle", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "unit"],
                name="submission_unique_per_cycle_unit",
                violation_error_message=_("Đơn vị đã có báo cáo trong kỳ này."),
            ),
            models.CheckConstraint(
                condition=Q(state=SubmissionState.SUBMITTED, submitted_at__isnull=False)
                | ~Q(state=SubmissionState.SUBMITTED),
                name="submission_submitted_has_time",
                violation_error_message=_("Báo cáo đã gửi phải có thời điểm gửi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.cycle.title}"

    @property
    def submitted_on(self) -> date | None:
        """The day the report reached the secretariat, if it stands as submitted."""
        if self.state != SubmissionState.SUBMITTED:
            return None
        return get_local_date(self.submitted_at)

    def get_timeliness(self, as_of: date) -> Timeliness:
        return get_timeliness(submitted_on=self.submitted_on, due_on=self.cycle.due_on, as_of=as_of)

    @property
    def state_badge(self) -> str:
        return SUBMISSION_BADGES[self.state]

    @property
    def is_editable(self) -> bool:
        return self.state in (SubmissionState.DRAFT, SubmissionState.RETURNED)


def report_template_upload_to(instance: "ReportTemplate", filename: str) -> str:
    """A generated name: the uploader's file name never reaches the disk."""
    return f"report_templates/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.docx"


class ReportTemplate(models.Model):
    """A Word template of the consolidated report, edited by a committee's secretariat.

    The newest active one is used for the committee's reports; uploading another
    retires it (kept for the record), and "use the default" retires them all.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="report_templates",
    )
    file = models.FileField(_("tệp mẫu"), upload_to=report_template_upload_to, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = pgettext_lazy("số nhiều", "mẫu báo cáo")
        ordering = ["committee", "-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.committee}: {self.original_name or self.file.name}"
