"""``manage.py backtest_forecast (--committee PK [PK…] | --all) [--half first|second]
--from DATE --to DATE [--step DAYS] [--calibrate] [--json]``.

Replays history (``backtest.py``): on each date from ``--from`` to ``--to`` every
``--step`` days, the forecast made with what was known then is compared with what had
happened 30 days later. ``--half`` keeps the first or second half of the top-level
committees (in creation order), with the committees below them: calibrate on one half,
report on the other. ``--calibrate`` scores the grid of weights instead of the
committees' own.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from chidao.assignments.backtest import (
    calibrate,
    get_dates,
    score,
    take_snapshots,
)
from chidao.assignments.choices import TaskKind
from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.core.asof import parse_as_of


class Command(BaseCommand):
    help = "Đo độ chính xác của cảnh báo sớm trên dữ liệu lịch sử (backtest)."

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--committee", type=int, nargs="+")
        scope.add_argument("--all", action="store_true")
        parser.add_argument("--half", choices=("first", "second"))
        parser.add_argument("--from", dest="first", required=True)
        parser.add_argument("--to", dest="last", required=True)
        parser.add_argument("--step", type=int, default=30)
        parser.add_argument(
            "--data-end", default="", help="Ngày cuối của dữ liệu (mặc định: hôm nay)."
        )
        parser.add_argument("--calibrate", action="store_true")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        first, last = parse_as_of(options["first"]), parse_as_of(options["last"])
        if first is None or last is None or first > last:
            raise CommandError("Ngày --from, --to không đọc được hoặc không đúng thứ tự.")
        if options["step"] < 1:
            raise CommandError("--step phải từ 1 ngày trở lên.")
        if options["all"]:
            tops = list(
                Committee.objects.filter(parent__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        else:
            tops = list(
                Committee.objects.filter(pk__in=options["committee"])
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            if len(tops) != len(set(options["committee"])):
                raise CommandError("Không có Ban Chỉ đạo này.")
        if options["half"]:
            middle = (len(tops) + 1) // 2
            tops = tops[:middle] if options["half"] == "first" else tops[middle:]
        task_ids = list(
            Task.objects.filter(kind=TaskKind.DEADLINE)
            .filter(Q(committee__in=tops) | Q(committee__parent__in=tops))
            .values_list("pk", flat=True)
        )
        data_end = parse_as_of(options["data_end"]) if options["data_end"] else None
        if options["data_end"] and data_end is None:
            raise CommandError("Ngày --data-end không đọc được.")
        data_end = data_end or timezone.localdate()
        snapshots = take_snapshots(
            task_ids, get_dates(first, last, options["step"]), data_end=data_end
        )
        if options["calibrate"]:
            rows = [
                {
                    "pace_gap_percent": weights.pace_gap_percent,
                    "stale_report_days": weights.stale_report_days,
                    "risk_points": weights.risk_points,
                    **result.as_dict(),
                }
                for weights, result in calibrate(snapshots)
            ]
            data = {"committees": len(tops), "tasks": len(task_ids), "grid": rows}
        else:
            data = {
                "committees": len(tops),
                "tasks": len(task_ids),
                **score(snapshots).as_dict(),
            }
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if options["calibrate"]:
            for row in data["grid"]:
                ended = row["ended_late"]
                self.stdout.write(
                    f"gap {row['pace_gap_percent']:>2} % · stale {row['stale_report_days']:>2} "
                    f"days · points {row['risk_points']}: ended late: precision "
                    f"{ended['precision']} recall {ended['recall']} F1 {ended['f1']}"
                )
            return
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
