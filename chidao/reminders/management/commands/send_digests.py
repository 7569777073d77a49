from django.core.management.base import BaseCommand
from django.utils import timezone

from chidao.reminders.management.commands.send_reminders import parse_moment
from chidao.reminders.services import do_send_weekly_digests


class Command(BaseCommand):
    help = "Gửi bản tin tuần qua thư điện tử cho người dùng đến ngày nhận (mỗi tuần một lần)."

    def add_arguments(self, parser):
        parser.add_argument("--at", help="Thời điểm giả định (ISO 8601), để thử.")

    def handle(self, *args, at=None, **options):
        now = parse_moment(at) if at else timezone.now()
        result = do_send_weekly_digests(now=now)
        self.stdout.write(f"Đã tạo {result.created} bản tin, gửi {result.emailed} thư điện tử.")
