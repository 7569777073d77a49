from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """Which reminder rule produced a notification; part of its idempotency key."""

    TASK_AT_RISK = "task_at_risk", _("Nhiệm vụ có nguy cơ chậm")
    TASK_DUE_SOON = "task_due_soon", _("Nhiệm vụ sắp đến hạn")
    TASK_DUE_TODAY = "task_due_today", _("Nhiệm vụ đến hạn hôm nay")
    TASK_OVERDUE = "task_overdue", _("Nhiệm vụ quá hạn")
    TASK_ESCALATED = "task_escalated", _("Nhiệm vụ quá hạn kéo dài (báo cáo lãnh đạo)")
    CLAIM_WAITING = "claim_waiting", _("Đề nghị xác nhận hoàn thành chờ xem xét")
    DEADLINE_REQUEST_WAITING = "deadline_waiting", _("Đề nghị điều chỉnh thời hạn chờ quyết định")
    CYCLE_DUE_SOON = "cycle_due_soon", _("Sắp đến hạn gửi báo cáo kỳ")
    CYCLE_DUE_TODAY = "cycle_due_today", _("Hạn gửi báo cáo kỳ hôm nay")
    CYCLE_MISSED = "cycle_missed", _("Chưa gửi báo cáo kỳ, đã quá hạn")
    INDICATOR_STALE = "indicator_stale", _("Chỉ tiêu chưa có số liệu kỳ trước")
    PROPOSAL_DUE_SOON = "proposal_due_soon", _("Sắp đến hạn trả lời kiến nghị")
    PROPOSAL_OVERDUE = "proposal_overdue", _("Kiến nghị quá hạn trả lời")
    WEEKLY_DIGEST = "weekly_digest", _("Bản tin tuần")
    # What just happened to a task (assignments.signals.task_event).
    COMPLETION_CLAIMED = "completion_claimed", _("Đề nghị xác nhận hoàn thành mới")
    AWAITS_UNIT_HEAD = "awaits_unit_head", _("Báo cáo chờ lãnh đạo đơn vị duyệt")
    REPORT_ACCEPTED = "report_accepted", _("Báo cáo được chấp nhận")
    COMPLETION_ACCEPTED = "completion_accepted", _("Nhiệm vụ được xác nhận hoàn thành")
    REPORT_RETURNED = "report_returned", _("Báo cáo bị trả lại")
    DEADLINE_REQUESTED = "deadline_requested", _("Đề nghị điều chỉnh thời hạn mới")
    DEADLINE_DECIDED = "deadline_decided", _("Kết quả đề nghị điều chỉnh thời hạn")
    DIRECTION_GIVEN = "direction_given", _("Ý kiến chỉ đạo mới")
    URGED = "urged", _("Thường trực đôn đốc")

    @property
    def badge(self) -> str:
        return _KIND_BADGES[self]


_KIND_BADGES = {
    NotificationKind.TASK_AT_RISK: "warning",
    NotificationKind.TASK_DUE_SOON: "primary",
    NotificationKind.TASK_DUE_TODAY: "warning",
    NotificationKind.TASK_OVERDUE: "danger",
    NotificationKind.TASK_ESCALATED: "danger",
    NotificationKind.CLAIM_WAITING: "info",
    NotificationKind.DEADLINE_REQUEST_WAITING: "info",
    NotificationKind.CYCLE_DUE_SOON: "primary",
    NotificationKind.CYCLE_DUE_TODAY: "warning",
    NotificationKind.CYCLE_MISSED: "danger",
    NotificationKind.INDICATOR_STALE: "warning",
    NotificationKind.PROPOSAL_DUE_SOON: "primary",
    NotificationKind.PROPOSAL_OVERDUE: "danger",
    NotificationKind.WEEKLY_DIGEST: "secondary",
    NotificationKind.COMPLETION_CLAIMED: "info",
    NotificationKind.AWAITS_UNIT_HEAD: "info",
    NotificationKind.REPORT_ACCEPTED: "success",
    NotificationKind.COMPLETION_ACCEPTED: "success",
    NotificationKind.REPORT_RETURNED: "danger",
    NotificationKind.DEADLINE_REQUESTED: "info",
    NotificationKind.DEADLINE_DECIDED: "secondary",
    NotificationKind.DIRECTION_GIVEN: "dark",
    NotificationKind.URGED: "danger",
}


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Trên hệ thống")
    EMAIL = "email", _("Thư điện tử")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Thứ Hai")
    TUESDAY = 1, _("Thứ Ba")
    WEDNESDAY = 2, _("Thứ Tư")
    THURSDAY = 3, _("Thứ Năm")
    FRIDAY = 4, _("Thứ Sáu")
    SATURDAY = 5, _("Thứ Bảy")
    SUNDAY = 6, _("Chủ nhật")


class AnnouncedDayKind(models.TextChoices):
    """What the Government's announcement makes of a day (models.AnnouncedDay)."""

    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm việc (làm bù)")
