"""Load the demo content into the database: ``do_load_demo``.

Documents, tasks and everything that happens to tasks go through the services, as a
user's clicks would, so the demo exercises the same rules. Units, people, accounts,
committees and indicators have no services yet and are created directly.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from chidao.assignments.choices import CompletionQuality, ReviewState
from chidao.assignments.models import ProgressUpdate, Task
from chidao.assignments.services import (
    approve_progress_for_unit,
    do_create_task,
    do_decide_deadline_change,
    do_request_deadline_change,
    do_review_progress,
    do_stop_task,
    do_submit_progress,
)
from chidao.committees.models import Committee, Membership, TaskGroup
from chidao.core.periods import Period, PeriodKind
from chidao.demo import content
from chidao.demo.chains import load_demo_chain
from chidao.demo.cycles import load_demo_cycles
from chidao.demo.meetings import load_demo_meetings
from chidao.demo.records import AccountRow, CommitteeRow, DocumentRow, IndicatorRow, TaskRow
from chidao.demo.stories import (
    DeadlineRequest,
    DemoContentError,
    Event,
    Report,
    Review,
    Stop,
    TaskNotes,
    TaskPlan,
    plan_task,
)
from chidao.demo.timeline import days_from, last_complete_quarters, render
from chidao.documents.models import Document
from chidao.documents.services import do_register_document
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Indicator, Observation, Target
from chidao.indicators.rollups import record_indicator_rollups
from chidao.org.models import Person, Unit, User

ALREADY_LOADED = "Dữ liệu mẫu đã có, không thay đổi gì."
KEPT_PASSWORD = "(tài khoản đã có, giữ mật khẩu cũ)"
NO_PASSWORD = "(không có mật khẩu: không ở chế độ dữ liệu mẫu)"


def is_demo_installation() -> bool:
    """Whether this installation runs the demo (``CHIDAO_DEMO`` or ``CHIDAO_DEBUG``): only
    then may accounts get the demo's published password."""
    return bool(settings.CHIDAO_DEMO_DATA_ALLOWED)


def is_already_loaded() -> bool:
    return Committee.objects.filter(name=content.NAM_DINH_COMMITTEE).exists()


def has_own_data() -> bool:
    """Whether the database already holds accounts, units or committees: a real
    installation's data the demo must not be mixed into unasked."""
    return User.objects.exists() or Unit.objects.exists() or Committee.objects.exists()


# Staff accounts that are not superusers may edit the domain data in the admin; accounts
# themselves stay with the system administrator.
_STAFF_APPS = ("org", "committees", "documents", "assignments", "indicators")
# Data for a quarter is approved this long after the quarter ends.
_APPROVAL_DELAY = timedelta(days=20)
# A unit head approves the unit's reports within this time: the last week's still wait.
_HEAD_APPROVES_WITHIN = timedelta(days=10)


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in, as the command prints it."""

    username: str
    password: str
    role: str
    full_name: str
    unit: str


@dataclass(frozen=True)
class DemoSummary:
    """What ``do_load_demo`` did; ``created`` is False when the demo was already there."""

    created: bool
    today: date
    committees: int = 0
    units: int = 0
    documents: int = 0
    tasks: int = 0
    progress_updates: int = 0
    indicators: int = 0
    observations: int = 0
    accounts: tuple[DemoAccount, ...] = ()


@transaction.atomic
def do_load_demo(*, today: date) -> DemoSummary:
    """Load the demo committees, as if ``today`` were the day they are looked at.

    A one-shot loader: if the Nam Định committee already exists, nothing is written and
    the summary says so, whatever ``today`` is (the demo's dates stay relative to the day
    of the first load). Demo usernames that already exist are kept untouched.

    Args:
        today: the load day; deadlines, reports and indicator values are dated from it.

    Returns:
        What was created, with the demo accounts and their passwords.

    Raises:
        DemoContentError: the content cannot be laid out on ``today`` (a content bug).
    """
    if is_already_loaded():
        return DemoSummary(created=False, today=today)
    return _DemoLoader(today).load()


class _DemoLoader:
    """Writes the content in dependency order, keeping each row's object by its key."""

    def __init__(self, today: date):
        self.today = today
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}
        self.focal_people: dict[str, Person] = {}
        self.accounts: dict[str, User] = {}
        self.reporters: dict[str, User] = {}
        self.documents: dict[str, Document] = {}
        self.committees: dict[str, Committee] = {}
        self.memberships: dict[tuple[str, str], Membership] = {}
        self.groups: dict[tuple[str, str], TaskGroup] = {}
        self.indicators: dict[str, Indicator] = {}
        self.tasks: dict[tuple[str, str], Task] = {}
        self.printed_accounts: list[DemoAccount] = []
        self.progress_updates = 0
        self.observations = 0

    def load(self) -> DemoSummary:
        self._load_units()
        self._load_people()
        self._load_accounts()
        self._load_documents()
        for row in content.COMMITTEES:
            self._load_committee(row)
        self._load_indicators(content.NAM_DINH)
        for row in content.COMMITTEES:
            self._load_tasks(row)
        load_demo_chain(self)
        load_demo_cycles(self)
        load_demo_meetings(self)
        return DemoSummary(
            created=True,
            today=self.today,
            committees=len(self.committees),
            units=len(self.units),
            documents=len(self.documents),
            tasks=len(self.tasks),
            progress_updates=self.progress_updates,
            indicators=len(self.indicators),
            observations=self.observations,
            accounts=tuple(self.printed_accounts),
        )

    # Units, people, accounts ---------------------------------------------------------

    def _load_units(self) -> None:
        for row in content.UNITS:
            self.units[row.code] = Unit.objects.create(
                code=row.code,
                name=row.name,
                short_name=row.short_name,
                kind=row.kind,
                parent=self.units[row.parent] if row.parent else None,
                successor=self.units[row.successor] if row.successor else None,
                is_active=row.successor is None,
                requires_head_approval=row.requires_head_approval,
            )

    def _load_people(self) -> None:
        for row in content.PEOPLE:
            person = Person.objects.create(
                full_name=row.full_name,
                title=row.title,
                unit=self.units[row.unit],
                is_unit_leader=row.is_unit_leader,
            )
            self.people[row.full_name] = person
            if row.is_focal:
                self.focal_people[row.unit] = person

    def _load_accounts(self) -> None:
        for row in content.ACCOUNTS:
            self.accounts[row.person] = self._demo_account(row)
        for unit_code, person in self.focal_people.items():
            user = self.accounts.get(person.full_name)
            if user is None:
                user = User(username=unit_code.lower(), person=person)
                user.set_unusable_password()
                user.save()
                self.accounts[person.full_name] = user
            self.reporters[unit_code] = user

    def _demo_account(self, row: AccountRow) -> User:
        person = self.people[row.person]
        existing = User.objects.filter(username=row.username).first()
        with_password = is_demo_installation()
        if existing:
            password = KEPT_PASSWORD
        else:
            password = content.DEMO_PASSWORD if with_password else NO_PASSWORD
        self.printed_accounts.append(
            DemoAccount(row.username, password, row.role, person.full_name, str(person.unit))
        )
        if existing:
            return existing
        create = User.objects.create_superuser if row.is_superuser else User.objects.create_user
        user = create(
            username=row.username,
            # Outside the demo a published password would open the installation to anyone
            # (the admin's two-step set-up to whoever signs in first): none at all then.
            password=content.DEMO_PASSWORD if with_password else None,
            # A reserved domain (RFC 2606): digests print to the console, never leave.
            email=f"{row.username}@demo.chidao.invalid",
            person=person,
            is_staff=row.is_staff,
        )
        if row.is_staff and not row.is_superuser:
            user.user_permissions.set(
                Permission.objects.filter(content_type__app_label__in=_STAFF_APPS).exclude(
                    content_type__model="user"
                )
            )
        return user

    # Documents and committees --------------------------------------------------------

    def _load_documents(self) -> None:
        registrar = self.accounts[content.DOCUMENT_REGISTRAR]
        for row in content.DOCUMENTS:
            self.documents[row.key] = self._document(row, registrar)

    def _document(self, row: DocumentRow, registrar: User) -> Document:
        issued = row.issued if isinstance(row.issued, date) else days_from(self.today, row.issued)
        return do_register_document(
            by=registrar,
            symbol=row.symbol,
            issuing_unit=self.units[row.issuer],
            issued_on=issued,
            summary=row.summary,
            signer=row.signer,
            implements=self.documents[row.implements] if row.implements else None,
        )

    def _load_committee(self, row: CommitteeRow) -> None:
        committee = Committee.objects.create(
            name=row.name,
            short_name=row.short_name,
            level=row.level,
            parent=self.committees[row.parent] if row.parent else None,
            host_unit=self.units[row.host],
            standing_unit=self.units[row.standing] if row.standing else None,
            resolution=self.documents[row.resolution] if row.resolution else None,
            founding_document=self.documents[row.founding] if row.founding else None,
        )
        self.committees[row.key] = committee
        if committee.founding_document:
            started_on = committee.founding_document.issued_on
        else:
            started_on = days_from(self.today, -row.assigned_days_ago)
        for member in row.members:
            membership = Membership.objects.create(
                committee=committee,
                person=self.people[member.person],
                role=member.role,
                title=member.title,
                areas=member.areas,
                started_on=started_on,
            )
            membership.units_followed.set([self.units[code] for code in member.follows])
            self.memberships[(row.key, member.person)] = membership
        for order, (code, name) in enumerate(content.TASK_GROUPS, start=1):
            self.groups[(row.key, code)] = TaskGroup.objects.create(
                committee=committee, code=code, name=name, order=order
            )

    # Indicators ------------------------------------------------------------------------

    def _load_indicators(self, committee_row: CommitteeRow) -> None:
        committee = self.committees[committee_row.key]
        approver = self.accounts[committee_row.secretariat]
        observations = []
        for row in content.INDICATORS:
            indicator = self._indicator(committee, committee_row.key, row)
            self.indicators[row.code] = indicator
            # The responsible department enters the province's value; communes their own.
            if row.by_commune:
                communes = [self.units[code] for code, _values in row.by_commune]
                indicator.reporting_units.set([self.units[row.responsible], *communes])
            self._load_targets(indicator, row)
            series = [(content.PROVINCE_UNIT, row.series), *row.by_commune]
            for unit_code, values in series:
                observations += self._observations(indicator, row, unit_code, values, approver)
        Observation.objects.bulk_create(observations)
        record_indicator_rollups(observations)
        self.observations += len(observations)

    def _indicator(self, committee: Committee, key: str, row: IndicatorRow) -> Indicator:
        periods = last_complete_quarters(self.today, len(row.series), skip=row.stale_quarters)
        return Indicator.objects.create(
            committee=committee,
            code=row.code,
            name=row.name,
            measure_unit=row.measure_unit,
            level=row.level,
            group=self.groups[(key, row.group)],
            direction=row.direction,
            value_type=row.value_type,
            rollup=row.rollup,
            frequency=row.frequency,
            baseline_value=_decimal(row.series[0]) if row.series else None,
            baseline_year=periods[0].year if row.series else None,
            data_source=row.data_source,
            responsible_unit=self.units[row.responsible],
        )

    def _load_targets(self, indicator: Indicator, row: IndicatorRow) -> None:
        years = set()
        for year_template, text in row.targets:
            year = int(render(year_template, self.today))
            if year in years:  # "{Y}" reaching the 2030 milestone: the first row wins
                continue
            years.add(year)
            target = Target(indicator=indicator, year=year, text=text)
            target.full_clean()  # parses the written target (``indicators.targets.parse_target``)
            target.save()

    def _observations(
        self,
        indicator: Indicator,
        row: IndicatorRow,
        unit_code: str,
        values: tuple[float, ...],
        approver: User,
    ) -> list[Observation]:
        periods = last_complete_quarters(self.today, len(values), skip=row.stale_quarters)
        return [
            Observation(
                indicator=indicator,
                unit=self.units[unit_code],
                period_kind=PeriodKind.QUARTER,
                period_start=period.start,
                value=_decimal(value),
                state=ObservationState.APPROVED,
                entered_by=self.reporters[
                    unit_code if unit_code != content.PROVINCE_UNIT else row.responsible
                ],
                approved_by=approver,
                approved_at=self._approved_at(period),
            )
            for period, value in zip(periods, values, strict=True)
        ]

    def _approved_at(self, period: Period) -> datetime:
        day = min(period.end + _APPROVAL_DELAY, self.today)
        return timezone.make_aware(datetime.combine(day, time(9, 0)))

    # Tasks -----------------------------------------------------------------------------

    def _load_tasks(self, committee_row: CommitteeRow) -> None:
        secretariat = self.accounts[committee_row.secretariat]
        for row in committee_row.tasks:
            plan = get_task_plan(committee_row, row, today=self.today)
            parent = None
            if row.parent:  # a sub-committee's task under one of its parent committee's
                assert committee_row.parent is not None
                parent = self.tasks[(committee_row.parent, row.parent)]
            task = do_create_task(
                committee=self.committees[committee_row.key],
                by=secretariat,
                lead_unit=self.units[row.lead],
                title=render(row.title, self.today),
                deadline_text=plan.deadline_text,
                assigned_on=plan.assigned_on,
                coordinating_units=[self.units[code] for code in row.coordinating],
                code=row.code,
                group=self.groups[(committee_row.key, row.code.split(".")[0])],
                source_document=self.documents[committee_row.source],
                parent=parent,
                expected_output=row.output,
                is_key=row.is_key,
                overseeing_member=self._overseer(committee_row, row),
                focal_person=self._focal_person(row.lead),
            )
            task.indicators.set([self.indicators[code] for code in row.indicators])
            self.tasks[(committee_row.key, row.code)] = task
            reporter = self.reporters[row.lead]
            for event in plan.events:
                self._replay(
                    task,
                    event,
                    reporter=reporter,
                    secretariat=self._reviewer(committee_row, reporter),
                )

    def _reviewer(self, committee_row: CommitteeRow, reporter: User) -> User:
        """The committee's secretariat, unless the secretariat itself reported.

        A commune officer is both the commune committee's support team and the commune's
        focal person, and so is Long An's support-team officer for the Department of
        Science; nobody confirms their own report, so the committee above does, or the
        system administrator where there is none.
        """
        secretariat = self.accounts[committee_row.secretariat]
        if secretariat != reporter:
            return secretariat
        if committee_row.parent:
            parent = next(row for row in content.COMMITTEES if row.key == committee_row.parent)
            return self.accounts[parent.secretariat]
        admin = next(row for row in content.ACCOUNTS if row.is_superuser)
        return self.accounts[admin.person]

    def _overseer(self, committee_row: CommitteeRow, row: TaskRow) -> Membership | None:
        for member in committee_row.members:
            if row.lead in member.follows:
                return self.memberships[(committee_row.key, member.person)]
        return None

    def _focal_person(self, unit_code: str) -> Person:
        if unit_code not in self.focal_people:
            raise DemoContentError(f"Unit {unit_code} leads a task but has no focal person.")
        return self.focal_people[unit_code]

    def _replay(self, task: Task, event: Event, *, reporter: User, secretariat: User) -> None:
        """Record one event through the services, the reporter and secretariat acting."""
        if isinstance(event, Report):
            self._report(task, event, reporter=reporter, secretariat=secretariat)
        elif isinstance(event, DeadlineRequest):
            change = do_request_deadline_change(
                task=task, by=reporter, new_deadline=event.new_deadline, reason=event.reason
            )
            if event.approved is not None:
                do_decide_deadline_change(
                    change=change,
                    by=secretariat,
                    approve=event.approved,
                    decided_on=event.on,
                    note=event.note,
                )
                task.refresh_from_db()
        elif isinstance(event, Stop):
            do_stop_task(
                task=task,
                by=secretariat,
                state=event.state,
                stopped_on=event.on,
                reason=event.reason,
            )

    def _report(self, task: Task, event: Report, *, reporter: User, secretariat: User) -> None:
        update = do_submit_progress(
            task=task,
            unit=task.lead_unit,
            by=reporter,
            reported_on=event.on,
            percent=event.percent,
            results=event.results,
            difficulties=event.difficulties,
            proposals=event.proposals,
            claims_completion=event.claims_completion,
            completion_output=event.output,
            output_date=event.output_date,
        )
        self.progress_updates += 1
        if event.review != Review.PENDING or event.on < self.today - _HEAD_APPROVES_WITHIN:
            self.pass_unit_head(update)
        if event.review != Review.PENDING:
            do_review_progress(
                update=update,
                by=secretariat,
                accept=event.review == Review.ACCEPT,
                reason=event.reason,
                quality=get_demo_quality(task, event),
            )

    def pass_unit_head(self, update: ProgressUpdate) -> None:
        """A report that waits for its unit's head (``Unit.requires_head_approval``) is
        approved by the head with a demo account: before the secretariat reviews it, or
        once older than ``_HEAD_APPROVES_WITHIN``; the newer ones still wait for the head."""
        if update.review_state != ReviewState.PENDING_UNIT_HEAD:
            return
        head = next(
            user
            for user in self.accounts.values()
            if (person := user.person) is not None
            and person.is_unit_leader
            and person.unit_id == update.unit_id
        )
        approve_progress_for_unit(update=update, by=head, approve=True)


def get_demo_quality(task: Task, event: Report) -> str:
    """How the demo's secretariat judges an output: a key task finished by its deadline
    exceeds the requirement, the rest meet it, so the QĐ 366 evaluation has both."""
    on_time = event.output_date is not None and task.deadline and event.output_date <= task.deadline
    return CompletionQuality.EXCEEDED if task.is_key and on_time else CompletionQuality.MET


def get_task_plan(committee_row: CommitteeRow, row: TaskRow, *, today: date) -> TaskPlan:
    """The plan of one content task on ``today`` (no database; see ``stories.plan_task``)."""
    return plan_task(
        due=row.due,
        story=row.story,
        notes=TaskNotes(row.note, row.difficulty, row.proposal),
        stock=content.STOCK_NOTES,
        assigned_days_ago=row.assigned_days_ago or committee_row.assigned_days_ago,
        today=today,
    )


def _decimal(value: float) -> Decimal:
    """The value as written in the content (0.1 stays 0,1, not its binary neighbour)."""
    return Decimal(str(value))
