"""Reads: tasks likely to be the same work, for a task, for a draft and for a committee.

One index per committee tree (a province committee and the commune committees below
it), built on demand and kept in memory until a task of the tree is added, changed or
removed. The index knows every task of the tree; what a user is shown is always cut
down to ``Task.objects.visible_to(user)``, so a score never reveals a task the user may
not see.

A task and its parent, or two sub-tasks of one parent, are a breakdown of one duty
(the three-level model), not an overlap: they are shown as related but never reported.
"""

import logging
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from threading import Lock

from django.db import connections
from django.db.models import Count, Max

from chidao.assignments.choices import TaskState
from chidao.assignments.models import Task
from chidao.committees.access import get_committee_tree
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.text import fold_text
from chidao.overlap.index import (
    CANDIDATE_THRESHOLD,
    LEVEL_THRESHOLD,
    REPORT_PER_TASK,
    SimilarityIndex,
    is_same_work,
)
from chidao.overlap.models import ShortForm
from chidao.overlap.parts import (
    COMMUNE,
    NATIONAL,
    PROVINCE,
    PartsComparison,
    TaskParts,
    compare_parts,
    level_differ,
    read_parts,
)
from chidao.overlap.rules import (
    MatchText,
    Segment,
    get_highlighted,
    get_learned_abbreviations,
    get_shared_phrases,
    is_short_form,
    parse_match_text,
)

# Matches not decided the same work but at least this close are shown on a task page
# as "related". Below it, from ``CANDIDATE_THRESHOLD``, a task page shows only matches
# the decision takes as the same work, so that a pair the report shows is on the task
# page too, without the many weak matches there (s-tuner7).
RELATED_THRESHOLD = LEVEL_THRESHOLD
_MAX_TREES = 64

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexedTask:
    pk: int
    committee_id: int
    lead_unit_id: int
    parent_id: int | None
    text: MatchText
    # The level of the task's committee (``CommitteeLevel``).
    committee_level: str = ""


@dataclass
class TreeIndex:
    """The index of one committee tree and what it knows of each task."""

    root_id: int
    committee_ids: frozenset[int]
    tasks: dict[int, IndexedTask]
    index: SimilarityIndex
    _parts: dict[int, TaskParts] = field(default_factory=dict)
    # The overlap report's pairs by committee (``_report_candidates``), and by the tasks
    # they were read among: a committee with no task of its own above a single one (a
    # central committee above one province) reads the same tasks.
    _reports: dict[int, list] = field(default_factory=dict)
    _reports_by_scope: dict[tuple[int, ...], list] = field(default_factory=dict)
    # The report's decision on each pair read, kept across updates for pairs of unchanged
    # tasks (an update keeps the word weights, so their scores are the same).
    _decisions: dict[tuple[int, int], bool] = field(default_factory=dict)

    def get_parts(self, pk: int) -> TaskParts:
        """The parts of task ``pk``, read once (only tasks that come up in a match)."""
        if pk not in self._parts:
            self._parts[pk] = read_parts(self.tasks[pk].text)
        return self._parts[pk]

    def read(self, text: str) -> MatchText:
        return parse_match_text(text, abbreviations=self.index.abbreviations)

    def are_breakdown(self, a: int, b: int) -> bool:
        first, second = self.tasks[a], self.tasks[b]
        return (
            first.parent_id == b
            or second.parent_id == a
            or (first.parent_id is not None and first.parent_id == second.parent_id)
        )


_trees: OrderedDict[int, tuple[tuple, TreeIndex]] = OrderedDict()
_lock = Lock()


def clear_tree_indexes() -> None:
    """Forget every index built (tests; after a bulk import done outside the models)."""
    with _lock:
        _trees.clear()


def get_task_text(title: str, description: str = "") -> str:
    """The words of a task that say what the work is (the output and unit do not)."""
    return f"{title}\n{description}".strip()


def get_root_committee(committee: Committee) -> Committee:
    """The top committee above ``committee`` (itself when it has no parent)."""
    seen = {committee.pk}
    while committee.parent_id and committee.parent_id not in seen:
        seen.add(committee.parent_id)
        committee = Committee.objects.only("pk", "parent_id").get(pk=committee.parent_id)
    return committee


def _indexed_tasks(committee_ids: Iterable[int]):
    return Task.objects.filter(committee__in=committee_ids).exclude(state=TaskState.CANCELLED)


_LEVEL_ORDER: dict[str, int] = {
    CommitteeLevel.CENTRAL: 0,
    CommitteeLevel.PROVINCE: 1,
    CommitteeLevel.COMMUNE: 2,
}


def get_tree_short_forms(root_id: int, committee_ids: Iterable[int]) -> list[ShortForm]:
    """The short forms of the committees of a tree, the one that counts first: the root's,
    then those of higher committees before lower ones. A tree is read with one meaning
    per short form, and the committee above sees (and reports on) the whole tree, so its
    word holds where a committee below gave the same short form another meaning."""
    rows = ShortForm.objects.filter(committee__in=committee_ids).select_related("committee")
    return sorted(
        rows,
        key=lambda row: (
            row.committee_id != root_id,
            _LEVEL_ORDER.get(row.committee.level, len(_LEVEL_ORDER)),
            row.committee_id,
            row.pk,
        ),
    )


def _signature(rows) -> tuple:
    """What tells a tree's index that rows changed: their count, latest ``updated_at``
    and last primary key (one query). The one rule for the tasks and the short forms."""
    return tuple(
        rows.aggregate(count=Count("pk"), latest=Max("updated_at"), last=Max("pk")).values()
    )


def get_tree_index(committee: Committee) -> TreeIndex:
    """The index of the tree ``committee`` belongs to, kept up to date with its tasks.

    Tasks added or changed since the index was built (by ``updated_at``) are vectorised
    into it and removed ones taken out; once the changes reach a quarter of the tree, the
    index is fitted anew so that word weights follow the tree. A change to the short
    forms of a committee of the tree (``ShortForm``, seen the same way) builds the index
    anew: every task may read differently. A write that bypasses ``save()``
    (``QuerySet.update``) is not seen until ``clear_tree_indexes``.
    """
    root = get_root_committee(committee)
    committee_ids = get_committee_tree([root.pk])
    tasks = _indexed_tasks(committee_ids)
    short_forms = ShortForm.objects.filter(committee__in=committee_ids)
    signature = (committee_ids, _signature(tasks), _signature(short_forms))
    with _lock:
        cached = _trees.get(root.pk)
        if cached and cached[0] == signature:
            _trees.move_to_end(root.pk)
            return cached[1]
    tree = None
    if (
        cached
        and cached[0][0] == committee_ids
        and cached[0][2] == signature[2]
        and cached[0][1][1] is not None
    ):
        tree = _update_tree(cached[1], tasks, since=cached[0][1][1])
    if tree is None:
        own = [(row.short, row.full) for row in get_tree_short_forms(root.pk, committee_ids)]
        tree = _build_tree(root.pk, committee_ids, tasks, own)
    with _lock:
        _trees[root.pk] = (signature, tree)
        _trees.move_to_end(root.pk)
        while len(_trees) > _MAX_TREES:
            _trees.popitem(last=False)
    return tree


_FIELDS = (
    "pk",
    "committee_id",
    "lead_unit_id",
    "parent_id",
    "title",
    "description",
    "lead_unit__name",
    "lead_unit__short_name",
    "committee__level",
)


@dataclass(frozen=True)
class UnreadShortForm:
    """A short form the tasks write that nothing spells out, as most often written."""

    short: str
    task_count: int
    example: str


def get_unread_short_forms(committee: Committee, *, limit: int = 30) -> list[UnreadShortForm]:
    """Short forms the titles of ``committee``'s tasks and those below it write and the
    finder reads as they stand: neither the fixed table, nor a committee's own table, nor a
    definition in parentheses, a unit's short name or a clear initialism spells them out.
    What the secretariat could add to its table, the most used first."""
    tree = get_tree_index(committee)
    below = get_committee_tree([committee.pk])
    written: dict[str, Counter[str]] = {}
    tasks: dict[str, list[str]] = {}
    for task in tree.tasks.values():
        if task.committee_id not in below:
            continue
        text = task.text
        read_from = Counter(text.origin)
        seen_here = set()
        for position, k in enumerate(text.origin):
            token = text.written[k].text
            key = fold_text(token)
            # Read as one word, itself: nothing spelled it out.
            if read_from[k] != 1 or text.words[position] != key or not is_short_form(token):
                continue
            written.setdefault(key, Counter())[token] += 1
            if key not in seen_here:
                seen_here.add(key)
                tasks.setdefault(key, []).append(text.original)
    found = [
        UnreadShortForm(written[key].most_common(1)[0][0], len(titles), min(titles))
        for key, titles in tasks.items()
    ]
    found.sort(key=lambda item: (-item.task_count, item.short))
    return found[:limit]


def _indexed(row, abbreviations) -> IndexedTask:
    pk, committee_id, lead_unit_id, parent_id, title, *_ = row
    text = parse_match_text(title, abbreviations=abbreviations)
    return IndexedTask(pk, committee_id, lead_unit_id, parent_id, text, row[-1])


def _build_tree(
    root_id: int, committee_ids: frozenset[int], tasks, own: list[tuple[str, str]]
) -> TreeIndex:
    rows = list(tasks.values_list(*_FIELDS))
    texts = [get_task_text(row[4], row[5]) for row in rows]
    # Short forms the tree's committees wrote in their tables (``own``, first), those its
    # own tasks define ("(IOC)") and its lead units' short names.
    names = sorted({(row[6], row[7]) for row in rows})
    learned = get_learned_abbreviations(texts, names=names, own=own)
    indexed = {row[0]: _indexed(row, learned) for row in rows}
    index = SimilarityIndex(list(indexed), texts, abbreviations=learned)
    return TreeIndex(root_id, committee_ids, indexed, index)


def _update_tree(tree: TreeIndex, tasks, *, since) -> TreeIndex | None:
    """``tree`` with the tasks changed after ``since`` put in; ``None`` when a refit is due."""
    current = set(tasks.values_list("pk", flat=True))
    removed = set(tree.tasks) - current
    rows = list(tasks.filter(updated_at__gt=since).values_list(*_FIELDS))
    rows += list(
        tasks.filter(pk__in=current - set(tree.tasks))
        .exclude(pk__in=[row[0] for row in rows])
        .values_list(*_FIELDS)
    )
    if tree.index.refits_due + len(removed) + len(rows) > max(10, len(current) // 4):
        return None
    indexed = {pk: task for pk, task in tree.tasks.items() if pk not in removed}
    indexed.update({row[0]: _indexed(row, tree.index.abbreviations) for row in rows})
    changed = {row[0]: get_task_text(row[4], row[5]) for row in rows}
    index = tree.index.updated(changed, removed)
    gone = removed | set(changed)
    return TreeIndex(
        tree.root_id,
        tree.committee_ids,
        indexed,
        index,
        _parts={pk: parts for pk, parts in tree._parts.items() if pk not in gone},
        _decisions={
            pair: same
            for pair, same in tree._decisions.items()
            if pair[0] not in gone and pair[1] not in gone
        },
    )


@dataclass
class SimilarTask:
    """A task found like another, with the words they share marked in its title."""

    task: Task
    score: float
    is_breakdown: bool = False
    segments: list[Segment] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    comparison: PartsComparison | None = None

    @property
    def is_likely_overlap(self) -> bool:
        return (
            not self.is_breakdown
            and self.comparison is not None
            and is_same_work(self.score, self.comparison)
        )

    @property
    def is_level_version(self) -> bool:
        """A version of the same work at another level (parent and part)."""
        return self.is_likely_overlap and self.comparison.related

    @property
    def percent(self) -> int:
        return round(self.score * 100)


_LEVELS = {
    CommitteeLevel.CENTRAL: NATIONAL,
    CommitteeLevel.PROVINCE: PROVINCE,
    CommitteeLevel.COMMUNE: COMMUNE,
}


def compare_in_tree(
    parts: TaskParts, other: TaskParts, committee: Committee, other_committee: Committee
) -> PartsComparison:
    """``compare_parts``, knowing which committee each task belongs to: a province
    committee's task and a commune committee's are parent and part even when neither
    wording names its level."""
    return _compare_at_levels(parts, other, committee.level, other_committee.level)


def _compare_at_levels(
    parts: TaskParts, other: TaskParts, committee_level: str, other_committee_level: str
) -> PartsComparison:
    comparison = compare_parts(parts, other)
    level, other_level = _LEVELS.get(committee_level), _LEVELS.get(other_committee_level)
    if comparison.related or not level or not other_level or level == other_level:
        return comparison
    return replace(
        comparison,
        related=True,
        differ=(*comparison.differ, level_differ(level, other_level)),
        reasons=(*comparison.reasons, "level"),
    )


def _visible_tasks(user, pks):
    return {
        task.pk: task
        for task in Task.objects.visible_to(user)
        .filter(pk__in=pks)
        .select_related("committee", "lead_unit")
    }


def _describe(
    tree: TreeIndex, matches, text: MatchText, visible, committee: Committee, *, of_task=None
):
    found = []
    parts = tree.get_parts(of_task) if of_task is not None else read_parts(text)
    for match in matches:
        task = visible.get(match.key)
        if task is None:
            continue
        other = tree.tasks[match.key].text
        common = tree.index.common_words
        found.append(
            SimilarTask(
                task=task,
                score=match.score,
                is_breakdown=of_task is not None and tree.are_breakdown(of_task, match.key),
                segments=get_highlighted(other, text, common=common),
                phrases=get_shared_phrases(text, other, common=common)[:5],
                comparison=compare_in_tree(
                    parts, tree.get_parts(match.key), committee, task.committee
                ),
            )
        )
    return found


def get_similar_tasks(user, task: Task, *, limit: int = 10) -> list[SimilarTask]:
    """Tasks of ``task``'s committee tree that ``user`` may see and that read like it."""
    tree = get_tree_index(task.committee)
    if task.pk not in tree.tasks:
        return []
    matches = tree.index.search_key(task.pk, threshold=CANDIDATE_THRESHOLD, limit=limit * 3)
    visible = _visible_tasks(user, [match.key for match in matches])
    found = _describe(
        tree, matches, tree.tasks[task.pk].text, visible, task.committee, of_task=task.pk
    )
    found = [item for item in found if item.score >= RELATED_THRESHOLD or item.is_likely_overlap]
    return found[:limit]


def get_possible_duplicates(
    user,
    committee: Committee,
    *,
    title: str,
    description: str = "",
    exclude_task_id: int | None = None,
    limit: int = 5,
) -> list[SimilarTask]:
    """Visible tasks of ``committee``'s tree that a task not yet saved would repeat."""
    text = get_task_text(title, description)
    if len(parse_match_text(text).words) < 3:
        return []
    tree = get_tree_index(committee)
    exclude = (exclude_task_id,) if exclude_task_id else ()
    matches = tree.index.search_text(
        text, threshold=CANDIDATE_THRESHOLD, limit=limit * 3, exclude=exclude
    )
    visible = _visible_tasks(user, [match.key for match in matches])
    found = _describe(tree, matches, tree.read(text), visible, committee)
    return [item for item in found if item.is_likely_overlap][:limit]


@dataclass
class OverlapPair:
    first: Task
    second: Task
    score: float
    first_segments: list[Segment]
    second_segments: list[Segment]
    phrases: list[str]
    comparison: PartsComparison | None = None

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass
class UnitPairGroup:
    """Possible overlaps between the tasks of two lead units (or within one unit)."""

    units: tuple
    pairs: list[OverlapPair]

    @property
    def same_unit(self) -> bool:
        return len(self.units) == 1

    @property
    def best_score(self) -> float:
        return max(pair.score for pair in self.pairs)


# Pairs shown on the report page, closest groups first; the page says how many more.
REPORT_SHOWN = 200


@dataclass
class OverlapReport:
    groups: list[UnitPairGroup]
    pair_count: int
    group_count: int
    per_task: int = REPORT_PER_TASK

    @property
    def hidden_count(self) -> int:
        return self.pair_count - sum(len(group.pairs) for group in self.groups)


def _report_candidates(tree: TreeIndex, committee: Committee) -> list[tuple[int, int, float]]:
    """The pairs of ``committee``'s tasks and those below it decided the same work, each
    task's closest ``REPORT_PER_TASK`` read; kept with the tree until a task changes
    (shared by committees whose reports cover the same tasks), and each pair's decision
    until one of its tasks changes (``_update_tree``)."""
    if committee.pk in tree._reports:
        return tree._reports[committee.pk]
    scope = get_committee_tree([committee.pk])
    # In key order, whatever the index's: among equal scores the same closest are kept.
    in_scope = sorted(pk for pk, task in tree.tasks.items() if task.committee_id in scope)
    key = tuple(in_scope)
    if key in tree._reports_by_scope:
        tree._reports[committee.pk] = tree._reports_by_scope[key]
        return tree._reports[committee.pk]
    candidates = []
    pairs = tree.index.get_closest_pairs(
        floor=CANDIDATE_THRESHOLD, per_text=REPORT_PER_TASK, among=in_scope
    )
    for a, b, score in pairs:
        if tree.are_breakdown(a, b):
            continue
        # In one order whatever the tasks' places in the index (they move on an update).
        a, b = min(a, b), max(a, b)
        if (a, b) not in tree._decisions:
            # A province committee's task and a commune committee's are of two levels (a
            # lower bar) even when neither wording names its level, as on the task page.
            comparison = _compare_at_levels(
                tree.get_parts(a),
                tree.get_parts(b),
                tree.tasks[a].committee_level,
                tree.tasks[b].committee_level,
            )
            tree._decisions[(a, b)] = is_same_work(score, comparison)
        if tree._decisions[(a, b)]:
            candidates.append((a, b, score))
    tree._reports[committee.pk] = tree._reports_by_scope[key] = candidates
    return candidates


def get_overlap_report(user, committee: Committee, *, shown: int | None = None) -> OverlapReport:
    """Pairs of visible tasks of ``committee`` and the committees below it that read as
    the same work, grouped by their pair of lead units, closest groups first; the pairs
    of the first groups up to ``shown`` (``REPORT_SHOWN``) are described, the others
    only counted."""
    tree = get_tree_index(committee)
    candidates = _report_candidates(tree, committee)
    # Pairs are counted from the index's own knowledge of each task (its lead unit);
    # only the tasks of the pairs described are loaded.
    visible = set(
        Task.objects.visible_to(user)
        .filter(pk__in={pk for a, b, _ in candidates for pk in (a, b)})
        .values_list("pk", flat=True)
    )
    found: dict[frozenset, list] = {}
    for a, b, score in candidates:
        if a in visible and b in visible:
            units = frozenset((tree.tasks[a].lead_unit_id, tree.tasks[b].lead_unit_id))
            found.setdefault(units, []).append((a, b, score))
    # Candidates come best first: a group's first pair is its closest.
    ordered = sorted(found.values(), key=lambda pairs: -pairs[0][2])
    described, left = [], REPORT_SHOWN if shown is None else shown
    for pairs in ordered:
        if left <= 0:
            break
        described.append(pairs[:left])
        left -= len(described[-1])
    tasks = _visible_tasks(user, {pk for pairs in described for a, b, _ in pairs for pk in (a, b)})
    groups = []
    common = tree.index.common_words
    for pairs in described:
        group = None
        for a, b, score in pairs:
            first, second = sorted(
                (tasks[a], tasks[b]), key=lambda task: (task.committee_id, task.code, task.pk)
            )
            if group is None:
                units = {first.lead_unit, second.lead_unit}
                group = UnitPairGroup(tuple(sorted(units, key=lambda unit: unit.name)), [])
                groups.append(group)
            first_text, second_text = tree.tasks[first.pk].text, tree.tasks[second.pk].text
            group.pairs.append(
                OverlapPair(
                    first=first,
                    second=second,
                    score=score,
                    first_segments=get_highlighted(first_text, second_text, common=common),
                    second_segments=get_highlighted(second_text, first_text, common=common),
                    phrases=get_shared_phrases(first_text, second_text, common=common)[:5],
                    comparison=compare_in_tree(
                        tree.get_parts(first.pk),
                        tree.get_parts(second.pk),
                        first.committee,
                        second.committee,
                    ),
                )
            )
    return OverlapReport(
        groups=groups,
        pair_count=sum(len(pairs) for pairs in ordered),
        group_count=len(ordered),
        per_task=REPORT_PER_TASK,
    )


def get_busiest_roots(limit: int) -> list[Committee]:
    """The top committees whose trees hold the most tasks the index knows (cancelled
    ones left out), busiest first, at most ``limit``; a tree without a task is left out."""
    counted = []
    for root in Committee.objects.filter(parent__isnull=True).order_by("pk"):
        count = _indexed_tasks(get_committee_tree([root.pk])).count()
        if count:
            counted.append((count, root))
    counted.sort(key=lambda item: -item[0])
    return [root for _count, root in counted[:limit]]


def warm_tree_indexes(*, limit: int = _MAX_TREES) -> list[int]:
    """Build the index of the ``limit`` busiest trees (at most ``_MAX_TREES``, the trees a
    process keeps) and the decided pairs of each root committee's report, busiest first;
    returns the roots warmed.

    Run by each web worker in a thread of its own right after it starts
    (``gunicorn.conf.py``), so that the first report, task page or duplicate warning of
    a tree in that process does not pay for the build (seconds for a province) inside a
    request. A tree that fails is logged and the next one warmed: nothing is raised into
    the worker. The database connections it opened are closed at the end: outside a
    request nothing else would close them.
    """
    warmed = []
    try:
        for root in get_busiest_roots(min(limit, _MAX_TREES)):
            try:
                _report_candidates(get_tree_index(root), root)
            except Exception:
                logger.exception("overlap warm-up: the tree of committee %s failed", root.pk)
            else:
                warmed.append(root.pk)
    except Exception:
        logger.exception("overlap warm-up: the busiest trees could not be listed")
    finally:
        for connection in connections.all(initialized_only=True):
            # One in a transaction is its caller's (a test, a command), not the thread's.
            if not connection.in_atomic_block:
                connection.close()
    logger.info("overlap warm-up: %d tree(s) ready: %s", len(warmed), warmed)
    return warmed
