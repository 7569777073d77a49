"""Writes of the reminders app: creating notices idempotently, sending email, marking read.

Every notice is a ``Notification`` row per channel under a unique key. Creating them is one
``bulk_create(ignore_conflicts=True)``: whatever already exists (an earlier run, a run that
crashed, a worker next door) is left alone. Email rows are then delivered one by one, each
in its own transaction that first flips ``sent_at`` from empty: only the worker whose update
changed the row sends it, and a failure rolls the flip back so the next run retries it.
(A crash after the mail server accepted a message but before the commit can repeat that one
message; nothing can be lost.)
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.indicators.models import Indicator
from chidao.org.models import User
from chidao.proposals.models import Proposal
from chidao.reminders.choices import Channel, NotificationKind, Weekday
from chidao.reminders.digests import get_digest
from chidao.reminders.facts import get_facts
from chidao.reminders.models import Notification, NotificationPreference
from chidao.reminders.rules import (
    CYCLE,
    INDICATOR,
    PROPOSAL,
    WaitingKind,
    get_due_reminders,
    get_local_date,
)
from chidao.reminders.texts import (
    build_notice,
    get_cycle_link,
    get_indicator_link,
    get_proposal_link,
    get_task_link,
)
from chidao.reminders.workdays import get_announced_days
from chidao.reporting.models import ReportingCycle

logger = logging.getLogger(__name__)

# How many emails one run delivers at most; the rest wait for the next run.
EMAIL_BATCH = 500


@dataclass(frozen=True)
class SendResult:
    created: int
    emailed: int


@dataclass(frozen=True)
class Delivery:
    """Where a user's notices go: channels chosen and the email address, if any."""

    in_app: bool
    email: str  # empty: no email
    digest_weekday: int | None


def get_deliveries(user_ids) -> dict[int, Delivery]:
    """Each user's channels (defaults for users who never chose) in one query."""
    deliveries = {}
    rows = User.objects.filter(pk__in=user_ids, is_active=True).values_list(
        "pk",
        "email",
        "person__email",
        "notification_preference__in_app",
        "notification_preference__email",
        "notification_preference__digest_weekday",
        "notification_preference__pk",
    )
    for user_id, user_email, person_email, in_app, by_email, weekday, pref_id in rows:
        chosen = pref_id is not None
        address = user_email or person_email or ""
        deliveries[user_id] = Delivery(
            in_app=in_app if chosen else True,
            email=address if (by_email if chosen else True) else "",
            digest_weekday=weekday if chosen else Weekday.MONDAY,
        )
    return deliveries


def do_send_due_reminders(*, now: datetime | None = None) -> SendResult:
    """Create every notice due at ``now`` and deliver pending emails.

    Run by the periodic job and ``manage.py send_reminders``; safe to run at any time, as
    often as wanted, on several workers at once: notices are created once per key and each
    email is sent once. Permissions are not checked: the recipients are decided by the rules
    (``rules.get_due_reminders``) from the task's units, overseer and the secretariat.

    Returns how many notices this run created and how many emails it sent.
    """
    now = now or timezone.now()
    facts = get_facts(get_local_date(now))
    due = get_due_reminders(
        tasks=facts.tasks,
        waiting=facts.waiting,
        cycles=facts.cycles,
        indicators=facts.indicators,
        proposals=facts.proposals,
        rules=facts.rules,
        announced_days=get_announced_days(),
        now=now,
    )
    deliveries = get_deliveries({reminder.recipient_id for reminder in due})
    content_types = {
        "task": ContentType.objects.get_for_model(Task),
        WaitingKind.CLAIM: ContentType.objects.get_for_model(ProgressUpdate),
        WaitingKind.DEADLINE_REQUEST: ContentType.objects.get_for_model(DeadlineChange),
        CYCLE: ContentType.objects.get_for_model(ReportingCycle),
        INDICATOR: ContentType.objects.get_for_model(Indicator),
        PROPOSAL: ContentType.objects.get_for_model(Proposal),
    }
    rows = []
    for reminder in due:
        delivery = deliveries.get(reminder.recipient_id)
        if delivery is None:
            continue
        if reminder.object_kind == CYCLE:
            assert reminder.unit_id is not None  # the unit that owes the report
            subject, text = build_notice(
                reminder, None, cycle=facts.cycle_info[(reminder.object_id, reminder.unit_id)]
            )
            link = get_cycle_link(reminder.object_id)
        elif reminder.object_kind == INDICATOR:
            assert reminder.unit_id is not None  # the unit that owes the value
            subject, text = build_notice(
                reminder,
                None,
                indicator=facts.indicator_info[(reminder.object_id, reminder.unit_id)],
            )
            link = get_indicator_link()
        elif reminder.object_kind == PROPOSAL:
            subject, text = build_notice(
                reminder, None, proposal=facts.proposal_info[reminder.object_id]
            )
            link = get_proposal_link(reminder.object_id)
        else:
            assert reminder.task_id is not None  # a task's reminder, or a claim's on a task
            subject, text = build_notice(
                reminder,
                facts.task_info[reminder.task_id],
                facts.waiting_info.get((reminder.object_kind, reminder.object_id)),
            )
            link = get_task_link(reminder.task_id)
        common = {
            "recipient_id": reminder.recipient_id,
            "kind": reminder.kind,
            "committee_id": reminder.committee_id,
            "task_id": reminder.task_id,
            "content_type": content_types[reminder.object_kind],
            "object_id": reminder.object_id,
            "occurrence": reminder.occurrence,
            "subject": subject,
            "text": text,
            "link": link,
            "created_at": now,
        }
        if delivery.in_app:
            rows.append(Notification(channel=Channel.IN_APP, sent_at=now, **common))
        if delivery.email:
            rows.append(Notification(channel=Channel.EMAIL, **common))
    created = create_notifications_once(rows)
    emailed = deliver_pending_emails(now=now)
    return SendResult(created=created, emailed=emailed)


def create_notifications_once(rows: list[Notification]) -> int:
    """Insert the rows whose key is new; return how many were new when we looked.

    The one way notices are created (reminders, events, urging letters), so that a job
    run twice never sends a notice twice: the unique key decides, not the clock."""
    if not rows:
        return 0
    key_fields = ("kind", "content_type_id", "object_id", "occurrence", "recipient_id", "channel")
    with transaction.atomic():
        existing = set(
            Notification.objects.filter(
                occurrence__in={row.occurrence for row in rows},
                recipient__in={row.recipient_id for row in rows},
            ).values_list(*key_fields)
        )
        new = [row for row in rows if tuple(getattr(row, f) for f in key_fields) not in existing]
        # ignore_conflicts: a worker running at the same moment may have inserted some.
        Notification.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def deliver_pending_emails(*, now: datetime | None = None) -> int:
    """Send every email notice not sent yet (this run's and those a crashed run left).

    Each message is its own unit of work: claimed by setting ``sent_at`` only where it is
    still empty, sent, committed. Two workers never both claim one message; a failure rolls
    the claim back and the next run tries again. Returns the number sent.
    """
    now = now or timezone.now()
    pending = list(
        Notification.objects.filter(channel=Channel.EMAIL, sent_at__isnull=True)
        .select_related("recipient__person")
        .order_by("pk")[:EMAIL_BATCH]
    )
    return sum(_deliver_one(notification, now=now) for notification in pending)


def _deliver_one(notification: Notification, *, now: datetime) -> bool:
    """Claim one email notice and send it, in one transaction; True when this call sent it.

    The claim (``sent_at`` set only where still empty) is what stops a second worker: the
    one whose update changed no row has lost the race and sends nothing.
    """
    recipient = notification.recipient
    address = recipient.email or (recipient.person.email if recipient.person else "")
    try:
        with transaction.atomic():
            claimed = Notification.objects.filter(pk=notification.pk, sent_at__isnull=True).update(
                sent_at=now
            )
            if not claimed:
                return False
            if not address:
                logger.warning("Notification %s: recipient has no email", notification.pk)
                return False
            send_mail(
                subject=notification.subject,
                message=_email_body(notification),
                from_email=None,
                recipient_list=[address],
            )
    except (smtplib.SMTPException, OSError):
        logger.exception("Notification %s: email not sent, will retry", notification.pk)
        return False
    return True


def _email_body(notification: Notification) -> str:
    link = f"{settings.CHIDAO_SITE_URL}{notification.link}" if notification.link else ""
    return render_to_string(
        "reminders/email/notice.txt", {"notification": notification, "absolute_link": link}
    )


def do_send_weekly_digests(*, now: datetime | None = None) -> SendResult:
    """Email each user the week's digest on or after the weekday they chose.

    One digest per user per week (key: the user, the Monday of the week): a run that missed
    the chosen day sends it later in the week, a rerun sends nothing more. Users who turned
    email off, have no address or have nothing due, overdue or waiting get none.
    """
    now = now or timezone.now()
    today = get_local_date(now)
    week_start = today - timedelta(days=today.weekday())
    user_type = ContentType.objects.get_for_model(User)
    already = set(
        Notification.objects.filter(
            kind=NotificationKind.WEEKLY_DIGEST, occurrence=week_start
        ).values_list("recipient_id", flat=True)
    )
    candidates = (
        User.objects.filter(is_active=True)
        .exclude(pk__in=already)
        .filter(
            Q(notification_preference__isnull=True)
            | Q(
                notification_preference__email=True,
                notification_preference__digest_weekday__lte=today.weekday(),
            )
        )
        .select_related("person")
        .order_by("pk")
    )
    rows = []
    for user in candidates:
        if not (user.email or (user.person and user.person.email)):
            continue
        digest = get_digest(user, today)
        if digest.is_empty:
            continue
        text = render_to_string(
            "reminders/email/digest.txt",
            {"digest": digest, "user": user, "site_url": settings.CHIDAO_SITE_URL},
        )
        rows.append(
            Notification(
                recipient=user,
                kind=NotificationKind.WEEKLY_DIGEST,
                channel=Channel.EMAIL,
                content_type=user_type,
                object_id=user.pk,
                occurrence=week_start,
                subject=_("Chỉ Đạo: bản tin tuần %(day)s") % {"day": f"{week_start:%d/%m/%Y}"},
                text=text,
                created_at=now,
            )
        )
    created = create_notifications_once(rows)
    return SendResult(created=created, emailed=deliver_pending_emails(now=now))


def do_mark_read(*, by: User, notification: Notification, now: datetime | None = None) -> None:
    """Mark one of ``by``'s own notifications read (the caller fetched it through
    ``access.access_notification``). Reading twice keeps the first time."""
    if notification.recipient_id != by.pk:
        raise ValueError("a user marks only their own notifications")
    with transaction.atomic(durable=True):
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=now or timezone.now()
        )
    notification.refresh_from_db(fields=["read_at"])


def do_mark_all_read(*, by: User, now: datetime | None = None) -> int:
    """Mark every unread notification of ``by`` read; returns how many."""
    with transaction.atomic(durable=True):
        return Notification.objects.filter(recipient=by, read_at__isnull=True).update(
            read_at=now or timezone.now()
        )


def do_set_preferences(
    *, by: User, in_app: bool, email: bool, digest_weekday: int | None
) -> NotificationPreference:
    """Save ``by``'s own choice of channels and digest day."""
    with transaction.atomic(durable=True):
        preference, _created = NotificationPreference.objects.update_or_create(
            user=by,
            defaults={"in_app": in_app, "email": email, "digest_weekday": digest_weekday},
        )
    return preference
