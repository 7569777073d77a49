from django.core.management.base import BaseCommand

from chidao.api.webhooks import do_send_due_webhooks


class Command(BaseCommand):
    help = "Gửi các sự kiện webhook đến hạn (thử lại theo lịch khi bên nhận lỗi)."

    def handle(self, *args, **options):
        count = do_send_due_webhooks()
        self.stdout.write(f"Đã thử gửi {count} sự kiện.")
