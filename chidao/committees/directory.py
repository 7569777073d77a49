"""A committee's unit directory, and the one resolver of the unit names plans write.

Two provinces both have a "Sở Tài chính" and a "Sở KH&CN": a name is only ever read
against the directory of the committee it is written for, never against every unit on
file. The directory holds:

* the units under the roots of the committee's host and standing units (its province's
  People's Committee and Party committee with their departments and communes);
* units with no parent whose name carries the province's name ("Trường Đại học …
  Nam Định", "Hội đồng nhân dân tỉnh Nam Định");
* the units registered for the committee (central bodies on its territory,
  ``Committee.directory_units``) with the units under them;
* for a national committee, every central body and the units under them.

``UnitDirectory.resolve(name)`` gives a ``Resolution``; ``read_cell(text)`` splits a cell
(``org.names.split_names``) and resolves every name, so that every name written is
accounted for. Units merged in 2025 resolve to their successor, with a warning.

Used by the plan and indicator imports, the paragraph assistant and the task form. The
aliases a committee's secretariat recorded live with the imports; they are passed in.
"""

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from chidao.committees.choices import CommitteeLevel
from chidao.core.text import fold_text
from chidao.org.choices import UnitKind
from chidao.org.models import Unit
from chidao.org.names import (
    GroupPhrase,
    get_compact_key,
    get_initials_key,
    get_name_key,
    get_written_place,
    parse_group_phrase,
    split_names,
    strip_place,
)

MAX_SUGGESTIONS = 3
# "… tỉnh Thái Nguyên", "Tỉnh ủy Thái Nguyên", "… xã An Bình": the place a host names.
_PLACE_IN_NAME = re.compile(
    r"(?:^|\s)(?:(?:tinh|thanh pho|xa|phuong|dac khu)(?! uy\b)|(?:tinh|thanh) uy) (?P<place>.+)$"
)
_GROUP_KINDS = {
    "department": (UnitKind.DEPARTMENT,),
    "commune": (UnitKind.COMMUNE,),
}
_NATIONAL_GROUP_KINDS = {
    "department": (UnitKind.CENTRAL_BODY,),
    "commune": (),
}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold_text(text)).split())


@dataclass
class Resolution:
    """What one name stands for.

    Exactly one of ``unit``, ``group`` or ``error`` is set. ``warning`` notes a
    correction made on the way (a merged unit replaced by its successor).
    """

    name: str
    unit: Unit | None = None
    group: GroupPhrase | None = None
    group_units: list[Unit] = field(default_factory=list)
    error: str = ""
    warning: str = ""
    suggestions: list[Unit] = field(default_factory=list)


class UnitDirectory:
    """The units a committee's plans may name, indexed by every key they may use.

    Loads the units once (a few hundred rows; an import reads thousands of names).

    Args:
        committee: whose directory.
        aliases: folded name key → unit, the names the secretariat recorded.
    """

    def __init__(self, committee, aliases: Mapping[str, Unit] | None = None, *, units=None):
        self.committee = committee
        self.all_units = (
            list(units) if units is not None else list(Unit.objects.select_related("successor"))
        )
        self.by_pk = {unit.pk: unit for unit in self.all_units}
        self.place = self._place_key()
        self.scope = self._scope()
        self.units = [unit for unit in self.all_units if unit.pk in self.scope]
        self.aliases = {key: unit for key, unit in (aliases or {}).items() if unit.pk in self.scope}
        self.by_name: dict[str, list[Unit]] = {}
        self.by_initials: dict[str, list[Unit]] = {}
        for unit in self.units:
            for text in {unit.name, unit.short_name} - {""}:
                for key in {get_name_key(text), self._key(text)}:
                    self.by_name.setdefault(key, []).append(unit)
            if initials := get_initials_key(unit.name):
                self.by_initials.setdefault(initials, []).append(unit)
            if compact := get_compact_key(unit.short_name):
                self.by_initials.setdefault(compact, []).append(unit)

    # --- Scope -------------------------------------------------------------------------

    def _roots(self) -> set[int]:
        roots = set()
        for pk in (self.committee.host_unit_id, self.committee.standing_unit_id):
            unit, seen = self.by_pk.get(pk), set()
            while unit is not None and unit.pk not in seen:
                seen.add(unit.pk)
                roots.add(unit.pk)
                unit = self.by_pk.get(unit.parent_id)
        return roots

    def _place_key(self) -> str:
        """The province's (or commune's) name as a key, read from the names of the host
        unit and the units above it: "thai nguyen" from "Ủy ban nhân dân tỉnh Thái
        Nguyên"."""
        roots = sorted(
            (self.by_pk[pk] for pk in self._roots()),
            key=lambda unit: (unit.kind != UnitKind.PEOPLES_COMMITTEE, unit.pk),
        )
        for unit in roots:
            if match := _PLACE_IN_NAME.search(_words(unit.name)):
                return match["place"]
        return ""

    def _scope(self) -> set[int]:
        seeds = self._roots()
        if self.committee.pk:
            seeds |= set(self.committee.directory_units.values_list("pk", flat=True))
        national = self.committee.level == CommitteeLevel.CENTRAL
        place = f" {self.place}" if self.place else ""
        for unit in self.all_units:
            central = national and unit.kind == UnitKind.CENTRAL_BODY
            local = place and unit.parent_id is None and f"{place} " in f" {_words(unit.name)} "
            if central or local:
                seeds.add(unit.pk)
        children: dict[int | None, list[int]] = {}
        for unit in self.all_units:
            children.setdefault(unit.parent_id, []).append(unit.pk)
        scope, frontier = set(seeds), list(seeds)
        while frontier:
            pk = frontier.pop()
            for child in children.get(pk, ()):
                if child not in scope:
                    scope.add(child)
                    frontier.append(child)
        return scope

    def _key(self, text: str) -> str:
        return strip_place(get_name_key(text), self.place)

    # --- Reading names -----------------------------------------------------------------

    def _elsewhere(self, name: str) -> bool:
        """Whether ``name`` says it is of another place ("Sở Tài chính tỉnh Nam Định" in a
        plan of Thái Nguyên): never read as this directory's unit of the same name."""
        written = get_written_place(name)
        return bool(written and self.place and written != self.place)

    def is_known(self, name: str) -> bool:
        """Whether ``name`` is one name of the directory (a span ``split_names`` keeps)."""
        if self._elsewhere(name):
            return False
        key = self._key(name)
        return bool(
            key in self.aliases
            or get_name_key(name) in self.aliases
            or key in self.by_name
            or get_compact_key(name) in self.by_initials
            or parse_group_phrase(name)
        )

    def split(self, text: str) -> list[str]:
        """The names a cell holds (``org.names.split_names`` with this directory)."""
        return split_names(text, self.is_known)

    def read_cell(self, text: str) -> list[Resolution]:
        """Every name of a cell, each resolved: names in = resolutions out."""
        return [self.resolve(name) for name in self.split(text)]

    def resolve(self, name: str) -> Resolution:
        """The unit or group ``name`` stands for, or an error with suggestions."""
        key = self._key(name)
        alias = self.aliases.get(key) or self.aliases.get(get_name_key(name))
        if alias is not None:
            return self._unit(name, alias)
        if self._elsewhere(name):
            return Resolution(
                name,
                error=_(
                    "“%(name)s” là cơ quan, đơn vị của địa phương khác, không thuộc danh mục "
                    "của Ban Chỉ đạo."
                )
                % {"name": name},
                suggestions=self.suggest(name),
            )
        candidates = self.by_name.get(key) or self.by_initials.get(get_compact_key(name), [])
        if candidates:
            return self._choose(name, candidates)
        if group := parse_group_phrase(name):
            return Resolution(name, group=group, group_units=self.get_group_units(group))
        return Resolution(
            name,
            error=_("Không tìm thấy “%(name)s” trong danh mục đơn vị của Ban Chỉ đạo.")
            % {"name": name},
            suggestions=self.suggest(name),
        )

    def _choose(self, name: str, candidates: list[Unit]) -> Resolution:
        unique = list({unit.pk: unit for unit in candidates}.values())
        if len(unique) > 1:
            active = [unit for unit in unique if unit.is_active]
            unique = active or unique
        if len(unique) > 1:
            return Resolution(
                name,
                error=_("Tên “%(name)s” khớp với nhiều cơ quan, đơn vị; hãy ghi rõ hơn.")
                % {"name": name},
                suggestions=unique[:MAX_SUGGESTIONS],
            )
        return self._unit(name, unique[0])

    def _unit(self, name: str, unit: Unit) -> Resolution:
        if unit.is_active:
            return Resolution(name, unit=unit)
        successor = unit.successor
        if successor is not None and successor.is_active:
            return Resolution(
                name,
                unit=successor,
                warning=_("“%(old)s” đã sáp nhập, giao cho đơn vị kế thừa “%(new)s”.")
                % {"old": unit.name, "new": successor.name},
            )
        return Resolution(
            name,
            error=_("“%(name)s” đã ngừng hoạt động.") % {"name": unit.name},
            suggestions=self.suggest(name),
        )

    def get_group_units(self, group: GroupPhrase) -> list[Unit]:
        """The active units a group phrase stands for, in this directory only."""
        table = (
            _NATIONAL_GROUP_KINDS
            if self.committee.level == CommitteeLevel.CENTRAL
            else _GROUP_KINDS
        )
        kinds = {kind for name in group.kinds for kind in table[name]}
        hosts = {self.committee.host_unit_id, self.committee.standing_unit_id}
        return [
            unit
            for unit in self.units
            if unit.is_active and unit.kind in kinds and unit.pk not in hosts
        ]

    def get_standing_unit(self) -> Unit:
        """The unit that leads a task a group is to carry out together: the standing
        body, or the host where the committee names none."""
        return (
            self.by_pk.get(self.committee.standing_unit_id)
            or self.by_pk[self.committee.host_unit_id]
        )

    def suggest(self, name: str) -> list[Unit]:
        """The units of this directory whose names are closest to ``name``, best first."""
        key = self._key(name)
        scored = []
        for unit in self.units:
            if not unit.is_active:
                continue
            ratio = max(
                difflib.SequenceMatcher(None, key, self._key(text)).ratio()
                for text in {unit.name, unit.short_name} - {""}
            )
            if ratio >= 0.6:
                scored.append((-ratio, unit.name, unit))
        scored.sort(key=lambda item: item[:2])
        return [item[2] for item in scored[:MAX_SUGGESTIONS]]


def get_foreign_unit_ids(committee) -> set[int]:
    """Units in another committee's province and not in ``committee``'s directory: those
    a form of this committee never offers (another province's departments).

    Linear in units and committees (a national installation has 3,300 commune
    committees): the trees under the roots of every other committee's host and standing
    units, less this committee's own directory.
    """
    from chidao.committees.models import Committee

    units = list(Unit.objects.select_related("successor"))
    own = UnitDirectory(committee, units=units).scope
    parents = {unit.pk: unit.parent_id for unit in units}
    roots: dict[int, int] = {}

    def root(pk: int) -> int:
        path: list[int] = []
        while pk not in roots and (parent := parents.get(pk)) is not None and len(path) < 64:
            path.append(pk)
            pk = parent
        top = roots.get(pk, pk)
        for step in (*path, pk):
            roots[step] = top
        return top

    # A national committee's tree (the ministries) belongs to no other province.
    others = (
        Committee.objects.exclude(pk=committee.pk)
        .exclude(level=CommitteeLevel.CENTRAL)
        .values_list("host_unit_id", "standing_unit_id")
    )
    foreign_roots = {root(pk) for pair in others for pk in pair if pk is not None}
    foreign_roots -= {root(pk) for pk in own}
    # Units with no parent that carry another province's name ("Viettel Nam Định").
    by_pk = {unit.pk: unit for unit in units}
    places = {
        match["place"]
        for pk in foreign_roots
        if (match := _PLACE_IN_NAME.search(_words(by_pk[pk].name)))
    }
    for unit in units:
        if unit.parent_id is None and unit.pk not in own:
            words = f" {_words(unit.name)} "
            if any(f" {place} " in words for place in places):
                foreign_roots.add(unit.pk)
    return {unit.pk for unit in units if root(unit.pk) in foreign_roots} - own
