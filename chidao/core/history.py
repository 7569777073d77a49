"""Who a change is attributed to in the models' history (django-simple-history)."""

from typing import Any

from django.db import models


def set_history_user(instance: models.Model, user: Any) -> None:
    """Name ``user`` as the author of the history row the next save of ``instance`` writes.

    django-simple-history reads the instance attribute ``_history_user`` when it writes the
    row; it is its documented way to attribute a change made without a request. Services
    set it through here, so a write from a page, the API, an import or a job is attributed
    the same way, and the one untyped attribute is in one place.
    """
    # Not a model field: simple-history's hook, set on any model it records.
    instance._history_user = user  # type: ignore[attr-defined]
