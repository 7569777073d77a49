from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from chidao.reminders.services import do_send_due_reminders


class Command(BaseCommand):
    help = (
        "Tạo và gửi các thông báo nhắc việc đến hạn (chạy lại bao nhiêu lần cũng không gửi trùng)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--at",
            help="Thời điểm giả định (ISO 8601, ví dụ 2025-06-23T08:00+07:00), để thử.",
        )

    def handle(self, *args, at=None, **options):
        now = parse_moment(at) if at else timezone.now()
        result = do_send_due_reminders(now=now)
        self.stdout.write(
            f"Đã tạo {result.created} thông báo mới, gửi {result.emailed} thư điện tử."
        )


def parse_moment(text: str):
    """The ``--at`` moment of the reminder commands; a naive time is in the site's time zone."""
    moment = parse_datetime(text)
    if moment is None:
        raise ValueError(f"not a datetime: {text}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
