"""Writes of the overlap app: saving the draft tasks read out of directive text."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from chidao.assignments.models import Task
from chidao.assignments.services import do_create_task


@transaction.atomic(durable=True)
def do_create_tasks_from_drafts(
    *, committee, by, drafts: Iterable[dict], source_document=None, assigned_on: date
) -> list[Task]:
    """Create the tasks the secretariat kept from the drafts, all or none.

    The caller has checked that ``by`` manages ``committee``. Each draft is a dict of
    ``title``, ``lead_unit``, ``coordinating_units``, ``expected_output`` and
    ``deadline_text``; every task gets ``source_document`` as its source and is written
    through ``assignments.services.do_create_task`` (validation, history, events). A
    ``ValidationError`` from any draft leaves nothing created. Returns the tasks.
    """
    return [
        do_create_task(
            committee=committee,
            by=by,
            source_document=source_document,
            assigned_on=assigned_on,
            **draft,
        )
        for draft in drafts
    ]
