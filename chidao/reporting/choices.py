from django.db import models
from django.utils.translation import gettext_lazy as _


class CycleKind(models.TextChoices):
    """Kinds of reporting cycle: the periods of Decree 09, and ad hoc requests (đột xuất)."""

    MONTH = "month", _("Báo cáo tháng")
    QUARTER = "quarter", _("Báo cáo quý")
    SIX_MONTHS = "six_months", _("Báo cáo 6 tháng")
    NINE_MONTHS = "nine_months", _("Báo cáo 9 tháng")
    YEAR = "year", _("Báo cáo năm")
    AD_HOC = "ad_hoc", _("Báo cáo đột xuất")


class CycleState(models.TextChoices):
    OPEN = "open", _("Đang nhận báo cáo")
    CLOSED = "closed", _("Đã đóng")


class SubmissionState(models.TextChoices):
    """Where a unit's report for a cycle stands; only ``SUBMITTED`` reached the secretariat."""

    DRAFT = "draft", _("Đang soạn")
    AWAITING_UNIT_HEAD = "awaiting_unit_head", _("Chờ lãnh đạo đơn vị duyệt")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại")


class Timeliness(models.TextChoices):
    """Whether a unit reported on time (``rules.get_timeliness``)."""

    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Gửi muộn")
    PENDING = "pending", _("Chưa gửi, còn hạn")
    MISSING = "missing", _("Chưa gửi, quá hạn")

    @property
    def badge(self) -> str:
        return _TIMELINESS_BADGES[self]


_TIMELINESS_BADGES = {
    Timeliness.ON_TIME: "success",
    Timeliness.LATE: "warning",
    Timeliness.PENDING: "secondary",
    Timeliness.MISSING: "danger",
}

SUBMISSION_BADGES = {
    SubmissionState.DRAFT: "secondary",
    SubmissionState.AWAITING_UNIT_HEAD: "info",
    SubmissionState.SUBMITTED: "success",
    SubmissionState.RETURNED: "danger",
}


class ReportLayout(models.TextChoices):
    """The document format a consolidated report follows, chosen by the host body."""

    STATE = "state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")
    PARTY = "party", _("Văn bản của Đảng (Hướng dẫn thể thức văn bản của Đảng)")
