"""The one gate for meetings (DESIGN.md §2), built on ``committees.access.get_roles``.

A meeting is the committee's own business: its members (leaders) and its secretariat read
it, with the committees above; the secretariat (and admins) record and edit it. As for
``access_committee``: a user who may not open the committee gets 404; a unit officer
who sees the committee through a task gets 403 (they learn what was concluded from
their tasks and the conclusion notice); a leader asking to edit gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from chidao.committees.access import access_committee, get_roles
from chidao.meetings.models import Meeting


def get_readable_committee_ids(user) -> frozenset[int] | None:
    """Committees whose meetings ``user`` reads; None means every committee (admin)."""
    roles = get_roles(user)
    if roles.is_admin:
        return None
    return roles.committee_scope


def get_visible_meetings(user):
    committee_ids = get_readable_committee_ids(user)
    meetings = Meeting.objects.all()
    if committee_ids is None:
        return meetings
    return meetings.filter(committee__in=committee_ids)


def may_read_meetings(user, committee_id: int) -> bool:
    committee_ids = get_readable_committee_ids(user)
    return committee_ids is None or committee_id in committee_ids


def access_meeting_create(user, committee_pk):
    """The committee if ``user`` may record its meetings: 404 when the committee is
    invisible, 403 when visible but the user is not its secretariat."""
    return access_committee(user, committee_pk, "manage")


def access_meeting(user, pk, action: str = "view") -> Meeting:
    """The meeting ``pk`` if ``user`` may ``action`` it ("view" or "manage").

    404 when the meeting does not exist or its committee is invisible to the user, 403
    when the user sees the committee but may not read its meetings, or may read but not
    manage them.
    """
    meeting = (
        Meeting.objects.select_related("committee__host_unit", "chair__person", "notice_document")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    access_committee(user, meeting.committee_id, "view")
    if not may_read_meetings(user, meeting.committee_id):
        raise PermissionDenied
    if action == "manage" and not get_roles(user).manages(meeting.committee_id):
        raise PermissionDenied
    return meeting
