"""Base models shared by every app."""

import unicodedata

from django.db import models

from chidao.core.text import fold_text


class VietnameseTextModel(models.Model):
    """A model whose text is stored in NFC and searchable without diacritics.

    Vietnamese typed on different systems arrives in composed or decomposed form; the
    same name must compare equal, so every text field is normalised to NFC on save.
    ``search_text`` keeps a folded copy of ``SEARCH_FIELDS`` because neither SQLite nor a
    plain PostgreSQL index can match "so khoa hoc" against "Sở Khoa học" otherwise.
    Writes that bypass ``save()`` (bulk_create) must call ``prepare_text()`` themselves.
    """

    SEARCH_FIELDS: tuple[str, ...] = ()

    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.prepare_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def prepare_text(self) -> None:
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    value = unicodedata.normalize("NFC", value)
                    if isinstance(field, models.CharField):
                        value = value.strip()
                    setattr(self, field.attname, value)
        self.search_text = fold_text(
            " ".join(str(getattr(self, name) or "") for name in self.SEARCH_FIELDS)
        )
