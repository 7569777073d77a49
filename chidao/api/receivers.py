"""Which writes become webhook events. Connected in ``ApiConfig.ready``.

Task events come from ``assignments.signals.task_event`` (sent after commit by the
services); task creation, state changes and approved indicator values from ``post_save``
once the transaction commits. Queuing only writes rows: sending happens in the job.
"""

from django.db import transaction
from django.db.models.signals import post_save

from chidao.api.models import WebhookSubscription
from chidao.api.webhooks import WebhookEvent, do_queue_event
from chidao.assignments.signals import TaskEventKind, task_event, tasks_created

_TASK_EVENTS = {
    TaskEventKind.PROGRESS_SUBMITTED: WebhookEvent.PROGRESS_SUBMITTED,
    TaskEventKind.COMPLETION_ACCEPTED: WebhookEvent.COMPLETION_ACCEPTED,
    TaskEventKind.DEADLINE_CHANGE_APPROVED: WebhookEvent.DEADLINE_CHANGED,
}


def _task_data(task) -> dict:
    return {
        "task": {
            "id": task.pk,
            "code": task.code,
            "title": task.title,
            "lead_unit": task.lead_unit_id,
            "state": task.state,
            "deadline": task.deadline,
            "progress_percent": task.progress_percent,
        }
    }


def on_task_event(sender, *, kind, task, record, by, **kwargs):
    event = _TASK_EVENTS.get(kind)
    if event is None:
        return
    data = _task_data(task) | {"record": {"type": type(record).__name__, "id": record.pk}}
    do_queue_event(
        committee_id=task.committee_id, event=event, key=f"{event}:{record.pk}", data=data
    )


def on_task_saved(sender, *, instance, created, update_fields=None, **kwargs):
    if created:
        event, key = WebhookEvent.TASK_CREATED, f"task.created:{instance.pk}"
    elif update_fields is not None and "state" in update_fields:
        event = WebhookEvent.TASK_STATE_CHANGED
        key = f"task.state_changed:{instance.pk}:{instance.state}:{instance.updated_at}"
    else:
        return
    data = _task_data(instance)
    transaction.on_commit(
        lambda: do_queue_event(committee_id=instance.committee_id, event=event, key=key, data=data)
    )


def on_tasks_created(sender, *, tasks, **kwargs):
    """Tasks written in bulk (a plan import): "task.created" for each, as ``post_save``
    gives it for a task saved alone; nothing to do for a committee with no subscription."""
    committees = {task.committee_id for task in tasks}
    wanted = set(
        WebhookSubscription.objects.filter(committee_id__in=committees, is_active=True).values_list(
            "committee_id", flat=True
        )
    )
    for task in tasks:
        if task.committee_id in wanted:
            do_queue_event(
                committee_id=task.committee_id,
                event=WebhookEvent.TASK_CREATED,
                key=f"task.created:{task.pk}",
                data=_task_data(task),
            )


def on_observation_saved(sender, *, instance, **kwargs):
    if instance.state != "approved" or instance.approved_at is None:
        return
    key = f"observation.approved:{instance.pk}:{instance.approved_at.isoformat()}"
    data = {
        "observation": {
            "id": instance.pk,
            "indicator": instance.indicator_id,
            "unit": instance.unit_id,
            "period_kind": instance.period_kind,
            "period_start": instance.period_start,
            "value": str(instance.value),
        }
    }
    committee_id = instance.indicator.committee_id
    transaction.on_commit(
        lambda: do_queue_event(
            committee_id=committee_id,
            event=WebhookEvent.OBSERVATION_APPROVED,
            key=key,
            data=data,
        )
    )


def connect() -> None:
    from chidao.assignments.models import Task
    from chidao.indicators.models import Observation

    task_event.connect(on_task_event, dispatch_uid="api-webhooks-task-event")
    post_save.connect(on_task_saved, sender=Task, dispatch_uid="api-webhooks-task-saved")
    tasks_created.connect(on_tasks_created, dispatch_uid="api-webhooks-tasks-created")
    post_save.connect(
        on_observation_saved, sender=Observation, dispatch_uid="api-webhooks-observation"
    )
