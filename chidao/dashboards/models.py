from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chidao.dashboards.rules import DEFAULT_MIN_LEAD_DUE, DEFAULT_WEIGHTS, Weights


def _weight_field(label, key):
    return models.DecimalField(
        label,
        max_digits=6,
        decimal_places=2,
        default=DEFAULT_WEIGHTS[key],
        validators=[MinValueValidator(Decimal(0))],
    )


class EvaluationWeights(models.Model):
    """The weights a committee's secretariat sets for scoring and ranking its units.

    A committee without a row is scored with ``rules.DEFAULT_WEIGHTS``.
    """

    committee = models.OneToOneField(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="evaluation_weights",
    )
    on_time = _weight_field(_("trọng số hoàn thành đúng hạn"), "on_time")
    overdue = _weight_field(_("trọng số nhiệm vụ quá hạn"), "overdue")
    reporting = _weight_field(_("trọng số báo cáo đúng hạn"), "reporting")
    indicators = _weight_field(_("trọng số đạt chỉ tiêu"), "indicators")
    lead = _weight_field(_("hệ số vai trò chủ trì"), "lead")
    coordinating = _weight_field(_("hệ số vai trò phối hợp"), "coordinating")
    overdue_penalty = _weight_field(_("điểm trừ mỗi nhiệm vụ quá hạn"), "overdue_penalty")
    # Not enough data is not a score: a unit with fewer lead tasks due in the period is
    # "chưa đủ dữ liệu để đánh giá", neither scored nor ranked.
    min_lead_due = models.PositiveSmallIntegerField(
        _("số nhiệm vụ chủ trì đến hạn tối thiểu để đánh giá"),
        default=DEFAULT_MIN_LEAD_DUE,
        help_text=_(
            "Đơn vị có ít nhiệm vụ chủ trì đến hạn trong kỳ hơn số này không được chấm điểm."
        ),
    )
    # The committee's host and its People's Committee direct the work; they are listed
    # apart from the departments they direct unless the committee chooses otherwise.
    evaluate_directing_units = models.BooleanField(
        _("đánh giá cả cơ quan chủ quản và Ủy ban nhân dân cùng các đơn vị"),
        default=False,
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trọng số chấm điểm")
        verbose_name_plural = _("trọng số chấm điểm")

    def __str__(self) -> str:
        return str(self.committee)

    def as_weights(self) -> Weights:
        return Weights(**{name: getattr(self, name) for name in DEFAULT_WEIGHTS})


class Publication(models.Model):
    """What a committee chose to show on its public transparency page (no sign-in).

    Only aggregate task statistics and the indicators picked here are ever shown; never
    people, progress-report text or evidence.
    """

    committee = models.OneToOneField(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="publication",
    )
    is_published = models.BooleanField(_("công khai"), default=False)
    show_task_counts = models.BooleanField(_("công khai số liệu nhiệm vụ"), default=True)
    show_groups = models.BooleanField(_("công khai số liệu theo nhóm nhiệm vụ"), default=True)
    introduction = models.TextField(_("lời giới thiệu"), blank=True)
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("chỉ tiêu công khai"), blank=True
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trang công khai")
        verbose_name_plural = _("trang công khai")

    def __str__(self) -> str:
        return str(self.committee)


class SavedView(models.Model):
    """A named dashboard view the secretariat saves: a programme (the document that gave
    the tasks), a group, key tasks only, a set of units or indicators; pinned views are
    offered to the committee's leaders."""

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="saved_views",
    )
    name = models.CharField(_("tên"), max_length=200)
    group = models.ForeignKey(
        "committees.TaskGroup",
        verbose_name=_("nhóm nhiệm vụ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("chương trình, kế hoạch giao nhiệm vụ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    key_tasks_only = models.BooleanField(_("chỉ nhiệm vụ trọng tâm"), default=False)
    units = models.ManyToManyField(
        "org.Unit", verbose_name=_("cơ quan chủ trì"), blank=True, related_name="+"
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("chỉ tiêu"), blank=True, related_name="+"
    )
    is_pinned = models.BooleanField(_("ghim cho lãnh đạo"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("góc nhìn bảng điều khiển")
        verbose_name_plural = _("góc nhìn bảng điều khiển")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name
