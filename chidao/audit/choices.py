from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditAction(models.TextChoices):
    SIGN_IN = "sign_in", pgettext_lazy("sự kiện", "Đăng nhập")
    SIGN_IN_FAILED = "sign_in_failed", _("Đăng nhập không thành công")
    SIGN_OUT = "sign_out", pgettext_lazy("sự kiện", "Đăng xuất")
    PERMISSION_DENIED = "permission_denied", _("Bị từ chối quyền")
    # The virus scan of an uploaded file (chidao.core.uploads.scan_upload), in ``detail``.
    UPLOAD_SCANNED = "upload_scanned", _("Quét virus tệp tải lên")
