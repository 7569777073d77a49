"""``manage.py generate_history [--provinces N] [--tasks N] [--seed N]``: generated task
histories with behaviour for the early warning's backtest (``scale.history``)."""

from django.core.management.base import BaseCommand

from chidao.scale.history import do_generate_history


class Command(BaseCommand):
    help = "Sinh lịch sử nhiệm vụ giả lập (có hành vi đơn vị) để kiểm tra cảnh báo sớm."

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=34)
        parser.add_argument("--tasks", type=int, default=40, help="Số nhiệm vụ mỗi tỉnh.")
        parser.add_argument("--seed", type=int, default=57)

    def handle(self, *args, **options):
        summary = do_generate_history(
            provinces=options["provinces"], tasks=options["tasks"], seed=options["seed"]
        )
        self.stdout.write(
            f"{summary.provinces} tỉnh, {summary.tasks} nhiệm vụ, {summary.reports} báo cáo, "
            f"{summary.deadline_changes} đề nghị lùi hạn; Ban Chỉ đạo: "
            f"{summary.committee_ids[0]}…{summary.committee_ids[-1]}"
        )
