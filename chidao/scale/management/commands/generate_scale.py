import time

from django.core.management.base import BaseCommand

from chidao.scale.services import SCALES, do_generate_scale


class Command(BaseCommand):
    help = "Sinh dữ liệu giả lập quy mô tỉnh hoặc toàn quốc (xác định theo seed) để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="province")
        parser.add_argument("--seed", type=int, default=57)
        parser.add_argument("--tasks", type=int, help="Ghi đè số nhiệm vụ.")
        parser.add_argument("--progress", type=int, help="Ghi đè số báo cáo tiến độ.")
        parser.add_argument("--observations", type=int, help="Ghi đè số liệu chỉ tiêu.")
        parser.add_argument("--audit", type=int, help="Ghi đè số sự kiện nhật ký.")
        parser.add_argument("--communes", type=int, help="Ghi đè số xã (mỗi tỉnh).")
        parser.add_argument("--provinces", type=int, help="Ghi đè số tỉnh.")

    def handle(self, *args, **options):
        overrides = {
            key: options[key]
            for key in ("tasks", "progress", "observations", "audit", "communes", "provinces")
            if options[key] is not None
        }
        started = time.perf_counter()
        summary = do_generate_scale(scale=options["scale"], seed=options["seed"], **overrides)
        elapsed = time.perf_counter() - started
        for name, count in summary.counts.items():
            self.stdout.write(f"{name:>24}: {count:>10,}  ({summary.seconds[name]:.1f} s)")
        self.stdout.write(f"{'total':>24}: {elapsed:.1f} s")
