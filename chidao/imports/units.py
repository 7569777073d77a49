"""Finding the units a plan names, for one committee: aliases, names, abbreviations.

``UnitDirectory`` loads the units and the committee's aliases once per import and
answers ``resolve(name)`` for every cell; an unknown name comes back with the closest
units as suggestions (``difflib``: the standard library is enough for a few hundred
names, so no fuzzy-matching dependency).
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from chidao.imports.models import UnitAlias
from chidao.imports.rules import (
    GroupPhrase,
    get_compact_key,
    get_initials_key,
    get_name_key,
    parse_group_phrase,
)
from chidao.org.choices import UnitKind
from chidao.org.models import Unit

MAX_SUGGESTIONS = 3
_KINDS = {"department": (UnitKind.DEPARTMENT,), "commune": (UnitKind.COMMUNE,)}


@dataclass
class Resolution:
    """What a name in a cell stands for.

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
    """The units an import may name, indexed by every key a plan may spell them with."""

    def __init__(self, committee):
        self.committee = committee
        self.units = list(Unit.objects.select_related("successor"))
        self.by_pk = {unit.pk: unit for unit in self.units}
        self.scope = self._province_scope()
        self.aliases = {
            alias.key: self.by_pk[alias.unit_id]
            for alias in UnitAlias.objects.filter(committee=committee)
        }
        self.by_name: dict[str, list[Unit]] = {}
        self.by_initials: dict[str, list[Unit]] = {}
        for unit in self.units:
            for text in {unit.name, unit.short_name} - {""}:
                self.by_name.setdefault(get_name_key(text), []).append(unit)
            if initials := get_initials_key(unit.name):
                self.by_initials.setdefault(initials, []).append(unit)
            if compact := get_compact_key(unit.short_name):
                self.by_initials.setdefault(compact, []).append(unit)

    def _province_scope(self) -> set[int]:
        """Units of the committee's own province: the trees under the roots of its host
        and standing units. Two provinces both have a "Sở Tài chính"."""
        roots = set()
        for pk in (self.committee.host_unit_id, self.committee.standing_unit_id):
            unit = self.by_pk.get(pk)
            seen = set()
            while unit is not None and unit.pk not in seen:
                seen.add(unit.pk)
                roots.add(unit.pk)
                unit = self.by_pk.get(unit.parent_id)
        scope, frontier = set(roots), set(roots)
        while frontier:
            frontier = {u.pk for u in self.units if u.parent_id in frontier} - scope
            scope |= frontier
        return scope

    def is_known(self, name: str) -> bool:
        key = get_name_key(name)
        return bool(
            key in self.aliases
            or key in self.by_name
            or get_compact_key(name) in self.by_initials
            or parse_group_phrase(name)
        )

    def resolve(self, name: str) -> Resolution:
        key = get_name_key(name)
        if key in self.aliases:
            return self._unit(name, self.aliases[key])
        candidates = self.by_name.get(key) or self.by_initials.get(get_compact_key(name), [])
        if candidates:
            return self._choose(name, candidates)
        if group := parse_group_phrase(name):
            return Resolution(name, group=group, group_units=self.get_group_units(group))
        return Resolution(
            name,
            error=_("Không tìm thấy cơ quan, đơn vị “%(name)s”.") % {"name": name},
            suggestions=self.suggest(name),
        )

    def _choose(self, name: str, candidates: list[Unit]) -> Resolution:
        unique = list({unit.pk: unit for unit in candidates}.values())
        if len(unique) > 1:
            in_scope = [unit for unit in unique if unit.pk in self.scope]
            unique = in_scope or unique
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
        if unit.successor is not None and unit.successor.is_active:
            return Resolution(
                name,
                unit=unit.successor,
                warning=_("“%(old)s” đã sáp nhập, giao cho đơn vị kế thừa “%(new)s”.")
                % {"old": unit.name, "new": unit.successor.name},
            )
        return Resolution(
            name,
            error=_("“%(name)s” đã ngừng hoạt động.") % {"name": unit.name},
            suggestions=self.suggest(name),
        )

    def get_group_units(self, group: GroupPhrase) -> list[Unit]:
        kinds = {kind for name in group.kinds for kind in _KINDS[name]}
        return [
            unit
            for unit in self.units
            if unit.is_active and unit.kind in kinds and unit.pk in self.scope
        ]

    def suggest(self, name: str) -> list[Unit]:
        """The units whose names are closest to ``name``, best first, in scope first."""
        key = get_name_key(name)
        scored = []
        for unit in self.units:
            if not unit.is_active:
                continue
            ratio = max(
                difflib.SequenceMatcher(None, key, get_name_key(text)).ratio()
                for text in {unit.name, unit.short_name} - {""}
            )
            if ratio >= 0.6:
                scored.append((-ratio, unit.pk not in self.scope, unit.name, unit))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:MAX_SUGGESTIONS]]
