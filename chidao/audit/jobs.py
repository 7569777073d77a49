"""The retention job; ``manage.py prune_audit`` runs the same service for cron."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from chidao.audit.services import do_prune_audit


# 03:30 in Vietnam (20:30 UTC; Huey reads crontabs in UTC), when nobody works.
@db_periodic_task(crontab(minute="30", hour="20"))
@lock_task("audit-prune")
def prune_audit_job():
    return do_prune_audit()
