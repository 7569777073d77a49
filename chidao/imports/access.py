"""The gate for imports: an import belongs to a committee, and only the committee's
secretariat (or an admin) may see or commit it (``access_committee(..., "manage")``)."""

from django.http import Http404

from chidao.committees.access import access_committee
from chidao.imports.models import DataImport


def access_import(user, pk) -> DataImport:
    """The import ``pk`` if ``user`` manages its committee; 404 if they may not see the
    committee, 403 if they see it but do not manage it."""
    data_import = DataImport.objects.select_related("committee").filter(pk=pk).first()
    if data_import is None:
        raise Http404
    access_committee(user, data_import.committee_id, "manage")
    return data_import
