from datetime import date, timedelta

from django.db import models
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from chidao.assignments.choices import (
    UNDECIDED_REVIEW_STATES,
    DeadlineChangeDecision,
    TaskKind,
    TaskState,
    TaskStatus,
)


class TaskQuerySet(models.QuerySet):
    def with_status(self, as_of: date) -> "TaskQuerySet":
        """Annotate ``deadline_as_of`` and ``status`` as of a date.

        The database form of ``rules.get_deadline_as_of`` and ``rules.get_task_status``;
        the two are held equal by a property test, so counts and pages agree.
        """
        completed = Q(state=TaskState.COMPLETED, completed_on__lte=as_of)
        status = Case(
            When(assigned_on__gt=as_of, then=Value(TaskStatus.NOT_YET_ASSIGNED)),
            # On time: by the deadline in force, or with none. One reference to the deadline
            # (its subquery runs once per reference, per task).
            When(
                completed & Q(completed_on__lte=Coalesce(F("deadline_as_of"), F("completed_on"))),
                then=Value(TaskStatus.DONE_ON_TIME),
            ),
            When(completed, then=Value(TaskStatus.DONE_LATE)),
            When(state=TaskState.PAUSED, stopped_on__lte=as_of, then=Value(TaskStatus.PAUSED)),
            When(
                state=TaskState.CANCELLED, stopped_on__lte=as_of, then=Value(TaskStatus.CANCELLED)
            ),
            When(~Q(kind=TaskKind.DEADLINE), then=Value(TaskStatus.ONGOING)),
            When(deadline_as_of__isnull=True, then=Value(TaskStatus.ONGOING)),
            When(deadline_as_of__lt=as_of, then=Value(TaskStatus.OVERDUE)),
            default=Value(TaskStatus.IN_PROGRESS),
            output_field=models.CharField(),
        )
        return self.annotate(deadline_as_of=get_deadline_in_force(as_of)).annotate(status=status)

    def with_kept_status(self, as_of: date) -> "TaskQuerySet":
        """``with_status`` read from the kept spans: the same ``deadline_as_of`` and
        ``status``, by a join to the one span each task has in force on ``as_of``.

        The spans are the rule's (``spans.record_status_spans``, a property test holds
        them equal to ``with_status``), so this is a look-up, not a second rule: a task
        without a span on that day is one not yet assigned (``with_status``'s first case),
        whose deadline in force is computed as ``with_status`` does.
        """
        # The condition of ``TaskStatusSpanQuerySet.as_of``, on the join; the committee
        # (always the task's, copied by the same write) lets a list of one committee be
        # joined by the spans' committee-and-day index rather than every span in force.
        span = FilteredRelation(
            "status_spans",
            condition=Q(status_spans__valid_from__lte=as_of)
            & (Q(status_spans__valid_until__isnull=True) | Q(status_spans__valid_until__gt=as_of))
            & Q(status_spans__committee=F("committee")),
        )
        return self.annotate(kept_span=span).annotate(
            deadline_as_of=Case(
                When(kept_span__id__isnull=False, then=F("kept_span__deadline_as_of")),
                default=get_deadline_in_force(as_of),
                output_field=models.DateField(),
            ),
            status=Coalesce(
                F("kept_span__status"),
                Value(TaskStatus.NOT_YET_ASSIGNED),
                output_field=models.CharField(),
            ),
        )

    def due_in_period(self, start: date) -> "TaskQuerySet":
        """Tasks an evaluation of the period from ``start`` judges; call after
        ``with_status`` as of the period's end (or the report date within it).

        Done or overdue as of that date, and not finished before ``start``: due in the
        period, done in it ahead of a later deadline, or overdue from before and still
        open when the period began. Done before the period, they belong to an earlier one.
        """
        judged = (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE, TaskStatus.OVERDUE)
        return self.filter(
            Q(status__in=judged)
            & (
                Q(deadline_as_of__gte=start)
                | Q(completed_on__isnull=True)
                | Q(completed_on__gte=start)
            )
        )

    def with_due_soon(self, as_of: date, window_days: int) -> "TaskQuerySet":
        """Annotate ``due_soon`` (``rules.is_due_soon``); call after ``with_status``."""
        return self.annotate(due_soon=get_due_soon(as_of, window_days))

    def with_awaiting_verification(self) -> "TaskQuerySet":
        """Annotate ``awaiting_verification``: a completion claim waits for the unit head or
        the secretariat (the task is not done until it is accepted)."""
        from chidao.assignments.models import ProgressUpdate  # models import this module

        claims = ProgressUpdate.objects.filter(
            task=OuterRef("pk"), claims_completion=True, review_state__in=UNDECIDED_REVIEW_STATES
        )
        return self.annotate(awaiting_verification=Exists(claims))

    def visible_to(self, user) -> "TaskQuerySet":
        """Tasks ``user`` may see (``committees.access.get_roles``): admins all; secretariat
        and leaders their committees and those below; units what they lead or coordinate."""
        condition = get_visibility_condition(user, task_field="pk")
        return self if condition is None else self.filter(condition)


def get_visibility_condition(user, *, task_field: str) -> Q | None:
    """The condition of ``TaskQuerySet.visible_to`` on a model that has the task's
    ``committee`` and ``lead_unit`` and names the task by ``task_field``; ``None``: all."""
    from chidao.assignments.models import Task  # models import this module
    from chidao.committees.access import get_roles

    roles = get_roles(user)
    if roles.is_admin:
        return None
    condition = Q(committee__in=roles.committee_scope)
    if roles.unit_id:
        condition |= Q(lead_unit=roles.unit_id) | Q(
            **{
                f"{task_field}__in": Task.coordinating_units.through.objects.filter(
                    unit=roles.unit_id
                ).values("task")
            }
        )
    return condition


def get_deadline_in_force(as_of: date) -> Coalesce:
    """``rules.get_deadline_as_of`` for the database: the old deadline of the first
    approved change decided after ``as_of``, else the task's deadline."""
    from chidao.assignments.models import DeadlineChange  # models import this module

    first_later_change = (
        DeadlineChange.objects.filter(
            task=OuterRef("pk"),
            decision=DeadlineChangeDecision.APPROVED,
            decided_on__gt=as_of,
        )
        .order_by("decided_on", "pk")
        .values("old_deadline")[:1]
    )
    return Coalesce(Subquery(first_later_change), F("deadline"), output_field=models.DateField())


def get_due_soon(as_of: date, window_days: int) -> ExpressionWrapper:
    """``rules.is_due_soon`` for the database, on rows with ``status`` and ``deadline_as_of``."""
    return ExpressionWrapper(
        Q(status=TaskStatus.IN_PROGRESS)
        & Q(deadline_as_of__lte=as_of + timedelta(days=window_days)),
        output_field=models.BooleanField(),
    )


class TaskStatusSpanQuerySet(models.QuerySet):
    def as_of(self, day: date) -> "TaskStatusSpanQuerySet":
        """The span of each task in force on ``day``: at most one per task, none for a
        task not yet assigned."""
        return self.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=day), valid_from__lte=day
        )

    def with_due_soon(self, as_of: date, window_days: int) -> "TaskStatusSpanQuerySet":
        """Annotate ``due_soon`` as ``TaskQuerySet.with_due_soon`` does."""
        return self.annotate(due_soon=get_due_soon(as_of, window_days))

    def visible_to(self, user) -> "TaskStatusSpanQuerySet":
        """The spans of the tasks ``TaskQuerySet.visible_to`` lets ``user`` see."""
        condition = get_visibility_condition(user, task_field="task")
        return self if condition is None else self.filter(condition)
