"""Notices of what just happened to a task: the receiver of ``assignments.signals.task_event``.

The services of ``assignments`` announce each event once its transaction has committed;
here it becomes a notice to whoever must act or wants to know: the secretariat for a
completion claim or a deadline request, the unit head for a report awaiting approval, the
author for a review, the requester for a decision, the unit for a leader's direction. The
key is (kind, the record, its day, recipient, channel), so an event announced twice gives
one notice. Emails are left for the delivery job (``jobs.deliver_emails_job``), so a page
never waits for the mail server.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.assignments.signals import TaskEventKind
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.org.models import User
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.models import Notification
from chidao.reminders.rules import get_local_date
from chidao.reminders.texts import format_date, get_task_link

_KINDS = {
    TaskEventKind.PROGRESS_AWAITS_UNIT_HEAD: NotificationKind.AWAITS_UNIT_HEAD,
    TaskEventKind.PROGRESS_ACCEPTED: NotificationKind.REPORT_ACCEPTED,
    TaskEventKind.COMPLETION_ACCEPTED: NotificationKind.COMPLETION_ACCEPTED,
    TaskEventKind.PROGRESS_RETURNED: NotificationKind.REPORT_RETURNED,
    TaskEventKind.DEADLINE_CHANGE_REQUESTED: NotificationKind.DEADLINE_REQUESTED,
    TaskEventKind.DEADLINE_CHANGE_APPROVED: NotificationKind.DEADLINE_DECIDED,
    TaskEventKind.DEADLINE_CHANGE_REJECTED: NotificationKind.DEADLINE_DECIDED,
    TaskEventKind.DIRECTION_GIVEN: NotificationKind.DIRECTION_GIVEN,
}
# A report reaching the secretariat is news only when it claims completion; plain
# progress reports are listed on the secretariat's page without a notice each.
_REACHES_SECRETARIAT = {TaskEventKind.PROGRESS_SUBMITTED, TaskEventKind.PROGRESS_APPROVED_BY_UNIT}


def get_secretariat_ids(committee_id: int, today) -> list[int]:
    seats = Membership.objects.filter(
        committee=committee_id,
        role__in=MemberRole.secretariat_roles(),
        person__user__is_active=True,
    ).filter(
        Q(started_on__isnull=True) | Q(started_on__lte=today),
        Q(ended_on__isnull=True) | Q(ended_on__gte=today),
    )
    return sorted(set(seats.values_list("person__user", flat=True)))


def get_unit_user_ids(unit_id: int, *, heads: bool) -> list[int]:
    return list(
        User.objects.filter(
            is_active=True, person__unit=unit_id, person__is_unit_leader=heads
        ).values_list("pk", flat=True)
    )


def get_urged_ids(task) -> list[int]:
    """Who answers for a task day to day: its focal person, else the lead unit's officers."""
    if task.focal_person_id:
        focal = User.objects.filter(is_active=True, person=task.focal_person_id).first()
        if focal:
            return [focal.pk]
    return get_unit_user_ids(task.lead_unit_id, heads=False) or get_unit_user_ids(
        task.lead_unit_id, heads=True
    )


def _audience(event: str, task, record, today) -> tuple[NotificationKind | None, list[int]]:
    if event in _REACHES_SECRETARIAT:
        if not record.claims_completion:
            return None, []
        return NotificationKind.COMPLETION_CLAIMED, get_secretariat_ids(task.committee_id, today)
    kind = _KINDS.get(event)
    if kind is None:
        return None, []
    if event == TaskEventKind.PROGRESS_AWAITS_UNIT_HEAD:
        return kind, get_unit_user_ids(record.unit_id, heads=True)
    if event == TaskEventKind.DEADLINE_CHANGE_REQUESTED:
        return kind, get_secretariat_ids(task.committee_id, today)
    if event in (TaskEventKind.DEADLINE_CHANGE_APPROVED, TaskEventKind.DEADLINE_CHANGE_REJECTED):
        return kind, [record.requested_by_id]
    if event == TaskEventKind.DIRECTION_GIVEN:
        return kind, get_urged_ids(task)
    return kind, [record.author_id]  # a review: the report's author


def _text(event: str, task, record, by) -> tuple[str, str]:
    values = {
        "code": task.code,
        "task": f"{task.code} “{task.title}”".strip(),
        "by": str(by) if by else "",
        "unit": str(getattr(record, "unit", "") or task.lead_unit),
    }
    if event in _REACHES_SECRETARIAT:
        values["output"] = record.completion_output
        return (
            _("Đề nghị xác nhận hoàn thành nhiệm vụ %(code)s") % values,
            _(
                "%(unit)s đề nghị xác nhận hoàn thành nhiệm vụ %(task)s, sản phẩm: "
                "%(output)s. Đề nghị Thường trực xem xét."
            )
            % values,
        )
    if event == TaskEventKind.PROGRESS_AWAITS_UNIT_HEAD:
        return (
            _("Báo cáo nhiệm vụ %(code)s chờ đồng chí duyệt") % values,
            _("%(by)s đã lập báo cáo tiến độ nhiệm vụ %(task)s, chờ lãnh đạo đơn vị duyệt gửi.")
            % values,
        )
    if event == TaskEventKind.PROGRESS_ACCEPTED:
        return (
            _("Báo cáo nhiệm vụ %(code)s đã được chấp nhận") % values,
            _("Thường trực đã chấp nhận báo cáo tiến độ nhiệm vụ %(task)s.") % values,
        )
    if event == TaskEventKind.COMPLETION_ACCEPTED:
        return (
            _("Nhiệm vụ %(code)s được xác nhận hoàn thành") % values,
            _("Thường trực đã xác nhận hoàn thành nhiệm vụ %(task)s.") % values,
        )
    if event == TaskEventKind.PROGRESS_RETURNED:
        values["reason"] = record.review_reason
        return (
            _("Báo cáo nhiệm vụ %(code)s bị trả lại") % values,
            _("Báo cáo tiến độ nhiệm vụ %(task)s bị trả lại. Lý do: %(reason)s") % values,
        )
    if event == TaskEventKind.DEADLINE_CHANGE_REQUESTED:
        values.update(old=format_date(record.old_deadline), new=format_date(record.new_deadline))
        return (
            _("Đề nghị điều chỉnh thời hạn nhiệm vụ %(code)s") % values,
            _(
                "Đề nghị điều chỉnh thời hạn nhiệm vụ %(task)s từ %(old)s sang %(new)s. "
                "Đề nghị Thường trực xem xét, quyết định."
            )
            % values,
        )
    if event in (TaskEventKind.DEADLINE_CHANGE_APPROVED, TaskEventKind.DEADLINE_CHANGE_REJECTED):
        values.update(old=format_date(record.old_deadline), new=format_date(record.new_deadline))
        approved = event == TaskEventKind.DEADLINE_CHANGE_APPROVED
        text = (
            _("Thường trực đồng ý điều chỉnh thời hạn nhiệm vụ %(task)s từ %(old)s sang %(new)s.")
            if approved
            else _(
                "Thường trực không đồng ý điều chỉnh thời hạn nhiệm vụ %(task)s; thời hạn vẫn "
                "là %(old)s."
            )
        )
        return _("Kết quả đề nghị điều chỉnh thời hạn nhiệm vụ %(code)s") % values, text % values
    values["text"] = record.text
    return (
        _("Ý kiến chỉ đạo về nhiệm vụ %(code)s") % values,
        _("%(by)s chỉ đạo về nhiệm vụ %(task)s: %(text)s") % values,
    )


def do_notify_task_event(*, event: str, task, record, by=None, now: datetime | None = None) -> int:
    """Create the in-app notice and the email twin of one task event; returns how many
    rows were new. Called after the event's transaction committed; the actor is never
    told of their own act."""
    from chidao.reminders.services import create_notifications_once, get_deliveries

    now = now or timezone.now()
    today = get_local_date(now)
    kind, recipients = _audience(event, task, record, today)
    recipients = [pk for pk in recipients if pk and (by is None or pk != by.pk)]
    if kind is None or not recipients:
        return 0
    subject, text = _text(event, task, record, by)
    content_type = ContentType.objects.get_for_model(type(record))
    rows = []
    for recipient_id, delivery in get_deliveries(recipients).items():
        common = {
            "recipient_id": recipient_id,
            "kind": kind,
            "committee_id": task.committee_id,
            "task_id": task.pk,
            "content_type": content_type,
            "object_id": record.pk,
            "occurrence": today,
            "subject": subject,
            "text": text,
            "link": get_task_link(task.pk),
            "created_at": now,
        }
        if delivery.in_app:
            rows.append(Notification(channel=Channel.IN_APP, sent_at=now, **common))
        if delivery.email:
            rows.append(Notification(channel=Channel.EMAIL, **common))
    return create_notifications_once(rows)


def on_task_event(sender, *, kind, task, record, by=None, **kwargs):
    do_notify_task_event(event=kind, task=task, record=record, by=by)
