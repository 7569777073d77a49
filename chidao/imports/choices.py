from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    TASKS = "tasks", _("Nhiệm vụ")
    INDICATORS = "indicators", _("Chỉ tiêu và mục tiêu")
    OBSERVATIONS = "observations", _("Số liệu chỉ tiêu")


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", _("Đang xem trước")
    COMMITTED = "committed", _("Đã ghi vào hệ thống")


class GroupMode(models.TextChoices):
    """What to do with a phrase naming many bodies at once ("các sở, ngành")."""

    EXPAND = "expand", _("Tách thành từng cơ quan, đơn vị")
    KEEP = "keep", _("Giữ nguyên cụm từ, ghi vào nội dung nhiệm vụ")


class RowOutcome(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    SKIP = "skip", _("Bỏ qua")
    ERROR = "error", _("Có lỗi")

    @property
    def badge(self) -> str:
        return {"create": "success", "skip": "secondary", "error": "danger"}[self.value]
