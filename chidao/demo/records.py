"""The shapes of the rows in ``content``: one small record type per kind of row.

Rows refer to each other by plain keys (a unit's code, a person's full name, a
document's key, a task's code), so the content reads as a set of tables.
"""

from dataclasses import dataclass
from datetime import date

from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.core.periods import PeriodKind
from chidao.demo.stories import Story
from chidao.indicators.choices import Direction, IndicatorLevel, Rollup, ValueType
from chidao.org.choices import UnitKind


@dataclass(frozen=True)
class UnitRow:
    """A unit; ``successor`` marks a unit merged away in 2025 (kept, inactive);
    ``requires_head_approval``: its reports wait for its head (``Unit``'s flag)."""

    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent: str | None = None
    successor: str | None = None
    requires_head_approval: bool = False


@dataclass(frozen=True)
class PersonRow:
    """A person; ``is_focal`` makes them the unit's focal person, who reports for it."""

    full_name: str
    title: str
    unit: str
    is_unit_leader: bool = False
    is_focal: bool = False


@dataclass(frozen=True)
class AccountRow:
    """A demo account that can sign in, with the role it shows."""

    username: str
    role: str
    person: str
    is_superuser: bool = False
    is_staff: bool = False


@dataclass(frozen=True)
class DocumentRow:
    """A directive document; ``symbol`` as written, ``issued`` a date or days from today."""

    key: str
    symbol: str
    issuer: str
    issued: date | int
    summary: str
    implements: str | None = None
    signer: str = ""


@dataclass(frozen=True)
class MemberRow:
    """A seat on a committee; ``follows`` lists the units whose tasks the member oversees."""

    person: str
    role: MemberRole
    title: str
    areas: str = ""
    follows: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskRow:
    """A task as a plan's appendix lists it, and what then happens to it (``story``).

    ``due`` is a deadline phrase template (``timeline``); ``note``, ``difficulty`` and
    ``proposal`` are the unit's words in its latest report. ``parent`` is the code of a
    task of the parent committee. The task group is the roman numeral the code starts with.
    """

    code: str
    title: str
    lead: str
    coordinating: tuple[str, ...]
    output: str
    due: str
    story: Story
    is_key: bool = False
    note: str = ""
    difficulty: str = ""
    proposal: str = ""
    parent: str = ""
    indicators: tuple[str, ...] = ()
    assigned_days_ago: int | None = None


@dataclass(frozen=True)
class CommitteeRow:
    """A committee with its members and tasks.

    ``secretariat`` is the person whose account creates and reviews the tasks; tasks are
    assigned ``assigned_days_ago`` days before the load day unless the row says otherwise.
    """

    key: str
    name: str
    short_name: str
    level: CommitteeLevel
    host: str
    secretariat: str
    source: str
    assigned_days_ago: int
    members: tuple[MemberRow, ...]
    tasks: tuple[TaskRow, ...]
    standing: str | None = None
    resolution: str | None = None
    founding: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator, its written targets and two years of quarterly values.

    ``targets`` pairs a year template ("{Y}", "2030") with the target as written.
    ``series`` holds the province's values, oldest first, ending ``stale_quarters``
    quarters before the last complete one; ``by_commune`` pairs commune codes with theirs.
    """

    code: str
    name: str
    measure_unit: str
    group: str
    responsible: str
    direction: Direction
    value_type: ValueType
    rollup: Rollup
    targets: tuple[tuple[str, str], ...]
    series: tuple[float, ...]
    data_source: str = ""
    stale_quarters: int = 0
    by_commune: tuple[tuple[str, tuple[float, ...]], ...] = ()
    frequency: PeriodKind = PeriodKind.QUARTER
    level: IndicatorLevel = IndicatorLevel.STRATEGIC
