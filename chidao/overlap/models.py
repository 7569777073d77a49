from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chidao.core.text import fold_text, normalize_text
from chidao.overlap.rules import get_expansion, is_short_form

SHORT_MAX_LENGTH = 20
FULL_MAX_LENGTH = 200


class ShortForm(models.Model):
    """A short form a committee writes, with what its secretariat says it means: "SXD" is
    "Sở Xây dựng", "GPXD" is "giấy phép xây dựng", "KH" is "Khánh Hòa".

    Task titles cut to short forms nobody spells out anywhere are the overlap finder's
    largest class of misses; the committee knows its own writing. The short forms of every
    committee of a tree are read when the tree's index is built (``finder``), before any
    short form learned from the texts and, written whole in capitals, before the fixed
    table. ``key`` is the short form folded (no marks, no case), the form it is matched
    by: "CĐS" and "CDS" are one short form, and a committee has each once.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="short_forms",
    )
    short = models.CharField(_("viết tắt"), max_length=SHORT_MAX_LENGTH)
    key = models.CharField(_("viết tắt không dấu"), max_length=2 * SHORT_MAX_LENGTH, editable=False)
    full = models.CharField(_("viết đầy đủ"), max_length=FULL_MAX_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    # Read with the count and the last key by the finder: a change rebuilds the tree's index.
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("từ viết tắt của Ban Chỉ đạo")
        verbose_name_plural = pgettext_lazy("số nhiều", "từ viết tắt của Ban Chỉ đạo")
        ordering = ["committee", "key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "key"],
                name="overlap_short_form_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có từ viết tắt này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.short}: {self.full}"

    def save(self, *args, **kwargs):
        self.prepare()
        super().save(*args, **kwargs)

    def prepare(self) -> None:
        """Text in NFC without surrounding spaces, and the key it is matched by."""
        self.short = normalize_text(self.short)
        self.full = normalize_text(self.full)
        self.key = fold_text(self.short)

    def clean(self) -> None:
        self.prepare()
        errors: dict[str, str] = {}
        if self.short and not is_short_form(self.short):
            errors["short"] = gettext(
                "“%(short)s” không phải là một từ viết tắt: hãy viết liền một từ, có ít nhất "
                "hai chữ in hoa, không dấu cách hay dấu chấm (ví dụ: GPXD, KH&CN, KT-XH)."
            ) % {"short": self.short}
        elif self.short and self.committee_id and self._taken():
            errors["short"] = gettext(
                "Ban Chỉ đạo đã có từ viết tắt “%(short)s”; hãy xóa từ đó trước nếu muốn đổi nghĩa."
            ) % {"short": self.short}
        if self.full and not get_expansion(self.full):
            errors["full"] = gettext("Hãy viết đầy đủ bằng chữ.")
        elif self.full and get_expansion(self.full) == (self.key,):
            errors["full"] = gettext("Viết đầy đủ phải khác từ viết tắt.")
        if errors:
            raise ValidationError(errors)

    def _taken(self) -> bool:
        others = ShortForm.objects.filter(committee_id=self.committee_id, key=self.key)
        return others.exclude(pk=self.pk).exists()
