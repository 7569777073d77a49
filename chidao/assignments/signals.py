"""What happened to a task, announced once the transaction that recorded it commits.

The hook for notifications (a later issue connects its receivers here): the services
send ``task_event`` after commit with ``kind`` (a ``TaskEventKind``), the ``task`` and the
``record`` that was written (the progress report, deadline change or direction). Nothing
is sent to anyone until a receiver is connected.
"""

from django.db import models, transaction
from django.dispatch import Signal

task_event = Signal()
# Tasks written in bulk (a plan import), which send no ``post_save``: ``tasks`` is the list.
tasks_created = Signal()


class TaskEventKind(models.TextChoices):
    PROGRESS_SUBMITTED = "progress_submitted"
    PROGRESS_AWAITS_UNIT_HEAD = "progress_awaits_unit_head"
    PROGRESS_APPROVED_BY_UNIT = "progress_approved_by_unit"
    PROGRESS_ACCEPTED = "progress_accepted"
    COMPLETION_ACCEPTED = "completion_accepted"
    PROGRESS_RETURNED = "progress_returned"
    DEADLINE_CHANGE_REQUESTED = "deadline_change_requested"
    DEADLINE_CHANGE_APPROVED = "deadline_change_approved"
    DEADLINE_CHANGE_REJECTED = "deadline_change_rejected"
    DIRECTION_GIVEN = "direction_given"


def announce(kind: TaskEventKind, *, task, record, by) -> None:
    """Send ``task_event`` when the current transaction commits (never if it rolls back)."""
    transaction.on_commit(
        lambda: task_event.send(sender=type(record), kind=kind, task=task, record=record, by=by)
    )


def announce_tasks_created(tasks: list) -> None:
    """Send ``tasks_created`` for tasks written in bulk once the transaction commits."""
    if tasks:
        transaction.on_commit(lambda: tasks_created.send(sender=type(tasks[0]), tasks=tasks))
