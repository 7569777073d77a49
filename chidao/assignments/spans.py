"""The kept status spans of tasks: written from the status rule, checked against it.

``record_status_spans`` is what every write that can move a task's status calls in its
own transaction (the services of this app, the admin, the imports, the scale generator);
``find_span_mismatches`` and ``rebuild_status_spans`` are ``manage.py
rebuild_status_counts``. The spans are computed by ``rules.get_status_spans``, which asks
``rules.get_task_status`` (held equal to ``TaskQuerySet.with_status`` by a property test).
"""

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from chidao.assignments.choices import DeadlineChangeDecision
from chidao.assignments.models import (
    DeadlineChange,
    StatusTally,
    Task,
    TaskStatusSpan,
)
from chidao.assignments.rules import DecidedChange, get_status_spans
from chidao.committees.models import Committee, CountsVersion
from chidao.committees.versions import (
    HISTORY,
    KINDS,
    REPORTS,
    STATUSES,
    bump_counts_versions,
    get_committee_chains,
    is_history,
)

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
    # Each span counts +1 from its first day and -1 from its end: the difference between
    # the old spans' steps and the new ones' is what the kept tallies move by.
    steps: Counter = Counter()
    # The first day on which any task's spans changed, whatever changed (status, unit,
    # group, deadline…): a year back or more, the ``HISTORY`` version changes too.
    first_change: date | None = None
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        old = TaskStatusSpan.objects.filter(task__in=chunk)
        old_spans = defaultdict(list)
        for task_id, *key in old.values_list("task_id", *SPAN_KEY_FIELDS):
            old_spans[task_id].append(tuple(key))
            committee, status, valid_from, valid_until = key[4], key[2], key[0], key[1]
            _add_steps(steps, committee, status, valid_from, valid_until, -1)
        old.delete()
        rows = list(_expected_rows(Task.objects.filter(pk__in=chunk)))
        TaskStatusSpan.objects.bulk_create(rows, batch_size=BATCH)
        new_spans = defaultdict(list)
        for row in rows:
            new_spans[row.task_id].append(_key(row))
            _add_steps(steps, row.committee_id, row.status, row.valid_from, row.valid_until, 1)
        for task_id in old_spans.keys() | new_spans.keys():
            day = get_first_difference(old_spans[task_id], new_spans[task_id])
            if day is not None and (first_change is None or day < first_change):
                first_change = day
        written += len(rows)
    committees = {committee for committee, _status, _day in steps}
    if committees:
        targets = get_tally_targets(committees)
        kinds = [STATUSES]
        if first_change is not None and is_history(first_change, timezone.localdate()):
            kinds.append(HISTORY)
        bump_counts_versions(
            {pk for chain in targets.values() for pk in chain[1]},
            kinds=kinds,
            with_above=False,
        )
        apply_tally_steps(_spread(steps, targets))
    return written


def get_first_difference(old: list[tuple], new: list[tuple]) -> date | None:
    """The first day on which a task's spans ``old`` and ``new`` (``_key`` tuples: from,
    until, then what the span says) say different things, or ``None``.

    A task's spans do not overlap, so what they say is the same between two consecutive
    bounds of either: comparing at each bound, in order, finds the first difference (a
    span only lengthened, as when a task open for years is completed, differs from its
    old end on, not from its start)."""
    if set(old) == set(new):
        return None

    def said(spans, day):
        for span in spans:
            if span[0] <= day and (span[1] is None or day < span[1]):
                return span[2:]
        return None

    bounds = sorted({span[0] for span in old + new} | {span[1] for span in old + new} - {None})
    for day in bounds:
        if said(old, day) != said(new, day):
            return day
    return None


def _add_steps(steps: Counter, committee: int, status, start: date, end: date | None, sign: int):
    steps[(committee, str(status), start)] += sign
    if end is not None:
        steps[(committee, str(status), end)] -= sign


def get_tally_targets(committees: Iterable[int]) -> dict[int, tuple[list[int], list[int]]]:
    """For each committee: the committees whose tallies count its tasks (itself and those
    above it that have a parent: the root's overview reads its children's tallies), and
    the committees whose dashboards show its counts (itself and every one above it)."""
    targets = {}
    for pk, chain in get_committee_chains(committees).items():
        tallied = [chain[i] for i in range(3) if chain[i] is not None and chain[i + 1] is not None]
        targets[pk] = (tallied, [c for c in chain if c is not None])
    return targets


def _spread(steps: Counter, targets: dict) -> Counter:
    spread: Counter = Counter()
    for (committee, status, day), delta in steps.items():
        if delta:
            for target in targets.get(committee, ((), ()))[0]:
                spread[(target, status, day)] += delta
    return spread


# Above this many ranges to move, the rows are rewritten one by one in a bulk update.
RANGE_UPDATES = 20


def apply_tally_steps(steps: Counter) -> None:
    """Move the kept tallies by ``steps`` ((committee, status, day) → change from that day).

    Reads the affected committees' and statuses' rows, adds a row at each step day that
    has none (the value before it plus the change), and adds the running change to the
    rows from each step day to the next.
    """
    by_pair: dict[tuple, dict] = defaultdict(dict)
    for (committee, status, day), delta in steps.items():
        if delta:
            by_pair[(committee, status)][day] = delta
    if not by_pair:
        return
    existing: dict[tuple, list] = defaultdict(list)
    rows = StatusTally.objects.filter(
        committee__in={pair[0] for pair in by_pair}, status__in={pair[1] for pair in by_pair}
    ).order_by("committee", "status", "day")
    for pk, committee, status, day, n in rows.values_list("pk", "committee", "status", "day", "n"):
        if (committee, status) in by_pair:
            existing[(committee, status)].append((day, n, pk))
    ranges, moved = [], {}
    for pair, events in by_pair.items():
        kept = existing[pair]
        days = [row[0] for row in kept]
        event_days = sorted(events)
        change = 0
        for i, day in enumerate(event_days):
            change += events[day]
            end = event_days[i + 1] if i + 1 < len(event_days) else None
            low = bisect_left(days, day)
            high = bisect_left(days, end) if end is not None else len(days)
            if change and high > low:
                ranges.append((pair, day, end, change))
                for _day, n, pk in kept[low:high]:
                    moved[pk] = n + change
    # The rows kept move first; the new ones are written with their final value after.
    if len(ranges) <= RANGE_UPDATES:
        for (committee, status), day, end, change in ranges:
            rows = StatusTally.objects.filter(committee=committee, status=status, day__gte=day)
            if end is not None:
                rows = rows.filter(day__lt=end)
            rows.update(n=F("n") + change)
    else:
        StatusTally.objects.bulk_update(
            [StatusTally(pk=pk, n=n) for pk, n in moved.items()], ["n"], batch_size=BATCH
        )
    creates = []
    for pair, events in by_pair.items():
        kept = existing[pair]
        days = [row[0] for row in kept]
        change = 0
        for day in sorted(events):
            change += events[day]
            before = bisect_right(days, day)
            if not (before and days[before - 1] == day):
                value = kept[before - 1][1] if before else 0
                creates.append(
                    StatusTally(committee_id=pair[0], status=pair[1], day=day, n=value + change)
                )
            if len(creates) >= BATCH:  # a whole country's tallies at once: bounded memory
                StatusTally.objects.bulk_create(creates)
                creates = []
    StatusTally.objects.bulk_create(creates)


def get_expected_tallies(committees: Iterable[int] | None = None) -> dict[tuple, list]:
    """The tallies the kept spans give, as (committee, status) → [(day, n)] at every step;
    for ``committees`` only when given. O(spans), for the rebuild and the check."""
    steps: Counter = Counter()
    spans = TaskStatusSpan.objects.order_by()
    for committee, status, day, n in spans.values_list(
        "committee_id", "status", "valid_from"
    ).annotate(n=Count("pk")):
        steps[(committee, status, day)] += n
    for committee, status, day, n in (
        spans.filter(valid_until__isnull=False)
        .values_list("committee_id", "status", "valid_until")
        .annotate(n=Count("pk"))
    ):
        steps[(committee, status, day)] -= n
    targets = get_tally_targets({committee for committee, _status, _day in steps})
    spread = _spread(steps, targets)
    wanted = None if committees is None else set(committees)
    tallies: dict[tuple, list] = defaultdict(list)
    running: Counter = Counter()
    for committee, status, day in sorted(spread):
        if wanted is not None and committee not in wanted:
            continue
        running[(committee, status)] += spread[(committee, status, day)]
        tallies[(committee, status)].append((day, running[(committee, status)]))
    return tallies


@transaction.atomic
def rebuild_status_tallies() -> int:
    """Write every kept tally again from the spans; returns the number of rows."""
    StatusTally.objects.all().delete()
    rows = [
        StatusTally(committee_id=committee, status=status, day=day, n=n)
        for (committee, status), steps in get_expected_tallies().items()
        for day, n in steps
    ]
    StatusTally.objects.bulk_create(rows, batch_size=BATCH)
    spanned = TaskStatusSpan.objects.order_by().values_list("committee_id", flat=True).distinct()
    bump_counts_versions(
        set(spanned) | set(CountsVersion.objects.values_list("committee_id", flat=True)),
        kinds=KINDS,
    )
    return len(rows)


def find_tally_mismatches() -> list[tuple]:
    """(committee, status, day, kept, expected) wherever the kept tallies differ from the
    spans' at a step of either."""
    expected = get_expected_tallies()
    kept: dict[tuple, list] = defaultdict(list)
    for committee, status, day, n in StatusTally.objects.order_by(
        "committee", "status", "day"
    ).values_list("committee", "status", "day", "n"):
        kept[(committee, status)].append((day, n))
    mismatches = []
    for pair in set(expected) | set(kept):
        a, b = expected.get(pair, []), kept.get(pair, [])
        for day in sorted({d for d, _n in a} | {d for d, _n in b}):
            want, have = _value_at(a, day), _value_at(b, day)
            if want != have:
                mismatches.append((*pair, day, have, want))
    return mismatches


def get_tally_value(steps: list, day: date) -> int:
    """The value on ``day`` of a tally given as sorted (day, n) steps (0 before the first)."""
    return _value_at(steps, day)


def _value_at(steps: list, day: date) -> int:
    at = bisect_right([d for d, _n in steps], day)
    return steps[at - 1][1] if at else 0


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


# ``_key``'s fields, to read them as values.
SPAN_KEY_FIELDS = (
    "valid_from",
    "valid_until",
    "status",
    "deadline_as_of",
    "committee_id",
    "lead_unit_id",
    "group_id",
    "is_key",
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


def forget_status_spans(task_ids: list[int]) -> None:
    """Take tasks about to be deleted out of the kept tallies (their spans go with them)."""
    steps: Counter = Counter()
    old = TaskStatusSpan.objects.filter(task__in=task_ids)
    for committee, status, valid_from, valid_until in old.values_list(
        "committee_id", "status", "valid_from", "valid_until"
    ):
        _add_steps(steps, committee, status, valid_from, valid_until, -1)
    old.delete()
    committees = {committee for committee, _status, _day in steps}
    if committees:
        targets = get_tally_targets(committees)
        # The tasks are gone from their first span's day on.
        first = min(day for _committee, _status, day in steps)
        history = [HISTORY] if is_history(first, timezone.localdate()) else []
        bump_counts_versions(
            {pk for chain in targets.values() for pk in chain[1]},
            kinds=[STATUSES, *history],
            with_above=False,
        )
        apply_tally_steps(_spread(steps, targets))


def remember_tallies_before_a_move(sender, instance, raw=False, **kwargs) -> None:
    """A committee about to move under another parent (the admin): the tallies of the
    committees above it count its tasks and those of the committees below it. Keep what
    its subtree adds to them and where, so that the save can move it (below)."""
    if raw or instance._state.adding:
        return
    parent = Committee.objects.filter(pk=instance.pk).values_list("parent_id", flat=True)
    if parent.first() == instance.parent_id:
        return
    below = Q(pk=instance.pk) | Q(parent=instance.pk) | Q(parent__parent=instance.pk)
    subtree = Committee.objects.filter(below | Q(parent__parent__parent=instance.pk))
    steps: Counter = Counter()
    for committee, status, valid_from, valid_until in TaskStatusSpan.objects.filter(
        committee__in=subtree
    ).values_list("committee_id", "status", "valid_from", "valid_until"):
        _add_steps(steps, committee, status, valid_from, valid_until, 1)
    committees = {committee for committee, _status, _day in steps}
    instance._tallies_before_move = (steps, get_tally_targets(committees))


def move_tallies_after_a_move(sender, instance, raw=False, **kwargs) -> None:
    """In the same transaction as the save: the subtree's steps leave the tallies of its
    old chain and join those of its new one (the chains below it cancel out)."""
    before = instance.__dict__.pop("_tallies_before_move", None)
    if raw or before is None:
        return
    steps, old_targets = before
    new_targets = get_tally_targets(old_targets)
    moved = _spread(steps, new_targets)
    moved.subtract(_spread(steps, old_targets))
    shown = {
        pk
        for targets in (old_targets, new_targets)
        for _, chain in targets.values()
        for pk in chain
    }
    # A rare correction by the admin: every kind, rather than reason about which panels
    # of the two chains a subtree's move leaves as they were.
    bump_counts_versions(shown, kinds=KINDS, with_above=False)
    apply_tally_steps(moved)


def forget_deleted_task(sender, instance, **kwargs) -> None:
    forget_status_spans([instance.pk])


def bump_for_task_record(sender, instance, **kwargs) -> None:
    """A progress report or a dependency saved or deleted (pages, admin, imports): the
    dashboards showing its task (overdue list's last report, early warning) are stale. Only
    the reports' version: a report that completes the task moves its spans too, and
    ``record_status_spans`` changes the statuses' version."""
    committee = (
        Task.objects.filter(pk=instance.task_id).values_list("committee_id", flat=True).first()
    )
    if committee is not None:
        bump_counts_versions([committee], kinds=[REPORTS])


def bump_for_committee_record(sender, instance, **kwargs) -> None:
    """A committee's early-warning settings saved: its dashboard's panel is stale."""
    bump_counts_versions([instance.committee_id], kinds=[REPORTS])
