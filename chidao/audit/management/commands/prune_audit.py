from django.core.management.base import BaseCommand

from chidao.audit.services import do_prune_audit, get_retention_days


class Command(BaseCommand):
    help = "Xóa nhật ký và lịch sử thay đổi cũ hơn thời hạn lưu (CHIDAO_AUDIT_RETENTION_DAYS)."

    def handle(self, *args, **options):
        deleted = do_prune_audit()
        total = sum(deleted.values())
        self.stdout.write(f"Đã xóa {total} bản ghi cũ hơn {get_retention_days()} ngày.")
