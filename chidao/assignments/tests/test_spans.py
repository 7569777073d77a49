"""Kept status spans: the spans are the status rule, and the counts read from them equal
``with_status`` after any sequence of writes through the services."""

import datetime as dt
import io
import itertools
from collections import Counter

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.assignments.choices import DeadlineChangeDecision, TaskKind, TaskState, TaskStatus
from chidao.assignments.counts import (
    get_count_table,
    get_kept_count_table,
    get_kept_status_counts,
    get_status_counts,
    get_tallied_counts,
)
from chidao.assignments.filtersets import TaskFilterSet
from chidao.assignments.models import Task, TaskStatusSpan
from chidao.assignments.rules import (
    DecidedChange,
    get_deadline_as_of,
    get_status_spans,
    get_task_status,
)
from chidao.assignments.services import (
    create_tasks_in_bulk,
    do_create_task,
    do_decide_deadline_change,
    do_request_deadline_change,
    do_review_progress,
    do_stop_task,
    do_submit_progress,
    do_update_task,
)
from chidao.assignments.spans import (
    find_span_mismatches,
    find_tally_mismatches,
    get_first_difference,
    record_status_spans,
)
from chidao.assignments.tests.factories import DeadlineChangeFactory, TaskFactory
from chidao.committees.models import CountsVersion
from chidao.committees.tests.factories import CommitteeFactory, TaskGroupFactory
from chidao.committees.versions import get_counts_versions
from chidao.org.tests.factories import UnitFactory, UserFactory

D = dt.date
DAY = dt.timedelta(days=1)
dates = st.dates(min_value=D(2025, 1, 1), max_value=D(2025, 12, 31))


# --- the pure rule: spans read off get_task_status agree with it on every day -----------


@st.composite
def task_facts(draw):
    kind = draw(st.sampled_from(TaskKind.values))
    state = draw(st.sampled_from(TaskState.values))
    deadline = draw(dates) if kind == TaskKind.DEADLINE else None
    changes = []
    if deadline:
        for order, (decided_on, old) in enumerate(
            draw(st.lists(st.tuples(dates, dates), max_size=3)), start=1
        ):
            changes.append(DecidedChange(decided_on=decided_on, order=order, old_deadline=old))
    return {
        "state": state,
        "kind": kind,
        "deadline": deadline,
        "assigned_on": draw(dates),
        "completed_on": draw(dates) if state == TaskState.COMPLETED else None,
        "stopped_on": draw(dates) if state in (TaskState.PAUSED, TaskState.CANCELLED) else None,
        "approved_changes": changes,
    }


@settings(max_examples=300)
@given(facts=task_facts())
def test_spans_give_the_rule_on_every_day(facts):
    spans = get_status_spans(**facts)
    day = D(2024, 12, 1)
    while day <= D(2027, 1, 31):
        in_force = get_deadline_as_of(facts["deadline"], facts["approved_changes"], day)
        expected = get_task_status(
            **{k: v for k, v in facts.items() if k not in ("approved_changes", "deadline")},
            deadline=in_force,
            as_of=day,
        )
        found = [s for s in spans if s.valid_from <= day and (s.valid_until or D.max) > day]
        if expected == TaskStatus.NOT_YET_ASSIGNED:
            assert found == [], day
        else:
            assert [(s.status, s.deadline) for s in found] == [(expected, in_force)], day
        day += DAY
    # Neighbours differ: no two spans in a row say the same.
    for before, after in itertools.pairwise(spans):
        assert before.valid_until == after.valid_from
        assert (before.status, before.deadline) != (after.status, after.deadline)


def test_an_extended_task_has_its_overdue_days_kept():
    spans = get_status_spans(
        state=TaskState.OPEN,
        kind=TaskKind.DEADLINE,
        deadline=D(2025, 9, 30),
        assigned_on=D(2025, 2, 21),
        completed_on=None,
        stopped_on=None,
        approved_changes=[DecidedChange(D(2025, 7, 10), 1, D(2025, 6, 30))],
    )
    assert [(s.valid_from, s.valid_until, s.status, s.deadline) for s in spans] == [
        (D(2025, 2, 21), D(2025, 7, 1), TaskStatus.IN_PROGRESS, D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 7, 10), TaskStatus.OVERDUE, D(2025, 6, 30)),
        (D(2025, 7, 10), D(2025, 10, 1), TaskStatus.IN_PROGRESS, D(2025, 9, 30)),
        (D(2025, 10, 1), None, TaskStatus.OVERDUE, D(2025, 9, 30)),
    ]


# --- the kept counts equal with_status after any sequence of writes -------------------

PHRASES = ("Tháng 3/2025", "Quý II/2025", "30/06/2025", "Năm 2025", "Thường xuyên", "Hằng quý")

writes = st.one_of(
    # The trickiest first (Hypothesis draws the first choices most): deadline changes.
    st.tuples(st.just("extend"), st.integers(0, 9), dates, dates, st.booleans()),
    st.tuples(st.just("complete"), st.integers(0, 9), dates),
    st.tuples(
        st.just("create"),
        st.integers(0, 2),  # lead unit
        st.integers(0, 2),  # group (2: none)
        dates,  # assigned on
        st.sampled_from(PHRASES),
        st.booleans(),  # key task
    ),
    st.tuples(st.just("stop"), st.integers(0, 9), st.sampled_from(["paused", "cancelled"]), dates),
    st.tuples(st.just("report"), st.integers(0, 9), dates),
    st.tuples(st.just("edit"), st.integers(0, 9), st.integers(0, 2), st.integers(0, 2), dates),
    st.tuples(st.just("reimport"), st.integers(0, 9), st.sampled_from(PHRASES), st.booleans()),
    st.tuples(st.just("move"), st.integers(0, 9)),
    st.tuples(st.just("delete"), st.integers(0, 9)),
)


class World:
    def __init__(self):
        # Three levels, as the country: the kept tallies count a committee's tasks with
        # those of the committees below it (the root's are not kept).
        self.root = CommitteeFactory()
        self.committee = CommitteeFactory(parent=self.root)
        self.commune = CommitteeFactory(parent=self.committee)
        self.units = [UnitFactory() for _ in range(3)]
        self.groups = [TaskGroupFactory(committee=self.committee) for _ in range(2)] + [None]
        self.officer = UserFactory()
        self.secretary = UserFactory()
        self.admin = UserFactory(is_superuser=True)
        self.tasks: list[Task] = []

    def task(self, index: int) -> Task | None:
        if not self.tasks:
            return None
        return Task.objects.get(pk=self.tasks[index % len(self.tasks)].pk)

    def apply(self, write) -> None:
        kind, *args = write
        try:
            with transaction.atomic():
                getattr(self, kind)(*args)
        except ValidationError:
            pass  # refused as a user would be: nothing written

    def create(self, unit, group, assigned_on, phrase, is_key):
        self.tasks.append(
            do_create_task(
                committee=self.committee,
                by=self.secretary,
                lead_unit=self.units[unit],
                title="Nhiệm vụ thử",
                deadline_text=phrase,
                assigned_on=assigned_on,
                group=self.groups[group],
                is_key=is_key,
            )
        )

    def _report(self, index, day, claim):
        task = self.task(index)
        if task is None:
            return None
        return do_submit_progress(
            task=task,
            unit=task.lead_unit,
            by=self.officer,
            reported_on=max(day, task.assigned_on),
            percent=60,
            claims_completion=claim,
            completion_output="Quyết định" if claim else "",
            output_date=max(day, task.assigned_on) if claim else None,
        )

    def report(self, index, day):
        self._report(index, day, claim=False)

    def complete(self, index, day):
        update = self._report(index, day, claim=True)
        if update is not None:
            do_review_progress(update=update, by=self.secretary, accept=True)

    def extend(self, index, new_deadline, decided_on, approve):
        task = self.task(index)
        if task is None:
            return
        change = do_request_deadline_change(
            task=task, by=self.officer, new_deadline=new_deadline, reason="Chờ kinh phí"
        )
        do_decide_deadline_change(
            change=change, by=self.secretary, approve=approve, decided_on=decided_on
        )

    def stop(self, index, state, day):
        task = self.task(index)
        if task is not None:
            do_stop_task(task=task, by=self.secretary, state=state, stopped_on=day, reason="Lý do")

    def edit(self, index, unit, group, assigned_on):
        task = self.task(index)
        if task is not None:
            do_update_task(
                task=task,
                by=self.secretary,
                lead_unit=self.units[unit],
                group=self.groups[group],
                assigned_on=assigned_on,
            )

    def reimport(self, index, phrase, is_key):
        """A plan imported again corrects a task's deadline phrase and key flag."""
        task = self.task(index)
        if task is not None:
            do_update_task(task=task, by=self.secretary, deadline_text=phrase, is_key=is_key)

    def move(self, index):
        """The admin moves a task to the committee below, or back."""
        task = self.task(index)
        if task is not None:
            to = self.commune if task.committee_id == self.committee.pk else self.committee
            Task.objects.filter(pk=task.pk).update(committee=to)
            record_status_spans([task.pk])

    def delete(self, index):
        task = self.task(index)
        if task is not None:
            self.tasks = [kept for kept in self.tasks if kept.pk != task.pk]
            task.delete()

    def check_tallies(self, days):
        below = {
            self.committee.pk: Task.objects.filter(committee__in=[self.committee, self.commune]),
            self.commune.pk: Task.objects.filter(committee=self.commune),
        }
        for day in days:
            tallied = get_tallied_counts(list(below), as_of=day)
            for pk, tasks in below.items():
                live = Counter()
                for cell in get_status_counts(tasks, as_of=day, due_soon_days=7, fields=()):
                    live[cell["status"]] += cell["n"]
                assert {status: n for status, n in tallied[pk].items() if n} == dict(live), day
        assert find_tally_mismatches() == []

    def check(self, as_of_dates):
        tasks = Task.objects.filter(committee=self.committee)
        spans = TaskStatusSpan.objects.filter(committee=self.committee)
        fields = ("lead_unit_id", "group_id", "is_key")
        days = set(as_of_dates)
        for task in tasks:
            for day in (task.assigned_on, task.deadline, task.completed_on, task.stopped_on):
                if day:
                    days |= {day - DAY, day, day + DAY}
        for day in days:
            live = get_status_counts(tasks, as_of=day, due_soon_days=7, fields=fields)
            kept = get_kept_status_counts(spans, as_of=day, due_soon_days=7, fields=fields)
            assert _sorted(kept) == _sorted(live), day
            for by in ("lead_unit", "group"):
                assert get_kept_count_table(spans, as_of=day, by=by) == get_count_table(
                    tasks, as_of=day, by=by
                )
            self.check_list_rows(tasks, day)
        # The badges and filters read the rows checked above on every day; their own
        # queries are checked on the asked dates and around each deadline (where "due
        # soon" and "overdue" turn), which keeps the test's minutes down.
        deadlines = [task.deadline for task in tasks if task.deadline]
        for day in set(as_of_dates) | set(deadlines) | {day + DAY for day in deadlines}:
            self.check_list_badges(tasks, day)
        assert find_span_mismatches(tasks) == []
        self.check_tallies(days)

    def check_list_rows(self, tasks, day):
        """The task list's status column and deadline (read from the spans) equal
        ``with_status`` on ``day``."""
        fields = ("pk", "status", "deadline_as_of")
        kept = tasks.with_kept_status(day).order_by("pk").values_list(*fields)
        assert list(kept) == list(tasks.with_status(day).order_by("pk").values_list(*fields))

    def check_list_badges(self, tasks, day):
        """The list's badge counts and status filters (from the spans) equal
        ``with_status`` on ``day``."""
        request = RequestFactory().get("/")
        request.user = self.admin
        narrowings = [{}, {"is_key": "true"}]
        lead_unit = tasks.order_by("pk").values_list("lead_unit", flat=True).first()
        if lead_unit:  # the picker offers only units that lead a visible task
            narrowings.append({"lead_unit": lead_unit})
        for data in narrowings:
            query = {"committee": self.committee.pk, "as_of": day.isoformat(), **data}
            filterset = TaskFilterSet(query, request=request)
            assert filterset.counts_from_spans
            live = (
                tasks.filter(**{k: v for k, v in data.items() if k != "is_key"})
                .filter(**({"is_key": True} if "is_key" in data else {}))
                .with_status(day)
                .with_due_soon(day, self.committee.due_soon_days)
            )
            counts = filterset.get_status_counts()
            assert counts["total"] == live.count()
            assert counts["due_soon"] == live.filter(due_soon=True).count()
            for status in TaskStatus:
                assert counts[status.value] == live.filter(status=status).count(), status
                shown = filterset.qs.filter(status=status).values_list("pk", flat=True)
                assert set(shown) == set(live.filter(status=status).values_list("pk", flat=True))
        # The unfiltered list: its counts from the kept tallies (the root's own tasks, due
        # soon and those not yet assigned beside them).
        unfiltered = TaskFilterSet({"as_of": day.isoformat()}, request=request)
        tallied = unfiltered._get_tallied_status_counts()
        live = Task.objects.with_status(day).with_due_soon(
            day, django_settings.CHIDAO_DUE_SOON_DAYS
        )
        assert tallied is not None
        assert tallied["total"] == live.count()
        assert tallied["due_soon"] == live.filter(due_soon=True).count()
        for status in TaskStatus:
            assert tallied[status.value] == live.filter(status=status).count(), status


def _sorted(cells):
    return sorted(cells, key=lambda cell: sorted((k, str(v)) for k, v in cell.items()))


@pytest.mark.django_db
@settings(
    # Each example is up to 14 writes checked on every day a status can change (about a
    # hundred days, three committee levels): 20 derandomized examples, ~25 s.
    max_examples=20,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sequence=st.lists(writes, min_size=1, max_size=14),
    as_of_dates=st.lists(dates, min_size=1, max_size=3),
)
def test_kept_counts_equal_the_rule_after_any_writes(sequence, as_of_dates):
    with transaction.atomic():
        world = World()
        world.apply(("create", 0, 0, D(2025, 3, 1), "Quý II/2025", False))  # one to write to
        for write in sequence:
            world.apply(write)
        world.check(as_of_dates)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_task_moved_to_another_committee_or_deleted_takes_its_spans_along():
    task = TaskFactory()
    assert TaskStatusSpan.objects.filter(committee=task.committee).count() == 2
    other = CommitteeFactory()
    Task.objects.filter(pk=task.pk).update(committee=other)
    record_status_spans([task.pk])
    assert set(TaskStatusSpan.objects.values_list("committee", flat=True)) == {other.pk}
    task.delete()
    assert not TaskStatusSpan.objects.exists()


@pytest.mark.django_db
def test_tallies_follow_a_task_moved_between_provinces_and_deleted():
    root = CommitteeFactory()
    first, second = CommitteeFactory(parent=root), CommitteeFactory(parent=root)
    commune = CommitteeFactory(parent=first)
    task = TaskFactory(committee=commune, assigned_on=D(2025, 2, 1), deadline=D(2025, 6, 30))
    versions = dict(CountsVersion.objects.values_list("committee", "statuses"))
    assert set(versions) == {root.pk, first.pk, commune.pk}
    day = D(2025, 7, 15)
    counts = get_tallied_counts([first.pk, second.pk, commune.pk], as_of=day)
    assert (counts[first.pk]["overdue"], counts[second.pk]["overdue"]) == (1, 0)
    assert counts[commune.pk]["overdue"] == 1

    Task.objects.filter(pk=task.pk).update(committee=second)
    record_status_spans([task.pk])
    counts = get_tallied_counts([first.pk, second.pk, commune.pk], as_of=day)
    assert (counts[first.pk]["overdue"], counts[second.pk]["overdue"]) == (0, 1)
    assert counts[commune.pk]["overdue"] == 0
    assert CountsVersion.objects.get(committee=first).statuses != versions[first.pk]
    assert find_tally_mismatches() == []

    task.delete()
    counts = get_tallied_counts([second.pk], as_of=day)
    assert counts[second.pk]["overdue"] == 0
    assert find_tally_mismatches() == []


@pytest.mark.django_db
def test_tallies_follow_a_commune_committee_moved_under_another_province():
    # The admin may correct a committee's parent: the provinces' and the country's
    # counts move with the commune's tasks, in the save's transaction.
    country = CommitteeFactory()
    first, second = CommitteeFactory(parent=country), CommitteeFactory(parent=country)
    commune = CommitteeFactory(parent=first)
    ward = CommitteeFactory(parent=commune)  # one level deeper, moved along
    TaskFactory(committee=commune, assigned_on=D(2025, 2, 1), deadline=D(2025, 6, 30))
    TaskFactory(committee=ward, assigned_on=D(2025, 3, 1), deadline=D(2025, 5, 31))
    day = D(2025, 7, 15)
    counts = get_tallied_counts([first.pk, second.pk], as_of=day)
    assert (counts[first.pk]["overdue"], counts[second.pk]["overdue"]) == (2, 0)
    version = get_counts_versions(second.pk)  # None: nothing counted under it yet

    commune.parent = second
    with transaction.atomic():
        commune.save()

    counts = get_tallied_counts([first.pk, second.pk, commune.pk], as_of=day)
    assert (counts[first.pk]["overdue"], counts[second.pk]["overdue"]) == (0, 2)
    assert counts[commune.pk]["overdue"] == 2
    assert get_counts_versions(second.pk) not in (None, version)
    assert find_tally_mismatches() == []

    commune.name = "Ban Chỉ đạo xã (đổi tên)"  # a save that moves nothing changes nothing
    commune.save()
    assert find_tally_mismatches() == []


# --- the command ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_finds_a_wrong_span_and_rebuilds_it():
    task = TaskFactory(assigned_on=D(2025, 2, 21), deadline=D(2025, 6, 30))
    DeadlineChangeFactory(
        task=task,
        old_deadline=D(2025, 6, 30),
        new_deadline=D(2025, 9, 30),
        decision=DeadlineChangeDecision.APPROVED,
        decided_on=D(2025, 7, 10),
    )
    Task.objects.filter(pk=task.pk).update(deadline=D(2025, 9, 30))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rebuild_status_counts", "--verify", stdout=out, stderr=io.StringIO())
    assert exit_.value.code == 1
    assert f"Nhiệm vụ {task.pk}: cần 21/02/2025–01/07/2025 in_progress (hạn 30/06/2025)" in (
        out.getvalue()
    )

    out = io.StringIO()
    call_command("rebuild_status_counts", "--committee", str(task.committee_id), stdout=out)
    assert "Đã dựng lại 4 khoảng trạng thái của 1 nhiệm vụ, 0 ô" in out.getvalue()
    out = io.StringIO()
    call_command("rebuild_status_counts", "--verify", stdout=out)
    assert "Khớp: 1 nhiệm vụ, 0 chỉ tiêu." in out.getvalue()


@pytest.mark.django_db
def test_tasks_written_in_bulk_have_their_spans():
    """A plan import writes its tasks in bulk (``create_tasks_in_bulk``); their spans are
    written in the same transaction, as one by one."""
    committee, unit = CommitteeFactory(), UnitFactory()
    tasks = create_tasks_in_bulk(
        committee=committee,
        by=UserFactory(),
        tasks=[
            {
                "lead_unit": unit,
                "title": f"Nhiệm vụ {n}",
                "deadline_text": phrase,
                "assigned_on": D(2025, 2, 1),
            }
            for n, phrase in enumerate(PHRASES)
        ],
    )

    assert find_span_mismatches(Task.objects.filter(committee=committee)) == []
    assert TaskStatusSpan.objects.filter(task__in=tasks).values("task").distinct().count() == 6


D = dt.date


@pytest.mark.parametrize(
    ("old", "new", "first"),
    [
        # Written again as it was.
        ([(D(2024, 1, 1), None, "in_progress")], [(D(2024, 1, 1), None, "in_progress")], None),
        # Completed: the long span ends, a new one starts; they differ from the end on.
        (
            [(D(2024, 1, 1), None, "in_progress")],
            [(D(2024, 1, 1), D(2025, 9, 1), "in_progress"), (D(2025, 9, 1), None, "done")],
            D(2025, 9, 1),
        ),
        # Another lead unit: every day differs, from the first.
        (
            [(D(2024, 1, 1), None, "in_progress", 1)],
            [(D(2024, 1, 1), None, "in_progress", 2)],
            D(2024, 1, 1),
        ),
        # A deadline moved later: overdue from a later day.
        (
            [(D(2024, 1, 1), D(2025, 3, 1), "in_progress"), (D(2025, 3, 1), None, "overdue")],
            [(D(2024, 1, 1), D(2025, 6, 1), "in_progress"), (D(2025, 6, 1), None, "overdue")],
            D(2025, 3, 1),
        ),
        # Assigned earlier: a span before any old one.
        (
            [(D(2025, 1, 1), None, "in_progress")],
            [(D(2024, 6, 1), None, "in_progress")],
            D(2024, 6, 1),
        ),
        # Deleted.
        ([(D(2024, 1, 1), None, "in_progress")], [], D(2024, 1, 1)),
    ],
)
def test_first_difference_of_two_span_lists(old, new, first):
    assert get_first_difference(old, new) == first
    assert get_first_difference(new, old) == first
