from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskKind(models.TextChoices):
    DEADLINE = "deadline", _("Có thời hạn")
    RECURRING = "recurring", _("Định kỳ")
    ONGOING = "ongoing", _("Thường xuyên")


class Recurrence(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    YEARLY = "yearly", _("Hằng năm")


class TaskState(models.TextChoices):
    """What the secretariat has recorded about a task; the status as of a date derives from it."""

    OPEN = "open", _("Đang triển khai")
    COMPLETED = "completed", _("Đã hoàn thành")
    PAUSED = "paused", _("Tạm dừng")
    CANCELLED = "cancelled", _("Dừng thực hiện")


class TaskStatus(models.TextChoices):
    """A task's status as of a report date, counted as the Government Office counts it."""

    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    IN_PROGRESS = "in_progress", _("Đang thực hiện, trong hạn")
    OVERDUE = "overdue", _("Quá hạn, chưa hoàn thành")
    ONGOING = "ongoing", _("Thường xuyên")
    PAUSED = "paused", _("Tạm dừng")
    CANCELLED = "cancelled", _("Dừng thực hiện")
    NOT_YET_ASSIGNED = "not_yet_assigned", _("Chưa giao")

    @property
    def badge(self) -> str:
        """Bootstrap colour of the status badge, defined once for every page."""
        return _STATUS_BADGES[self]


_STATUS_BADGES = {
    TaskStatus.DONE_ON_TIME: "success",
    TaskStatus.DONE_LATE: "warning",
    TaskStatus.IN_PROGRESS: "primary",
    TaskStatus.OVERDUE: "danger",
    TaskStatus.ONGOING: "info",
    TaskStatus.PAUSED: "secondary",
    TaskStatus.CANCELLED: "dark",
    TaskStatus.NOT_YET_ASSIGNED: "light",
}


class ReviewState(models.TextChoices):
    """Where a progress report stands; a completion claim is done only once ``ACCEPTED``."""

    PENDING_UNIT_HEAD = "pending_unit", _("Chờ lãnh đạo đơn vị duyệt")
    SUBMITTED = "submitted", _("Đã gửi")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class CompletionQuality(models.TextChoices):
    """How the secretariat judged a completed task's output when it accepted the claim.

    Quy định 366-QĐ/TW rates a collective "excellent" only when its tasks are done "with
    quality" and at least 30 % of them exceed the requirement: the verification is where
    that judgement is recorded.
    """

    MET = "met", _("Đạt yêu cầu")
    EXCEEDED = "exceeded", _("Vượt yêu cầu")
    NOT_MET = "not_met", _("Chưa đạt yêu cầu")


# A report not yet decided on: a completion claim in one of these keeps the task "awaiting
# verification" (chờ xác nhận hoàn thành) until it is accepted or returned.
UNDECIDED_REVIEW_STATES = (ReviewState.PENDING_UNIT_HEAD, ReviewState.SUBMITTED)


class DeadlineChangeDecision(models.TextChoices):
    PENDING = "pending", _("Chờ quyết định")
    APPROVED = "approved", _("Đồng ý")
    REJECTED = "rejected", _("Không đồng ý")


class Risk(models.TextChoices):
    """The early warning's verdict on a task in progress (``forecast.forecast_task``)."""

    ON_TRACK = "on_track", _("Đúng tiến độ")
    AT_RISK = "at_risk", _("Có nguy cơ chậm")
    CERTAIN_LATE = "certain_late", _("Chậm chắc chắn")

    @property
    def badge(self) -> str:
        return _RISK_BADGES[self]


_RISK_BADGES = {Risk.ON_TRACK: "success", Risk.AT_RISK: "warning", Risk.CERTAIN_LATE: "danger"}
