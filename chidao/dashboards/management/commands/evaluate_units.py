"""``manage.py evaluate_units``: the units' evaluation per Quy định 366-QĐ/TW for a period."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.committees.models import Committee
from chidao.core.periods import Period, PeriodKind
from chidao.dashboards.evaluation import get_evaluation


def get_unit_json(unit) -> dict:
    """One unit as the ``--json`` output writes it (documented in docs/evaluation.md)."""
    return {
        "unit": unit.facts.name,
        "score": None if unit.total is None else float(unit.total),
        "rating": None if unit.rating is None else unit.rating.value,
        "rank": unit.rank,
        "directing": unit.directing,
        # Every level's point band and conditions, best level first, each met or not.
        "conditions": [
            {
                "level": check.rating.value,
                "key": c.key,
                "label": c.label,
                "met": c.met,
                "detail": c.detail,
            }
            for check in unit.checks
            for c in check.conditions
        ],
        "lead_due": unit.facts.lead.due,
        "lead_overdue": unit.facts.lead.overdue,
        "coordinating_due": unit.facts.coordinating.due,
        "exceeded": unit.lead.exceeded,
        "indicators_with_data": unit.indicators_with_data,
        "reports_due": unit.facts.reports_required,
    }


class Command(BaseCommand):
    help = (
        "Đánh giá, xếp loại các đơn vị theo Quy định 366-QĐ/TW cho một kỳ (quý, 6 tháng, "
        "năm) của một Ban Chỉ đạo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--committee", type=int, required=True, help="Mã số Ban Chỉ đạo.")
        parser.add_argument("--year", type=int, required=True, help="Năm đánh giá.")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--quarter", type=int, help="Quý (1–4); bỏ trống: cả năm.")
        which.add_argument("--half", type=int, help="6 tháng (1: đầu năm, 2: cuối năm).")
        parser.add_argument("--json", action="store_true", help="In một đối tượng JSON.")

    def handle(self, *args, committee, year, quarter=None, half=None, **options):
        found = Committee.objects.filter(pk=committee).first()
        if found is None:
            raise CommandError(f"Không có Ban Chỉ đạo mã số {committee}.")
        try:
            if quarter is not None:
                period = Period(PeriodKind.QUARTER, year, quarter)
            elif half is not None:
                period = Period(PeriodKind.SIX_MONTHS, year, half)
            else:
                period = Period(PeriodKind.YEAR, year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        sheet = get_evaluation(found, period, today=timezone.localdate())
        if options["json"]:
            self.stdout.write(_dumps({"units": [get_unit_json(u) for u in sheet.units]}))
            return
        self.stdout.write(f"{found.name}: {period.label} (đến ngày {sheet.as_of:%d/%m/%Y})")
        for unit in sheet.units:
            if unit.directing:
                result = "chỉ đạo, không đánh giá cùng các đơn vị"
            elif unit.rating is None:
                result = "chưa đủ dữ liệu để đánh giá"
            else:
                points = f"{unit.total:.1f}".replace(".", ",")
                result = f"{points} điểm, {unit.rating.value}"
            rank = f"{unit.rank:>3}" if unit.rank else "  -"
            self.stdout.write(f"{rank}  {unit.facts.name}: {result}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
