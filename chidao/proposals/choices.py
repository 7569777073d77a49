from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalCategory(models.TextChoices):
    INSTITUTIONS = "institutions", _("Thể chế, chính sách")
    INFRASTRUCTURE = "infrastructure", _("Hạ tầng")
    HUMAN_RESOURCES = "human_resources", _("Nguồn nhân lực")
    AGENCIES = "agencies", _("Chuyển đổi số trong cơ quan nhà nước")
    BUSINESSES = "businesses", _("Doanh nghiệp")
    INTERNATIONAL = "international", _("Hợp tác quốc tế")
    OTHER = "other", _("Khác")


class ProposalKind(models.TextChoices):
    PROPOSAL = "proposal", _("Kiến nghị, đề xuất")
    INITIATIVE = "initiative", _("Sáng kiến")


class ProposalStatus(models.TextChoices):
    """Where a proposal stands, as its sender follows it with the tracking code."""

    RECEIVED = "received", _("Đã tiếp nhận")
    ROUTED = "routed", _("Đã chuyển đơn vị xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")

    @property
    def badge(self) -> str:
        return {
            "received": "secondary",
            "routed": "primary",
            "answered": "success",
            "closed": "dark",
        }[self.value]
