"""The unit directory an import reads names against: the committee's own directory
(``committees.directory``, the one resolver) with the aliases its secretariat recorded.
"""

from chidao.committees.directory import Resolution
from chidao.committees.directory import UnitDirectory as _CommitteeDirectory
from chidao.imports.models import UnitAlias
from chidao.org.names import get_name_key


def get_aliases(committee) -> dict:
    """Folded name → unit for the committee's recorded aliases (keyed again from the name
    as written, so a change of the key rules never orphans an alias)."""
    return {
        get_name_key(alias.name): alias.unit
        for alias in UnitAlias.objects.filter(committee=committee).select_related("unit__successor")
    }


class UnitDirectory(_CommitteeDirectory):
    """The committee's directory with its aliases, loaded once per import.

    A plan names the same few units on thousands of rows: each cell's text is read once
    per import (``read_cell`` kept by text; the resolutions are read, never changed).
    """

    def __init__(self, committee):
        super().__init__(committee, get_aliases(committee))
        self._cells: dict[str, list[Resolution]] = {}

    def read_cell(self, text: str) -> list[Resolution]:
        if text not in self._cells:
            self._cells[text] = super().read_cell(text)
        return list(self._cells[text])
