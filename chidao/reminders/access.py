"""The one gate for notifications: a user reaches only their own."""

from django.http import Http404

from chidao.reminders.models import Notification


def access_notification(user, pk) -> Notification:
    """The notification ``pk`` if it is addressed to ``user``; 404 otherwise (even for
    admins: a notice is private to its recipient)."""
    notification = Notification.objects.filter(pk=pk, recipient=user).first()
    if notification is None:
        raise Http404
    return notification
