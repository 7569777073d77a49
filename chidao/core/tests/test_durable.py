"""Writes that must commit on their own: a page's, an import's or a job's top-level action.

They open ``transaction.atomic(durable=True)``: called inside another transaction they
refuse with RuntimeError instead of having their notices, webhooks and emails (sent on
commit) wait for, or be lost with, a caller's transaction. Services that other services
call inside their own transaction (``do_create_task``, ``do_register_document``…) stay
plain, and so do those the test world (``core/tests/world.py``) calls while it is built
once per module inside a rolled-back transaction (``do_create_api_token``,
``do_create_webhook_subscription``, ``do_create_inspection``), and the demo and scale
loaders, which test fixtures nest the same way.

The test's own transaction (pytest-django's ``db``, a Django ``TestCase`` atomic) does not
count: Django skips the durability check for the atomic blocks of a test case.
"""

import importlib

import pytest
from django.db import transaction

from chidao.assignments.models import Direction
from chidao.assignments.tests.factories import TaskFactory
from chidao.audit.services import do_prune_audit
from chidao.core.sessions import do_end_all_sessions
from chidao.core.twofactor import do_generate_recovery_codes
from chidao.org.tests.factories import UserFactory
from chidao.reminders.models import NotificationPreference
from chidao.reminders.services import do_mark_all_read, do_set_preferences

pytestmark = pytest.mark.django_db

# The services whose whole body is ``@transaction.atomic(durable=True)``: the guard is
# the first thing they do, so a call without arguments shows it.
DECORATED = {
    "chidao.assignments.services": [
        "do_approve_progress_for_unit",
        "do_give_direction",
        "do_break_down_task",
    ],
    "chidao.indicators.services": [
        "do_save_observations",
        "do_approve_observation",
        "do_return_observation",
    ],
    "chidao.reporting.services": [
        "do_generate_year_schedule",
        "do_update_cycle",
        "do_close_cycle",
        "do_reopen_cycle",
        "do_approve_submission",
        "do_return_submission",
        "do_upload_report_template",
        "do_use_default_template",
    ],
    "chidao.meetings.services": [
        "do_update_meeting",
        "do_register_conclusion_notice",
    ],
    "chidao.meetings.inspections": ["do_add_finding"],
    "chidao.api.services": ["do_revoke_api_token", "do_stop_webhook_subscription"],
    "chidao.proposals.services": ["do_spend_challenge"],
    "chidao.dashboards.services": ["do_save_weights", "do_save_view", "do_delete_view"],
    "chidao.imports.services": [
        "do_commit_indicator_import",
        "do_commit_observation_import",
        "do_create_unit_alias",
        "do_create_tasks_from_drafts",
    ],
}


@pytest.mark.parametrize(
    ("module", "name"),
    [(module, name) for module, names in DECORATED.items() for name in names],
)
def test_a_top_level_write_refuses_to_run_inside_another_transaction(module, name):
    service = getattr(importlib.import_module(module), name)
    with transaction.atomic(), pytest.raises(RuntimeError, match="durable"):
        service()


def test_a_direction_inside_a_callers_transaction_is_refused_and_not_written():
    task, leader = TaskFactory(), UserFactory()
    service = importlib.import_module("chidao.assignments.services").do_give_direction
    with transaction.atomic(), pytest.raises(RuntimeError):
        service(task=task, by=leader, text="Khẩn trương hoàn thành trong quý III")
    assert not Direction.objects.exists()

    # On its own (here inside the test's transaction only) the same call writes.
    service(task=task, by=leader, text="Khẩn trương hoàn thành trong quý III")
    assert Direction.objects.get().text == "Khẩn trương hoàn thành trong quý III"


@pytest.mark.parametrize(
    "call",
    [
        lambda user: do_mark_all_read(by=user),
        lambda user: do_set_preferences(by=user, in_app=True, email=False, digest_weekday=None),
        lambda user: do_end_all_sessions(user=user),
        lambda user: do_generate_recovery_codes(user=user),
        lambda user: do_prune_audit(),
    ],
    ids=["mark_all_read", "set_preferences", "end_all_sessions", "recovery_codes", "prune"],
)
def test_the_guarded_block_of_a_job_or_account_action_refuses_too(call):
    user = UserFactory()
    with transaction.atomic(), pytest.raises(RuntimeError, match="durable"):
        call(user)
    assert not NotificationPreference.objects.exists()
