"""Cron and Huey drive the same services."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command

from chidao.reminders.choices import Channel
from chidao.reminders.jobs import send_due_reminders_job, send_weekly_digests_job
from chidao.reminders.models import Notification


def test_the_command_sends_once_however_often_cron_runs_it(setting):
    out = StringIO()
    call_command("send_reminders", at="2025-07-01T08:00:00+07:00", stdout=out)
    call_command("send_reminders", at="2025-07-01T09:00:00+07:00", stdout=out)
    assert out.getvalue().splitlines() == [
        "Đã tạo 2 thông báo mới, gửi 1 thư điện tử.",
        "Đã tạo 0 thông báo mới, gửi 0 thư điện tử.",
    ]
    assert Notification.objects.filter(channel=Channel.IN_APP).count() == 1


def test_the_digest_command(setting):
    out = StringIO()
    call_command("send_digests", at="2025-07-07T08:00:00", stdout=out)  # naive: Hà Nội time
    assert out.getvalue().startswith("Đã tạo ")
    assert len(mail.outbox) >= 1


def test_the_huey_jobs_call_the_services(setting, time_machine):
    time_machine.move_to(datetime.datetime(2025, 7, 7, 1, tzinfo=datetime.UTC), tick=False)
    result = send_due_reminders_job.call_local()
    assert result.created == 2
    digests = send_weekly_digests_job.call_local()
    assert digests.created >= 1
