"""Fields a role may not set stay as they were, whatever a request adds (issue 5 [G] §1).

Generated over every write of tasks and reports in the allow/deny table (the pages'
forms under ``assignments:`` and the API's writes): for each endpoint, every role of the
world posts the endpoint's own valid fields plus every field it may not set, with hostile
values (a completed state, another lead unit, a far deadline, another reviewer, an
accepted review…). Afterwards the task and the existing reports, deadline changes and
values hold the same protected fields, and any row the request created carries what the
server decided (the poster's unit and name, a state still under review), not what was
sent. Each endpoint must also accept at least one role's post, so the hostile fields were
ignored on a real write, not only refused with the whole request.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from chidao.api.services import do_create_api_token
from chidao.assignments.choices import DeadlineChangeDecision, ReviewState
from chidao.assignments.forms.reports import APPROVE, REJECT, RETURN
from chidao.assignments.models import DeadlineChange, ProgressUpdate
from chidao.committees.models import Membership
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.world import ROLES, build_world
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation

pytestmark = pytest.mark.django_db

API_WRITES = ("api:task-progress", "api:observation-list")
WRITES = sorted(
    name
    for name, route in TABLE.items()
    if route.post and (name.startswith("assignments:") or name in API_WRITES)
)


def own_fields(world, name: str) -> dict:
    """The fields the endpoint exists to take, valid, so a permitted role's post is a
    real write. Endpoints not listed here get only the hostile fields."""
    task = world.task
    if name == "assignments:task_edit":
        # The secretariat's form: the task as it is, so that nothing it may set changes.
        return {
            "code": task.code,
            "title": task.title,
            "lead_unit": task.lead_unit_id,
            "coordinating_units": [unit.pk for unit in task.coordinating_units.all()],
            "deadline_text": task.deadline.strftime("%d/%m/%Y"),
            "assigned_on": task.assigned_on.isoformat(),
            "group": task.group_id,
            "version": task.version,
        }
    indicator = world.objects["indicator"]
    period = Period.containing(PeriodKind(indicator.frequency), timezone.localdate())
    return {
        "assignments:progress_create": {"percent": "30", "results": "Đã rà soát 12 thủ tục."},
        "assignments:progress_approve_unit": {"decision": APPROVE},
        "assignments:progress_review": {"decision": RETURN, "review_reason": "Thiếu minh chứng."},
        "assignments:deadline_change_request": {
            "new_deadline": "31/12/2030",
            "reason": "Chờ hướng dẫn của Bộ.",
        },
        "assignments:deadline_change_decide": {"decision": REJECT, "note": "Chưa đủ căn cứ."},
        "assignments:direction_create": {"text": "Đề nghị đẩy nhanh tiến độ."},
        "api:task-progress": {"percent": 30, "results": "Đã rà soát 12 thủ tục."},
        "api:observation-list": {
            "indicator": indicator.pk,
            "period": period.label,
            "value": "45,5",
        },
    }.get(name, {})


def hostile_fields(world, *, api: bool) -> dict:
    """Every protected field, with a value its owner would never have chosen."""
    far = "2099-12-31" if api else "31/12/2099"
    other_seat = Membership.objects.get(person=world.users["other_secretariat"].person)
    return {
        "state": "completed",
        "status": "done_on_time",
        "completed_on": far,
        "lead_unit": world.other_unit.pk,
        "coordinating_units": [world.other_unit.pk],
        "committee": world.other_committee.pk,
        "deadline": far,
        "original_deadline": far,
        "deadline_text": far,
        "is_key": "true",
        "overseeing_member": other_seat.pk,
        "focal_person": world.users["other_unit_officer"].person_id,
        "review_state": ReviewState.ACCEPTED,
        "reviewed_by": world.users["admin"].pk,
        "unit_approved_by": world.users["admin"].pk,
        "unit": world.other_unit.pk,
        "author": world.users["secretariat"].pk,
        "reported_on": "2020-01-01",
        "requested_by": world.users["secretariat"].pk,
        "decided_by": world.users["admin"].pk,
        "old_deadline": far,
        "approved_at": "2020-01-01T00:00:00Z",
        "entered_by": world.users["secretariat"].pk,
    }


def task_snapshot(task) -> dict:
    task.refresh_from_db()
    return {
        "state": task.state,
        "completed_on": task.completed_on,
        "lead_unit": task.lead_unit_id,
        "coordinating_units": {unit.pk for unit in task.coordinating_units.all()},
        "committee": task.committee_id,
        "deadline": task.deadline,
        "original_deadline": task.original_deadline,
        "is_key": task.is_key,
        "overseeing_member": task.overseeing_member_id,
        "focal_person": task.focal_person_id,
    }


def rows_snapshot() -> dict:
    """Who made each existing row, and for whom: never changed by a later request."""
    return {
        "reports": set(ProgressUpdate.objects.values_list("pk", "task", "unit", "author")),
        "deciders": {
            pk: (reviewer, approver)
            for pk, reviewer, approver in ProgressUpdate.objects.values_list(
                "pk", "reviewed_by", "unit_approved_by"
            )
        },
        "changes": set(
            DeadlineChange.objects.values_list("pk", "task", "requested_by", "old_deadline")
        ),
        "values": set(Observation.objects.values_list("pk", "indicator", "unit")),
        "accepted": set(
            ProgressUpdate.objects.filter(review_state=ReviewState.ACCEPTED).values_list(
                "pk", flat=True
            )
        ),
        "approved_changes": set(
            DeadlineChange.objects.filter(decision=DeadlineChangeDecision.APPROVED).values_list(
                "pk", flat=True
            )
        ),
        "approved_values": set(
            Observation.objects.filter(state=ObservationState.APPROVED).values_list("pk", flat=True)
        ),
    }


def post(world, name: str, role: str, body: dict):
    route = TABLE[name]
    url = reverse(name, kwargs={key: world.objects[o].pk for key, o in route.kwargs.items()})
    user = world.users.get(role)
    if name.startswith("api:"):
        client = APIClient()
        if user is not None:
            _token, secret = do_create_api_token(by=user, name="Kiểm thử trường cấm")
            client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
        return client.post(url, body, format="json")
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.post(url, body)


@pytest.mark.parametrize("name", WRITES)
def test_no_role_sets_a_field_outside_its_own(name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    accepted = []
    for role in ROLES:
        own = own_fields(world, name)
        body = {**hostile_fields(world, api=name.startswith("api:")), **own}
        task_before, rows_before = task_snapshot(world.task), rows_snapshot()
        user = world.users.get(role)

        response = post(world, name, role, body)

        assert response.status_code < 500, (role, response.status_code)
        assert task_snapshot(world.task) == task_before, role
        rows_after = rows_snapshot()
        for kind in ("reports", "changes", "values"):
            assert rows_before[kind] <= rows_after[kind], (role, kind)  # nothing rewritten
        # Nothing accepted or approved by a request that only sent a state.
        assert rows_after["accepted"] == rows_before["accepted"], role
        assert rows_after["approved_changes"] == rows_before["approved_changes"], role
        assert rows_after["approved_values"] == rows_before["approved_values"], role
        # A reviewer or approver recorded by this request is the one who sent it.
        for pk, deciders in rows_after["deciders"].items():
            before = rows_before["deciders"].get(pk, (None, None))
            for was, now in zip(before, deciders, strict=True):
                assert now in (was, user and user.pk), (role, pk)
        new_reports = ProgressUpdate.objects.exclude(pk__in=[r[0] for r in rows_before["reports"]])
        for report in new_reports:
            assert (report.author, report.unit_id) == (user, user.person.unit_id), role
        new_changes = DeadlineChange.objects.exclude(pk__in=[c[0] for c in rows_before["changes"]])
        for change in new_changes:
            assert change.requested_by == user, role
            assert change.decision == DeadlineChangeDecision.PENDING, role
        new_values = Observation.objects.exclude(pk__in=[v[0] for v in rows_before["values"]])
        for value in new_values:
            assert value.unit_id == user.person.unit_id, role
        if own and response.status_code in (201, 302):
            accepted.append(role)
    if own_fields(world, name):
        assert accepted, f"no role's valid post to {name} was accepted"
