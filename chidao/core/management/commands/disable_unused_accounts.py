from django.conf import settings
from django.core.management.base import BaseCommand

from chidao.core.accounts import do_disable_unused_accounts


class Command(BaseCommand):
    help = "Khóa tài khoản không đăng nhập quá CHIDAO_ACCOUNT_INACTIVE_DAYS ngày."

    def handle(self, *args, **options):
        names = do_disable_unused_accounts()
        days = settings.CHIDAO_ACCOUNT_INACTIVE_DAYS
        self.stdout.write(f"Đã khóa {len(names)} tài khoản không dùng quá {days} ngày.")
