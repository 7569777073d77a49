"""Fields a role may not set stay as they were through the other apps' writes that create
or change tasks, proposals and indicator values (issue 5 [G] §1, after
``test_protected_fields``).

Generated over the writes of meetings (conclusions and inspection findings that assign
tasks), proposals (route, draft, approve), imports (commit) and the indicator grid: every
role of the world posts the endpoint's own valid fields plus every protected field with a
hostile value. A role the allow/deny table refuses changes nothing at all; a permitted
role's write carries what the server decided (the committee, a new task's state, the
inspected unit as lead, the routed unit and due date sent in the form), never the hostile
values. Each endpoint with own fields must accept at least one role's post.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.models import Task
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.permission_table import TABLE
from chidao.core.tests.test_protected_fields import hostile_fields, task_snapshot
from chidao.core.tests.world import ROLES, build_world
from chidao.imports.models import DataImport
from chidao.indicators.choices import ObservationState
from chidao.indicators.models import Observation
from chidao.meetings.models import Conclusion, Finding
from chidao.proposals.models import Proposal

pytestmark = pytest.mark.django_db

WRITES = (
    "meetings:conclusion_create",
    "meetings:finding_create",
    "proposals:proposal_route",
    "proposals:proposal_draft",
    "proposals:proposal_approve",
    "imports:task_commit",
    "imports:indicator_commit",
    "imports:observation_commit",
    "indicators:data_entry",
    "indicators:unit_data_entry",
    "indicators:observation_approve",
    "indicators:observation_return",
)
# Writes that need nothing but the POST itself; some role's post must still succeed. (The
# world's value import keeps a row error, so its commit is refused to everyone.)
BARE_WRITES = {"imports:task_commit", "indicators:observation_approve"}
FAR = datetime.date(2099, 12, 31)
DUE = datetime.date(2030, 6, 30)


def may_post(name: str, role: str) -> bool:
    return TABLE[name].post.replace(" ", "")[ROLES.index(role)] == "A"


def _formset(rows: list[dict]) -> dict:
    data = {
        "tasks-TOTAL_FORMS": str(len(rows)),
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        data.update({f"tasks-{index}-{key}": value for key, value in row.items()})
    return data


def _grid(world) -> dict:
    indicator = world.objects["indicator"]
    period = Period.containing(PeriodKind(indicator.frequency), timezone.localdate())
    return {
        "period": f"{period.kind}-{period.start.isoformat()}",
        f"value-{indicator.pk}": "45,5",
        # Another unit's cell and a hostile state, in the same post.
        "state": ObservationState.APPROVED,
    }


def own_fields(world, name: str) -> dict:
    """The fields the endpoint exists to take, valid, plus hostile task fields inside the
    task rows (a completed state, another committee, a far deadline, a key task)."""
    hostile_row = {
        "state": "completed",
        "committee": world.other_committee.pk,
        "deadline": FAR.isoformat(),
        "is_key": "on",
        "focal_person": world.users["other_unit_officer"].person_id,
    }
    if name == "meetings:conclusion_create":
        return {
            "text": "Giao các sở rà soát thủ tục hành chính.",
            **_formset(
                [
                    {
                        **hostile_row,
                        "title": "Rà soát thủ tục hành chính cấp tỉnh",
                        "lead_unit": world.task.lead_unit_id,
                        "deadline_text": "31/12/2026",
                    }
                ]
            ),
        }
    if name == "meetings:finding_create":
        return {
            "unit": world.task.lead_unit_id,
            "text": "Chưa cập nhật danh mục thủ tục.",
            **_formset(
                [
                    {
                        **hostile_row,
                        "title": "Cập nhật danh mục thủ tục",
                        "deadline_text": "31/12/2026",
                        # The finding's unit leads its recommendations, whatever is sent.
                        "lead_unit": world.other_unit.pk,
                    }
                ]
            ),
        }
    if name == "indicators:data_entry" or name == "indicators:unit_data_entry":
        return _grid(world)
    return {
        "proposals:proposal_route": {
            "unit": world.task.lead_unit_id,
            "response_due": DUE.strftime("%d/%m/%Y"),
        },
        "proposals:proposal_draft": {"answer_draft": "Sở đã tiếp thu và sẽ trả lời."},
        "proposals:proposal_approve": {"answer": "Ban Chỉ đạo trả lời như sau."},
        "indicators:observation_return": {"reason": "Số liệu chưa khớp báo cáo quý."},
    }.get(name, {})


def proposal_hostile(world) -> dict:
    return {
        "routed_unit": world.other_unit.pk,
        "response_due": FAR.isoformat(),
        "is_public": "true",
        "status": "answered",
        "answer": "",
        "drafted_by": world.users["admin"].pk,
    }


def snapshot(world) -> dict:
    proposal = Proposal.objects.get(pk=world.objects["proposal"].pk)
    return {
        "task": task_snapshot(world.task),
        "tasks": set(Task.objects.values_list("pk", flat=True)),
        "conclusions": Conclusion.objects.count(),
        "findings": Finding.objects.count(),
        "imports": set(DataImport.objects.values_list("pk", "state")),
        "proposal": {
            "routed_unit": proposal.routed_unit_id,
            "response_due": proposal.response_due,
            "is_public": proposal.is_public,
            "status": proposal.status,
            "answer_draft": proposal.answer_draft,
            "answer": proposal.answer,
        },
        "values": set(
            Observation.objects.values_list("pk", "indicator", "unit", "value", "state", "version")
        ),
    }


def post(world, name: str, role: str, body: dict):
    route = TABLE[name]
    url = reverse(name, kwargs={key: world.objects[o].pk for key, o in route.kwargs.items()})
    client = Client()
    user = world.users.get(role)
    if user is not None:
        client.force_login(user)
    return client.post(url, body)


def check_permitted_write(world, name: str, role: str, before: dict, after: dict) -> None:
    """What a permitted role's post may change, and to what."""
    user = world.users[role]
    assert after["task"] == before["task"], role
    for task in Task.objects.exclude(pk__in=before["tasks"]):
        assert task.committee_id == world.committee.pk, (role, task)
        assert task.state != "completed", (role, task)
        assert not task.is_key, (role, task)
        assert task.deadline != FAR, (role, task)
        assert task.focal_person_id is None, (role, task)
        assert task.lead_unit_id == world.task.lead_unit_id, (role, task)
    proposal_before, proposal_after = before["proposal"], after["proposal"]
    if name == "proposals:proposal_route":
        assert proposal_after["routed_unit"] == world.task.lead_unit_id, role
        assert proposal_after["response_due"] == DUE, role
        assert proposal_after["is_public"] == proposal_before["is_public"], role
    elif name == "proposals:proposal_approve":
        # "publish" was not ticked: the hostile is_public is not how it becomes public.
        assert proposal_after["is_public"] is False, role
        assert proposal_after["routed_unit"] == proposal_before["routed_unit"], role
        assert proposal_after["response_due"] == proposal_before["response_due"], role
    else:
        for field in ("routed_unit", "response_due", "is_public", "answer"):
            assert proposal_after[field] == proposal_before[field], (role, field)
    changed = after["values"] - before["values"]
    approved = {row for row in changed if row[4] == ObservationState.APPROVED}
    if name == "indicators:observation_approve":
        assert {row[0] for row in approved} <= {world.objects["observation"].pk}, role
    else:
        assert not approved, role
    if name.startswith("indicators:") and name.endswith("data_entry"):
        unit = (
            world.task.lead_unit_id if name == "indicators:unit_data_entry" else user.person.unit_id
        )
        assert {row[2] for row in changed} <= {unit}, role


@pytest.mark.parametrize("name", WRITES)
def test_no_role_sets_a_field_outside_its_own_in_other_apps(name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world()
    accepted = []
    for role in ROLES:
        own = own_fields(world, name)
        body = {
            **hostile_fields(world, api=False),
            **proposal_hostile(world),
            "unit_pk": world.other_unit.pk,
            **own,
        }
        before = snapshot(world)

        response = post(world, name, role, body)

        assert response.status_code < 500, (role, response.status_code)
        after = snapshot(world)
        if not may_post(name, role):
            assert after == before, role
            continue
        check_permitted_write(world, name, role, before, after)
        if response.status_code == 302 and after != before:
            accepted.append(role)
    if own_fields(world, name) or name in BARE_WRITES:
        assert accepted, f"no role's valid post to {name} was accepted"
