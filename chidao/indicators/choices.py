from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Chiến lược")
    OPERATIONAL = "operational", _("Tác nghiệp")


class Direction(models.TextChoices):
    HIGHER_BETTER = "higher", _("Càng cao càng tốt")
    LOWER_BETTER = "lower", _("Càng thấp càng tốt")
    EXACT = "exact", _("Đạt đúng giá trị")


class ValueType(models.TextChoices):
    NUMBER = "number", _("Số")
    PERCENT = "percent", _("Tỷ lệ %")
    BOOLEAN = "boolean", _("Có/Không")


class Rollup(models.TextChoices):
    """How the values of units combine into the committee's value."""

    SUM = "sum", _("Cộng dồn")
    MEAN = "mean", _("Trung bình")
    WEIGHTED_MEAN = "weighted_mean", _("Trung bình có trọng số")
    LATEST = "latest", _("Giá trị mới nhất")
    MIN = "min", _("Nhỏ nhất")
    MAX = "max", _("Lớn nhất")
    NONE = "none", _("Không tổng hợp")


class Comparator(models.TextChoices):
    """How a target written in an appendix compares ("≥ 55", "40 - 50", "> 0,7")."""

    GE = "ge", "≥"
    GT = "gt", ">"
    LE = "le", "≤"
    LT = "lt", "<"
    EQ = "eq", "="
    BETWEEN = "between", _("trong khoảng")
    QUALITATIVE = "qualitative", _("định tính")


class ProjectionStatus(models.TextChoices):
    ON_TRACK = "on_track", _("Đúng hướng")
    AT_RISK = "at_risk", _("Có nguy cơ")
    OFF_TRACK = "off_track", _("Chệch hướng")
    NO_DATA = "no_data", _("Chưa có số liệu")
    STALE = "stale", _("Số liệu cũ")


class ObservationState(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Đã gửi")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại")


# Bootstrap colour of each state's badge, so every page shows a state the same way.
OBSERVATION_STATE_BADGES = {
    ObservationState.DRAFT: "secondary",
    ObservationState.SUBMITTED: "info",
    ObservationState.APPROVED: "success",
    ObservationState.RETURNED: "warning",
}
