from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.core.models import VietnameseTextModel
from chidao.imports.choices import (
    DecisionAction,
    DecisionSubject,
    GroupLeads,
    GroupMode,
    ImportKind,
    ImportState,
    UnknownNames,
)


class UnitAlias(VietnameseTextModel):
    """Another name a committee's plans use for a unit ("Sở Tài chánh", "Các sở, ngành").

    Plans name bodies the way their authors write them: abbreviated, misspelt, or by a
    phrase that stands for one body in this committee. The secretariat records such a
    name once, and every later import reads it as the unit. ``key`` is the folded name
    (``rules.get_name_key``) that imports compare.
    """

    SEARCH_FIELDS = ("name",)

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="unit_aliases",
    )
    name = models.CharField(_("tên gọi trong văn bản"), max_length=300)
    key = models.CharField(_("khóa so khớp"), max_length=300, editable=False)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan, đơn vị"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tên gọi khác của đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "tên gọi khác của đơn vị")
        ordering = ["committee", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "key"],
                name="unit_alias_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có tên gọi này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.unit}"


class DataImport(models.Model):
    """One uploaded file on its way into the system: previewed, then committed once.

    The file is kept so that the preview can be read again after the secretariat adds a
    unit alias, and so that the commit writes exactly what was previewed from the same
    bytes. The options chosen at upload travel with it.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="data_imports",
    )
    kind = models.CharField(_("loại dữ liệu"), max_length=16, choices=ImportKind.choices)
    filename = models.CharField(_("tên tệp"), max_length=255)
    content = models.BinaryField(_("nội dung tệp"))
    group_mode = models.CharField(
        _("cụm từ chỉ nhiều cơ quan"),
        max_length=16,
        choices=GroupMode.choices,
        default=GroupMode.EXPAND,
    )
    unknown_names = models.CharField(
        _("cơ quan phối hợp ngoài danh mục"),
        max_length=16,
        choices=UnknownNames.choices,
        default=UnknownNames.FLAG,
    )
    group_leads = models.CharField(
        _("cơ quan chủ trì ghi là một cụm"),
        max_length=16,
        choices=GroupLeads.choices,
        default=GroupLeads.FLAG,
    )
    content_hash = models.CharField(
        _("mã băm nội dung"), max_length=64, blank=True, db_index=True, editable=False
    )
    code_prefix = models.CharField(_("tiền tố mã nhiệm vụ"), max_length=16, blank=True)
    assigned_on = models.DateField(_("ngày giao"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("năm mục tiêu"),
        null=True,
        blank=True,
        help_text=_("Cho các chỉ tiêu không nằm trong mục “Đến năm …” của phụ lục."),
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản giao"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=ImportState.choices, default=ImportState.PREVIEWED
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("số bản ghi tạo mới"), default=0)
    # Rows of the file's tables under their header, counted at upload: a file of more
    # than ``services.BACKGROUND_ROWS`` is committed by a background job.
    row_count = models.PositiveIntegerField(_("số dòng của bảng"), default=0, editable=False)
    job_error = models.TextField(_("lỗi khi ghi"), blank=True, editable=False)
    skipped_count = models.PositiveIntegerField(_("số dòng bỏ qua"), default=0)

    class Meta:
        verbose_name = _("lần nhập dữ liệu")
        verbose_name_plural = pgettext_lazy("số nhiều", "lần nhập dữ liệu")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()})"


class ImportDecision(models.Model):
    """A choice the secretariat made in a preview: skip a row, keep a name as written,
    fan a group lead out, start a new group.

    Kept with the plan it was made for (the file's content hash and, when given, its
    source document), so that uploading the same file again, or a new version of the
    same plan, needs no decision twice. ``key`` is the row's code, the folded name
    (``org.names.get_name_key``) or the group's code, by ``subject``.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="import_decisions",
    )
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64, db_index=True)
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản giao"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.CharField(_("đối tượng"), max_length=8, choices=DecisionSubject.choices)
    key = models.CharField(_("khóa"), max_length=300)
    text = models.CharField(_("như ghi trong tệp"), max_length=300, blank=True)
    action = models.CharField(_("quyết định"), max_length=16, choices=DecisionAction.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khi nhập")
        verbose_name_plural = pgettext_lazy("số nhiều", "quyết định khi nhập")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.text or self.key}: {self.get_action_display()}"
