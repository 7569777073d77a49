"""The kept status spans of tasks: written from the status rule, checked against it.

``record_status_spans`` is what every write that can move a task's status calls in its
own transaction (the services of this app, the admin, the imports, the scale generator);
``find_span_mismatches`` and ``rebuild_status_spans`` are ``manage.py
rebuild_status_counts``. The spans are computed by ``rules.get_status_spans``, which asks
``rules.get_task_status`` (held equal to ``TaskQuerySet.with_status`` by a property test).
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from chidao.assignments.choices import DeadlineChangeDecision
from chidao.assignments.models import DeadlineChange, Task, TaskStatusSpan
from chidao.assignments.rules import DecidedChange, get_status_spans

# Tasks read and written per round: bounded memory and SQL parameters for any size.
BATCH = 2000

TASK_FIELDS = (
    "pk",
    "committee_id",
    "lead_unit_id",
    "group_id",
    "is_key",
    "state",
    "kind",
    "deadline",
    "assigned_on",
    "completed_on",
    "stopped_on",
)


@transaction.atomic
def record_status_spans(tasks: Iterable[Task | int]) -> int:
    """Write again the status spans of ``tasks`` (tasks or their ids) from what is saved.

    Call it in the transaction of any write to a task's committee, lead unit, group, key
    flag, state, dates or deadline, or to its approved deadline changes, after the write;
    a bulk write passes all its tasks at once (a few queries per 2,000 tasks). Returns the
    number of spans written.
    """
    ids = [task if isinstance(task, int) else task.pk for task in tasks]
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        TaskStatusSpan.objects.filter(task__in=chunk).delete()
        rows = list(_expected_rows(Task.objects.filter(pk__in=chunk)))
        TaskStatusSpan.objects.bulk_create(rows, batch_size=BATCH)
        written += len(rows)
    return written


def rebuild_status_spans(tasks=None) -> int:
    """Write every span of ``tasks`` (a task queryset; all tasks when ``None``) again."""
    tasks = Task.objects.all() if tasks is None else tasks
    return record_status_spans(list(tasks.order_by("pk").values_list("pk", flat=True)))


@dataclass(frozen=True)
class SpanMismatch:
    """A task whose kept spans differ from the rule's (``expected`` and ``kept`` as
    ``(valid_from, valid_until, status, deadline, committee, unit, group, key)``)."""

    task_id: int
    expected: list[tuple]
    kept: list[tuple]


def find_span_mismatches(tasks=None) -> list[SpanMismatch]:
    """Tasks of ``tasks`` (all when ``None``) whose kept spans are not the rule's."""
    tasks = Task.objects.all() if tasks is None else tasks
    mismatches = []
    ids = list(tasks.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        expected = defaultdict(list)
        for span in _expected_rows(Task.objects.filter(pk__in=chunk)):
            expected[span.task_id].append(_key(span))
        kept = defaultdict(list)
        for span in TaskStatusSpan.objects.filter(task__in=chunk).order_by("task", "valid_from"):
            kept[span.task_id].append(_key(span))
        for task_id in chunk:
            if expected[task_id] != kept[task_id]:
                mismatches.append(SpanMismatch(task_id, expected[task_id], kept[task_id]))
    return mismatches


def _key(span: TaskStatusSpan) -> tuple:
    return (
        span.valid_from,
        span.valid_until,
        str(span.status),
        span.deadline_as_of,
        span.committee_id,
        span.lead_unit_id,
        span.group_id,
        span.is_key,
    )


def _expected_rows(tasks) -> Iterator[TaskStatusSpan]:
    """The spans ``rules.get_status_spans`` gives ``tasks``, in task then date order."""
    rows = list(tasks.order_by("pk").values(*TASK_FIELDS))
    changes = defaultdict(list)
    approved = DeadlineChange.objects.filter(
        task__in=[row["pk"] for row in rows],
        decision=DeadlineChangeDecision.APPROVED,
        decided_on__isnull=False,
    )
    for task_id, decided_on, pk, old_deadline in approved.values_list(
        "task_id", "decided_on", "pk", "old_deadline"
    ):
        changes[task_id].append(DecidedChange(decided_on, pk, old_deadline))
    for row in rows:
        for span in get_status_spans(
            state=row["state"],
            kind=row["kind"],
            deadline=row["deadline"],
            assigned_on=row["assigned_on"],
            completed_on=row["completed_on"],
            stopped_on=row["stopped_on"],
            approved_changes=changes[row["pk"]],
        ):
            yield TaskStatusSpan(
                task_id=row["pk"],
                committee_id=row["committee_id"],
                lead_unit_id=row["lead_unit_id"],
                group_id=row["group_id"],
                is_key=row["is_key"],
                status=span.status,
                deadline_as_of=span.deadline,
                valid_from=span.valid_from,
                valid_until=span.valid_until,
            )
