"""Schemathesis walks every operation of the API schema with a token of each role.

For each role of ``core.tests.world`` (issue 5 [G]) every operation of the schema that
drf-spectacular publishes gets a bounded number of generated requests, derandomized
(the same requests on every run), POST included: they run inside the test database.
Each response must not be a 5xx, must conform to the schema (status, content type,
body), and must carry no object the token's user may not see, as the project's own
querysets decide (``visible_to``, ``get_visible_committees``).
"""

import functools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from schemathesis.core.parameters import ParameterLocation

from chidao.api.models import ApiToken, hash_token
from chidao.api.services import do_create_api_token
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.access import get_visible_committees
from chidao.committees.models import Committee
from chidao.core.tests.world import ROLES, build_world
from chidao.documents.models import Document
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.tests.factories import IndicatorFactory, ObservationFactory
from chidao.org.models import Unit

pytestmark = pytest.mark.django_db

# Requests per operation and role in the fuzzing phase; 18 operations x 9 roles.
MAX_EXAMPLES = 8
SEED = 20250221

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "deterministic": True,
            "database": "none",
            "mode": "all",
            # The role's real token is sent instead (and the ignored_auth check then sends
            # the same request without it, and with a wrong one, expecting 401).
            "with-security-parameters": False,
        },
        # The coverage phase sends hundreds of boundary values per operation; the fuzzing
        # phase, bounded by MAX_EXAMPLES, keeps the run within its time.
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        "checks": {
            # A request the schema allows may still break a rule the schema cannot state:
            # a filter naming a unit the caller does not see (refused as if it did not
            # exist), a period that is not open, an indicator the unit does not report.
            # Those answer 400 with the reason; anything else (5xx) still fails.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "429"]
            },
        },
    }
)


@functools.cache
def _raw_schema() -> dict:
    """The schema /api/schema/ serves (which asks for a signed-in user), built once."""
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture
def api_schema():
    schema = schemathesis.openapi.from_dict(_raw_schema(), config=CONFIG)
    schema.app = get_wsgi_application()
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def wsgi_in_test_transaction():
    """Keep the test's connection open across requests, as Django's test client does:
    the WSGI handler would otherwise close it at each request's start and end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def build_fuzz_world():
    """The shared world, plus what only the other committee and the other unit see, so
    that every role has objects it must not be shown."""
    world = build_world()
    hidden = TaskFactory(committee=world.other_committee, lead_unit=world.other_unit)
    hidden.coordinating_units.set([world.other_unit])
    indicator = IndicatorFactory(committee=world.other_committee, responsible_unit=world.other_unit)
    ObservationFactory(indicator=indicator, unit=world.other_unit, submitted=True)
    return world


@pytest.fixture(params=ROLES)
def role_headers(request, wsgi_in_test_transaction):
    world = build_fuzz_world()
    if request.param == "anonymous":
        return {}
    _token, secret = do_create_api_token(by=world.users[request.param], name="Kiểm thử mờ")
    return {"Authorization": f"Token {secret}"}


# ---------------------------------------------------------------------------------------
# The check: nothing in a response that the caller may not see.

UNIT_KEYS = {
    "unit",
    "lead_unit",
    "coordinating_units",
    "responsible_unit",
    "issuing_unit",
    "host_unit",
    "standing_unit",
}


def _ids(value):
    """The ids a reference holds: an id, an ``{"id": …}`` or ``{"code": …}`` object
    (the export names units by code), or a list of those."""
    if value is None:
        return set()
    if isinstance(value, list):
        return set().union(*(_ids(item) for item in value))
    if isinstance(value, dict):
        if "id" in value:
            return {value["id"]}
        if "code" in value:
            return {Unit.objects.filter(code=value["code"]).values_list("pk", flat=True).first()}
        return set()
    return {value}


def get_visible(user) -> dict[str, set]:
    """What ``user`` may see, from the querysets the pages and the API share."""
    tasks = Task.objects.visible_to(user)
    indicators = Indicator.objects.visible_to(user)
    observations = Observation.objects.visible_to(user)
    documents = Document.objects.visible_to(user)
    committees = get_visible_committees(user) if user else Committee.objects.none()
    units = set()
    for queryset, fields in (
        (tasks, ("lead_unit", "coordinating_units")),
        (indicators, ("responsible_unit", "reporting_units", "targets__unit")),
        (observations, ("unit",)),
        (documents, ("issuing_unit",)),
        (committees, ("host_unit", "standing_unit")),
    ):
        for name in fields:
            units |= set(queryset.values_list(name, flat=True))
    if user is not None and user.person_id:
        units.add(user.person.unit_id)
    units.discard(None)
    return {
        "task": set(tasks.values_list("pk", flat=True)),
        "indicator": set(indicators.values_list("pk", flat=True)),
        "observation": set(observations.values_list("pk", flat=True)),
        "document": set(documents.values_list("pk", flat=True)),
        "committee": set(committees.values_list("pk", flat=True)),
        "progress": set(ProgressUpdate.objects.filter(task__in=tasks).values_list("pk", flat=True)),
        "deadline_change": set(
            DeadlineChange.objects.filter(task__in=tasks).values_list("pk", flat=True)
        ),
        "unit": units,
    }


# The kind of the objects a path returns (their "id"); the unit directory is open to
# every signed-in user, as the task forms' unit pickers are.
PATH_KINDS = (
    ("/api/v1/tasks/{id}/progress/", "progress"),
    ("/api/v1/tasks/{id}/deadline-changes/", "deadline_change"),
    ("/api/v1/tasks/counts/", None),
    ("/api/v1/tasks/", "task"),
    ("/api/v1/indicators/", "indicator"),
    ("/api/v1/observations/", "observation"),
    ("/api/v1/documents/", "document"),
    ("/api/v1/committees/{id}/export/", None),
    ("/api/v1/committees/", "committee"),
)


def find_hidden_objects(body, *, path: str, query: dict, visible: dict) -> list[str]:
    """Every reference in ``body`` to an object outside ``visible``, as readable strings."""
    if path.startswith("/api/v1/units/"):
        return []
    kind = next((kind for prefix, kind in PATH_KINDS if path.startswith(prefix)), None)
    found = []

    def walk(node, top: bool):
        if isinstance(node, list):
            for item in node:
                walk(item, top)
            return
        if not isinstance(node, dict):
            return
        if top and kind and "id" in node and node["id"] not in visible[kind]:
            found.append(f"{kind} {node['id']}")
        for key, value in node.items():
            if key in UNIT_KEYS:
                found.extend(f"unit {pk}" for pk in _ids(value) - visible["unit"])
            elif key in ("task", "indicator", "committee"):
                found.extend(f"{key} {pk}" for pk in _ids(value) - visible[key])
            elif key == "rows" and path == "/api/v1/tasks/counts/":
                if query.get("by", "lead_unit") == "lead_unit":
                    keys = {row["key"] for row in value} - {None}
                    found.extend(f"unit {pk}" for pk in keys - visible["unit"])
            elif key in ("results", "tasks", "indicators"):
                walk(value, top=key == "results")
            elif isinstance(value, dict | list):
                walk(value, top=False)

    walk(body, top=True)
    return found


def user_of(headers) -> object:
    authorization = (headers or {}).get("Authorization", "")
    if not authorization.startswith("Token "):
        return None
    token = ApiToken.objects.select_related("user").get(digest=hash_token(authorization[6:]))
    return token.user


def no_hidden_objects(ctx, response, case):
    """Custom schemathesis check: a response names no object its caller may not see."""
    if response.status_code >= 300 or "json" not in response.headers.get("content-type", [""])[0]:
        return None
    user = user_of(response.request.headers)
    visible = get_visible(user)
    hidden = find_hidden_objects(
        response.json(), path=case.path, query=case.query or {}, visible=visible
    )
    if hidden:
        raise AssertionError(f"Objects the caller may not see: {', '.join(sorted(hidden))}")
    return None


# Known ids for the path parameter: generated ids almost never hit an object, so half the
# draws take an existing one, visible to the role or not.
ID_MODELS = (
    ("/api/v1/tasks/", Task),
    ("/api/v1/indicators/", Indicator),
    ("/api/v1/observations/", Observation),
    ("/api/v1/documents/", Document),
    ("/api/v1/committees/", Committee),
    ("/api/v1/units/", Unit),
)


@schema.parametrize()
@pytest.mark.usefixtures("role_headers")  # pytest sees the role parameter through the mark
@schema.given(data=st.data())
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_for_every_role(case, data, role_headers):
    # An empty filter is no filter (the schema says allowEmptyValue), but schemathesis's
    # negative mutations still count "" as a wrong type: such cases are not negative.
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.QUERY):
        assume("" not in (case.query or {}).values())
    # Only a well-formed id is replaced: a negative case's malformed one must stay.
    if isinstance((case.path_parameters or {}).get("id"), int):
        model = next(model for prefix, model in ID_MODELS if case.path.startswith(prefix))
        known = sorted(model.objects.values_list("pk", flat=True))
        if data.draw(st.booleans(), label="existing id"):
            case.path_parameters["id"] = data.draw(st.sampled_from(known), label="id")
    case.call_and_validate(headers=role_headers, additional_checks=[no_hidden_objects])


def test_the_visibility_check_names_what_leaks():
    """The custom check can fail: a task, its units and committee are named when the
    caller (an officer of an unrelated unit) may not see them."""
    world = build_fuzz_world()
    visible = get_visible(world.users["other_unit_officer"])
    leaked_task = {
        "results": [
            {
                "id": world.task.pk,
                "committee": world.committee.pk,
                "lead_unit": {"id": world.lead_unit.pk, "code": "X", "name": "X"},
                "coordinating_units": [{"id": world.other_unit.pk}],
            }
        ]
    }
    leaked_rows = {"rows": [{"key": world.lead_unit.pk}], "total": {"key": None}}
    leaked_export = {"tasks": [{"lead_unit": {"code": world.lead_unit.code, "name": "X"}}]}

    assert sorted(
        find_hidden_objects(leaked_task, path="/api/v1/tasks/", query={}, visible=visible)
    ) == sorted(
        [f"task {world.task.pk}", f"committee {world.committee.pk}", f"unit {world.lead_unit.pk}"]
    )
    assert find_hidden_objects(
        leaked_rows, path="/api/v1/tasks/counts/", query={}, visible=visible
    ) == [f"unit {world.lead_unit.pk}"]
    assert find_hidden_objects(
        leaked_export, path="/api/v1/committees/1/export/", query={}, visible=visible
    ) == [f"unit {world.lead_unit.pk}"]
    # The unit directory is open to every signed-in user.
    assert find_hidden_objects(leaked_task, path="/api/v1/units/", query={}, visible=visible) == []
