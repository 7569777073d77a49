import datetime

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from chidao.assignments.models import Task
from chidao.reminders.choices import Channel, NotificationKind
from chidao.reminders.models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    """An unread in-app notice about a task; give it a ``recipient`` and a ``task``."""

    class Meta:
        model = Notification

    kind = NotificationKind.TASK_OVERDUE
    channel = Channel.IN_APP
    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Task))
    object_id = factory.LazyAttribute(lambda n: n.task.pk)
    committee = factory.LazyAttribute(lambda n: n.task.committee)
    occurrence = datetime.date(2025, 7, 1)
    subject = factory.LazyAttribute(lambda n: f"Nhiệm vụ {n.task.code} đã quá hạn 1 ngày")
    text = "Nhiệm vụ đã quá hạn 1 ngày (thời hạn 30/06/2025) mà chưa hoàn thành."
    created_at = factory.LazyFunction(timezone.now)
    sent_at = factory.SelfAttribute("created_at")
