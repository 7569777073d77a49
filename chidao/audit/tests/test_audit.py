"""Sign-ins, refusals and the origin of every change are recorded; old records pruned."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.audit.choices import AuditAction
from chidao.audit.middleware import RequestContextMiddleware
from chidao.audit.models import AppendOnlyError, AuditEvent
from chidao.audit.services import do_prune_audit, do_record_event
from chidao.org.tests.factories import UserFactory

PASSWORD = "Mat-khau-thu-nghiem-2025"


@pytest.fixture
def user(db):
    return UserFactory(username="canbo")


def test_a_sign_in_is_recorded_with_address_and_request_id(client, user):
    response = client.post(
        reverse("login"),
        {"username": "canbo", "password": PASSWORD},
        REMOTE_ADDR="10.1.2.3",
        headers={"X-Request-ID": "abc-123"},
    )
    assert response.status_code == 302
    assert response["X-Request-ID"] == "abc-123"
    [event] = AuditEvent.objects.all()
    assert (event.action, event.user, event.username) == (AuditAction.SIGN_IN, user, "canbo")
    assert (event.ip, event.request_id, event.method, event.path) == (
        "10.1.2.3",
        "abc-123",
        "POST",
        "/dang-nhap/",
    )


def test_a_failed_sign_in_is_recorded_with_the_name_typed(client, user):
    client.post(reverse("login"), {"username": "canbo", "password": "sai"})
    client.post(reverse("login"), {"username": "khongco", "password": "sai"})
    events = AuditEvent.objects.order_by("pk")
    assert [(e.action, e.username, e.user) for e in events] == [
        (AuditAction.SIGN_IN_FAILED, "canbo", None),
        (AuditAction.SIGN_IN_FAILED, "khongco", None),
    ]
    assert all(len(e.request_id) == 32 for e in events)


def test_a_sign_out_is_recorded(client, user):
    client.force_login(user)
    client.post(reverse("logout"))
    assert list(AuditEvent.objects.order_by("pk").values_list("action", "username")) == [
        (AuditAction.SIGN_IN, "canbo"),
        (AuditAction.SIGN_OUT, "canbo"),
    ]


def test_a_refusal_is_recorded(client, user):
    client.force_login(user)
    response = client.get(reverse("reminders:sent_list"))
    assert response.status_code == 403
    [event] = AuditEvent.objects.filter(action=AuditAction.PERMISSION_DENIED)
    assert (event.action, event.user, event.path) == (
        AuditAction.PERMISSION_DENIED,
        user,
        "/thong-bao/da-gui/",
    )


def test_every_history_row_says_where_the_change_came_from(db):
    TaskFactory(code="A.1")  # outside any request: a job, a command, an import
    request = RequestFactory().post("/nhiem-vu/", REMOTE_ADDR="10.9.8.7")

    def view(request):
        TaskFactory(code="A.2")
        return HttpResponse()

    response = RequestContextMiddleware(view)(request)

    reasons = dict(Task.history.values_list("code", "history_change_reason"))
    assert reasons["A.1"] == "job"
    assert reasons["A.2"] == f"request {response['X-Request-ID']} ip 10.9.8.7"


def test_audit_events_are_append_only(user):
    event = do_record_event(action=AuditAction.SIGN_IN, user=user)
    event.username = "ai-do"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.get().username == "canbo"


def test_retention_prunes_old_events_and_history_but_keeps_each_objects_latest(
    user, settings, time_machine
):
    settings.CHIDAO_AUDIT_RETENTION_DAYS = 30
    time_machine.move_to(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), tick=False)
    do_record_event(action=AuditAction.SIGN_IN, user=user)
    task = TaskFactory(code="A.1")
    task.title = "Sửa tên lần một"
    task.save()
    time_machine.move_to(datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC), tick=False)
    recent = do_record_event(action=AuditAction.SIGN_IN, user=user)

    deleted = do_prune_audit(now=timezone.now())

    assert list(AuditEvent.objects.all()) == [recent]
    assert deleted["audit_auditevent"] == 1
    # the creation is gone; the latest row of the task stays though older than 30 days
    assert list(task.history.values_list("title", flat=True)) == ["Sửa tên lần một"]


def test_the_admin_filters_and_exports_the_log(client, user):
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    do_record_event(action=AuditAction.SIGN_IN, user=user)
    do_record_event(action=AuditAction.SIGN_IN_FAILED, username="khongco")
    client.force_login(admin)
    AuditEvent.objects.filter(action=AuditAction.SIGN_IN, username="quantri").delete()

    response = client.get(reverse("audit:event_list"), {"action": AuditAction.SIGN_IN_FAILED})
    assert [e.username for e in response.context["page"].object_list] == ["khongco"]

    export = client.get(reverse("audit:event_export"), {"username": "canbo"})
    rows = export.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Lúc,Sự kiện,Tên đăng nhập")
    assert len(rows) == 2
    assert ",Đăng nhập,canbo," in rows[1]
