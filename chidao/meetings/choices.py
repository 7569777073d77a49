from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Phiên họp thường kỳ")
    EXTRAORDINARY = "extraordinary", _("Phiên họp đột xuất")


class Attendance(models.TextChoices):
    """Whether a member sat in the meeting, as the minutes record it."""

    PRESENT = "present", _("Có mặt")
    DELEGATED = "delegated", _("Vắng, cử người dự thay")
    ABSENT = "absent", _("Vắng")

    @property
    def badge(self) -> str:
        return {"present": "success", "delegated": "warning", "absent": "secondary"}[self.value]
