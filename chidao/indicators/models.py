from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.core.models import VietnameseTextModel
from chidao.core.periods import Period, PeriodKind
from chidao.indicators.choices import (
    Direction,
    IndicatorLevel,
    ObservationState,
    Rollup,
    ValueType,
)
from chidao.indicators.querysets import IndicatorQuerySet, ObservationQuerySet
from chidao.indicators.targets import TargetBound, parse_target


class Indicator(VietnameseTextModel):
    """A measurable indicator (chỉ tiêu, chỉ số KPI) a committee tracks against targets.

    A provincial indicator may sit under a national one (``parent``); unit values roll up
    by ``rollup``; ``direction`` says whether more is better when judging achievement.
    """

    SEARCH_FIELDS = ("code", "name")

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    code = models.CharField(_("mã"), max_length=32)
    name = models.TextField(_("tên chỉ tiêu"))
    measure_unit = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    level = models.CharField(
        _("cấp độ"), max_length=16, choices=IndicatorLevel.choices, default=IndicatorLevel.STRATEGIC
    )
    group = models.ForeignKey(
        "committees.TaskGroup",
        verbose_name=_("nhóm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    direction = models.CharField(
        _("chiều đánh giá"),
        max_length=16,
        choices=Direction.choices,
        default=Direction.HIGHER_BETTER,
    )
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=16, choices=ValueType.choices, default=ValueType.NUMBER
    )
    rollup = models.CharField(
        _("cách tổng hợp"), max_length=16, choices=Rollup.choices, default=Rollup.NONE
    )
    frequency = models.CharField(
        _("tần suất"), max_length=16, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    baseline_value = models.DecimalField(
        _("giá trị cơ sở"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("năm cơ sở"), null=True, blank=True)
    data_source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    responsible_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan chủ trì theo dõi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_indicators",
    )
    reporting_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("đơn vị báo cáo số liệu"),
        blank=True,
        related_name="reported_indicators",
        help_text=_(
            "Các đơn vị nhập số liệu của chỉ tiêu. Để trống thì cơ quan chủ trì theo dõi nhập."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = pgettext_lazy("số nhiều", "chỉ tiêu")
        ordering = ["committee", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "code"],
                name="indicator_code_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có chỉ tiêu với mã này."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="indicator_not_own_parent",
                violation_error_message=_("Chỉ tiêu không thể là chỉ tiêu cấp trên của chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Target(models.Model):
    """A target for an indicator in a year, kept as written in the appendix ("≥ 55").

    One written target can hold several clauses ("≤ 3 Đông Nam Á; ≤ 50 Thế giới") and be
    partly qualitative, so the text is the record and ``bounds`` parses it (one parser,
    ``targets.parse_target``); ``clean`` refuses text that does not parse. ``unit`` is set
    for a per-unit target.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="targets"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    text = models.CharField(
        _("mục tiêu"), max_length=500, help_text=_('Như văn bản ghi, ví dụ "≥ 55", "40 - 50".')
    )

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = pgettext_lazy("số nhiều", "mục tiêu")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(unit__isnull=True),
                name="target_unique_per_indicator_year",
                violation_error_message=_("Chỉ tiêu đã có mục tiêu cho năm này."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "unit", "year"],
                condition=Q(unit__isnull=False),
                name="target_unique_per_indicator_unit_year",
                violation_error_message=_("Đơn vị đã có mục tiêu cho chỉ tiêu và năm này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.text}"

    def clean(self) -> None:
        try:
            parse_target(self.text)
        except ValidationError as error:
            raise ValidationError({"text": error.messages}) from error

    @property
    def bounds(self) -> tuple[TargetBound, ...]:
        return parse_target(self.text)


class Observation(models.Model):
    """A value of an indicator for a unit and a period (số liệu), with its review state.

    The period is a calendar period given by its kind and its first day (Q2 2025 is
    ``quarter`` starting 1/4/2025); yes/no values are stored as 1 and 0. A unit enters
    its values as drafts, submits them, and the secretariat approves them or returns them
    with a reason (``return_reason``), which the unit sees until it submits again.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="observations"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="observations"
    )
    period_kind = models.CharField(_("loại kỳ"), max_length=16, choices=PeriodKind.choices)
    period_start = models.DateField(_("ngày đầu kỳ"))
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to="observations/%Y/", blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ObservationState.choices,
        default=ObservationState.DRAFT,
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entered_observations",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_observations",
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lại"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="returned_observations",
    )
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    # Optimistic locking: each service write adds one (chidao.core.concurrency).
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = ObservationQuerySet.as_manager()
    # Who entered, submitted, returned and approved each value, and when.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = pgettext_lazy("số nhiều", "số liệu")
        ordering = ["indicator", "unit", "period_start"]
        # The dashboard's roll-up per indicator and period reads this index alone (value
        # included), never the table: 2,5× faster on SQLite at province scale.
        indexes = [
            models.Index(fields=["indicator", "period_kind", "period_start", "state", "value"])
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period_kind", "period_start"],
                name="observation_unique_per_period",
                violation_error_message=_("Đã có số liệu của đơn vị cho chỉ tiêu và kỳ này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit} {self.period_start:%d/%m/%Y}: {self.value}"

    @property
    def period(self) -> Period:
        return Period.from_start(self.period_kind, self.period_start)


class IndicatorRollup(models.Model):
    """The approved values of one indicator for one period, summed up across its units.

    Kept, never typed in: ``rollups.record_indicator_rollups`` writes it again in the
    transaction of every write that approves a value or takes one out of the approved
    (a grid saved, a value approved, an import), so the dashboard's indicator panel and the
    consolidated report read a few rows per indicator instead of aggregating every
    unit's value. The figures are ``maths.ValueSummary``'s: a unit's value is left out where
    its parent unit reported the same period. ``manage.py rebuild_status_counts`` rebuilds
    and verifies them with the task counts.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="rollups")
    period_kind = models.CharField(max_length=16, choices=PeriodKind.choices)
    period_start = models.DateField()
    count = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=32, decimal_places=4)
    lowest = models.DecimalField(max_digits=20, decimal_places=4)
    highest = models.DecimalField(max_digits=20, decimal_places=4)
    # The value entered last (highest id), which the roll-up "latest" takes.
    last = models.DecimalField(max_digits=20, decimal_places=4)

    class Meta:
        verbose_name = _("tổng hợp số liệu chỉ tiêu")
        verbose_name_plural = pgettext_lazy("số nhiều", "tổng hợp số liệu chỉ tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_start"], name="indicator_rollup_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_kind} {self.period_start}: {self.count}"
