from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.core.models import VietnameseTextModel
from chidao.documents.choices import DocumentKind
from chidao.documents.querysets import DocumentQuerySet


class Document(VietnameseTextModel):
    """A directive document (văn bản chỉ đạo): a resolution, programme, plan, decision…

    Documents form a chain: Resolution 57-NQ/TW → the province's action programme →
    the People's Committee plan → tasks. ``symbol`` is the number-and-symbol in its
    canonical form (see ``documents.rules.parse_document_symbol``); ``symbol_note`` keeps
    what the parser corrected, e.g. a symbol written in reversed order. ``committee`` is
    the committee whose register holds the document; a document without one (a
    Politburo resolution every committee carries out) is open to every signed-in user.
    """

    SEARCH_FIELDS = ("symbol", "summary", "signer")

    symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    kind = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentKind.choices)
    issuing_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    issued_on = models.DateField(_("ngày ban hành"))
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    summary = models.TextField(_("trích yếu"))
    file = models.FileField(_("tệp văn bản"), upload_to="documents/%Y/", blank=True)
    implements = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementations",
    )
    symbol_note = models.TextField(_("ghi chú về ký hiệu"), blank=True)
    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("sổ văn bản của Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Để trống nếu văn bản dùng chung cho mọi Ban Chỉ đạo."),
    )

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = pgettext_lazy("số nhiều", "văn bản")
        ordering = ["-issued_on", "symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_unit", "symbol", "issued_on"],
                name="document_unique_per_issuer_and_date",
                violation_error_message=_("Văn bản với số, ký hiệu và ngày ban hành này đã có."),
            ),
            models.CheckConstraint(
                condition=~Q(implements=F("pk")),
                name="document_not_implementing_itself",
                violation_error_message=_("Văn bản không thể thực hiện chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.symbol}"
