"""The one gate for reporting cycles and units' reports (``committees.access`` roles).

- The secretariat of a committee (or one above it) and admins manage its cycles: open,
  edit, close, read every unit's report, return reports, download the consolidated
  report.
- Leaders of the committee read the cycle board, the reports and the downloads.
- A unit that must report sees its own report in the cycle, writes and sends it; its
  head approves it where the cycle requires. It does not see the board or other units'
  reports: another unit's report is 404, the board of its own cycle 403.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from chidao.committees.access import Roles, get_roles
from chidao.reporting.choices import CycleState, SubmissionState
from chidao.reporting.models import ReportingCycle, UnitSubmission


class CycleAction(models.TextChoices):
    VIEW = "view", _("Xem tình hình nộp báo cáo")
    MANAGE = "manage", _("Quản lý kỳ báo cáo")


class SubmissionAction(models.TextChoices):
    VIEW = "view", _("Xem báo cáo")
    EDIT = "edit", _("Soạn, gửi báo cáo")
    APPROVE = "approve", _("Lãnh đạo đơn vị duyệt")
    RETURN = "return", _("Trả lại báo cáo")


def get_visible_cycles(user):
    """Cycles whose board ``user`` may read: their committees' as secretariat or leader."""
    roles = get_roles(user)
    if roles.is_admin:
        return ReportingCycle.objects.all()
    return ReportingCycle.objects.filter(committee__in=roles.committee_scope)


def access_cycle(user, pk, action: str = CycleAction.VIEW) -> ReportingCycle:
    """The cycle ``pk`` if ``user`` may ``action`` it.

    404 when the user may not know the cycle exists; 403 for a unit that must report in
    it (it knows the cycle from its own report) and for leaders asked to manage.
    """
    cycles = ReportingCycle.objects.select_related("committee", "committee__host_unit")
    cycle = cycles.filter(pk=pk).first()
    if cycle is None:
        raise Http404
    roles = get_roles(user)
    sees = roles.is_admin or cycle.committee_id in roles.committee_scope
    if not sees:
        if roles.unit_id and cycle.submissions.filter(unit=roles.unit_id).exists():
            raise PermissionDenied
        raise Http404
    if action == CycleAction.MANAGE and not roles.manages(cycle.committee_id):
        raise PermissionDenied
    return cycle


def get_submission_actions(roles: Roles, submission: UnitSubmission) -> frozenset[str]:
    """What a user with ``roles`` may do to ``submission``; empty when they may not see it."""
    committee_id = submission.cycle.committee_id
    own_unit = roles.unit_id is not None and roles.unit_id == submission.unit_id
    manages = roles.manages(committee_id)
    if not (own_unit or manages or roles.leads(committee_id)):
        return frozenset()
    actions = {SubmissionAction.VIEW}
    is_open = submission.cycle.state == CycleState.OPEN
    if own_unit and is_open:
        actions.add(SubmissionAction.EDIT)
        if roles.is_unit_head:
            actions.add(SubmissionAction.APPROVE)
    if manages or (own_unit and roles.is_unit_head):
        actions.add(SubmissionAction.RETURN)
    return frozenset(actions)


def access_submission(user, pk, action: str = SubmissionAction.VIEW) -> UnitSubmission:
    """The unit's report ``pk`` if ``user`` may ``action`` it (404 unseen, 403 not allowed)."""
    submission = (
        UnitSubmission.objects.select_related("cycle", "cycle__committee", "unit")
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404
    actions = get_submission_actions(get_roles(user), submission)
    if not actions:
        raise Http404
    if action not in actions:
        raise PermissionDenied
    return submission


def can_return(roles: Roles, submission: UnitSubmission) -> bool:
    """A unit head returns what awaits them; the secretariat what reached it."""
    if submission.state == SubmissionState.SUBMITTED:
        return roles.manages(submission.cycle.committee_id)
    if submission.state == SubmissionState.AWAITING_UNIT_HEAD:
        return roles.is_unit_head and roles.unit_id == submission.unit_id
    return False
