"""Urging by the secretariat (đôn đốc): on one task, or on a unit for all its overdue tasks.

Automatic notices come first (``rules``), then the escalation to the unit head and the
overseeing leader; an urge is the secretariat's own word on top, recorded as an ``Urge``
and delivered to the unit as a notice (and an email for those who chose email).
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.assignments.choices import TaskKind, TaskState, TaskStatus
from chidao.assignments.models import Task
from chidao.assignments.timeline import TimelineEntry, TimelineKind
from chidao.core.text import normalize_text
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.events import get_unit_user_ids, get_urged_ids
from chidao.reminders.models import Notification, Urge
from chidao.reminders.rules import get_local_date
from chidao.reminders.texts import format_date, get_task_link


def get_overdue_tasks(*, committee, unit, today):
    """The unit's overdue tasks in the committee, by deadline (the status rule, as of today)."""
    return (
        Task.objects.filter(
            committee=committee, lead_unit=unit, state=TaskState.OPEN, kind=TaskKind.DEADLINE
        )
        .with_status(today)
        .filter(status=TaskStatus.OVERDUE)
        .order_by("deadline_as_of", "code_sort", "pk")
    )


def get_units_to_urge(roles, *, today=None) -> list[dict]:
    """Units with overdue tasks in the committees ``roles`` manage (all for an admin): the
    committee, the unit and how many, most overdue tasks first. One query."""
    today = today or get_local_date(timezone.now())
    tasks = Task.objects.filter(state=TaskState.OPEN, kind=TaskKind.DEADLINE)
    if not roles.is_admin:
        tasks = tasks.filter(committee__in=roles.secretariat_scope)
    rows = (
        tasks.with_status(today)
        .filter(status=TaskStatus.OVERDUE)
        .values("committee", "committee__name", "lead_unit", "lead_unit__name")
        .annotate(overdue=Count("pk"))
        .order_by("-overdue", "lead_unit__name")
    )
    return list(rows)


def _deliver(urge: Urge, recipients, subject: str, text: str, link: str, now) -> None:
    from chidao.reminders.services import create_notifications_once, get_deliveries

    content_type = ContentType.objects.get_for_model(Urge)
    rows = []
    for recipient_id, delivery in get_deliveries(recipients).items():
        common = {
            "recipient_id": recipient_id,
            "kind": NotificationKind.URGED,
            "committee_id": urge.committee_id,
            "task_id": urge.task_id,
            "content_type": content_type,
            "object_id": urge.pk,
            "occurrence": get_local_date(now),
            "subject": subject,
            "text": text,
            "link": link,
            "created_at": now,
        }
        if delivery.in_app:
            rows.append(Notification(channel=Channel.IN_APP, sent_at=now, **common))
        if delivery.email:
            rows.append(Notification(channel=Channel.EMAIL, **common))
    create_notifications_once(rows)


def do_urge_task(*, task: Task, by, message: str, now: datetime | None = None) -> Urge:
    """Urge the lead unit on ``task`` (its focal person, else its officers; its head too).

    The caller checked that ``by`` may urge the task
    (``access_task(..., URGE_ACTION)``). Emails wait for the delivery job.
    """
    message = _clean_message(message)
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        return _urge_task(task, by, message, now)


def do_urge_tasks(*, tasks: list[Task], by, message: str, now: datetime | None = None):
    """Urge each task's lead unit with the same message (the overdue list's checkboxes):
    one ``Urge`` per task, all or none. The caller checked ``URGE_ACTION`` on every task."""
    message = _clean_message(message)
    if not tasks:
        raise ValidationError({"task": _("Hãy chọn ít nhất một nhiệm vụ để đôn đốc.")})
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        return [_urge_task(task, by, message, now) for task in tasks]


def _clean_message(message: str) -> str:
    message = normalize_text(message)  # NFC: the notices are bulk-inserted
    if not message:
        raise ValidationError({"message": _("Nội dung đôn đốc không được để trống.")})
    return message


def _urge_task(task: Task, by, message: str, now: datetime) -> Urge:
    urge = Urge.objects.create(
        committee_id=task.committee_id,
        task=task,
        unit_id=task.lead_unit_id,
        message=message,
        by=by,
        created_at=now,
    )
    urge.tasks.set([task])
    recipients = set(get_urged_ids(task)) | set(get_unit_user_ids(task.lead_unit_id, heads=True))
    subject = _("Thường trực đôn đốc nhiệm vụ %(code)s") % {"code": task.code}
    text = _("Nhiệm vụ %(task)s (thời hạn %(deadline)s): %(message)s") % {
        "task": f"{task.code} “{task.title}”".strip(),
        "deadline": format_date(task.deadline),
        "message": message,
    }
    _deliver(urge, recipients - {by.pk}, subject, text, get_task_link(task.pk), now)
    return urge


def do_urge_unit(*, committee, unit, by, message: str, now: datetime | None = None) -> Urge:
    """Urge ``unit`` on all its overdue tasks in ``committee``: one notice listing them, to
    the unit's officers and head. The caller checked that ``by`` manages the committee.
    Refused when the unit has no overdue task."""
    message = _clean_message(message)
    now = now or timezone.now()
    today = get_local_date(now)
    with transaction.atomic(durable=True):
        overdue = list(get_overdue_tasks(committee=committee, unit=unit, today=today))
        if not overdue:
            raise ValidationError(_("Đơn vị không có nhiệm vụ quá hạn."))
        urge = Urge.objects.create(
            committee=committee, unit=unit, message=message, by=by, created_at=now
        )
        urge.tasks.set(overdue)
        lines = [
            ngettext(
                "- %(task)s, hạn %(deadline)s, quá %(days)s ngày",
                "- %(task)s, hạn %(deadline)s, quá %(days)s ngày",
                (today - task.deadline_as_of).days,
            )
            % {
                "task": f"{task.code} {task.title}".strip(),
                "deadline": format_date(task.deadline_as_of),
                "days": (today - task.deadline_as_of).days,
            }
            for task in overdue
        ]
        subject = ngettext(
            "Thường trực đôn đốc %(count)s nhiệm vụ quá hạn",
            "Thường trực đôn đốc %(count)s nhiệm vụ quá hạn",
            len(overdue),
        ) % {"count": len(overdue)}
        text = "\n".join(
            [
                message,
                _("Các nhiệm vụ quá hạn của %(unit)s:") % {"unit": unit},
                *lines,
            ]
        )
        recipients = set(get_unit_user_ids(unit.pk, heads=False)) | set(
            get_unit_user_ids(unit.pk, heads=True)
        )
        _deliver(urge, recipients - {by.pk}, subject, text, "", now)
    return urge


def get_urge_timeline_entries(task: Task) -> list[TimelineEntry]:
    """The urges that named ``task`` (alone or among a unit's overdue tasks), as entries of
    the task's timeline (registered in ``RemindersConfig.ready``). One query."""
    # Newest first as the model orders them, sorted here: cheaper than Django's ORDER BY on
    # these joined rows (``assignments.timeline.get_task_records`` says why).
    urges = sorted(
        Urge.objects.filter(tasks=task).select_related("by__person__unit", "unit").order_by(),
        key=lambda urge: (urge.created_at, urge.pk),
        reverse=True,
    )
    return [
        TimelineEntry(
            on=timezone.localdate(urge.created_at),
            at=urge.created_at,
            kind=TimelineKind.URGE,
            who=str(urge.by),
            unit=str(urge.by.unit or ""),
            text=urge.message,
            details=((_("Đơn vị được đôn đốc"), str(urge.unit)),),
        )
        for urge in urges
    ]
