"""``manage.py export_upper_level --committee PK [--period "Quý II/2025"] [--xlsx] -o FILE``.

The same export as ``GET /api/v1/committees/{id}/export/`` (schema in docs/export.md),
for cron or for a secretariat without API access.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.api.exports import build_upper_level_export, build_upper_level_xlsx, parse_export_period
from chidao.committees.models import Committee


class Command(BaseCommand):
    help = "Xuất nhiệm vụ và chỉ tiêu của Ban Chỉ đạo cho báo cáo cấp trên (JSON hoặc .xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("--committee", type=int, required=True)
        parser.add_argument("--period", default="", help="2025, Quý II/2025, 6/2025…")
        parser.add_argument("--xlsx", action="store_true", help="Ghi tệp Excel thay vì JSON.")
        parser.add_argument("-o", "--output", type=Path, help="Tệp ghi ra (mặc định: in ra).")

    def handle(self, *args, **options):
        committee = Committee.objects.filter(pk=options["committee"]).first()
        if committee is None:
            raise CommandError("Không có Ban Chỉ đạo này.")
        try:
            period = parse_export_period(options["period"], timezone.localdate())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        data = build_upper_level_export(committee=committee, period=period)
        if options["xlsx"]:
            if not options["output"]:
                raise CommandError("Tệp Excel cần --output.")
            options["output"].write_bytes(build_upper_level_xlsx(data))
            return
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text)
