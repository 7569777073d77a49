"""Webhooks: queued after commit, signed, retried, never in the user's way."""

import hashlib
import hmac
import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone

from chidao.api.models import WebhookDelivery
from chidao.api.services import do_create_webhook_subscription
from chidao.api.webhooks import RETRY_DELAYS, do_send_due_webhooks
from chidao.assignments.services import do_submit_progress
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.django_db


class Receiver:
    """A real HTTP server on localhost that checks each request's signature."""

    def __init__(self, secret_holder, status=200):
        received = self.received = []
        self.status = status
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = (
                    "sha256="
                    + hmac.new(secret_holder["secret"].encode(), body, hashlib.sha256).hexdigest()
                )
                received.append(
                    {
                        "event": self.headers["X-ChiDao-Event"],
                        "valid": hmac.compare_digest(expected, self.headers["X-ChiDao-Signature"]),
                        "body": json.loads(body),
                    }
                )
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def receiver():
    holder = {}
    server = Receiver(holder)
    server.holder = holder
    yield server
    server.close()


def subscribe(world, url, events=("progress.submitted",)):
    subscription, secret = do_create_webhook_subscription(
        committee=world.committee, by=world.users["secretariat"], url=url, events=list(events)
    )
    return subscription, secret


def test_a_progress_report_reaches_the_receiver_signed(
    world, receiver, django_capture_on_commit_callbacks
):
    _subscription, secret = subscribe(world, receiver.url)
    receiver.holder["secret"] = secret

    with django_capture_on_commit_callbacks(execute=True):
        do_submit_progress(
            task=world.task,
            unit=world.lead_unit,
            by=world.users["unit_officer"],
            reported_on=date(2025, 3, 10),
            percent=30,
        )
    assert WebhookDelivery.objects.filter(state="pending").count() == 1
    assert receiver.received == []  # nothing is sent during the user's request

    assert do_send_due_webhooks() == 1

    (message,) = receiver.received
    assert message["valid"]
    assert message["event"] == "progress.submitted"
    assert message["body"]["data"]["task"]["code"] == world.task.code
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_status, delivery.attempts) == ("delivered", 200, 1)


def test_the_same_event_is_queued_once(world, receiver):
    from chidao.api.webhooks import do_queue_event

    subscribe(world, receiver.url)
    for _ in range(2):
        do_queue_event(
            committee_id=world.committee.pk, event="progress.submitted", key="k-1", data={}
        )
    assert WebhookDelivery.objects.count() == 1


def test_a_receiver_that_fails_is_retried_with_backoff_then_given_up(world, receiver):
    from chidao.api.webhooks import do_queue_event

    receiver.status = 503
    _subscription, secret = subscribe(world, receiver.url)
    receiver.holder["secret"] = secret
    do_queue_event(committee_id=world.committee.pk, event="progress.submitted", key="k", data={})
    now = timezone.now()

    do_send_due_webhooks(now=now)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("pending", 1, 503)
    assert delivery.next_attempt_at == now + timedelta(minutes=RETRY_DELAYS[0])
    assert do_send_due_webhooks(now=now) == 0  # not due yet

    for _ in RETRY_DELAYS:
        now += timedelta(days=1)
        do_send_due_webhooks(now=now)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("failed", len(RETRY_DELAYS) + 1)


def test_a_receiver_that_is_down_is_recorded_not_raised(world):
    from chidao.api.webhooks import do_queue_event

    subscribe(world, "http://127.0.0.1:9/nothing-listens-here")
    do_queue_event(committee_id=world.committee.pk, event="progress.submitted", key="k", data={})

    do_send_due_webhooks()

    delivery = WebhookDelivery.objects.get()
    assert delivery.state == "pending"
    assert delivery.last_error


def test_secretariat_subscribes_on_the_page(client, world):
    client.login(username=world.users["secretariat"].username, password=PASSWORD)
    url = reverse("api:webhook_list", kwargs={"committee_pk": world.committee.pk})

    response = client.post(
        url, {"url": "https://he-thong-57.invalid/hook", "events": ["task.created"]}
    )

    assert response.status_code == 200
    secret = response.context["new_secret"]
    assert len(secret) == 64
    subscription = world.committee.webhook_subscriptions.get(
        url="https://he-thong-57.invalid/hook", pk__gt=world.objects["webhook_subscription"].pk
    )
    assert subscription.events == ["task.created"]
