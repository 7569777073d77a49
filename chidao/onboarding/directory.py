"""The units and accounts of one committee, for the account pages.

A committee's units are the trees under the top units of its host and standing units
(the province's Party committee and People's Committee with everything below them), the
same scope the plan import reads names in (``imports.units``).
"""

from chidao.committees.directory import UnitDirectory
from chidao.org.models import Unit, User


def get_directory_unit_ids(committee) -> set[int]:
    """The committee's directory (``committees.directory``, the one scope every reader
    of unit names uses)."""
    return UnitDirectory(committee).scope


def get_directory_units(committee):
    """Active units of the committee's directory, by name."""
    return Unit.objects.filter(pk__in=get_directory_unit_ids(committee), is_active=True).order_by(
        "name"
    )


def get_committee_accounts(committee):
    """Accounts of people working in the committee's units, by unit."""
    return (
        User.objects.filter(person__unit__in=get_directory_unit_ids(committee))
        .select_related("person", "person__unit")
        .order_by("person__unit__name", "username")
    )
