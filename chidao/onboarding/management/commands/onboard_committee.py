"""``manage.py onboard_committee UNITS_FILE --name NAME --level province|commune --place PLACE
--standing-unit NAME --secretariat USERNAME [--parent PK] [--commit] [--json]``.

Reads a unit list (.xlsx, .docx or .csv) as the set-up page does and prints the preview:
what each row becomes and every error. Without ``--commit`` nothing is written. With it,
the units, the committee and the secretariat's account are created, all or nothing, by
the same services the pages use, and the account's one-time sign-in link is printed (on
standard error with ``--json``, so standard output stays one JSON object).

With ``--json`` standard output is exactly one object::

    {"committee": PK or null, "units": N, "rows": [...], "errors": [...]}

``committee`` is null unless the committee was created; ``units`` counts the committee's
units (created or reused); each row has ``label``, ``name``, ``full_name``,
``short_name``, ``kind``, ``parent``, ``outcome``, ``errors`` and ``warnings``.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.onboarding.plans import build_onboarding_plan
from chidao.onboarding.services import do_commit_onboarding, do_start_onboarding


class Command(BaseCommand):
    help = "Tạo Ban Chỉ đạo từ danh sách đơn vị (.xlsx, .docx, .csv): xem trước; --commit để tạo."

    def add_arguments(self, parser):
        parser.add_argument("units_file", type=Path)
        parser.add_argument("--name", required=True, help="Tên Ban Chỉ đạo.")
        parser.add_argument(
            "--level", required=True, choices=[CommitteeLevel.PROVINCE, CommitteeLevel.COMMUNE]
        )
        parser.add_argument("--place", required=True, help="Ví dụ “Thái Nguyên”, “xã Phú Bình”.")
        parser.add_argument("--standing-unit", required=True, help="Cơ quan thường trực.")
        parser.add_argument("--secretariat", required=True, help="Tên đăng nhập Thường trực.")
        parser.add_argument("--secretariat-name", default="", help="Họ và tên cán bộ Thường trực.")
        parser.add_argument("--parent", type=int, default=None, help="Ban Chỉ đạo cấp trên.")
        parser.add_argument("--commit", action="store_true", help="Tạo Ban Chỉ đạo.")
        parser.add_argument("--json", action="store_true", help="In một đối tượng JSON.")

    def handle(self, *args, **options):
        as_json = options["json"]
        path: Path = options["units_file"]
        errors: list[str] = []
        parent = None
        if options["parent"] is not None:
            parent = Committee.objects.filter(pk=options["parent"]).first()
            if parent is None:
                errors.append(f"Không có Ban Chỉ đạo số {options['parent']}.")
        if not path.is_file():
            errors.append(f"Không có tệp {path}.")
        if errors:
            return self._finish(None, None, errors, as_json, commit=options["commit"])
        plan, committee = None, None
        # The preview keeps nothing: the stored list is rolled back unless committing.
        with transaction.atomic():
            try:
                onboarding = do_start_onboarding(
                    by=None,
                    name=options["name"],
                    level=options["level"],
                    place=options["place"],
                    parent=parent,
                    standing_unit_name=options["standing_unit"],
                    secretariat_username=options["secretariat"],
                    secretariat_full_name=options["secretariat_name"],
                    filename=path.name,
                    content=path.read_bytes(),
                )
            except ValidationError as error:
                transaction.set_rollback(True)
                return self._finish(None, None, error.messages, as_json, commit=options["commit"])
            plan = build_onboarding_plan(onboarding)
            errors = list(plan.errors) + [
                f"{row.label}: {message}" for row in plan.rows_with_errors for message in row.errors
            ]
            if not options["commit"] or not plan.can_commit:
                transaction.set_rollback(True)
            else:
                try:
                    result = do_commit_onboarding(onboarding=onboarding, by=None)
                except ValidationError as error:
                    transaction.set_rollback(True)
                    errors.extend(error.messages)
                else:
                    committee = result.committee
                    self._hand_over(result.handover, as_json)
        return self._finish(plan, committee, errors, as_json, commit=options["commit"])

    def _hand_over(self, handover, as_json: bool) -> None:
        line = (
            f"Tài khoản Thường trực “{handover.username}”: liên kết đặt mật khẩu (dùng một lần, "
            f"{handover.valid_days} ngày): {handover.link}"
        )
        (self.stderr if as_json else self.stdout).write(line)

    def _finish(self, plan, committee, errors: list[str], as_json: bool, *, commit: bool):
        rows = [_row_data(row) for row in plan.rows] if plan else []
        units = len(plan.units) if plan else 0
        if as_json:
            self.stdout.write(
                json.dumps(
                    {
                        "committee": committee.pk if committee else None,
                        "units": units,
                        "rows": rows,
                        "errors": errors,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            for row in rows:
                self.stdout.write(
                    f"{row['label']}\t{row['outcome']}\t{row['kind']}\t{row['full_name']}"
                )
                for message in row["errors"]:
                    self.stdout.write(f"    ✗ {message}")
                for message in row["warnings"]:
                    self.stdout.write(f"    ! {message}")
            if plan is not None and plan.host and plan.standing:
                self.stdout.write(
                    f"Cơ quan thành lập: {plan.host.full_name}; cơ quan thường trực: "
                    f"{plan.standing.full_name}; {units} đơn vị; {len(plan.skipped)} dòng "
                    "không phải đơn vị."
                )
            for message in errors:
                self.stderr.write(self.style.ERROR(message))
            if committee is not None:
                self.stdout.write(
                    self.style.SUCCESS(f"Đã tạo Ban Chỉ đạo số {committee.pk} với {units} đơn vị.")
                )
        if commit and committee is None:
            raise CommandError(
                "Chưa tạo Ban Chỉ đạo: " + (errors[0] if errors else "không có đơn vị.")
            )


def _row_data(row) -> dict:
    return {
        "label": row.label,
        "name": row.name,
        "full_name": row.full_name,
        "short_name": row.short_name,
        "kind": row.kind,
        "parent": row.parent_name,
        "outcome": str(row.outcome.value),
        "errors": [str(message) for message in row.errors],
        "warnings": [str(message) for message in row.warnings],
    }
