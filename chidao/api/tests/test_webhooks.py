"""Webhooks: queued after commit, signed, retried, never in the user's way, and never sent
to an internal address (issue 19, item 4)."""

import hashlib
import hmac
import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from chidao.api.models import WebhookDelivery, WebhookSubscription
from chidao.api.services import do_create_webhook_subscription
from chidao.api.webhooks import RETRY_DELAYS, do_send_due_webhooks
from chidao.assignments.services import do_submit_progress
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.django_db


class Receiver:
    """A real HTTP server on localhost that checks each request's signature."""

    def __init__(self, secret_holder, status=200, location=""):
        received = self.received = []
        self.status = status
        self.location = location
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
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def intranet_receivers(settings):
    """The receivers of these tests listen on 127.0.0.1 over plain HTTP: allowed here as
    an operator would allow an intranet receiver. The address tests turn it off."""
    settings.CHIDAO_WEBHOOK_ALLOW_HTTP = True
    settings.CHIDAO_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]


@pytest.fixture
def no_allowances(settings):
    settings.CHIDAO_WEBHOOK_ALLOW_HTTP = False
    settings.CHIDAO_WEBHOOK_ALLOWED_NETWORKS = []


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


FORBIDDEN_URLS = [
    "http://he-thong-57.example.com/hook",
    "ftp://he-thong-57.example.com/hook",
    "https://127.0.0.1/hook",
    "https://localhost:8080/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.5/hook",
    "https://192.168.1.1:22/",
    "https://172.16.0.1/",
    "https://100.64.0.1/",
    "https://224.0.0.1/",
    "https://240.0.0.1/",
    "https://0.0.0.0/",
    "https://[::1]/hook",
    "https://[fe80::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://user:pw@8.8.8.8/hook",
]


@pytest.mark.parametrize("url", FORBIDDEN_URLS)
def test_the_page_refuses_internal_addresses_and_other_schemes(client, world, no_allowances, url):
    client.login(username=world.users["secretariat"].username, password=PASSWORD)
    before = WebhookSubscription.objects.count()

    response = client.post(
        reverse("api:webhook_list", kwargs={"committee_pk": world.committee.pk}),
        {"url": url, "events": ["task.created"]},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["url"]
    assert errors, response.context["form"].errors
    assert any(
        "https://" in error or "địa chỉ nội bộ" in error or "không hợp lệ" in error
        for error in errors
    )
    assert WebhookSubscription.objects.count() == before


def test_a_public_address_is_accepted_and_allowed_networks_and_http_follow_the_settings(
    world, no_allowances, settings
):
    subscription, _secret = subscribe(world, "https://8.8.8.8/hook")
    assert subscription.pk
    with pytest.raises(ValidationError):
        subscribe(world, "http://10.20.1.5/hook")
    settings.CHIDAO_WEBHOOK_ALLOW_HTTP = True
    settings.CHIDAO_WEBHOOK_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    assert subscribe(world, "http://10.20.1.5/hook")[0].pk
    with pytest.raises(ValidationError):
        subscribe(world, "http://10.30.1.5/hook")


def test_the_address_is_checked_again_at_delivery_when_dns_changed(
    world, receiver, no_allowances, monkeypatch
):
    """Saved while the name pointed outside; by delivery time it points at the server
    itself: nothing is sent, the refusal is recorded."""
    from chidao.api import addresses
    from chidao.api.webhooks import do_queue_event

    port = receiver.server.server_address[1]
    answers = {"hooks.he-thong-57.vn": ["8.8.8.8"]}
    monkeypatch.setattr(addresses, "resolve_host", lambda host, _port: answers.get(host, []))
    subscribe(world, f"https://hooks.he-thong-57.vn:{port}/hook")
    do_queue_event(committee_id=world.committee.pk, event="progress.submitted", key="k", data={})

    answers["hooks.he-thong-57.vn"] = ["127.0.0.1"]
    do_send_due_webhooks()

    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.response_status) == ("pending", None)
    assert "địa chỉ nội bộ" in delivery.last_error


def test_a_redirect_is_not_followed(world, receiver):
    from chidao.api.webhooks import do_queue_event

    holder = {"secret": ""}
    target = Receiver(holder)
    try:
        receiver.status = 307
        receiver.location = target.url
        _subscription, secret = subscribe(world, receiver.url)
        receiver.holder["secret"] = secret
        do_queue_event(
            committee_id=world.committee.pk, event="progress.submitted", key="k", data={}
        )

        do_send_due_webhooks()

        assert len(receiver.received) == 1
        assert target.received == []
        delivery = WebhookDelivery.objects.get()
        assert (delivery.state, delivery.response_status) == ("pending", 307)
        assert delivery.last_error == "HTTP 307"
    finally:
        target.close()
