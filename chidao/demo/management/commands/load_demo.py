"""``manage.py load_demo``: load the demo committees and print the demo accounts."""

import argparse
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.demo.content import SITE_URL
from chidao.demo.services import (
    ALREADY_LOADED,
    DemoAccount,
    DemoSummary,
    do_load_demo,
    has_own_data,
    is_already_loaded,
    is_demo_installation,
)

_COLUMNS = ("Vai trò", "Tên đăng nhập", "Mật khẩu", "Cán bộ", "Đơn vị")


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'Ngày "{text}" không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-11-23.'
        ) from None


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: Ban Chỉ đạo tỉnh Nam Định (với ba Ban Chỉ đạo cấp xã) và tỉnh "
        "Long An, nhiệm vụ, chỉ tiêu và tài khoản dùng thử. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=_parse_day,
            help="Ngày coi là hôm nay (YYYY-MM-DD); mặc định là hôm nay. Dùng cho kiểm thử.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Nạp cả khi không ở chế độ dữ liệu mẫu (CHIDAO_DEMO=1 hoặc CHIDAO_DEBUG=1) "
                "hoặc khi cơ sở dữ liệu đã có tài khoản, đơn vị hay Ban Chỉ đạo. Ngoài chế độ "
                "dữ liệu mẫu, các tài khoản được tạo không có mật khẩu."
            ),
        )

    def handle(self, *args, today: date | None = None, force: bool = False, **options):
        if not force and not is_already_loaded():
            if not is_demo_installation():
                raise CommandError(
                    "Không nạp dữ liệu mẫu: hệ thống không ở chế độ dữ liệu mẫu (đặt "
                    "CHIDAO_DEMO=1 cho bản dùng thử). Nếu thật sự muốn nạp vào cơ sở dữ liệu "
                    "này, chạy lại với --force; tài khoản mẫu sẽ không có mật khẩu."
                )
            if has_own_data():
                raise CommandError(
                    "Không nạp dữ liệu mẫu: cơ sở dữ liệu đã có tài khoản, đơn vị hoặc Ban "
                    "Chỉ đạo. Nếu thật sự muốn trộn dữ liệu mẫu vào, chạy lại với --force."
                )
        summary = do_load_demo(today=today or timezone.localdate())
        if not summary.created:
            self.stdout.write(ALREADY_LOADED)
            return
        self.stdout.write(self.style.SUCCESS(_describe(summary)))
        self.stdout.write("")
        self.stdout.write(_account_table(summary.accounts))
        self.stdout.write("")
        self.stdout.write(
            f"Chạy `python manage.py runserver`, mở {SITE_URL} và đăng nhập bằng tài khoản trên."
        )
        self.stdout.write("Đặt biến môi trường CHIDAO_DEMO=1 để hiện dải báo dữ liệu mẫu.")


def _describe(summary: DemoSummary) -> str:
    return (
        f"Đã nạp dữ liệu mẫu tính đến ngày {summary.today:%d/%m/%Y}: "
        f"{summary.committees} Ban Chỉ đạo, {summary.units} đơn vị, "
        f"{summary.documents} văn bản, {summary.tasks} nhiệm vụ, "
        f"{summary.progress_updates} báo cáo tiến độ, {summary.indicators} chỉ tiêu, "
        f"{summary.observations} số liệu."
    )


def _account_table(accounts: tuple[DemoAccount, ...]) -> str:
    rows = [_COLUMNS] + [(a.role, a.username, a.password, a.full_name, a.unit) for a in accounts]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = [
        " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
