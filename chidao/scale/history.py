"""Generated task histories with behaviour, for the early warning's backtest.

``generate_scale`` draws progress independently of outcome, which is enough to measure
speed but says nothing about whether a forecast works. This generator gives each unit a
punctuality (reliable, average or poor: how fast it works and how often it reports) and
lets tasks stall for months, reports stop, coordinating units keep silent and late tasks
ask for extensions, so the signals the forecast reads relate to the outcome the way one
would expect them to in life. It is still generated data, not real data: the backtest on
it shows the forecast is consistent, not that it is right in any real province.

Deterministic for a given seed. Bulk writes, no history, no notifications: never run it
against a database holding real data.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from chidao.assignments.choices import DeadlineChangeDecision, ReviewState, TaskKind, TaskState
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.spans import record_status_spans
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.org.choices import UnitKind
from chidao.org.models import Unit, User

# The day the generated history ends: nothing is known after it.
HISTORY_END = date(2026, 11, 15)
UNITS_PER_PROVINCE = 12


@dataclass(frozen=True)
class Profile:
    """How a kind of unit works: its speed against plan and days between reports."""

    name: str
    speed: tuple[float, float]
    report_every: tuple[int, int]
    stop_reporting: float  # chance its reports stop on a task
    contributes: float  # chance it files its part as a coordinating unit


PROFILES = (
    Profile("reliable", (1.05, 1.45), (25, 40), 0.03, 0.9),
    Profile("average", (0.8, 1.15), (30, 60), 0.08, 0.6),
    Profile("poor", (0.5, 0.9), (45, 100), 0.25, 0.25),
)
PROFILE_WEIGHTS = (0.3, 0.45, 0.25)


@dataclass
class HistorySummary:
    provinces: int = 0
    tasks: int = 0
    reports: int = 0
    deadline_changes: int = 0
    committee_ids: list[int] | None = None


def do_generate_history(*, provinces: int = 34, tasks: int = 40, seed: int = 57) -> HistorySummary:
    """Add ``provinces`` committees, each with ``tasks`` deadline tasks and their history.

    Contract: backtests and tests only; one transaction; sends nothing. Returns counts and
    the province committees in order (the backtest splits them into halves).
    """
    with transaction.atomic():
        return _History(random.Random(seed), f"H{seed}").run(provinces, tasks)


class _History:
    def __init__(self, rng: random.Random, prefix: str):
        self.rng = rng
        self.prefix = prefix

    def run(self, provinces: int, tasks_per_province: int) -> HistorySummary:
        rng = self.rng
        summary = HistorySummary(provinces=provinces, committee_ids=[])
        password = make_password(None)
        for p in range(1, provinces + 1):
            host = Unit.objects.create(
                code=f"{self.prefix}-P{p:02d}",
                name=f"Ủy ban nhân dân tỉnh giả lập {p}",
                kind=UnitKind.PEOPLES_COMMITTEE,
            )
            units = Unit.objects.bulk_create(
                Unit(
                    code=f"{self.prefix}-P{p:02d}-S{d:02d}",
                    name=f"Sở giả lập {d} tỉnh {p}",
                    kind=UnitKind.DEPARTMENT,
                    parent=host,
                )
                for d in range(1, UNITS_PER_PROVINCE + 1)
            )
            users = User.objects.bulk_create(
                User(username=f"history-{unit.code.lower()}", password=password) for unit in units
            )
            author = {unit.pk: user.pk for unit, user in zip(units, users, strict=True)}
            profile = {unit.pk: rng.choices(PROFILES, PROFILE_WEIGHTS)[0] for unit in units}
            committee = Committee.objects.create(
                name=f"Ban Chỉ đạo tỉnh giả lập {p} (lịch sử sinh tự động)",
                level=CommitteeLevel.PROVINCE,
                host_unit=host,
            )
            summary.committee_ids.append(committee.pk)
            for n in range(1, tasks_per_province + 1):
                counts = self._task(committee, n, units, profile, author)
                summary.tasks += 1
                summary.reports += counts[0]
                summary.deadline_changes += counts[1]
        return summary

    def _task(self, committee, n, units, profile, author) -> tuple[int, int]:
        rng = self.rng
        lead = rng.choice(units)
        trait = profile[lead.pk]
        coordinating = rng.sample([u for u in units if u.pk != lead.pk], rng.choice((0, 0, 1, 2)))
        assigned = HISTORY_END - timedelta(days=rng.randint(90, 760))
        planned = rng.randint(120, 420)
        deadline = assigned + timedelta(days=planned)
        speed = rng.uniform(*trait.speed) * rng.uniform(0.8, 1.2)
        if any(profile[u.pk].name == "poor" for u in coordinating):
            speed *= 0.85  # a partner that does not deliver holds the lead up
        stall_from = stall_days = 0
        if rng.random() < 0.2:  # the task stalls for months (funding, a missing decision)
            stall_from = rng.randint(planned // 5, planned * 7 // 10)
            stall_days = rng.randint(60, 300)
        stops_on = None
        if rng.random() < trait.stop_reporting:
            stops_on = assigned + timedelta(days=rng.randint(30, planned))

        def percent_on(day: int) -> float:
            worked = (
                day if day < stall_from or not stall_days else max(stall_from, day - stall_days)
            )
            return min(100.0, 100.0 * speed * worked / planned)

        finish = next((d for d in range(1, 4 * planned + 400) if percent_on(d) >= 100), None)
        completed_on = assigned + timedelta(days=finish) if finish else None
        if completed_on and completed_on > HISTORY_END:
            completed_on = None

        # An extension: some late tasks ask once (or twice) when the lateness shows.
        changes = []
        current = deadline
        for _ in range(2):
            ask_day = (current - assigned).days - rng.randint(10, 40)
            behind = percent_on(ask_day) < 100 * ask_day / planned - 15
            if ask_day <= 0 or not behind or rng.random() > 0.45:
                break
            decided_on = assigned + timedelta(days=ask_day)
            if decided_on > HISTORY_END or (completed_on and completed_on <= decided_on):
                break
            new = current + timedelta(days=rng.randint(45, 120))
            approve = rng.random() < 0.75
            changes.append((current, new, decided_on, approve))
            if approve:
                current = new

        task = Task(
            committee=committee,
            code=f"{n}",
            title=f"Nhiệm vụ giả lập số {n}",
            lead_unit=lead,
            kind=TaskKind.DEADLINE,
            assigned_on=assigned,
            deadline=current,
            original_deadline=deadline,
            state=TaskState.COMPLETED if completed_on else TaskState.OPEN,
            completed_on=completed_on,
            progress_percent=100 if completed_on else 0,
        )
        task.prepare_text()
        task.save()
        task.coordinating_units.set(coordinating)
        DeadlineChange.objects.bulk_create(
            DeadlineChange(
                task=task,
                requested_by_id=author[lead.pk],
                old_deadline=old,
                new_deadline=new,
                reason="Chờ bố trí kinh phí.",
                decision=DeadlineChangeDecision.APPROVED if ok else DeadlineChangeDecision.REJECTED,
                decided_on=on,
            )
            for old, new, on, ok in changes
        )
        record_status_spans([task])

        reports = []
        end = min(completed_on or HISTORY_END, stops_on or HISTORY_END, HISTORY_END)
        day = rng.randint(*trait.report_every)
        last = 0
        while assigned + timedelta(days=day) <= end:
            last = min(99, round(percent_on(day)))
            reports.append((assigned + timedelta(days=day), last))
            day += rng.randint(*trait.report_every)
        if completed_on:
            reports.append((completed_on, 100))
        rows = [
            ProgressUpdate(
                task=task,
                unit=lead,
                author_id=author[lead.pk],
                reported_on=on,
                percent=percent,
                results="Đã triển khai theo kế hoạch.",
                review_state=ReviewState.ACCEPTED,
            )
            for on, percent in reports
        ]
        for unit in coordinating:
            if rng.random() < profile[unit.pk].contributes:
                on = assigned + timedelta(days=rng.randint(20, max(21, planned // 2)))
                if on <= HISTORY_END:
                    rows.append(
                        ProgressUpdate(
                            task=task,
                            unit=unit,
                            author_id=author[unit.pk],
                            reported_on=on,
                            percent=0,
                            results="Đã hoàn thành phần việc phối hợp.",
                            review_state=ReviewState.ACCEPTED,
                        )
                    )
        ProgressUpdate.objects.bulk_create(rows)
        task.progress_percent = 100 if completed_on else last
        Task.objects.filter(pk=task.pk).update(progress_percent=task.progress_percent)
        return len(rows), len(changes)
