"""What just happened to a task reaches who must act, once, without the actor."""

import datetime

from django.core import mail

from chidao.assignments.services import (
    do_decide_deadline_change,
    do_give_direction,
    do_request_deadline_change,
    do_review_progress,
    do_submit_progress,
)
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.events import do_notify_task_event
from chidao.reminders.models import Notification
from chidao.reminders.services import deliver_pending_emails


def in_app(**filters):
    return list(
        Notification.objects.filter(channel=Channel.IN_APP, **filters)
        .order_by("pk")
        .values_list("kind", "recipient__username")
    )


def test_a_completion_claim_reaches_the_secretariat_and_the_review_the_author(
    setting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = do_submit_progress(
            task=setting.task,
            unit=setting.task.lead_unit,
            by=setting.officer,
            reported_on=datetime.date(2025, 6, 20),
            percent=100,
            claims_completion=True,
            completion_output="Quyết định số 123/QĐ-UBND",
            output_date=datetime.date(2025, 6, 19),
        )
    assert in_app() == [(NotificationKind.COMPLETION_CLAIMED, "thuongtruc")]
    notice = Notification.objects.get(channel=Channel.IN_APP)
    assert "Quyết định số 123/QĐ-UBND" in notice.text
    assert notice.link == f"/nhiem-vu/{setting.task.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        do_review_progress(
            update=update, by=setting.secretariat, accept=False, reason="Thiếu minh chứng"
        )
    assert in_app(kind=NotificationKind.REPORT_RETURNED) == [
        (NotificationKind.REPORT_RETURNED, "canbo")
    ]
    assert (
        "Thiếu minh chứng"
        in Notification.objects.filter(kind=NotificationKind.REPORT_RETURNED).first().text
    )

    # Emails wait for the delivery job, then go once.
    assert mail.outbox == []
    assert deliver_pending_emails() == 2
    assert deliver_pending_emails() == 0


def test_a_deadline_request_and_its_decision(setting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change = do_request_deadline_change(
            task=setting.task,
            by=setting.officer,
            new_deadline=datetime.date(2025, 9, 30),
            reason="Chờ hướng dẫn của Bộ",
        )
    with django_capture_on_commit_callbacks(execute=True):
        do_decide_deadline_change(
            change=change,
            by=setting.secretariat,
            approve=True,
            decided_on=datetime.date(2025, 6, 25),
        )
    assert in_app() == [
        (NotificationKind.DEADLINE_REQUESTED, "thuongtruc"),
        (NotificationKind.DEADLINE_DECIDED, "canbo"),
    ]
    decided = Notification.objects.get(kind=NotificationKind.DEADLINE_DECIDED, channel="in_app")
    assert "từ 30/06/2025 sang 30/09/2025" in decided.text


def test_a_direction_reaches_the_unit_but_not_its_author(
    setting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_give_direction(task=setting.task, by=setting.overseer, text="Khẩn trương hoàn thành")
    assert in_app() == [(NotificationKind.DIRECTION_GIVEN, "canbo")]


def test_an_event_announced_twice_gives_one_notice(setting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        direction = do_give_direction(task=setting.task, by=setting.overseer, text="Đôn đốc")
    again = do_notify_task_event(
        event="direction_given", task=setting.task, record=direction, by=setting.overseer
    )
    assert again == 0
    assert len(in_app()) == 1
