"""Dormant accounts: an account nobody has signed in to for ``CHIDAO_ACCOUNT_INACTIVE_DAYS``
days (45; 0 turns it off) is disabled, so a forgotten account of someone who changed jobs
cannot be used. An admin enables it again in the admin pages. The demo is left alone."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)


def get_unused_accounts(*, now: datetime.datetime, days: int):
    """Active accounts with no sign-in for ``days`` days (never signed in: counted from
    when the account was made)."""
    cutoff = now - datetime.timedelta(days=days)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )


def do_disable_unused_accounts(*, now: datetime.datetime | None = None) -> list[str]:
    """Disables every account unused past the limit; returns their user names. Safe to run
    again: an account already disabled is not touched. Its sessions end at its next
    request (Django refuses inactive users)."""
    days = settings.CHIDAO_ACCOUNT_INACTIVE_DAYS
    if days <= 0 or settings.DEMO_MODE:
        return []
    now = now or timezone.now()
    names = []
    with transaction.atomic(durable=True):
        for user in get_unused_accounts(now=now, days=days).select_for_update():
            user.is_active = False
            user.save(update_fields=["is_active"])
            names.append(user.get_username())
    if names:
        log.info("Disabled %d accounts unused for %d days: %s", len(names), days, names)
    return names
