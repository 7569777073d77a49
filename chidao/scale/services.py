"""Synthetic steering-committee data at provincial and national scale, for ``bench/``.

Deterministic for a given seed: the same seed gives the same rows (ids depend on the
database). Everything is written with ``bulk_create`` in batches; no history rows, no
audit of the writes, no notifications: this is a load generator, not a data entry path,
and it must never run against a database holding real data.
"""

import random
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from chidao.assignments.choices import (
    DeadlineChangeDecision,
    Recurrence,
    ReviewState,
    TaskKind,
    TaskState,
)
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.spans import record_status_spans
from chidao.audit.choices import AuditAction
from chidao.audit.models import AuditEvent
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.periods import PeriodKind
from chidao.indicators.choices import Direction, IndicatorLevel, ObservationState, ValueType
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.rollups import rebuild_indicator_rollups
from chidao.org.choices import UnitKind
from chidao.org.models import Unit, User

BATCH = 2000
# Fixed so that a seed gives the same data whatever day it runs; benchmarks count "as of"
# this date.
REFERENCE_DATE = date(2026, 11, 15)
DEPARTMENTS_PER_PROVINCE = 20
OBSERVATION_MONTHS = 24


@dataclass(frozen=True)
class Scale:
    provinces: int
    communes: int  # per province
    tasks: int
    progress: int
    observations: int
    audit: int
    # Share of the tasks held by the province committees; the rest go to the communes.
    province_share: float = 0.4


SCALES = {
    "province": Scale(
        provinces=1, communes=120, tasks=6_000, progress=70_000, observations=150_000, audit=0
    ),
    "national": Scale(
        provinces=34,
        communes=97,  # 34 × 97 = 3,298 ≈ 3,300 communes
        tasks=180_000,
        progress=2_000_000,
        observations=2_500_000,
        audit=200_000,
    ),
}


@dataclass
class ScaleSummary:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    province_committee_ids: list[int] = field(default_factory=list)
    central_committee_id: int | None = None


def do_generate_scale(*, scale: str, seed: int, **overrides) -> ScaleSummary:
    """Add a synthetic world of ``scale`` (``SCALES``; ``overrides`` change its sizes).

    Contract: benchmarks and tests only. Writes units, users, committees, tasks, approved
    deadline changes, progress updates, indicators, observations and audit events in one
    transaction; sends nothing. Returns the counts and the time each step took.
    """
    generator = _Generator(replace(SCALES[scale], **overrides), seed)
    with transaction.atomic():
        generator.run()
    return generator.summary


class _Generator:
    def __init__(self, scale: Scale, seed: int):
        self.scale = scale
        self.seed = seed
        self.rng = random.Random(seed)
        self.prefix = f"S{seed}"
        self.summary = ScaleSummary()
        self.users: dict[int, int] = {}  # unit id -> reporter user id

    def run(self) -> None:
        self._step("units", self._units)
        self._step("users", self._users)
        self._step("committees", self._committees)
        self._step("tasks", self._tasks)
        self._step("deadline changes", self._deadline_changes)
        self._step("status spans", lambda: record_status_spans([task.pk for task in self.tasks]))
        self._step("progress updates", self._progress)
        self._step("observations", self._observations)
        self._step("audit events", self._audit)

    def _step(self, name: str, action) -> None:
        started = time.perf_counter()
        self.summary.counts[name] = action()
        self.summary.seconds[name] = time.perf_counter() - started

    # Organisation --------------------------------------------------------------------

    def _units(self) -> int:
        scale = self.scale
        provinces = [
            Unit(
                code=f"{self.prefix}-P{p:02d}",
                name=f"Ủy ban nhân dân tỉnh số {p}",
                kind=UnitKind.PEOPLES_COMMITTEE,
            )
            for p in range(1, scale.provinces + 1)
        ]
        self._bulk(Unit, provinces)
        children = []
        for p, province in enumerate(provinces, start=1):
            children += [
                Unit(
                    code=f"{self.prefix}-P{p:02d}-S{d:02d}",
                    name=f"Sở chuyên ngành {d} tỉnh {p}",
                    kind=UnitKind.DEPARTMENT,
                    parent=province,
                )
                for d in range(1, DEPARTMENTS_PER_PROVINCE + 1)
            ]
            children += [
                Unit(
                    code=f"{self.prefix}-P{p:02d}-X{c:03d}",
                    name=f"Ủy ban nhân dân xã {c} tỉnh {p}",
                    kind=UnitKind.COMMUNE,
                    parent=province,
                )
                for c in range(1, scale.communes + 1)
            ]
        self._bulk(Unit, children)
        self.provinces = provinces
        self.departments = {
            p.pk: [u for u in children if u.parent_id == p.pk and u.kind == UnitKind.DEPARTMENT]
            for p in provinces
        }
        self.communes = {
            p.pk: [u for u in children if u.parent_id == p.pk and u.kind == UnitKind.COMMUNE]
            for p in provinces
        }
        return len(provinces) + len(children)

    def _users(self) -> int:
        units = [*self.provinces, *(u for us in self.departments.values() for u in us)]
        units += [u for us in self.communes.values() for u in us]
        password = make_password(None)  # unusable: these accounts never sign in
        users = [User(username=f"scale-{unit.code.lower()}", password=password) for unit in units]
        self._bulk(User, users)
        self.users = {unit.pk: user.pk for unit, user in zip(units, users, strict=True)}
        return len(users)

    def _committees(self) -> int:
        # The national committee above the provinces': no task of its own, it reads theirs.
        host = Unit.objects.create(
            code=f"{self.prefix}-TW", name="Bộ Chính trị", kind=UnitKind.CENTRAL_BODY
        )
        central = Committee.objects.create(
            name=f"Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ ({self.prefix})",
            level=CommitteeLevel.CENTRAL,
            host_unit=host,
        )
        province_committees = [
            Committee(
                name=f"Ban Chỉ đạo tỉnh {p} về phát triển khoa học, công nghệ",
                level=CommitteeLevel.PROVINCE,
                parent=central,
                host_unit=province,
            )
            for p, province in enumerate(self.provinces, start=1)
        ]
        self._bulk(Committee, province_committees)
        commune_committees = [
            Committee(
                name=f"Ban Chỉ đạo {commune.name}",
                level=CommitteeLevel.COMMUNE,
                parent=committee,
                host_unit=commune,
            )
            for committee, province in zip(province_committees, self.provinces, strict=True)
            for commune in self.communes[province.pk]
        ]
        self._bulk(Committee, commune_committees)
        self.province_committees = province_committees
        self.commune_committees = commune_committees
        self.summary.province_committee_ids = [c.pk for c in province_committees]
        self.summary.central_committee_id = central.pk
        return 1 + len(province_committees) + len(commune_committees)

    # Tasks -----------------------------------------------------------------------------

    def _tasks(self) -> int:
        scale = self.scale
        per_province = round(scale.tasks * scale.province_share / scale.provinces)
        per_commune, extra = divmod(
            scale.tasks - per_province * scale.provinces, len(self.commune_committees) or 1
        )
        tasks: list[Task] = []
        for committee, province in zip(self.province_committees, self.provinces, strict=True):
            leads = self.departments[province.pk] + self.communes[province.pk]
            tasks += [self._task(committee, n, leads) for n in range(1, per_province + 1)]
        for i, committee in enumerate(self.commune_committees):
            count = per_commune + (1 if i < extra else 0)
            tasks += [self._task(committee, n, [committee.host_unit]) for n in range(1, count + 1)]
        for task in tasks:
            task.prepare_text()
        self._bulk(Task, tasks)
        self.tasks = tasks
        # A third of the province's tasks name two coordinating units.
        Through = Task.coordinating_units.through
        links = []
        for task in tasks:
            if task.committee.level == CommitteeLevel.PROVINCE and self.rng.random() < 0.33:
                pool = self.departments[task.committee.host_unit_id]
                for unit in self.rng.sample(pool, 2):
                    if unit.pk != task.lead_unit_id:
                        links.append(Through(task_id=task.pk, unit_id=unit.pk))
        self._bulk(Through, links)
        return len(tasks)

    def _task(self, committee: Committee, n: int, leads: list[Unit]) -> Task:
        rng = self.rng
        assigned_on = REFERENCE_DATE - timedelta(days=rng.randint(30, 720))
        roll = rng.random()
        kind = (
            TaskKind.DEADLINE
            if roll < 0.75
            else TaskKind.RECURRING
            if roll < 0.85
            else TaskKind.ONGOING
        )
        deadline = None
        if kind == TaskKind.DEADLINE:
            deadline = assigned_on + timedelta(days=rng.randint(30, 365))
        roll = rng.random()
        state = TaskState.OPEN
        completed_on: date | None = None
        stopped_on: date | None = None
        if deadline is not None and roll < 0.45:  # only deadline tasks have one
            state = TaskState.COMPLETED
            late = rng.randint(-60, 45)
            completed_on = min(REFERENCE_DATE, max(assigned_on, deadline + timedelta(days=late)))
        elif roll > 0.97:
            state = TaskState.PAUSED if roll < 0.985 else TaskState.CANCELLED
            stopped_on = assigned_on + timedelta(
                days=rng.randint(0, (REFERENCE_DATE - assigned_on).days)
            )
        return Task(
            committee=committee,
            code=f"{n}",
            title=f"Nhiệm vụ số {n}: triển khai chuyển đổi số, đổi mới sáng tạo",
            lead_unit=rng.choice(leads),
            kind=kind,
            recurrence=Recurrence.QUARTERLY if kind == TaskKind.RECURRING else "",
            assigned_on=assigned_on,
            deadline=deadline,
            original_deadline=deadline,
            state=state,
            completed_on=completed_on,
            stopped_on=stopped_on,
            progress_percent=100 if state == TaskState.COMPLETED else rng.randint(0, 90),
            is_key=rng.random() < 0.1,
        )

    def _deadline_changes(self) -> int:
        """One task in twenty had its deadline moved, by a decision before the reference
        date; the task's ``deadline`` is the new one, ``original_deadline`` the first."""
        changes, moved = [], []
        for task in self.tasks:
            # Every deadline task has a deadline: the random draw is made for each of them.
            if task.kind != TaskKind.DEADLINE or task.deadline is None:
                continue
            if self.rng.random() >= 0.05:
                continue
            old = task.deadline
            new = old + timedelta(days=self.rng.randint(30, 120))
            span = max(0, (min(old, REFERENCE_DATE) - task.assigned_on).days)
            decided_on = task.assigned_on + timedelta(days=self.rng.randint(0, span))
            if task.completed_on and task.completed_on < decided_on:
                continue
            task.deadline = new
            task.version += 1  # a write like any other: an edit page open on it is stale
            moved.append(task)
            changes.append(
                DeadlineChange(
                    task=task,
                    requested_by_id=self.users[task.lead_unit_id],
                    old_deadline=old,
                    new_deadline=new,
                    reason="Chờ ý kiến thẩm định của Bộ.",
                    decision=DeadlineChangeDecision.APPROVED,
                    decided_on=decided_on,
                )
            )
        Task.objects.bulk_update(moved, ["deadline", "version"], batch_size=BATCH)
        self._bulk(DeadlineChange, changes)
        return len(changes)

    def _progress(self) -> int:
        """Reports spread over the tasks, each task's in date order, streamed in batches."""
        total, tasks, rng = self.scale.progress, self.tasks, self.rng
        rows = _RowWriter(
            ProgressUpdate(
                results="Đã triển khai theo kế hoạch.", review_state=ReviewState.ACCEPTED
            ),
            ["task_id", "unit_id", "author_id", "reported_on", "percent"],
        )
        per_task, extra = divmod(total, len(tasks)) if tasks else (0, 0)
        for i, task in enumerate(tasks):
            count = per_task + (1 if i < extra else 0)
            end = task.completed_on or task.stopped_on or REFERENCE_DATE
            span = max(0, (end - task.assigned_on).days)
            days = sorted(rng.randint(0, span) for _ in range(count))
            author = self.users[task.lead_unit_id]
            for k, day in enumerate(days, start=1):
                rows.add(
                    task.pk,
                    task.lead_unit_id,
                    author,
                    task.assigned_on + timedelta(days=day),
                    min(100, round(100 * k / (count + 1))),
                )
        return rows.finish()

    # Indicators ------------------------------------------------------------------------

    def _observations(self) -> int:
        """Monthly values for 24 months, per unit of each province, as many indicators as
        the count needs; the province committee owns the indicators."""
        total = self.scale.observations
        if not total:
            return 0
        units_per_province = 1 + DEPARTMENTS_PER_PROVINCE + self.scale.communes
        per_indicator = units_per_province * OBSERVATION_MONTHS
        per_province = -(-total // self.scale.provinces)
        indicators_per_province = -(-per_province // per_indicator)
        indicators = [
            Indicator(
                committee=committee,
                code=f"CT{i:03d}",
                name=f"Chỉ tiêu số {i} về chuyển đổi số",
                level=IndicatorLevel.OPERATIONAL,
                direction=Direction.HIGHER_BETTER,
                value_type=ValueType.NUMBER,
                frequency=PeriodKind.MONTH,
                responsible_unit=province,
            )
            for committee, province in zip(self.province_committees, self.provinces, strict=True)
            for i in range(1, indicators_per_province + 1)
        ]
        for indicator in indicators:
            indicator.prepare_text()
        self._bulk(Indicator, indicators)
        months = [_month_start(REFERENCE_DATE, back) for back in range(OBSERVATION_MONTHS, 0, -1)]
        rows = _RowWriter(
            Observation(period_kind=PeriodKind.MONTH, state=ObservationState.APPROVED),
            ["indicator_id", "unit_id", "period_start", "value", "entered_by_id"],
        )
        for indicator in indicators:
            province = indicator.responsible_unit
            assert province is not None  # set just above
            units = [province, *self.departments[province.pk], *self.communes[province.pk]]
            for unit in units:
                for month in months:
                    if rows.count >= total:
                        break
                    rows.add(
                        indicator.pk,
                        unit.pk,
                        month,
                        Decimal(self.rng.randint(0, 100_000)) / 100,
                        self.users[unit.pk],
                    )
        written = rows.finish()
        rebuild_indicator_rollups(Indicator.objects.filter(pk__in=[i.pk for i in indicators]))
        return written

    def _audit(self) -> int:
        total, rng = self.scale.audit, self.rng
        user_ids = list(self.users.values())
        written, batch = 0, []
        for n in range(total):
            user_id = rng.choice(user_ids)
            batch.append(
                AuditEvent(
                    at=_aware(REFERENCE_DATE) - timedelta(minutes=n),
                    action=AuditAction.SIGN_IN,
                    user_id=user_id,
                    username=f"user-{user_id}",
                    method="POST",
                    path="/dang-nhap/",
                    ip="127.0.0.1",
                )
            )
            if len(batch) >= BATCH:
                written += self._flush(AuditEvent, batch)
        return written + self._flush(AuditEvent, batch)

    # Helpers ---------------------------------------------------------------------------

    @staticmethod
    def _bulk(model, objects: list) -> None:
        model.objects.bulk_create(objects, batch_size=BATCH)

    def _flush(self, model, batch: list) -> int:
        count = len(batch)
        if count:
            self._bulk(model, batch)
            batch.clear()
        return count


class _RowWriter:
    """Rows of one model written with ``executemany``, ``BATCH`` at a time.

    For the two large tables (progress updates, observations): ``bulk_create`` spent
    ~0.5 ms of CPU per row building a model instance and preparing each of its ~20 fields,
    which made the 16× point of the cost curve (3.5 million rows) take hours on the shared
    machine. The values are the same: every field not varied per row is prepared once from
    ``template`` as ``bulk_create`` would (defaults, ``auto_now_add`` at the start), and
    the ``varying`` ones (attribute names, in the order ``add`` takes them) per row by
    their field. No signal or ``save()`` runs, as with ``bulk_create``.
    """

    def __init__(self, template, varying: list[str]):
        model = type(template)
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        by_name = {f.attname: f for f in fields}
        self.varying = [by_name[name] for name in varying]
        fixed = [f for f in fields if f.attname not in varying]
        self.fixed = [f.get_db_prep_save(f.pre_save(template, True), connection) for f in fixed]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.varying + fixed)
        self.sql = (
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
            f"VALUES ({', '.join(['%s'] * (len(self.varying) + len(fixed)))})"
        )
        self.batch: list[tuple] = []
        self.count = 0

    def add(self, *values) -> None:
        prepared = [
            f.get_db_prep_save(value, connection)
            for f, value in zip(self.varying, values, strict=True)
        ]
        self.batch.append((*prepared, *self.fixed))
        self.count += 1
        if len(self.batch) >= BATCH:
            self._write()

    def finish(self) -> int:
        self._write()
        return self.count

    def _write(self) -> None:
        if self.batch:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.batch)
            self.batch = []


def _month_start(day: date, back: int) -> date:
    """The first day of the month ``back`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _aware(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
