"""Reports and exports read from the replica, everything else from the primary
(chidao.core.replica). The end-to-end proof, with a real second database, is in
``test_two_nodes.py``."""

import pytest
from django.test import RequestFactory
from django.urls import resolve, reverse

from chidao.assignments.models import Task
from chidao.core import replica
from chidao.core.replica import REPLICA, ReplicaMiddleware, ReplicaRouter, is_replica_view


@pytest.mark.parametrize(
    ("view_name", "method", "expected"),
    [
        ("assignments:task_export", "GET", True),
        ("api:committee-export", "GET", True),
        ("reporting:report_docx", "GET", True),
        ("reporting:report_pdf", "HEAD", True),
        ("dashboards:unit_ranking_xlsx", "GET", True),
        ("reporting:cycle_board_csv", "GET", True),
        # A page, a form, or any POST: the primary.
        ("assignments:task_list", "GET", False),
        ("dashboards:committee_dashboard", "GET", False),
        ("assignments:task_export", "POST", False),
        ("imports:task_upload", "POST", False),
    ],
)
def test_only_reads_of_files_and_exports_go_to_the_replica(view_name, method, expected):
    assert is_replica_view(view_name, method) is expected


def _run(middleware, path, method="GET"):
    """What the router answers for a read and a write while the view of ``path`` runs."""
    request = getattr(RequestFactory(), method.lower())(path)
    request.resolver_match = resolve(path)
    seen = {}

    def view(request):
        middleware.process_view(request, None, (), {})
        router = ReplicaRouter()
        seen["read"] = router.db_for_read(Task)
        seen["write"] = router.db_for_write(Task)
        return "response"

    middleware.get_response = view
    assert middleware(request) == "response"
    seen["after"] = ReplicaRouter().db_for_read(Task)
    return seen


def test_an_export_request_reads_from_the_replica_and_writes_to_the_primary():
    middleware = ReplicaMiddleware(lambda request: None)
    middleware.enabled = True  # as with CHIDAO_REPLICA_DATABASE_URL set
    assert _run(middleware, reverse("assignments:task_export")) == {
        "read": REPLICA,
        "write": None,
        "after": None,  # the next request on this thread reads the primary again
    }
    assert _run(middleware, reverse("assignments:task_list"))["read"] is None
    assert _run(middleware, reverse("assignments:task_export"), "POST")["read"] is None


def test_without_a_replica_nothing_changes():
    middleware = ReplicaMiddleware(lambda request: None)
    assert _run(middleware, reverse("assignments:task_export"))["read"] is None


def test_the_replica_is_never_migrated():
    router = ReplicaRouter()
    assert router.allow_migrate(REPLICA, "assignments") is False
    assert router.allow_migrate("default", "assignments") is True
    assert replica._reading_replica.get() is False
