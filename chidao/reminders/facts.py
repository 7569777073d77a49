"""Reads that turn the database into the plain facts ``rules.get_due_reminders`` judges.

A handful of queries for the whole province, whatever the number of tasks.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q

from chidao.assignments.choices import (
    DeadlineChangeDecision,
    ReviewState,
    TaskKind,
    TaskState,
)
from chidao.assignments.forecast import Forecast
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.risk import get_forecasts
from chidao.assignments.rules import DecidedChange
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Indicator, Observation
from chidao.org.models import User
from chidao.proposals.choices import ProposalStatus
from chidao.proposals.models import Proposal
from chidao.reminders.models import ReminderRule, parse_days_before
from chidao.reminders.rules import (
    DEFAULT_RULE,
    CycleFacts,
    IndicatorFacts,
    ProposalFacts,
    RuleConfig,
    TaskFacts,
    WaitingFacts,
    WaitingKind,
    get_local_date,
)
from chidao.reminders.texts import (
    CycleInfo,
    IndicatorInfo,
    ProposalInfo,
    TaskInfo,
    WaitingInfo,
)
from chidao.reporting.choices import CycleState, SubmissionState
from chidao.reporting.models import ReportingCycle, UnitSubmission


@dataclass
class Facts:
    rules: dict[int, RuleConfig]
    tasks: list[TaskFacts]
    waiting: list[WaitingFacts]
    task_info: dict[int, TaskInfo]
    waiting_info: dict[tuple[str, int], WaitingInfo]
    cycles: list[CycleFacts]
    cycle_info: dict[tuple[int, int], CycleInfo]  # (cycle, unit) -> words for the notice
    indicators: list[IndicatorFacts]
    indicator_info: dict[tuple[int, int], IndicatorInfo]  # (indicator, unit) -> words
    proposals: list[ProposalFacts]
    proposal_info: dict[int, ProposalInfo]


def get_rules() -> dict[int, RuleConfig]:
    grace_days = getattr(settings, "CHIDAO_OBSERVATION_GRACE_DAYS", 20)
    return {
        rule.committee_id: RuleConfig(
            is_active=rule.is_active,
            days_before=parse_days_before(rule.days_before),
            on_due_day=rule.on_due_day,
            overdue_every_days=rule.overdue_every_days,
            escalate_after_days=rule.escalate_after_days,
            review_wait_working_days=rule.review_wait_working_days,
            cycle_due_days=rule.cycle_due_days,
            stale_indicators=rule.stale_indicators,
            indicator_grace_days=grace_days,
        )
        for rule in ReminderRule.objects.all()
    }


def get_facts(today: date) -> Facts:
    """Everything due-reminders need on ``today``, read in a few queries."""
    rules = get_rules()
    all_rules = [DEFAULT_RULE, *rules.values()]
    horizon = max(max(rule.days_before, default=0) for rule in all_rules)
    cycle_horizon = max(rule.cycle_due_days for rule in all_rules)
    # The early warning looks further ahead than "due soon": open tasks it flags today.
    open_tasks = Task.objects.filter(
        committee__is_active=True,
        kind=TaskKind.DEADLINE,
        state=TaskState.OPEN,
        assigned_on__lte=today,
    )
    forecasts = get_forecasts(
        open_tasks.filter(deadline__gt=today + timedelta(days=horizon)).values_list(
            "pk", flat=True
        ),
        today,
    )
    at_risk = {pk: forecast for pk, forecast in forecasts.items() if forecast.is_warning}
    tasks = list(
        open_tasks.filter(Q(deadline__lte=today + timedelta(days=horizon)) | Q(pk__in=at_risk))
        .select_related("lead_unit", "focal_person", "overseeing_member")
        .prefetch_related(
            Prefetch(
                "deadline_changes",
                queryset=DeadlineChange.objects.filter(
                    decision=DeadlineChangeDecision.APPROVED, decided_on__gt=today
                ),
                to_attr="later_changes",
            )
        )
    )
    claims = list(
        ProgressUpdate.objects.filter(
            claims_completion=True,
            review_state=ReviewState.SUBMITTED,
            task__state=TaskState.OPEN,
            task__committee__is_active=True,
        ).select_related("task__lead_unit", "unit")
    )
    requests = list(
        DeadlineChange.objects.filter(
            decision=DeadlineChangeDecision.PENDING,
            task__state=TaskState.OPEN,
            task__committee__is_active=True,
        ).select_related("task__lead_unit", "requested_by__person__unit")
    )

    # Open reporting cycles due soon or already missed, and what has been sent: 3 queries.
    cycles = list(
        ReportingCycle.objects.filter(
            state=CycleState.OPEN,
            committee__is_active=True,
            due_on__lte=today + timedelta(days=cycle_horizon),
        ).prefetch_related("required_units")
    )
    submitted = {
        (row.cycle_id, row.unit_id): row.submitted_on
        for row in UnitSubmission.objects.filter(
            cycle__in=cycles, state=SubmissionState.SUBMITTED
        ).only("cycle_id", "unit_id", "state", "submitted_at")
    }

    # Indicators with the units that report them, and the values sent lately: 3 queries.
    indicators = list(
        Indicator.objects.filter(committee__is_active=True)
        .select_related("responsible_unit")
        .prefetch_related("reporting_units")
    )
    reported = defaultdict(set)
    recent = Observation.objects.filter(
        indicator__in=indicators,
        state__in=[ObservationState.SUBMITTED, ObservationState.APPROVED],
        period_start__gte=today - timedelta(days=2 * 366),
    )
    for indicator_id, unit_id, period_start in recent.values_list(
        "indicator_id", "unit_id", "period_start"
    ):
        reported[(indicator_id, unit_id)].add(period_start)
    reporters = {
        indicator.pk: list(indicator.reporting_units.all())
        or ([indicator.responsible_unit] if indicator.responsible_unit_id else [])
        for indicator in indicators
    }

    # Proposals whose answer a unit owes, due soon or late: one query.
    proposals = list(
        Proposal.objects.filter(
            status=ProposalStatus.ROUTED,
            committee__is_active=True,
            routed_unit__isnull=False,
            response_due__lte=today + timedelta(days=cycle_horizon),
        ).select_related("routed_unit")
    )

    # Accounts of the lead units, cycle units, focal persons and overseers: one query.
    unit_ids = {task.lead_unit_id for task in tasks}
    unit_ids |= {proposal.routed_unit_id for proposal in proposals}
    unit_ids |= {unit.pk for cycle in cycles for unit in cycle.required_units.all()}
    unit_ids |= {unit.pk for units in reporters.values() for unit in units}
    person_ids = {task.focal_person_id for task in tasks if task.focal_person_id}
    person_ids |= {task.overseeing_member.person_id for task in tasks if task.overseeing_member_id}
    officers: defaultdict[int, list[int]] = defaultdict(list)
    heads: defaultdict[int, list[int]] = defaultdict(list)
    user_of_person: dict[int, int] = {}
    accounts = User.objects.filter(is_active=True).filter(
        Q(person__unit__in=unit_ids) | Q(person__in=person_ids)
    )
    for user_id, person_id, unit_id, is_head in accounts.values_list(
        "pk", "person_id", "person__unit_id", "person__is_unit_leader"
    ).order_by("pk"):
        user_of_person[person_id] = user_id
        if unit_id in unit_ids:
            (heads if is_head else officers)[unit_id].append(user_id)

    # The secretariat of every committee that has something waiting: one query.
    committee_ids = {claim.task.committee_id for claim in claims}
    committee_ids |= {request.task.committee_id for request in requests}
    committee_ids |= {proposal.committee_id for proposal in proposals}
    secretariat = defaultdict(list)
    seats = Membership.objects.filter(
        committee__in=committee_ids,
        role__in=MemberRole.secretariat_roles(),
        person__user__is_active=True,
    ).filter(
        Q(started_on__isnull=True) | Q(started_on__lte=today),
        Q(ended_on__isnull=True) | Q(ended_on__gte=today),
    )
    for committee_id, user_id in seats.values_list("committee_id", "person__user").order_by(
        "person__user"
    ):
        secretariat[committee_id].append(user_id)

    task_facts, task_info = [], {}
    for task in tasks:
        focal = user_of_person.get(task.focal_person_id)
        urged = (
            (focal,) if focal else tuple(officers[task.lead_unit_id] or heads[task.lead_unit_id])
        )
        escalation = list(heads[task.lead_unit_id])
        if task.overseeing_member_id:
            overseer = user_of_person.get(task.overseeing_member.person_id)
            if overseer and overseer not in escalation:
                escalation.append(overseer)
        task_facts.append(
            TaskFacts(
                task_id=task.pk,
                committee_id=task.committee_id,
                state=task.state,
                kind=task.kind,
                deadline=task.deadline,
                assigned_on=task.assigned_on,
                completed_on=task.completed_on,
                stopped_on=task.stopped_on,
                approved_changes=tuple(
                    DecidedChange(decided_on=c.decided_on, order=c.pk, old_deadline=c.old_deadline)
                    for c in task.later_changes
                ),
                officer_ids=urged,
                escalation_ids=tuple(escalation),
                at_risk=task.pk in at_risk,
            )
        )
        task_info[task.pk] = _task_info(task, at_risk.get(task.pk))

    waiting, waiting_info = [], {}
    for claim in claims:
        since = get_local_date(claim.unit_approved_at or claim.created_at)
        waiting.append(
            WaitingFacts(
                object_kind=WaitingKind.CLAIM,
                object_id=claim.pk,
                task_id=claim.task_id,
                committee_id=claim.task.committee_id,
                waiting_since=since,
                secretariat_ids=tuple(secretariat[claim.task.committee_id]),
            )
        )
        waiting_info[(WaitingKind.CLAIM, claim.pk)] = WaitingInfo(unit=str(claim.unit), since=since)
        task_info[claim.task_id] = _task_info(claim.task)
    for change in requests:
        since = get_local_date(change.requested_at)
        waiting.append(
            WaitingFacts(
                object_kind=WaitingKind.DEADLINE_REQUEST,
                object_id=change.pk,
                task_id=change.task_id,
                committee_id=change.task.committee_id,
                waiting_since=since,
                secretariat_ids=tuple(secretariat[change.task.committee_id]),
            )
        )
        waiting_info[(WaitingKind.DEADLINE_REQUEST, change.pk)] = WaitingInfo(
            unit=str(change.task.lead_unit),
            since=since,
            old_deadline=change.old_deadline,
            new_deadline=change.new_deadline,
        )
        task_info[change.task_id] = _task_info(change.task)
    cycle_facts, cycle_info = [], {}
    for cycle in cycles:
        for unit in cycle.required_units.all():
            cycle_facts.append(
                CycleFacts(
                    cycle_id=cycle.pk,
                    committee_id=cycle.committee_id,
                    unit_id=unit.pk,
                    due_on=cycle.due_on,
                    submitted_on=submitted.get((cycle.pk, unit.pk)),
                    officer_ids=tuple(officers[unit.pk] or heads[unit.pk]),
                )
            )
            cycle_info[(cycle.pk, unit.pk)] = CycleInfo(title=cycle.title, unit=str(unit))
    indicator_facts, indicator_info = [], {}
    for indicator in indicators:
        for unit in reporters[indicator.pk]:
            indicator_facts.append(
                IndicatorFacts(
                    indicator_id=indicator.pk,
                    committee_id=indicator.committee_id,
                    unit_id=unit.pk,
                    frequency=indicator.frequency,
                    reported_starts=frozenset(reported[(indicator.pk, unit.pk)]),
                    officer_ids=tuple(officers[unit.pk] or heads[unit.pk]),
                )
            )
            indicator_info[(indicator.pk, unit.pk)] = IndicatorInfo(
                code=indicator.code, name=indicator.name, unit=str(unit)
            )
    proposal_facts = [
        ProposalFacts(
            proposal_id=proposal.pk,
            committee_id=proposal.committee_id,
            unit_id=proposal.routed_unit_id,
            response_due=proposal.response_due,
            officer_ids=tuple(officers[proposal.routed_unit_id] or heads[proposal.routed_unit_id]),
            secretariat_ids=tuple(secretariat[proposal.committee_id]),
        )
        for proposal in proposals
        # Always true (the query's filters); says so to the type checker.
        if proposal.routed_unit_id is not None and proposal.response_due is not None
    ]
    proposal_info = {
        proposal.pk: ProposalInfo(
            code=proposal.tracking_code, title=proposal.title, unit=str(proposal.routed_unit)
        )
        for proposal in proposals
    }
    return Facts(
        rules=rules,
        tasks=task_facts,
        waiting=waiting,
        task_info=task_info,
        waiting_info=waiting_info,
        cycles=cycle_facts,
        cycle_info=cycle_info,
        indicators=indicator_facts,
        indicator_info=indicator_info,
        proposals=proposal_facts,
        proposal_info=proposal_info,
    )


def _task_info(task: Task, forecast: Forecast | None = None) -> TaskInfo:
    return TaskInfo(
        code=task.code,
        title=task.title,
        lead_unit=str(task.lead_unit),
        risk_reasons=forecast.reasons if forecast else (),
    )
