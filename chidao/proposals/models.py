import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.proposals.choices import ProposalCategory, ProposalKind, ProposalStatus

# Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_tracking_code() -> str:
    """ "KN-7F3K9Q2M": eight random characters, about 40 bits, to type from a phone."""
    return "KN-" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))


class Proposal(models.Model):
    """A proposal, recommendation or initiative (kiến nghị, đề xuất, sáng kiến) sent to a
    committee by a citizen, a business, an expert, a unit or a member.

    The secretariat routes it to a unit with a response deadline; the unit drafts the
    answer; the secretariat approves it and publishes it (only with the sender's consent,
    and never with their personal data) or answers privately. The sender follows it with
    the tracking code, without an account.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    tracking_code = models.CharField(
        _("mã tra cứu"), max_length=16, unique=True, default=new_tracking_code, editable=False
    )
    kind = models.CharField(
        _("loại"), max_length=16, choices=ProposalKind.choices, default=ProposalKind.PROPOSAL
    )
    category = models.CharField(_("lĩnh vực"), max_length=32, choices=ProposalCategory.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    content = models.TextField(_("nội dung"))
    sender_name = models.CharField(_("họ tên người gửi"), max_length=200)
    contact = models.CharField(_("điện thoại hoặc email"), max_length=200)
    contact_key = models.CharField(max_length=200, editable=False, db_index=True)
    organisation = models.CharField(_("cơ quan, tổ chức, doanh nghiệp"), max_length=300, blank=True)
    consents_to_publish = models.BooleanField(
        _("đồng ý công khai nội dung và trả lời"), default=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản gửi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source_ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=ProposalStatus.choices,
        default=ProposalStatus.RECEIVED,
    )
    routed_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    response_due = models.DateField(_("hạn trả lời"), null=True, blank=True)
    routed_at = models.DateTimeField(_("chuyển lúc"), null=True, blank=True)
    answer_draft = models.TextField(_("dự thảo trả lời"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người soạn trả lời"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    is_public = models.BooleanField(_("công khai"), default=False)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["source_ip"])

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = pgettext_lazy("số nhiều", "kiến nghị")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_public=False)
                | Q(consents_to_publish=True, status__in=["answered", "closed"]),
                name="proposal_public_only_with_consent_and_answer",
                violation_error_message=_(
                    "Chỉ công khai kiến nghị đã trả lời và người gửi đồng ý công khai."
                ),
            ),
            models.CheckConstraint(
                condition=Q(routed_unit__isnull=True) | Q(response_due__isnull=False),
                name="proposal_routed_with_due_date",
                violation_error_message=_("Chuyển đơn vị xử lý phải có hạn trả lời."),
            ),
        ]
        indexes = [models.Index(fields=["committee", "status"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.title}"

    @property
    def status_badge(self) -> str:
        return ProposalStatus(self.status).badge


def proposal_upload_to(instance: "ProposalAttachment", filename: str) -> str:
    """A generated name: the sender's file name never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()
    return f"proposals/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ProposalAttachment(models.Model):
    """A file the sender attached to a proposal (a draft, a photo, a study), under the
    rules of evidence files: checked by content, scanned, stored under a generated name
    and handed out only to those who may read the proposal."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("kiến nghị"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("tệp"), upload_to=proposal_upload_to, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(_("loại tệp"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)

    class Meta:
        verbose_name = _("tệp đính kèm kiến nghị")
        verbose_name_plural = pgettext_lazy("số nhiều", "tệp đính kèm kiến nghị")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name or self.file.name


class SpentChallenge(models.Model):
    """A sum challenge of the public form that has been answered: each one serves a
    single proposal (or a single wrong answer), so a solved challenge cannot be replayed
    by a script from many addresses. Rows older than the challenge's lifetime are
    removed as new ones are spent."""

    challenge_id = models.CharField(_("mã phép tính"), max_length=64, unique=True)
    spent_at = models.DateTimeField(_("dùng lúc"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("phép tính đã dùng")
        verbose_name_plural = pgettext_lazy("số nhiều", "phép tính đã dùng")

    def __str__(self) -> str:
        return self.challenge_id
