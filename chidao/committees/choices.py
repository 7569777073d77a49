from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitteeLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố")
    COMMUNE = "commune", _("Xã, phường, đặc khu")


class MemberRole(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    STANDING_DEPUTY = "standing_deputy", _("Phó Trưởng ban Thường trực")
    DEPUTY = "deputy", _("Phó Trưởng ban")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Thư ký")
    SUPPORT_TEAM = "support_team", _("Tổ giúp việc")

    @classmethod
    def secretariat_roles(cls) -> frozenset["MemberRole"]:
        """Roles that run the committee's day-to-day work (thường trực, tổ giúp việc)."""
        return frozenset({cls.SECRETARY, cls.SUPPORT_TEAM})
