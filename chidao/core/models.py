"""Base models shared by every app."""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.core.text import fold_text


def normalize_model_text(instance: models.Model, *, strip_char_fields: bool = False) -> None:
    """Put every free-text field of ``instance`` in NFC (choice fields hold codes).

    The one place text is normalised before it is stored: ``VietnameseTextModel.save``
    calls it, and a ``pre_save`` receiver (``CoreConfig.ready``) calls it for every
    other model of our apps, so a report typed on a Mac (NFD) is stored as the same
    letters as one typed on Windows, whatever form, API call, import or job wrote it.
    """
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                value = unicodedata.normalize("NFC", value)
                if strip_char_fields and isinstance(field, models.CharField):
                    value = value.strip()
                setattr(instance, field.attname, value)


def normalize_text_before_save(sender, instance, raw=False, **kwargs) -> None:
    """``pre_save`` receiver: NFC for the text of every model of our apps."""
    if not raw and sender.__module__.startswith("chidao."):
        normalize_model_text(instance)


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
        normalize_model_text(self, strip_char_fields=True)
        self.search_text = fold_text(
            " ".join(str(getattr(self, name) or "") for name in self.SEARCH_FIELDS)
        )


class UserSession(models.Model):
    """One signed-in browser of a user: which server-side session belongs to whom.

    Django's session table cannot be searched by user (the user id sits inside the
    encoded data), so the key is noted here at sign-in; signing out, or an admin, then
    ends every session of the account (``chidao.core.sessions.do_end_all_sessions``).
    A row whose session has already expired is harmless and pruned at the next sign-in.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên đăng nhập")
        verbose_name_plural = _("phiên đăng nhập")

    def __str__(self):
        return f"{self.user_id}:{self.session_key[:8]}…"
