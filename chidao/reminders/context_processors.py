from chidao.reminders.choices import Channel
from chidao.reminders.models import Notification


def unread_notifications(request):
    """The bell's count: one query on pages for a signed-in user, none otherwise."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = Notification.objects.filter(
        recipient=user, channel=Channel.IN_APP, read_at__isnull=True
    ).count()
    return {"unread_notification_count": count}
