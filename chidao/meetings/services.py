"""Writes on meetings, their conclusions and the conclusion notice.

Contract shared by every function here: the caller has already checked that ``by``
may manage the meeting's committee (``access.py``); the function validates the domain
rules, raising ``ValidationError`` with a Vietnamese message and changing nothing when
they fail; it writes in one transaction. Tasks are created only through
``assignments.services.do_create_task``; their source is kept here (``ConclusionTask``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.assignments.services import do_create_task, do_update_task
from chidao.committees.models import Membership, TaskGroup
from chidao.core.history import set_history_user
from chidao.core.text import normalize_text
from chidao.core.uploads import delete_after_commit, removing_stored_files_on_error
from chidao.documents.models import Document
from chidao.documents.services import accept_document_file, do_register_document
from chidao.meetings.choices import Attendance
from chidao.meetings.models import (
    AgendaItem,
    Conclusion,
    ConclusionTask,
    Meeting,
    MeetingAttendance,
)
from chidao.meetings.rules import format_notice_symbol
from chidao.org.models import Unit
from chidao.reporting.choices import ReportLayout
from chidao.reporting.rules import get_report_layout


@dataclass(frozen=True)
class AgendaLine:
    title: str
    presenter: str = ""
    document: Document | None = None


@dataclass(frozen=True)
class AttendanceLine:
    membership: Membership
    status: str = Attendance.PRESENT
    delegate: str = ""


@dataclass(frozen=True)
class TaskDraft:
    """One task a conclusion assigns, as the secretariat writes it on the conclusion page."""

    title: str
    lead_unit: Unit | None
    deadline_text: str
    coordinating_units: Sequence = field(default_factory=tuple)
    expected_output: str = ""
    overseeing_member: Membership | None = None
    group: TaskGroup | None = None  # the plan's task group (nhóm nhiệm vụ), when the item fits one


MEETING_FIELDS = frozenset({"kind", "held_on", "place", "chair", "guests", "minutes"})


def get_next_meeting_number(committee) -> int:
    last = Meeting.objects.filter(committee=committee).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


@transaction.atomic
def do_create_meeting(
    *,
    committee,
    by,
    held_on: date,
    number: int | None = None,
    agenda: Iterable[AgendaLine] = (),
    attendance: Iterable[AttendanceLine] = (),
    minutes_file=None,
    **fields,
) -> Meeting:
    """Record a meeting of ``committee`` with its agenda and who attended.

    ``number`` defaults to the committee's next one. ``fields`` are any of
    ``MEETING_FIELDS``; the chair must sit on the committee. Returns the saved meeting.
    """
    unknown = set(fields) - MEETING_FIELDS
    if unknown:
        raise TypeError(f"do_create_meeting() cannot set {sorted(unknown)}")
    meeting = Meeting(
        committee=committee,
        number=number or get_next_meeting_number(committee),
        held_on=held_on,
        created_by=by,
        **fields,
    )
    _check_chair(meeting)
    _set_minutes_file(meeting, minutes_file, by=by)
    set_history_user(meeting, by)
    meeting.full_clean()
    with removing_stored_files_on_error() as stored:
        meeting.save()
        stored(meeting.minutes_file.name if minutes_file is not None else "")
        _write_agenda(meeting, agenda)
        _write_attendance(meeting, attendance)
    return meeting


@transaction.atomic(durable=True)
def do_update_meeting(
    *, meeting: Meeting, by, agenda=None, attendance=None, minutes_file=None, **fields
) -> Meeting:
    """Change what was recorded about a meeting; ``agenda`` and ``attendance`` (when
    given) replace the lists. The change history records the meeting's fields. A new
    ``minutes_file`` replaces the old one, which is deleted once the change commits."""
    unknown = set(fields) - MEETING_FIELDS - {"number"}
    if unknown:
        raise TypeError(f"do_update_meeting() cannot change {sorted(unknown)}")
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for name, value in fields.items():
        setattr(current, name, value)
    _check_chair(current)
    replaced = current.minutes_file.name if minutes_file is not None else ""
    _set_minutes_file(current, minutes_file, by=by)
    set_history_user(current, by)
    current.full_clean()
    with removing_stored_files_on_error() as stored:
        current.save()
        stored(current.minutes_file.name if minutes_file is not None else "")
        delete_after_commit(replaced)
        if agenda is not None:
            current.agenda_items.all().delete()
            _write_agenda(current, agenda)
        if attendance is not None:
            current.attendances.all().delete()
            _write_attendance(current, attendance)
    return current


def _check_chair(meeting: Meeting) -> None:
    if meeting.chair is not None and meeting.chair.committee_id != meeting.committee_id:
        raise ValidationError({"chair": _("Người chủ trì phải là thành viên Ban Chỉ đạo.")})


def _set_minutes_file(meeting: Meeting, file, *, by) -> None:
    """Check and scan the minutes file (``documents.accept_document_file``); it is stored
    under a generated name with the extension of what it really is."""
    if file is None:
        return
    try:
        kind = accept_document_file(file, by=by, purpose="meeting_minutes")
    except ValidationError as error:
        raise ValidationError({"minutes_file": error.messages}) from None
    file.name = f"bien-ban.{kind.extension}"
    meeting.minutes_file = file


def _write_agenda(meeting: Meeting, agenda: Iterable[AgendaLine]) -> None:
    items = []
    for order, line in enumerate(agenda, start=1):
        title = normalize_text(line.title)
        if not title:
            continue
        item = AgendaItem(
            meeting=meeting,
            order=order,
            title=title,
            presenter=normalize_text(line.presenter),
            document=line.document,
        )
        item.full_clean(exclude=["meeting"])
        items.append(item)
    AgendaItem.objects.bulk_create(items)


def _write_attendance(meeting: Meeting, attendance: Iterable[AttendanceLine]) -> None:
    rows = []
    for line in attendance:
        if line.membership.committee_id != meeting.committee_id:
            raise ValidationError(_("Chỉ ghi tham dự cho thành viên của Ban Chỉ đạo."))
        delegate = normalize_text(line.delegate) if line.status == Attendance.DELEGATED else ""
        if line.status == Attendance.DELEGATED and not delegate:
            raise ValidationError(
                {
                    f"delegate_{line.membership.pk}": _(
                        "Ghi họ tên, chức danh người dự thay %(member)s."
                    )
                    % {"member": line.membership.person}
                }
            )
        rows.append(
            MeetingAttendance(
                meeting=meeting, membership=line.membership, status=line.status, delegate=delegate
            )
        )
    MeetingAttendance.objects.bulk_create(rows)


@transaction.atomic
def do_add_conclusion(
    *, meeting: Meeting, by, text: str, tasks: Sequence[TaskDraft] = ()
) -> Conclusion:
    """Record one conclusion item and create, in the same step, the tasks it assigns.

    Each task is created by ``do_create_task`` in the meeting's committee, assigned on
    the meeting's day, and linked to the conclusion as its source. Either the item and
    every task are saved, or nothing is: a row's error is raised under the key
    ``tasks-<row>-<field>`` (the row's place in ``tasks``, from 0), so a page shows it
    next to the field. Returns the conclusion.
    """
    text = normalize_text(text)
    if not text:
        raise ValidationError({"text": _("Nội dung kết luận không được để trống.")})
    errors: dict[str, str | list[str]] = {}
    for row, draft in enumerate(tasks):
        errors.update(_check_draft(meeting, row, draft))
    if errors:
        raise ValidationError(errors)
    number = (meeting.conclusions.aggregate(last=Max("number"))["last"] or 0) + 1
    conclusion = Conclusion(meeting=meeting, number=number, text=text, created_by=by)
    set_history_user(conclusion, by)
    conclusion.full_clean()
    conclusion.save()
    source = meeting.notice_document
    for row, draft in enumerate(tasks):
        try:
            task = do_create_task(
                committee=meeting.committee,
                by=by,
                lead_unit=draft.lead_unit,
                title=normalize_text(draft.title),
                deadline_text=draft.deadline_text,
                assigned_on=meeting.held_on,
                coordinating_units=draft.coordinating_units,
                expected_output=normalize_text(draft.expected_output),
                overseeing_member=draft.overseeing_member,
                group=draft.group,
                source_document=source,
                source_clause=_("Mục %(number)s") % {"number": number} if source else "",
            )
        except ValidationError as error:
            raise ValidationError(prefix_task_row_errors(error, row)) from None
        ConclusionTask.objects.create(conclusion=conclusion, task=task)
    return conclusion


def _check_draft(meeting: Meeting, row: int, draft: TaskDraft) -> dict:
    errors: dict[str, str | list[str]] = {}
    key = f"tasks-{row}-"
    if not normalize_text(draft.title):
        errors[key + "title"] = _("Ghi tên nhiệm vụ.")
    if draft.lead_unit is None:
        errors[key + "lead_unit"] = _("Chọn cơ quan chủ trì.")
    try:
        parsed = parse_deadline_phrase(draft.deadline_text)
    except ValidationError as error:
        errors[key + "deadline_text"] = error.messages
    else:
        if parsed.deadline is not None and parsed.deadline < meeting.held_on:
            errors[key + "deadline_text"] = _("Thời hạn không thể trước ngày họp (%(date)s).") % {
                "date": meeting.held_on.strftime("%d/%m/%Y")
            }
    if draft.group is not None and draft.group.committee_id != meeting.committee_id:
        errors[key + "group"] = _("Nhóm nhiệm vụ phải thuộc Ban Chỉ đạo đã họp.")
    member = draft.overseeing_member
    if member is not None and member.committee_id != meeting.committee_id:
        errors[key + "overseeing_member"] = _("Lãnh đạo phụ trách phải là thành viên Ban Chỉ đạo.")
    return errors


def prefix_task_row_errors(error: ValidationError, row: int) -> dict:
    """The errors of task ``row`` keyed by the formset field they belong to ("tasks-2-
    deadline_text"), so a conclusion's or a finding's task rows show them in place."""
    key = f"tasks-{row}-"
    if hasattr(error, "error_dict"):
        return {
            key + (name if name != "__all__" else "title"): messages
            for name, messages in error.message_dict.items()
        }
    return {key + "title": error.messages}


@transaction.atomic
def do_link_conclusion_tasks(*, conclusion: Conclusion, by, tasks: Iterable) -> list:
    """Record existing tasks of the committee as assigned by ``conclusion`` (a conclusion
    that reaffirms tasks of the plan). Tasks already linked are skipped. Returns the new
    links."""
    links = []
    for task in tasks:
        if task.committee_id != conclusion.meeting.committee_id:
            raise ValidationError({"tasks": _("Chỉ gắn được nhiệm vụ của Ban Chỉ đạo đã họp.")})
        link, created = ConclusionTask.objects.get_or_create(conclusion=conclusion, task=task)
        if created:
            links.append(link)
    return links


@transaction.atomic(durable=True)
def do_register_conclusion_notice(*, meeting: Meeting, by, number: str, issued_on: date):
    """Register the conclusion notice of ``meeting`` in its committee's register.

    The notice is built as a Word file (``builders.build_conclusion_notice_docx``) with
    its number and date, registered through ``documents.services.do_register_document``
    ("15/TB-BCĐ", or "15-TB/BCĐ" for a committee hosted by a Party committee), and kept
    as the meeting's notice. Tasks the conclusions created that name no source document
    get the notice as their source (with the item as the clause). Returns the document.
    """
    from chidao.meetings.builders import build_conclusion_notice_docx, get_notice_filename

    if meeting.notice_document_id:
        raise ValidationError(_("Thông báo kết luận của phiên họp này đã vào sổ."))
    if not meeting.conclusions.exists():
        raise ValidationError(_("Phiên họp chưa có kết luận nào để thông báo."))
    number = normalize_text(number)
    if not number:
        raise ValidationError({"number": _("Ghi số của thông báo.")})
    if issued_on < meeting.held_on:
        raise ValidationError(
            {
                "issued_on": _("Ngày thông báo không thể trước ngày họp (%(date)s).")
                % {"date": meeting.held_on.strftime("%d/%m/%Y")}
            }
        )
    committee = meeting.committee
    party = get_report_layout(committee.host_unit.kind) == ReportLayout.PARTY
    symbol = format_notice_symbol(party=party, number=number)
    content = build_conclusion_notice_docx(meeting, number=number, issued_on=issued_on)
    file = ContentFile(content, name=get_notice_filename(meeting))
    try:
        document = do_register_document(
            by=by,
            symbol=symbol,
            issuing_unit=committee.host_unit,
            issued_on=issued_on,
            summary=_("Kết luận của %(chair)s tại %(meeting)s của %(committee)s")
            % {
                "chair": _get_chair_phrase(meeting),
                "meeting": meeting.title.lower(),
                "committee": committee.name,
            },
            signer=meeting.chair.person.full_name if meeting.chair else "",
            committee=committee,
            file=file,
            allow_existing=False,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict") and "symbol" in error.message_dict:
            raise ValidationError({"number": error.message_dict["symbol"]}) from None
        raise
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    current.notice_document = document
    set_history_user(current, by)
    current.save()
    meeting.notice_document = document
    for link in ConclusionTask.objects.filter(
        conclusion__meeting=meeting, task__source_document__isnull=True
    ).select_related("task", "conclusion"):
        do_update_task(
            task=link.task,
            by=by,
            source_document=document,
            source_clause=_("Mục %(number)s") % {"number": link.conclusion.number},
        )
    return document


def _get_chair_phrase(meeting: Meeting) -> str:
    if meeting.chair is None:
        return _("Ban Chỉ đạo")
    return _("đồng chí %(name)s, %(role)s") % {
        "name": meeting.chair.person.full_name,
        "role": meeting.chair.get_role_display(),
    }
