"""Reports and exports read from a PostgreSQL streaming replica, when one is configured.

A national installation (docs/deployment.md) keeps the primary for the pages people work
in and sends the long reads, the files built from a whole committee's data, to a hot
standby: ``CHIDAO_REPLICA_DATABASE_URL`` adds the database alias ``replica`` and this
router. Only GET and HEAD requests to a view that builds a file or an export (its URL
name ends in ``export``, ``_xlsx``, ``_docx``, ``_pdf`` or ``_csv``) read there; every
write, and every read of every other request, goes to the primary. Jobs and commands
never use the replica.

A replica is a little behind the primary (streaming replication: usually well under a
second). A report built there may miss a change saved in the last moment; the page it
was asked from, read from the primary, shows it. Writes made while such a request runs
(the session, the audit log) still go to the primary.
"""

import re
from contextvars import ContextVar

REPLICA = "replica"
# The views whose reads may go to the replica: files and exports, never a page or a form.
REPLICA_VIEWS = re.compile(r"(export|_xlsx|_docx|_pdf|_csv)$")
READ_METHODS = frozenset({"GET", "HEAD"})

_reading_replica: ContextVar[bool] = ContextVar("chidao_reading_replica", default=False)


def is_replica_view(view_name: str, method: str) -> bool:
    return method in READ_METHODS and bool(REPLICA_VIEWS.search(view_name))


class ReplicaRouter:
    """Reads of a report or export request from the replica; everything else as usual."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: an object read there is the same object.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class ReplicaMiddleware:
    """Marks a report or export request so that ``ReplicaRouter`` sends its reads to the
    replica; without a replica configured it does nothing."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.enabled = REPLICA in settings.DATABASES

    def __call__(self, request):
        request.chidao_replica_token = None
        try:
            return self.get_response(request)
        finally:
            if request.chidao_replica_token is not None:
                _reading_replica.reset(request.chidao_replica_token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if self.enabled and match is not None and is_replica_view(match.view_name, request.method):
            request.chidao_replica_token = _reading_replica.set(True)
        return None
