import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.api.addresses import check_webhook_url


def hash_token(raw: str) -> str:
    """The stored form of a token: a SHA-256 digest (tokens are long random strings,
    so a fast hash is enough; a leaked table gives no usable token)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A key another system uses to call the API on a user's behalf.

    The user creates it, sees it once, and may revoke it; only its hash is stored, and
    ``prefix`` (the first characters) lets the user tell tokens apart. A request with
    the token acts as the user: the same roles, the same gates as the pages.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    prefix = models.CharField(_("phần đầu"), max_length=12, editable=False)
    digest = models.CharField(_("mã băm"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = pgettext_lazy("số nhiều", "khóa API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class WebhookSubscription(models.Model):
    """A URL of another system that wants to hear about a committee's events.

    Each delivery is signed with ``secret`` (HMAC-SHA256 over the body), so the receiver
    can tell it came from here. Set up by the committee's secretariat.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
    )
    url = models.URLField(_("địa chỉ nhận"), max_length=500)
    secret = models.CharField(_("khóa ký"), max_length=64, editable=False)
    events = models.JSONField(_("sự kiện"), default=list)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký nhận sự kiện")
        verbose_name_plural = pgettext_lazy("số nhiều", "đăng ký nhận sự kiện")
        ordering = ["committee", "url"]

    def __str__(self) -> str:
        return self.url

    def clean(self):
        try:
            check_webhook_url(self.url)
        except ValidationError as error:
            raise ValidationError({"url": error.messages}) from None


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one subscription, with its attempts.

    ``key`` makes an event reach a subscription once, however many times it is announced.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        DELIVERED = "delivered", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("đăng ký"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("sự kiện"), max_length=64)
    key = models.CharField(_("khóa sự kiện"), max_length=200)
    payload = models.JSONField(_("nội dung"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    response_status = models.PositiveSmallIntegerField(_("mã trả về"), null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    next_attempt_at = models.DateTimeField(_("gửi lần tới lúc"))
    delivered_at = models.DateTimeField(_("gửi xong lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lần gửi sự kiện")
        verbose_name_plural = pgettext_lazy("số nhiều", "lần gửi sự kiện")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "key"], name="webhook_delivery_once_per_event"
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription}"
