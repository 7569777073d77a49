"""Background jobs (Huey). Each one calls the same service as its management command, so
cron (``manage.py send_reminders``) and the Huey consumer (``manage.py run_huey``) are
interchangeable; running both is harmless because the services are idempotent."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from chidao.reminders.services import (
    deliver_pending_emails,
    do_send_due_reminders,
    do_send_weekly_digests,
)


# Hourly rather than once a day: a missed or failed run is caught up within the hour, and
# the unique keys make every later run of the same day send nothing twice. Huey reads its
# crontabs in UTC; the services judge days in Asia/Ho_Chi_Minh themselves.
@db_periodic_task(crontab(minute="5"))
@lock_task("reminders-send-due")
def send_due_reminders_job():
    return do_send_due_reminders()


# Digests go out in office hours: 07:20 to 17:20 in Vietnam (00:20 to 10:20 UTC).
@db_periodic_task(crontab(minute="20", hour="0-10"))
@lock_task("reminders-send-digests")
def send_weekly_digests_job():
    return do_send_weekly_digests()


# Emails of task events (a claim, a review, a direction) wait at most five minutes.
@db_periodic_task(crontab(minute="*/5"))
@lock_task("reminders-deliver-emails")
def deliver_emails_job():
    return deliver_pending_emails()
