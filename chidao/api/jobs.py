"""Background job: send due webhook deliveries every minute (``manage.py send_webhooks``
does the same for cron)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from chidao.api.webhooks import do_send_due_webhooks


@db_periodic_task(crontab(minute="*"))
@lock_task("api-send-webhooks")
def send_webhooks_job():
    return do_send_due_webhooks()
