from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.reminders.choices import AnnouncedDayKind, Channel, NotificationKind, Weekday


def parse_days_before(text: str) -> tuple[int, ...]:
    """ "7, 3" -> (7, 3): the days before a deadline when a reminder goes out."""
    days = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        if not item.isdigit() or not 1 <= int(item) <= 90:
            raise ValidationError(
                _("Ghi các số ngày từ 1 đến 90, cách nhau bằng dấu phẩy, ví dụ “7, 3”.")
            )
        days.append(int(item))
    return tuple(sorted(set(days), reverse=True))


def validate_days_before(text: str) -> None:
    parse_days_before(text)


class ReminderRule(models.Model):
    """How and when a committee urges (đôn đốc) automatically.

    One per committee; a committee without one uses the defaults below (``rules.RuleConfig``).
    Reporting-cycle and stale-indicator reminders are configured here but not sent yet:
    reporting cycles have no model so far.
    """

    committee = models.OneToOneField(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="reminder_rule",
    )
    is_active = models.BooleanField(_("tự động nhắc việc"), default=True)
    days_before = models.CharField(
        _("nhắc trước hạn (ngày)"),
        max_length=50,
        default="7, 3",
        validators=[validate_days_before],
        help_text=_("Số ngày trước thời hạn, cách nhau bằng dấu phẩy."),
    )
    on_due_day = models.BooleanField(_("nhắc vào ngày đến hạn"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("nhắc quá hạn mỗi (ngày)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Nhắc vào ngày đầu tiên quá hạn, rồi cứ sau số ngày này."),
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("báo lãnh đạo khi quá hạn trên (ngày)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Báo lãnh đạo đơn vị chủ trì và lãnh đạo phụ trách nhiệm vụ."),
    )
    review_wait_working_days = models.PositiveSmallIntegerField(
        _("nhắc Thường trực khi đề nghị chờ quá (ngày làm việc)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    cycle_due_days = models.PositiveSmallIntegerField(
        _("nhắc nộp báo cáo kỳ trước hạn (ngày)"), default=3
    )
    stale_indicators = models.BooleanField(
        _("nhắc chỉ tiêu chưa có số liệu kỳ trước"), default=True
    )

    class Meta:
        verbose_name = _("quy tắc nhắc việc")
        verbose_name_plural = pgettext_lazy("số nhiều", "quy tắc nhắc việc")

    def __str__(self) -> str:
        return str(self.committee)


class Notification(models.Model):
    """One message to one person through one channel (a bell entry or an email).

    The unique key (kind, object, occurrence, recipient, channel) is what makes reminders
    idempotent: the sender inserts with ``ignore_conflicts``, so a rerun, a crash half-way
    or two workers at once never produce a second row, and an email row is sent only by
    whoever flips its ``sent_at`` first.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("loại"), max_length=32, choices=NotificationKind.choices)
    channel = models.CharField(_("kênh"), max_length=16, choices=Channel.choices)
    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    task = models.ForeignKey(
        "assignments.Task",
        verbose_name=_("nhiệm vụ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # The object the reminder is about (a task, a progress update, a deadline request, a
    # user for a digest): part of the key.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    occurrence = models.DateField(
        _("đợt nhắc"), help_text=_("Ngày mà quy tắc đến lượt nhắc (theo giờ Việt Nam).")
    )
    subject = models.CharField(_("tiêu đề"), max_length=300)
    text = models.TextField(_("nội dung"))
    link = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    read_at = models.DateTimeField(_("đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = pgettext_lazy("số nhiều", "thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "occurrence", "recipient", "channel"],
                name="notification_once_per_occurrence",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "channel"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(
                fields=["channel", "created_at"],
                condition=Q(sent_at__isnull=True),
                name="notification_unsent",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def kind_badge(self) -> str:
        return NotificationKind(self.kind).badge


class NotificationPreference(models.Model):
    """How one user wants to be told: channels and the day of the weekly digest.

    A user without a row gets the defaults (both channels, digest on Monday).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    in_app = models.BooleanField(_("nhận thông báo trên hệ thống"), default=True)
    email = models.BooleanField(_("nhận thông báo qua thư điện tử"), default=True)
    digest_weekday = models.PositiveSmallIntegerField(
        _("ngày nhận bản tin tuần"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        default=Weekday.MONDAY,
        help_text=_("Bản tin tuần gửi qua thư điện tử; để trống nếu không nhận."),
    )

    class Meta:
        verbose_name = _("tùy chọn nhận thông báo")
        verbose_name_plural = pgettext_lazy("số nhiều", "tùy chọn nhận thông báo")

    def __str__(self) -> str:
        return str(self.user)


class Urge(models.Model):
    """The secretariat urging (đôn đốc) a unit on one task or on all its overdue tasks,
    with a message. Recorded once; its notices point to it, so each urge is delivered once
    to each person and the record says who urged, when and what."""

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="urges",
    )
    task = models.ForeignKey(
        "assignments.Task",
        verbose_name=_("nhiệm vụ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="urges",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="urges"
    )
    tasks = models.ManyToManyField(
        "assignments.Task",
        verbose_name=_("các nhiệm vụ được đôn đốc"),
        related_name="+",
        blank=True,
    )
    message = models.TextField(_("nội dung đôn đốc"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đôn đốc"),
        on_delete=models.PROTECT,
        related_name="urges",
    )
    created_at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("đôn đốc")
        verbose_name_plural = pgettext_lazy("số nhiều", "đôn đốc")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y} {self.unit}: {self.message[:60]}"


class AnnouncedDay(models.Model):
    """A day the Government's yearly announcement of days off makes different.

    The public holidays themselves (Tết, the Hùng Kings' day and the other days of the
    Labour Code, art. 112) come from the ``holidays`` package, computed from the lunar
    calendar for any year (``reminders.workdays``). Each year the Ministry of Home Affairs
    also announces bridging days off and the Saturdays worked in exchange; an administrator
    records them here, as soon as the announcement is out, and they override the computed
    calendar for that day.
    """

    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại ngày"), max_length=16, choices=AnnouncedDayKind.choices)
    reason = models.CharField(
        _("lý do"),
        max_length=200,
        help_text=_("Ví dụ: “Nghỉ bù dịp 30/4, làm bù thứ Bảy 26/04/2025 (Công điện số …)”."),
    )

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù theo thông báo")
        verbose_name_plural = pgettext_lazy("số nhiều", "ngày nghỉ, ngày làm bù theo thông báo")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.get_kind_display()}"
