from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    TASKS = "tasks", _("Nhiệm vụ")
    INDICATORS = "indicators", _("Chỉ tiêu và mục tiêu")
    OBSERVATIONS = "observations", _("Số liệu chỉ tiêu")


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", _("Đang xem trước")
    # A big file is written by a background job (``jobs.commit_task_import_job``).
    QUEUED = "queued", _("Đang ghi (chạy nền)")
    FAILED = "failed", _("Ghi không thành công, chưa ghi gì")
    COMMITTED = "committed", _("Đã ghi vào hệ thống")


class GroupMode(models.TextChoices):
    """What to do with a phrase naming many bodies at once ("các sở, ngành")."""

    EXPAND = "expand", _("Tách thành từng cơ quan, đơn vị")
    KEEP = "keep", _("Giữ nguyên cụm từ, ghi vào nội dung nhiệm vụ")


class UnknownNames(models.TextChoices):
    """What to do with a coordinating body the committee's directory does not hold."""

    FLAG = "flag", _("Báo lỗi để chọn đơn vị hoặc thêm tên gọi khác")
    TEXT = "text", _("Giữ nguyên tên như trong tệp (cơ quan phối hợp ngoài danh mục)")


class GroupLeads(models.TextChoices):
    """What to do with a lead written as a group ("Các bộ, ngành, địa phương")."""

    FLAG = "flag", _("Báo lỗi để quyết định từng dòng")
    FAN_OUT = "fan-out", _("Mỗi đơn vị chủ trì phần việc của mình (tách nhiệm vụ con)")
    STANDING = "standing", _("Cơ quan thường trực chủ trì, cụm là cơ quan phối hợp")


class DecisionAction(models.TextChoices):
    """A choice made in the preview, remembered for the next upload of the same plan."""

    SKIP_ROW = "skip", _("Bỏ qua dòng")
    ONGOING = "ongoing", _("Không ghi thời hạn: nhiệm vụ thường xuyên")
    TEXT = "text", _("Giữ nguyên tên như trong tệp")
    FAN_OUT = "fan-out", _("Mỗi đơn vị chủ trì phần việc của mình")
    STANDING = "standing", _("Cơ quan thường trực chủ trì")
    NEW_GROUP = "new-group", _("Tạo nhóm mới")
    SAME_GROUP = "same-group", _("Là nhóm đã có")


class DecisionSubject(models.TextChoices):
    ROW = "row", _("Dòng")
    NAME = "name", _("Tên cơ quan")
    GROUP = "group", _("Nhóm nhiệm vụ")


class RowOutcome(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Cập nhật")
    SKIP = "skip", _("Bỏ qua")
    ERROR = "error", _("Có lỗi")

    @property
    def badge(self) -> str:
        return {"create": "success", "update": "info", "skip": "secondary", "error": "danger"}[
            self.value
        ]
