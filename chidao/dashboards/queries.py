"""What the dashboards read: every task number from aggregate queries.

Statuses come from the one rule, ``Task.objects.with_status(as_of)``, as kept in the
tasks' status spans (``assignments.models.TaskStatusSpan``, written from the rule by every
write): the dashboard asks for one "status cube" per date (tasks counted per lead unit ×
group × key flag × status), a range look-up in the spans, and sums its few dozen cells
into the Government-Office count tables of ``assignments.counts``
(``CountRow``/``CountTable``), the heat map and the key-task figure; a test holds those
tables equal to ``get_count_table`` (the rule over every task) for the same date.
Nothing here loops over tasks in Python. Each panel is a fixed number of queries whatever
the data size, and the dashboard's total is pinned by a test.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django.db import connections
from django.db.models import Count, Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import (
    COUNTED,
    CountRow,
    build_count_table,
    get_kept_status_counts,
    get_tallied_counts,
    sum_rows,
)
from chidao.assignments.models import ProgressUpdate, Task, TaskStatusSpan
from chidao.committees.access import get_roles
from chidao.committees.models import Committee, CountsVersion, TaskGroup
from chidao.committees.versions import HISTORY, INDICATORS, KINDS, REPORTS, STATUSES, is_settled
from chidao.core.ordering import natural_key
from chidao.indicators.choices import ProjectionStatus, Rollup
from chidao.indicators.maths import project
from chidao.indicators.models import Indicator, IndicatorRollup, Target
from chidao.indicators.reads import get_period_summaries, get_target_bound, judge, roll_period
from chidao.indicators.targets import format_number
from chidao.org.models import Unit


@dataclass(frozen=True)
class Scope:
    """Which part of a committee a dashboard shows: all of it, a member's units, or a
    saved view's group, key tasks and units."""

    committee: Committee
    group_id: int | None = None
    source_document_id: int | None = None
    unit_ids: frozenset[int] | None = None
    key_only: bool = False
    indicator_ids: frozenset[int] | None = None
    label: str = ""

    def filter_tasks(self, tasks):
        return self._filter(tasks, document_field="source_document")

    def filter_spans(self, spans):
        """``filter_tasks`` on the tasks' status spans (``TaskStatusSpan``)."""
        return self._filter(spans, document_field="task__source_document")

    def _filter(self, rows, *, document_field: str):
        rows = rows.filter(committee=self.committee)
        if self.group_id:
            rows = rows.filter(group=self.group_id)
        if self.source_document_id:
            rows = rows.filter(**{document_field: self.source_document_id})
        if self.unit_ids is not None:
            rows = rows.filter(lead_unit__in=self.unit_ids)
        if self.key_only:
            rows = rows.filter(is_key=True)
        return rows

    def list_params(self, as_of: date, **more) -> dict:
        """The task list's filters for this scope (``TaskFilterSet`` names)."""
        params = {"committee": self.committee.pk, "as_of": as_of.isoformat()}
        if self.group_id:
            params["group"] = self.group_id
        if self.source_document_id:
            params["source_document"] = self.source_document_id
        if self.unit_ids is not None and len(self.unit_ids) == 1:
            params["lead_unit"] = next(iter(self.unit_ids))
        if self.key_only:
            params["is_key"] = "true"
        params.update({k: v for k, v in more.items() if v is not None})
        return params

    @property
    def links_are_exact(self) -> bool:
        """Whether the list behind a scope-wide number can be written as list filters
        (the list filters one lead unit at a time)."""
        return self.unit_ids is None or len(self.unit_ids) == 1


def task_list_url(params: dict) -> str:
    return f"{_task_list_path(get_script_prefix(), get_urlconf())}?{urlencode(params)}"


@lru_cache(maxsize=8)
def _task_list_path(_prefix: str, _urlconf) -> str:
    # A dashboard links ~850 numbers to the list; ``reverse`` each time was 10 % of it. The
    # path only changes with the script prefix and the URLconf, hence the cache's key.
    return reverse("assignments:task_list")


# A pk no object has: ``reverse`` once with it, then the number replaced in the path.
_MARK = 987654321


@lru_cache(maxsize=32)
def _path_parts(name: str, _prefix: str, _urlconf) -> tuple[str, str]:
    before, after = reverse(name, args=[_MARK]).split(str(_MARK))
    return before, after


def object_path(name: str, pk: int) -> str:
    """``reverse(name, args=[pk])`` for a URL taking one integer, without resolving the
    pattern again for each row (a province's lower committees' table had ~120 calls;
    the script prefix and URLconf are in the cache's key)."""
    return object_path_maker(name)(pk)


def object_path_maker(name: str):
    """``lambda pk: object_path(name, pk)``, the script prefix and URLconf read once: they
    are thread-locals of Django's, two look-ups per call that cost more than the path
    (the overdue list's 50 rows have two links each)."""
    before, after = _path_parts(name, get_script_prefix(), get_urlconf())
    return lambda pk: f"{before}{pk}{after}"


def percent_text(value) -> str:
    """A rate as "45,5 %" (Vietnamese decimal comma), or "—" when there is none."""
    if value is None or value == "":
        return "—"
    return f"{value:.1f}".replace(".", ",") + " %"


LINKED_STATUSES = ("done_on_time", "done_late", "in_progress", "overdue", "ongoing")


def get_table_lines(table, scope: Scope, as_of: date, *, by: str, last_year=None) -> list[dict]:
    """The rows of a dashboard count table as plain strings, with the list behind each number.

    A province table has ~260 rows of ~10 cells: built in the template with a tag per
    link and a filter per cell it was most of the request. Each row's list URL is written
    once (``task_list_url`` of the scope's filters plus the row's unit or group); the
    status links add ``&status=…`` to it (``rows.get_count_rows``; ``overdue_url`` here),
    which is what ``list_params`` appends last, so the URLs are the same bytes as one
    ``task_list_url`` per cell. Empty when the list
    cannot show exactly that number (tasks without a group, or a scope of several units
    with no single unit given), so no link promises a wrong count.
    """
    old_rows = {row.key: row for row in last_year.rows} if last_year else {}
    row_url = _get_url_maker(scope, as_of, by)
    lines = []
    for row in table.rows:
        linked = row.key is not None and (by == "lead_unit" or scope.links_are_exact)
        url = row_url(row.key) if linked else ""
        completion, on_time = row.completion_rate_of_due, row.on_time_rate_of_all
        line = {
            "label": row.label,
            "url": url,
            "assigned": str(row.assigned),
            "due": str(row.due),
            "completion_value": "-1" if completion is None else str(completion),
            "completion": percent_text(completion),
            "on_time_value": "-1" if on_time is None else str(on_time),
            "on_time": percent_text(on_time),
        }
        for status in LINKED_STATUSES:
            line[status] = str(getattr(row, status))
        # The other statuses' links are written with the row's HTML (``rows.get_count_rows``,
        # from ``url``); this one is also read by "what needs a decision".
        line["overdue_url"] = f"{url}&status=overdue" if url else ""
        if last_year is not None:
            old = old_rows.get(row.key)
            old_rate = old.completion_rate_of_due if old else None
            line["old_overdue_value"] = str(old.overdue) if old else "0"
            line["old_overdue"] = str(old.overdue) if old else "—"
            line["old_completion_value"] = "-1" if old_rate is None else str(old_rate)
            line["old_completion"] = percent_text(old_rate)
        lines.append(line)
    return lines


def _get_url_maker(scope: Scope, as_of: date, *names: str, **fixed):
    """``lambda *pks: task_list_url(scope.list_params(as_of, **dict(zip(names, pks)),
    **fixed))`` for integer pks, the same bytes, without encoding the scope's filters again for each
    of a table's ~140 rows (or the heat map's ~500 cells): the URL is written once with a
    mark for each number, then the numbers put in its place."""
    marks = [str(_MARK + i) for i in range(len(names))]
    url = task_list_url(scope.list_params(as_of, **dict(zip(names, marks, strict=True)), **fixed))
    pieces = [url]
    for mark in marks:
        *before, rest = pieces
        parts = rest.split(mark)
        if len(parts) != 2:  # a mark also elsewhere in the URL: no shortcut
            return lambda *pks: task_list_url(
                scope.list_params(as_of, **dict(zip(names, pks, strict=True)), **fixed)
            )
        pieces = [*before, *parts]

    def make(*pks: int) -> str:
        out = [pieces[0]]
        for pk, piece in zip(pks, pieces[1:], strict=True):
            out += (str(int(pk)), piece)
        return "".join(out)

    return make


def same_day_last_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass
class Dashboard:
    scope: Scope
    as_of: date
    last_year: date
    by_unit: object
    by_group: object
    by_unit_last_year: object
    key_overdue: int
    heatmap: dict
    communes: list
    commune_total: CountRow | None
    cards: list = field(default_factory=list)
    overdue_tasks: list = field(default_factory=list)
    indicators: list = field(default_factory=list)


def get_dashboard(user, scope: Scope, as_of: date, *, overdue_limit: int = 50) -> Dashboard:
    """Every panel of the committee dashboard as of ``as_of``; a fixed number of queries."""
    dashboard = get_status_dashboard(user, scope, as_of)
    spans = scope.filter_spans(TaskStatusSpan.objects.visible_to(user))
    dashboard.overdue_tasks = get_overdue_tasks(spans, as_of, limit=overdue_limit)
    dashboard.indicators = get_indicator_panel(scope, as_of)
    return dashboard


def get_status_dashboard(
    user, scope: Scope, as_of: date, *, communes: bool = True, last_year_table=None
) -> Dashboard:
    """The panels read from the tasks' statuses alone (count tables, heat map, cards,
    lower committees): what the ``STATUSES`` version keys. The overdue list and the
    indicators are left empty (``get_dashboard`` fills them); ``communes=False`` leaves
    the lower committees empty too (the page caches them apart: ``LOWER_PART``), and
    ``last_year_table`` is ``get_last_year_table`` when the caller has it."""
    spans = scope.filter_spans(TaskStatusSpan.objects.visible_to(user))
    days = scope.committee.due_soon_days
    last_year = same_day_last_year(as_of)
    cube = get_status_cube(spans, as_of, days)
    if last_year_table is None:
        last_year_table = get_last_year_table(user, scope, as_of)
    communes, commune_total = get_commune_rows(user, scope, as_of) if communes else ([], None)
    dashboard = Dashboard(
        scope=scope,
        as_of=as_of,
        last_year=last_year,
        by_unit=build_count_table(cube, as_of=as_of, by="lead_unit"),
        by_group=build_count_table(cube, as_of=as_of, by="group"),
        by_unit_last_year=last_year_table,
        key_overdue=sum(cell["key_n"] for cell in cube if cell["status"] == TaskStatus.OVERDUE),
        heatmap=get_heatmap(cube, scope, as_of),
        communes=communes,
        commune_total=commune_total,
    )
    dashboard.cards = get_cards(dashboard)
    return dashboard


def get_last_year_table(user, scope: Scope, as_of: date):
    """The unit table as of the same day last year, all the dashboard reads of it (the
    cards' and the unit table's last-year figures). Only read by unit: counted per unit,
    not per unit × group × key flag, its cells are fewer and need no join to the groups."""
    spans = scope.filter_spans(TaskStatusSpan.objects.visible_to(user))
    last_year = same_day_last_year(as_of)
    cube = get_status_cube(spans, last_year, scope.committee.due_soon_days, by_group=False)
    return build_count_table(cube, as_of=last_year, by="lead_unit")


# The cached parts of a dashboard and the versions each reads: a write changes only the
# versions of what it changes (``committees.versions``), so only the parts reading them
# are computed again at the next view. The overdue list reads the statuses (which tasks
# are overdue, the total in its link) and the reports (each task's last report); the
# early warning, the statuses, reports, dependencies and its settings (``REPORTS``).
PART_VERSIONS = {
    "statuses": (STATUSES,),
    "overdue": (STATUSES, REPORTS),
    "indicators": (INDICATORS,),
    "at_risk": (STATUSES, REPORTS),
}
# The lower committees' table reads the tallies and spans of the committees below, not
# the committee's own tasks: its key holds the ``STATUSES`` version of each committee
# right below (a write two below changes its parent's too: ``bump_counts_versions``
# bumps the whole chain), with their names and active flags, so a write of the
# committee's own tasks (most of them) leaves it cached.
LOWER_PART = "communes"
LAST_YEAR_PART = "last_year"
# In every key: changed when what a part holds changes shape (a page of the new code must
# not read an entry the old one wrote: a part without the cards' HTML showed no cards).
PARTS_FORMAT = 2


def get_versions_and_lower(committee: Committee) -> tuple[dict[str, int] | None, list[tuple]]:
    """The committee's counts versions (``committees.versions.get_counts_versions``:
    ``None`` if never written) and, for each committee right below it, its pk, name,
    active flag and ``STATUSES`` version (``None`` if never written): one query, the one
    a repeat view made for the versions alone."""
    connection = connections[Committee.objects.db]
    quote = connection.ops.quote_name
    committees = quote(Committee._meta.db_table)
    versions = quote(CountsVersion._meta.db_table)
    columns = ", ".join(f"v.{quote(kind)}" for kind in KINDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.{quote('id')}, c.{quote('name')},"
            f" c.{quote('is_active')}, {columns} FROM {committees} c"
            f" LEFT JOIN {versions} v ON v.{quote('committee_id')} = c.{quote('id')}"
            f" WHERE c.{quote('id')} = %s OR c.{quote('parent_id')} = %s"
            f" ORDER BY c.{quote('id')}",
            [committee.pk, committee.pk],
        )
        rows = cursor.fetchall()
    own, lower = None, []
    statuses = KINDS.index(STATUSES)
    for pk, name, active, *kinds in rows:
        if pk == committee.pk:
            own = None if kinds[0] is None else dict(zip(KINDS, kinds, strict=True))
        else:
            lower.append((pk, name, bool(active), kinds[statuses]))
    return own, lower


def get_dashboard_keys(user, scope: Scope, as_of: date) -> dict[str, str] | None:
    """The cache key of each part of a dashboard (``PART_VERSIONS``): the committee's
    versions the part reads (changed by every write of what it shows, in the write's
    transaction, so the next view after a write misses the cache and is exact), the date,
    the scope, the user's roles (what they may see and do: two users who see different
    tasks never share an entry) and the language. ``None`` (do not cache) for a committee
    whose counts were never written."""
    versions, lower = get_versions_and_lower(scope.committee)
    if versions is None:
        return None
    roles = get_roles(user)
    seen = [
        sorted(value) if isinstance(value, frozenset) else value
        for value in (getattr(roles, f.name) for f in fields(roles))
    ]
    parts = (
        PARTS_FORMAT,
        scope.committee.pk,
        scope.committee.due_soon_days,
        as_of.isoformat(),
        scope.group_id,
        scope.source_document_id,
        None if scope.unit_ids is None else sorted(scope.unit_ids),
        scope.key_only,
        None if scope.indicator_ids is None else sorted(scope.indicator_ids),
        scope.label,
        seen,
        get_language(),
    )
    keys = {
        part: f"dashboard-{part}:"
        + hashlib.sha256(repr((parts, [versions[kind] for kind in kinds])).encode()).hexdigest()
        for part, kinds in PART_VERSIONS.items()
    }
    # Last year's table, when its day is a year before today or earlier, under the
    # ``HISTORY`` version: changed (with ``STATUSES``) only by a write that moves a span on
    # a day that far back, so a status change of this year recomputes this year's
    # figures and reads last year's from the cache (``committees.versions.is_settled``).
    if is_settled(same_day_last_year(as_of), timezone.localdate()):
        keys[LAST_YEAR_PART] = (
            f"dashboard-{LAST_YEAR_PART}:"
            + hashlib.sha256(repr((parts, versions[HISTORY])).encode()).hexdigest()
        )
    keys[LOWER_PART] = (
        f"dashboard-{LOWER_PART}:" + hashlib.sha256(repr((parts, lower)).encode()).hexdigest()
    )
    return keys


CUBE_FIELDS = (
    "lead_unit_id",
    "lead_unit__name",
    "group_id",
    "group__name",
    "group__code",
    "group__order",
)
# Last year's cube is only read by unit (``by_unit_last_year``).
UNIT_FIELDS = ("lead_unit_id", "lead_unit__name")


def get_status_cube(spans, as_of: date, due_soon_days: int, *, by_group: bool = True) -> list[dict]:
    """Tasks counted per lead unit × group × status × due soon, in one query.

    The cells of ``counts.get_kept_status_counts`` (the statuses of ``with_status``, the
    one rule, as kept in the tasks' spans); the tables, the heat map and the key task
    figure are sums of these cells (a few hundred rows, never one per task).
    ``build_count_table`` of the cells gives exactly ``get_count_table`` (a test holds it).
    Each cell also counts its key tasks (``key_n``), all the key task figure reads: as a
    dimension of its own the key flag made a fifth more cells for every reader to walk.
    ``by_group=False``: per lead unit × status × due soon only (``UNIT_FIELDS``).

    The spans are grouped by ids, then the few hundred cells joined to the units' and
    groups' names in the same query: grouped by the names too, SQLite sorted every span's
    texts, 40 % of the query at province scale (bench/RESULTS.md, m-status).
    """
    ids = ("lead_unit_id", "group_id") if by_group else ("lead_unit_id",)
    counts = {"n": Count("pk")}
    if by_group:
        counts["key_n"] = Count("pk", filter=Q(is_key=True))
    per_ids = (
        spans.as_of(as_of)
        .with_due_soon(as_of, due_soon_days)
        .order_by()
        .values(*ids, "status", "due_soon")
        .annotate(**counts)
    )
    connection = connections[per_ids.db]
    sql, params = per_ids.query.get_compiler(connection=connection).as_sql()
    quote = connection.ops.quote_name
    unit_table, group_table = quote(Unit._meta.db_table), quote(TaskGroup._meta.db_table)
    names = f"named_unit.{quote('name')}"
    unit_pk, group_pk = quote(Unit._meta.pk.column), quote(TaskGroup._meta.pk.column)
    joins = f"JOIN {unit_table} named_unit ON named_unit.{unit_pk} = cells.{quote('lead_unit_id')}"
    if by_group:
        names += ", " + ", ".join(f"named_group.{quote(f)}" for f in ("name", "code", "order"))
        joins += (
            f" LEFT JOIN {group_table} named_group"
            f" ON named_group.{group_pk} = cells.{quote('group_id')}"
        )
    fields = (*ids, "status", "due_soon", *counts, "lead_unit__name")
    if by_group:
        fields += ("group__name", "group__code", "group__order")
    columns = ", ".join(f"cells.{quote(name)}" for name in (*ids, "status", "due_soon", *counts))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}, {names} FROM ({sql}) cells {joins}", params)
        cells = [dict(zip(fields, row, strict=True)) for row in cursor.fetchall()]
    for cell in cells:
        cell["due_soon"] = bool(cell["due_soon"])
    return cells


def get_cards(dashboard: Dashboard) -> list[dict]:
    """The headline figures, each with last year's figure and the list behind it."""
    scope, as_of = dashboard.scope, dashboard.as_of
    now, then = dashboard.by_unit.total, dashboard.by_unit_last_year.total
    exact = scope.links_are_exact

    def link(**filters):
        return task_list_url(scope.list_params(as_of, **filters)) if exact else None

    key_params = scope.list_params(as_of, status=TaskStatus.OVERDUE, is_key="true")
    return [
        {
            "key": "assigned",
            "label": _("Nhiệm vụ được giao"),
            "value": now.assigned,
            "last_year": then.assigned,
            # Not linked: the list has no filter leaving out tasks assigned after the date.
            "url": None,
        },
        {
            "key": "due",
            "label": _("Nhiệm vụ đến hạn"),
            "value": now.due,
            "last_year": then.due,
            "url": None,
            "hint": _("hoàn thành + quá hạn"),
        },
        {
            "key": "on_time_rate",
            "label": _("Hoàn thành đúng hạn"),
            "value": now.on_time_rate_of_due,
            "last_year": then.on_time_rate_of_due,
            "percent": True,
            "url": link(status=TaskStatus.DONE_ON_TIME),
            "hint": f"{now.done_on_time}/{now.due}",
        },
        {
            "key": "overdue",
            "label": _("Quá hạn, chưa hoàn thành"),
            "value": now.overdue,
            "last_year": then.overdue,
            "url": link(status=TaskStatus.OVERDUE),
            "bad": True,
        },
        {
            "key": "due_soon",
            "label": ngettext(
                "Đến hạn trong %(days)s ngày",
                "Đến hạn trong %(days)s ngày",
                scope.committee.due_soon_days,
            )
            % {"days": scope.committee.due_soon_days},
            "value": now.due_soon,
            "last_year": then.due_soon,
            "url": link(status="due_soon"),
        },
        {
            "key": "key_overdue",
            "label": _("Nhiệm vụ trọng tâm quá hạn"),
            "value": dashboard.key_overdue,
            "last_year": None,
            "url": task_list_url(key_params) if exact else None,
            "bad": True,
        },
    ]


@dataclass(frozen=True)
class OverdueUnit:
    """An overdue task's lead unit, as the list shows it (``task.lead_unit.name``)."""

    pk: int
    name: str


@dataclass
class OverdueTask:
    """A row of the overdue list: what its template, the urge rule (``may_urge``: the
    task's committee, lead unit, state and kind) and "what needs a decision" read of a
    task. Not a model instance: 50 of them with their units and groups were half the
    list's time (built by the ORM, then pickled into the cache)."""

    pk: int
    code: str
    title: str
    is_key: bool
    committee_id: int
    lead_unit_id: int
    lead_unit: OverdueUnit
    state: str
    kind: str
    status: str
    deadline_as_of: date
    days_overdue: int
    last_report_on: date | None
    last_report_percent: int | None
    can_urge: bool = False


def get_overdue_tasks(spans, as_of: date, *, limit: int) -> list[OverdueTask]:
    """Overdue tasks, most days overdue first, with the last report up to the date.

    ``spans``: the status spans of the tasks to look at; the overdue ones on the date are
    picked from them, then only those tasks are read, as values (``OverdueTask``). The
    ORM gives the spans' filter; the rest is written out (each task's last report two
    index probes): compiling the two correlated ``Subquery`` annotations cost the ORM
    more than the database took to run the query (bench/RESULTS.md, m-status3).
    """
    overdue = spans.as_of(as_of).filter(status=TaskStatus.OVERDUE).order_by()
    overdue = overdue.values("task_id", "status", "deadline_as_of")
    connection = connections[overdue.db]
    inner, params = overdue.query.get_compiler(connection=connection).as_sql()
    q = connection.ops.quote_name
    task, unit = q(Task._meta.db_table), q(Unit._meta.db_table)
    report = q(ProgressUpdate._meta.db_table)

    def last(column):
        return (
            f"(SELECT r.{q(column)} FROM {report} r WHERE r.{q('task_id')} = s.{q('task_id')}"
            f" AND r.{q('reported_on')} <= %s"
            f" ORDER BY r.{q('reported_on')} DESC, r.{q('id')} DESC LIMIT 1)"
        )

    sql = (
        f"SELECT s.{q('task_id')}, t.{q('code')}, t.{q('title')}, t.{q('is_key')},"
        f" t.{q('committee_id')}, t.{q('lead_unit_id')}, u.{q('name')}, t.{q('state')},"
        f" t.{q('kind')}, s.{q('status')}, s.{q('deadline_as_of')},"
        f" {last('reported_on')}, {last('percent')}"
        f" FROM ({inner}) s JOIN {task} t ON t.{q('id')} = s.{q('task_id')}"
        f" JOIN {unit} u ON u.{q('id')} = t.{q('lead_unit_id')}"
        # The order of the task list's "overdue, longest first": the spans are of one
        # committee (``Scope``), so the task's own order is its code, then its pk.
        f" ORDER BY s.{q('deadline_as_of')}, t.{q('code_sort')}, s.{q('task_id')}"
        " LIMIT %s"
    )
    with connection.cursor() as cursor:
        # The two last reports' dates come before the spans' filter in the text.
        cursor.execute(sql, [as_of, as_of, *params, limit])
        found = cursor.fetchall()
    rows = []
    for (
        pk,
        code,
        title,
        is_key,
        committee_id,
        lead_unit_id,
        lead_unit_name,
        state,
        kind,
        status,
        deadline,
        report_on,
        report_percent,
    ) in found:
        deadline = _as_date(deadline)
        rows.append(
            OverdueTask(
                pk=pk,
                code=code,
                title=title,
                is_key=bool(is_key),
                committee_id=committee_id,
                lead_unit_id=lead_unit_id,
                lead_unit=OverdueUnit(lead_unit_id, lead_unit_name),
                state=state,
                kind=kind,
                status=status,
                deadline_as_of=deadline,
                days_overdue=(as_of - deadline).days,
                last_report_on=None if report_on is None else _as_date(report_on),
                last_report_percent=report_percent,
            )
        )
    return rows


def _as_date(value) -> date:
    # SQLite gives the dates of a raw query's columns as text; PostgreSQL as dates.
    return value if isinstance(value, date) else date.fromisoformat(value)


def get_heatmap(cube: list[dict], scope: Scope, as_of: date) -> dict:
    """Lead unit × group: tasks assigned and overdue per cell, from the status cube."""
    merged = {}
    for row in cube:
        key = (row["lead_unit_id"], row["group_id"])
        cell = merged.setdefault(key, {**row, "assigned": 0, "overdue": 0})
        cell["assigned"] += row["n"]
        if row["status"] == TaskStatus.OVERDUE:
            cell["overdue"] += row["n"]
    cells = list(merged.values())
    units, groups, data = {}, {}, []
    orders = {}
    for cell in cells:
        units[cell["lead_unit_id"]] = cell["lead_unit__name"]
        groups[cell["group_id"]] = cell["group__code"] or cell["group__name"] or "—"
        orders[cell["group_id"]] = (cell["group__order"] or 0, natural_key(cell["group__code"]))
    unit_ids = sorted(units, key=lambda pk: units[pk])
    # Groups as the plan orders them: I, II, … VII.
    group_ids = sorted(groups, key=lambda pk: (pk is None, orders[pk], str(groups[pk])))
    cell_url = _get_url_maker(scope, as_of, "lead_unit", "group", status="overdue")
    # Positions by id (``list.index`` per cell walked the ~140 units for each of ~500 cells).
    x_of = {pk: x for x, pk in enumerate(group_ids)}
    y_of = {pk: y for y, pk in enumerate(unit_ids)}
    for cell in cells:
        # The list cannot ask for "no group": such a cell is not linked.
        url = cell_url(cell["lead_unit_id"], cell["group_id"]) if cell["group_id"] else ""
        data.append(
            {
                "x": x_of[cell["group_id"]],
                "y": y_of[cell["lead_unit_id"]],
                "overdue": cell["overdue"],
                "assigned": cell["assigned"],
                "url": url,
            }
        )
    return {
        "units": [units[pk] for pk in unit_ids],
        "groups": [str(groups[pk]) for pk in group_ids],
        "cells": data,
    }


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    latest_value: Decimal | None
    latest_period: date | None
    target_text: str
    target_year: int | None
    achievement: Decimal | None
    met: bool | None
    projection: object
    sparkline: list

    @property
    def url(self) -> str:
        """The indicator's page (``object_path``: one ``reverse`` for the whole panel)."""
        return object_path("indicators:indicator_detail", self.indicator.pk)

    @property
    def latest_display(self) -> str:
        return "—" if self.latest_value is None else _display(self.latest_value)

    @property
    def required_display(self) -> str:
        change = self.projection.required_yearly_change
        return "—" if change is None else _display(change)


def _display(value: Decimal) -> str:
    """A value to two decimals at most, the Vietnamese way ("56,42", "84")."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return format_number(
        rounded.quantize(Decimal(1)) if rounded == rounded.to_integral() else rounded
    )


# The roll-ups whose value of a period is its lowest value or none (``roll_period``): their
# kept rows are read with that one decimal. On SQLite every decimal read is a float made a
# ``Decimal`` and quantized by Django's converter; four per row for a province's ~1,000
# rows (most of its indicators do not roll up) were half the panel after a value.
_LOWEST_ONLY = (Rollup.NONE, Rollup.MIN)


def get_series_points(indicators: list[Indicator], as_of: date) -> dict[int, list[tuple]]:
    """``indicators.reads.get_value_series`` as ``(period start, value)`` pairs, all the
    panel reads of it: without a ``Period`` built and validated for each of a province's
    ~1,000 kept roll-ups only to give back its start (a fifth of the panel). One query
    over the kept roll-ups, two when some indicators roll up by ``_LOWEST_ONLY`` and
    others not."""
    others = [i for i in indicators if i.rollup not in _LOWEST_ONLY]
    summaries = get_period_summaries(others, as_of) if others else {}
    lowest = _get_lowest_points([i for i in indicators if i.rollup in _LOWEST_ONLY], as_of)
    series = {}
    for indicator in indicators:
        if indicator.rollup in _LOWEST_ONLY:
            series[indicator.pk] = [
                (start, value) for (start, _kind), value in sorted(lowest[indicator.pk])
            ]
            continue
        points = []
        # The order of ``get_value_series``: by start, then kind.
        for (_kind, start), summary in sorted(
            summaries[indicator.pk].items(), key=lambda item: item[0][::-1]
        ):
            value = roll_period(indicator, summary)
            if value is not None:
                points.append((start, value))
        series[indicator.pk] = points
    return series


def _get_lowest_points(indicators: list[Indicator], as_of: date) -> dict[int, list[tuple]]:
    """``roll_period`` of the kept roll-ups of ``NONE`` and ``MIN`` indicators, without
    the decimals it does not read: ``{indicator id: [((start, kind), value), ...]}``. A
    ``NONE`` indicator has a value where one unit's value is kept (``count == 1``), a
    ``MIN`` one wherever any is, the lowest."""
    points: defaultdict[int, list[tuple]] = defaultdict(list)
    none = [i.pk for i in indicators if i.rollup == Rollup.NONE]
    least = [i.pk for i in indicators if i.rollup == Rollup.MIN]
    if not indicators:
        return points
    rows = IndicatorRollup.objects.filter(
        Q(indicator__in=none, count=1) | Q(indicator__in=least, count__gt=0),
        period_start__lte=as_of,
    ).order_by()
    for indicator_id, kind, start, value in rows.values_list(
        "indicator_id", "period_kind", "period_start", "lowest"
    ):
        points[indicator_id].append(((start, kind), value))
    return points


def get_indicator_panel(scope: Scope, as_of: date) -> list[IndicatorRow]:
    """Each indicator of the committee: latest rolled-up value, target, achievement, the
    series for a sparkline and the projection to the last target year. Three queries, a
    few rows per indicator and period: the kept roll-ups of the units' values
    (``get_series_points``: ``indicators.reads.get_value_series``, which the consolidated
    report reads, as pairs)."""
    indicators = Indicator.objects.filter(committee=scope.committee).order_by("code")
    if scope.indicator_ids is not None:
        indicators = indicators.filter(pk__in=scope.indicator_ids)
    indicators = list(indicators)
    # The committee's own targets in one query, grouped here: ``prefetch_related`` built a
    # related manager and queryset per indicator (≈ 1 ms for a province's 45, with no
    # target at all).
    targets: defaultdict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(indicator__in=indicators, unit=None).order_by():
        targets[target.indicator_id].append(target)
    all_series = get_series_points(indicators, as_of)
    rows = []
    for indicator in indicators:
        series = all_series[indicator.pk]
        general = sorted(targets[indicator.pk], key=lambda t: t.year)
        latest_date, latest = series[-1] if series else (None, None)
        year_target = next((t for t in general if latest_date and t.year == latest_date.year), None)
        final = next((t for t in general if t.year >= as_of.year), general[-1] if general else None)
        achievement = judge(indicator, latest, year_target or final) if latest is not None else None
        bound = get_target_bound(final)
        if bound is not None:
            projection = project(
                series,
                target=bound,
                target_date=date(final.year, 12, 31),
                as_of=as_of,
                direction=indicator.direction,
            )
        else:
            projection = _no_projection()
        rows.append(
            IndicatorRow(
                indicator=indicator,
                latest_value=latest,
                latest_period=latest_date,
                target_text=final.text if final else "",
                target_year=final.year if final else None,
                achievement=achievement.ratio if achievement else None,
                met=achievement.met if achievement else None,
                projection=projection,
                sparkline=[float(v) for _d, v in series],
            )
        )
    return rows


def _no_projection():
    from chidao.indicators.maths import Projection

    return Projection(ProjectionStatus.NO_DATA, projected=None, required_yearly_change=None)


def _get_tallied_rows(children, inactive: list[tuple[int, int]], as_of: date) -> dict:
    """Each child's counts with the committees below it, from the kept tallies (a few
    rows per child), less the inactive committees below them (``(pk, parent)``; not rolled
    up, as before the tallies)."""
    tallied = get_tallied_counts([c.pk for c in children] + [pk for pk, _ in inactive], as_of=as_of)
    counts = {child.pk: dict(tallied.get(child.pk, {})) for child in children}
    for pk, parent in inactive:
        for status, n in tallied.get(pk, {}).items():
            counts[parent][status] -= n
    return counts


def _get_span_rows(user, row_of: dict, scope: Scope, as_of: date) -> dict:
    """Each child's counts with the committees below it, from the status spans the user
    sees (a user who does not see every committee below)."""
    spans = TaskStatusSpan.objects.visible_to(user).filter(committee__in=list(row_of))
    cells = get_kept_status_counts(
        spans, as_of=as_of, due_soon_days=scope.committee.due_soon_days, fields=("committee_id",)
    )
    counts: dict = defaultdict(lambda: dict.fromkeys(COUNTED, 0))
    for cell in cells:
        row = counts[row_of[cell["committee_id"]]]
        row[cell["status"]] += cell["n"]
        if cell["due_soon"]:
            row["due_soon"] += cell["n"]
    return counts


@dataclass(frozen=True)
class LowerCommittee:
    """A committee right below the dashboard's, as its row shows it: the page's cached
    part keeps these, not model instances (120 of them were half the part's pickling)."""

    pk: int
    name: str


def get_commune_rows(user, scope: Scope, as_of: date):
    """The committees right below this one, each counted like the unit table with the
    committees below it rolled up (a province's row in the national view counts its own
    tasks and its communes'), with a total. Read from the kept tallies (a few rows per
    committee, whatever the number of tasks below) when the user sees every committee
    below, as those who may open the dashboard do; otherwise from the spans the user
    sees. The tallies keep no "due soon": that column stays 0 here (not shown).

    Committees nest at most three deep (central, province, commune: DESIGN.md), so the
    committees below are those whose parent or grandparent this one is. A row that rolls
    up committees below its own links only to its dashboard: the task list shows one
    committee's tasks, and would not give the number.
    """
    children = [
        LowerCommittee(pk, name)
        for pk, name in Committee.objects.filter(
            parent=scope.committee, is_active=True
        ).values_list("pk", "name")
    ]
    if not children:
        return [], None
    two_below = Q(parent=scope.committee) | Q(parent__parent=scope.committee)
    roles = get_roles(user)
    if roles.is_admin or not (
        Committee.objects.filter(two_below).exclude(pk__in=roles.committee_scope).exists()
    ):
        # The user sees every committee below: the kept tallies, a few rows per child
        # (and the committees below it that are not counted: inactive ones).
        child_ids = [child.pk for child in children]
        # Which children have committees below them, active or not: one grouped query;
        # the inactive ones (rare) are then read one by one.
        grandchildren = list(
            Committee.objects.filter(parent__in=child_ids)
            .order_by()
            .values_list("parent_id", "is_active")
            .annotate(n=Count("pk"))
        )
        rolls_up = {parent for parent, active, _n in grandchildren if active}
        inactive = (
            list(
                Committee.objects.filter(parent__in=child_ids, is_active=False).values_list(
                    "pk", "parent_id"
                )
            )
            if any(not active for _parent, active, _n in grandchildren)
            else []
        )
        counts = _get_tallied_rows(children, inactive, as_of)
    else:
        below = [
            c
            for c in Committee.objects.filter(two_below, is_active=True).select_related("parent")
            if c.parent_id == scope.committee.pk or c.parent.is_active
        ]
        row_of = {c.pk: (c.pk if c.parent_id == scope.committee.pk else c.parent_id) for c in below}
        counts = _get_span_rows(user, row_of, scope, as_of)
        rolls_up = {c.parent_id for c in below if c.parent_id != scope.committee.pk}
    rows = []
    # Each row links its numbers to the child's list: built here once per row rather than
    # with a ``{% url %}`` per cell (a province has ~120 communes).
    day, list_path = as_of.isoformat(), _task_list_path(get_script_prefix(), get_urlconf())
    dashboard_path = object_path_maker("dashboards:committee_dashboard")
    for child in sorted(children, key=lambda c: c.name):
        row = CountRow(key=child.pk, label=child.name, **counts.get(child.pk, {}))
        url = (
            "" if child.pk in rolls_up else f"{list_path}?committee={child.pk}&as_of={day}&status="
        )
        rows.append(
            {
                "committee": child,
                "row": row,
                "dashboard_url": f"{dashboard_path(child.pk)}?as_of={day}",
                "done_on_time_url": url and f"{url}done_on_time",
                "done_late_url": url and f"{url}done_late",
                "overdue_url": url and f"{url}overdue",
            }
        )
    return rows, sum_rows([r["row"] for r in rows])
