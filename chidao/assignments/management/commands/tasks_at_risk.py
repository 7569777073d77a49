"""``manage.py tasks_at_risk --committee PK [--as-of DATE] [--json]``.

The tasks of a committee not yet done whose forecast is not "đúng tiến độ", with the
reasons (``risk.get_tasks_at_risk``). With ``--json``, one object
``{"tasks": [{"label", "title", "lead", "deadline", "forecast", "risk", "reasons"}]}``;
dates dd/mm/yyyy, ``forecast`` null when no date can be estimated (the task stalled).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.assignments.choices import Risk
from chidao.assignments.models import Task
from chidao.assignments.risk import get_task_label, get_tasks_at_risk
from chidao.committees.models import Committee
from chidao.core.asof import parse_as_of


def _day(value) -> str | None:
    return f"{value:%d/%m/%Y}" if value else None


class Command(BaseCommand):
    help = "Liệt kê nhiệm vụ có nguy cơ chậm của một Ban Chỉ đạo, kèm lý do."

    def add_arguments(self, parser):
        parser.add_argument("--committee", type=int, required=True)
        parser.add_argument(
            "--as-of", default="", help="Ngày dự báo, dd/mm/yyyy (mặc định: hôm nay)."
        )
        parser.add_argument("--json", action="store_true", help="In một đối tượng JSON.")

    def handle(self, *args, **options):
        committee = Committee.objects.filter(pk=options["committee"]).first()
        if committee is None:
            raise CommandError("Không có Ban Chỉ đạo này.")
        as_of = timezone.localdate()
        if options["as_of"]:
            as_of = parse_as_of(options["as_of"])
            if as_of is None:
                raise CommandError("Không đọc được ngày (ghi theo dạng dd/mm/yyyy).")
        found = get_tasks_at_risk(Task.objects.filter(committee=committee), as_of)
        rows = [
            {
                "label": get_task_label(item.task.code, item.task.title),
                "title": item.task.title,
                "lead": item.task.lead_unit.name,
                "deadline": _day(item.task.get_deadline_on(as_of)),
                "forecast": _day(item.forecast.expected_on),
                "risk": str(Risk(item.forecast.risk).label),
                "reasons": list(item.forecast.reasons),
            }
            for item in found
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"tasks": rows}, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(f"Không có nhiệm vụ nào có nguy cơ chậm ngày {as_of:%d/%m/%Y}.")
            return
        for row in rows:
            self.stdout.write(
                f"{row['label']} — {row['risk']} — thời hạn {row['deadline']}, "
                f"dự kiến {row['forecast'] or 'không ước tính được'} — {row['lead']}"
            )
            for reason in row["reasons"]:
                self.stdout.write(f"    · {reason}")
