"""Nightly job: dormant accounts are disabled (chidao.core.accounts); ``manage.py
disable_unused_accounts`` runs the same service for cron."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from chidao.core.accounts import do_disable_unused_accounts


# 03:00 in Vietnam (20:00 UTC; Huey reads crontabs in UTC).
@db_periodic_task(crontab(minute="0", hour="20"))
@lock_task("core-disable-unused-accounts")
def disable_unused_accounts_job():
    return do_disable_unused_accounts()
