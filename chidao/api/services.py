"""API tokens: created by their owner, shown once, stored hashed, revoked by the owner."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.api.models import ApiToken, hash_token

MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def do_create_api_token(*, by, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``by`` (the caller has signed in as ``by``).

    Returns the token and its secret, which is never stored nor shown again.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Hãy đặt tên gợi nhớ cho khóa, ví dụ “Hệ thống 57”.")})
    active = ApiToken.objects.select_for_update().filter(user=by, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            ngettext(
                "Đã có %(count)s khóa đang dùng; hãy thu hồi khóa không dùng nữa.",
                "Đã có %(count)s khóa đang dùng; hãy thu hồi khóa không dùng nữa.",
                MAX_ACTIVE_TOKENS,
            )
            % {"count": MAX_ACTIVE_TOKENS}
        )
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=by, name=name[:100], prefix=raw[:8], digest=hash_token(raw)
    )
    return token, raw


@transaction.atomic(durable=True)
def do_revoke_api_token(*, token: ApiToken, by) -> ApiToken:
    """Revoke ``token`` (the caller has checked that ``by`` owns it); at once and for good."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def do_create_webhook_subscription(*, committee, by, url: str, events) -> tuple:
    """Subscribe ``url`` to ``events`` of ``committee`` (the caller has checked that ``by``
    manages it). Returns the subscription and its signing secret, shown once."""
    from chidao.api.models import WebhookSubscription
    from chidao.api.webhooks import WebhookEvent, new_secret

    events = [event for event in events if event in WebhookEvent.values]
    if not events:
        raise ValidationError({"events": _("Chọn ít nhất một sự kiện.")})
    subscription = WebhookSubscription(
        committee=committee, url=url, events=events, secret=new_secret(), created_by=by
    )
    subscription.full_clean()
    subscription.save()
    return subscription, subscription.secret


@transaction.atomic(durable=True)
def do_stop_webhook_subscription(*, subscription, by):
    """Stop sending to a subscription; its delivery log is kept."""
    subscription.is_active = False
    subscription.save(update_fields=["is_active"])
    return subscription
