"""Outgoing webhooks: events of a committee, sent as signed JSON to subscribed URLs.

Events are queued (``do_queue_event``) after the write that caused them commits, and
sent later by ``do_send_due_webhooks`` (a Huey job every minute, or ``manage.py
send_webhooks``): a receiver that is down never slows or breaks a user's request. A
failed send is retried with growing delays, then given up and kept as failed.

Each request carries:

* ``X-ChiDao-Event``: the event name, e.g. ``progress.submitted``;
* ``X-ChiDao-Delivery``: the delivery id (the same on retries);
* ``X-ChiDao-Signature``: ``sha256=`` and the hex HMAC-SHA256 of the raw body, keyed
  with the subscription's secret. A receiver recomputes it over the bytes it received
  and compares in constant time.

Before each attempt the address is checked again (``chidao.api.addresses``: https only,
no internal or reserved address) and the connection goes to the address just checked;
redirects are not followed (a 3xx is a failed attempt).
"""

import hashlib
import hmac
import http.client
import json
import secrets
import socket
import ssl
from datetime import timedelta
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.api.addresses import check_webhook_url, split_webhook_url
from chidao.api.models import WebhookDelivery, WebhookSubscription


class WebhookEvent(models.TextChoices):
    TASK_CREATED = "task.created", _("Giao nhiệm vụ mới")
    TASK_STATE_CHANGED = "task.state_changed", _("Nhiệm vụ đổi tình trạng")
    PROGRESS_SUBMITTED = "progress.submitted", _("Đơn vị gửi báo cáo tiến độ")
    COMPLETION_ACCEPTED = "completion.accepted", _("Xác nhận hoàn thành")
    DEADLINE_CHANGED = "deadline.changed", _("Điều chỉnh thời hạn")
    OBSERVATION_APPROVED = "observation.approved", _("Duyệt số liệu chỉ tiêu")


# Minutes to wait after the 1st, 2nd… failed attempt; after the last, the delivery fails.
RETRY_DELAYS = (1, 5, 30, 120, 720)
TIMEOUT_SECONDS = 10


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def new_secret() -> str:
    return secrets.token_hex(32)


def do_queue_event(*, committee_id: int, event: str, key: str, data: dict) -> int:
    """Queue ``event`` for every active subscription of the committee that wants it.

    ``key`` identifies the event: queuing the same key twice queues it once. Returns the
    number of deliveries queued.
    """
    subscriptions = WebhookSubscription.objects.filter(committee_id=committee_id, is_active=True)
    payload = json.loads(
        json.dumps(
            {"event": event, "committee": committee_id, "data": data, "sent_for": key},
            cls=DjangoJSONEncoder,
        )
    )
    queued = 0
    now = timezone.now()
    for subscription in subscriptions:
        if event not in subscription.events:
            continue
        try:
            with transaction.atomic():
                WebhookDelivery.objects.create(
                    subscription=subscription,
                    event=event,
                    key=key,
                    payload=payload,
                    next_attempt_at=now,
                )
        except IntegrityError:
            continue
        queued += 1
    return queued


def do_send_due_webhooks(*, now=None) -> int:
    """Send the deliveries that are due; returns how many were attempted.

    Each delivery is sent outside any transaction and recorded on its own, so one slow
    or failing receiver holds up no other.
    """
    now = now or timezone.now()
    due = WebhookDelivery.objects.filter(
        state=WebhookDelivery.State.PENDING, next_attempt_at__lte=now
    ).select_related("subscription")
    count = 0
    for delivery in due[:200]:
        _deliver(delivery, now)
        count += 1
    return count


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to an address checked beforehand, not to whatever the name resolves to
    by then."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same over TLS: the certificate is checked for the host name as usual."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post_webhook(url: str, body: bytes, headers: dict) -> int:
    """POST ``body`` to ``url`` after checking where it goes; returns the HTTP status.

    Raises ``ValidationError`` when the address is not allowed (now), ``OSError`` when
    the receiver cannot be reached. Redirects are returned as they are, never followed.
    """
    addresses = check_webhook_url(url, require_address=True)
    scheme, host, port = split_webhook_url(url)
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(host, port, address=addresses[0], timeout=TIMEOUT_SECONDS)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", target, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def _deliver(delivery: WebhookDelivery, now) -> None:
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "ChiDao-Webhooks/1",
        "X-ChiDao-Event": delivery.event,
        "X-ChiDao-Delivery": str(delivery.pk),
        "X-ChiDao-Signature": sign(delivery.subscription.secret, body),
    }
    delivery.attempts += 1
    delivery.response_status = None
    try:
        status = post_webhook(delivery.subscription.url, body, headers)
    except ValidationError as error:
        _retry_later(delivery, now, " ".join(error.messages)[:500])
    except (OSError, http.client.HTTPException, ValueError) as error:
        _retry_later(delivery, now, str(error)[:500] or type(error).__name__)
    else:
        delivery.response_status = status
        if 200 <= status < 300:
            delivery.state = WebhookDelivery.State.DELIVERED
            delivery.delivered_at = now
            delivery.last_error = ""
        else:
            _retry_later(delivery, now, f"HTTP {status}")
    delivery.save(
        update_fields=[
            "attempts",
            "response_status",
            "state",
            "delivered_at",
            "last_error",
            "next_attempt_at",
        ]
    )


def _retry_later(delivery: WebhookDelivery, now, error: str) -> None:
    delivery.last_error = error
    if delivery.attempts > len(RETRY_DELAYS):
        delivery.state = WebhookDelivery.State.FAILED
        return
    delivery.next_attempt_at = now + timedelta(minutes=RETRY_DELAYS[delivery.attempts - 1])
