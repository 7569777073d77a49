"""Inspections (kiểm tra, issue [I] §4): who may see them, planning one, and recording
what it found at a unit with its recommendations as tasks the unit leads.

An inspection belongs to a committee as its meetings do and is read under the same rule
(``access.may_read_meetings``); its pages are in ``views.py``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext as _

from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.assignments.services import do_create_task
from chidao.committees.access import access_committee, get_roles
from chidao.core.history import set_history_user
from chidao.core.text import normalize_text
from chidao.meetings.access import get_readable_committee_ids, may_read_meetings
from chidao.meetings.models import Finding, Inspection
from chidao.meetings.services import prefix_task_row_errors


def get_visible_inspections(user):
    committee_ids = get_readable_committee_ids(user)
    inspections = Inspection.objects.all()
    if committee_ids is None:
        return inspections
    return inspections.filter(committee__in=committee_ids)


def access_inspection(user, pk, action: str = "view"):
    """The inspection ``pk`` under the meetings' rule (404 / 403 as ``access_meeting``)."""
    inspection = Inspection.objects.select_related("committee").filter(pk=pk).first()
    if inspection is None:
        raise Http404
    access_committee(user, inspection.committee_id, "view")
    if not may_read_meetings(user, inspection.committee_id):
        raise PermissionDenied
    if action == "manage" and not get_roles(user).manages(inspection.committee_id):
        raise PermissionDenied
    return inspection


@dataclass(frozen=True)
class RecommendationDraft:
    """A recommendation of an inspection, to become a task of the inspected unit."""

    title: str
    deadline_text: str
    expected_output: str = ""


@transaction.atomic
def do_create_inspection(
    *,
    committee,
    by,
    title: str,
    scheduled_on: date,
    units: Iterable,
    content: str = "",
    team: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
):
    """Plan an inspection of ``units`` by the committee. Returns the inspection."""
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Chọn ít nhất một đơn vị được kiểm tra.")})
    inspection = Inspection(
        committee=committee,
        title=normalize_text(title),
        scheduled_on=scheduled_on,
        content=content.strip(),
        team=team.strip(),
        period_start=period_start,
        period_end=period_end,
        created_by=by,
    )
    set_history_user(inspection, by)
    inspection.full_clean()
    inspection.save()
    inspection.units.set(units)
    return inspection


@transaction.atomic(durable=True)
def do_add_finding(
    *, inspection, by, unit, text: str, recommendations: Sequence[RecommendationDraft] = ()
):
    """Record what the inspection found at ``unit`` and make each recommendation a task
    the unit leads (through ``do_create_task``, assigned on the inspection day), all at
    once or not at all; a row's error is keyed ``tasks-<row>-<field>``. Returns the
    finding."""

    errors: dict[str, str | list[str]] = {}
    text = normalize_text(text)
    if not text:
        errors["text"] = _("Ghi kết quả kiểm tra.")
    if unit is None or not inspection.units.filter(pk=unit.pk).exists():
        errors["unit"] = _("Chọn một đơn vị thuộc đợt kiểm tra.")
    for row, draft in enumerate(recommendations):
        key = f"tasks-{row}-"
        if not normalize_text(draft.title):
            errors[key + "title"] = _("Ghi nội dung kiến nghị.")
        try:
            parsed = parse_deadline_phrase(draft.deadline_text)
        except ValidationError as error:
            errors[key + "deadline_text"] = error.messages
        else:
            if parsed.deadline is not None and parsed.deadline < inspection.scheduled_on:
                errors[key + "deadline_text"] = _(
                    "Thời hạn không thể trước ngày kiểm tra (%(date)s)."
                ) % {"date": inspection.scheduled_on.strftime("%d/%m/%Y")}
    if errors:
        raise ValidationError(errors)
    number = (inspection.findings.aggregate(last=Max("number"))["last"] or 0) + 1
    finding = Finding(inspection=inspection, unit=unit, number=number, text=text, created_by=by)
    set_history_user(finding, by)
    finding.full_clean()
    finding.save()
    for row, draft in enumerate(recommendations):
        try:
            task = do_create_task(
                committee=inspection.committee,
                by=by,
                lead_unit=unit,
                title=normalize_text(draft.title),
                deadline_text=draft.deadline_text,
                assigned_on=inspection.scheduled_on,
                expected_output=normalize_text(draft.expected_output),
            )
        except ValidationError as error:
            raise ValidationError(prefix_task_row_errors(error, row)) from None
        finding.tasks.add(task)
    return finding
