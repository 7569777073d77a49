from django.db import models
from django.utils.translation import gettext_lazy as _


class OnboardingState(models.TextChoices):
    PREVIEWED = "previewed", _("Đang xem trước")
    COMMITTED = "committed", _("Đã tạo Ban Chỉ đạo")


class RowOutcome(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    EXISTING = "existing", _("Đã có")
    SKIP = "skip", _("Bỏ qua")
    ERROR = "error", _("Có lỗi")

    @property
    def badge(self) -> str:
        return {
            "create": "success",
            "existing": "secondary",
            "skip": "secondary",
            "error": "danger",
        }[self.value]


class AccountRole(models.TextChoices):
    """What a new account is for: the committee's secretariat, or a unit's officer or head."""

    SECRETARIAT = "secretariat", _("Thường trực, Tổ giúp việc Ban Chỉ đạo")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đầu mối của đơn vị")
    UNIT_HEAD = "unit_head", _("Lãnh đạo đơn vị")
