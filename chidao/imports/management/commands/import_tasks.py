"""``manage.py import_tasks FILE --committee PK --user USERNAME [--unknown-names flag|text]
[--group-leads flag|fan-out|standing] [--commit] [--json]``.

Reads a plan appendix (.xlsx or .docx) as the upload page does and prints the preview:
what each row becomes and every error. With ``--commit`` the rows are written, all or
nothing, by the same service the page uses, acting as ``--user`` (who must manage the
committee). Decisions recorded in the preview of the same file apply here too.

With ``--json`` it prints one JSON object and nothing else::

    {"summary": {"tasks": N, "groups": M, "rows_with_errors": K, "skipped": S},
     "rows": [{"label", "group", "title", "lead", "coordinators", "coordinators_text",
               "deadline", "deadline_text", "kind", "output", "errors", "warnings"}]}

``lead`` and ``coordinators`` are full unit names, ``deadline`` an ISO date or null.
"""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.http import Http404

from chidao.committees.access import access_committee
from chidao.imports.choices import GroupLeads, GroupMode, ImportKind, UnknownNames
from chidao.imports.services import do_commit_task_import, do_upload_import
from chidao.imports.task_plans import build_task_plan
from chidao.org.models import User


class Command(BaseCommand):
    help = "Nhập danh mục nhiệm vụ từ tệp .xlsx hoặc .docx (xem trước; --commit để ghi)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--committee", type=int, required=True)
        parser.add_argument("--user", required=True, help="Tài khoản Thường trực thực hiện.")
        parser.add_argument("--prefix", default="", help="Tiền tố mã nhiệm vụ, ví dụ KH29-.")
        parser.add_argument("--group-mode", choices=GroupMode.values, default=GroupMode.EXPAND)
        parser.add_argument("--assigned-on", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--unknown-names",
            choices=UnknownNames.values,
            default=UnknownNames.FLAG,
            help="Cơ quan phối hợp ngoài danh mục: báo lỗi (flag) hoặc giữ nguyên tên (text).",
        )
        parser.add_argument(
            "--group-leads",
            choices=GroupLeads.values,
            default=GroupLeads.FLAG,
            help="Cơ quan chủ trì ghi là một cụm: báo lỗi, tách (fan-out) hoặc thường trực.",
        )
        parser.add_argument("--commit", action="store_true", help="Ghi vào hệ thống.")
        parser.add_argument("--json", action="store_true", help="In một đối tượng JSON.")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{options['user']}”.")
        try:
            committee = access_committee(user, options["committee"], "manage")
        except (Http404, PermissionDenied) as error:
            raise CommandError("Tài khoản không phải Thường trực của Ban Chỉ đạo này.") from error
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        # The preview keeps nothing: the stored upload is rolled back unless committing.
        with transaction.atomic():
            try:
                data_import = do_upload_import(
                    committee=committee,
                    by=user,
                    kind=ImportKind.TASKS,
                    filename=path.name,
                    content=path.read_bytes(),
                    group_mode=options["group_mode"],
                    unknown_names=options["unknown_names"],
                    group_leads=options["group_leads"],
                    code_prefix=options["prefix"],
                    assigned_on=options["assigned_on"],
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            plan = build_task_plan(data_import)
            if options["json"]:
                self.stdout.write(json.dumps(get_plan_json(plan), ensure_ascii=False))
            else:
                self._print_plan(plan)
            if plan.errors:
                transaction.set_rollback(True)
                raise CommandError(" ".join(plan.errors))
            if not options["commit"]:
                transaction.set_rollback(True)
                return
            try:
                do_commit_task_import(data_import=data_import, by=user)
            except ValidationError as error:
                transaction.set_rollback(True)
                raise CommandError(" ".join(error.messages)) from error
        if not options["json"]:
            self.stdout.write(self.style.SUCCESS(f"Đã ghi {len(plan.rows_to_create)} nhiệm vụ."))

    def _print_plan(self, plan) -> None:
        for error in plan.errors:
            self.stdout.write(self.style.ERROR(error))
        for row in plan.rows:
            lead = row.lead_unit.name if row.lead_unit else "?"
            self.stdout.write(f"{row.label}\t{row.code}\t{row.outcome.label}\t{lead}")
            for problem in row.errors:
                hint = ", ".join(unit.name for unit in problem.suggestions)
                self.stdout.write(f"    ✗ {problem.text}" + (f" Gợi ý: {hint}" if hint else ""))
            for warning in row.warnings:
                self.stdout.write(f"    ! {warning}")
        self.stdout.write(
            f"Tạo mới: {len(plan.rows_to_create)}; có lỗi: {len(plan.rows_with_errors)}; "
            f"đã có: {len(plan.rows_existing)}; nhóm: {len(plan.groups)}; "
            f"dòng bỏ qua: {len(plan.skipped)}."
        )


def get_plan_json(plan) -> dict:
    """The preview as the ``--json`` contract prints it (see the module docstring)."""
    rows = []
    for row in plan.rows:
        errors = []
        for problem in row.errors:
            hint = ", ".join(unit.name for unit in problem.suggestions)
            errors.append(f"{row.label}, {problem.text}" + (f" Gợi ý: {hint}." if hint else ""))
        rows.append(
            {
                "label": row.label,
                "group": row.group.code if row.group else None,
                "title": row.title,
                "lead": row.lead_unit.name if row.lead_unit else None,
                "coordinators": [unit.name for unit in row.coordinating_units],
                "coordinators_text": row.coordinators_text_value,
                "deadline": row.deadline.deadline.isoformat()
                if row.deadline and row.deadline.deadline
                else None,
                "deadline_text": row.deadline_text,
                "kind": row.deadline.kind if row.deadline else None,
                "output": row.output,
                "errors": errors,
                "warnings": list(row.warnings),
            }
        )
    return {
        "summary": {
            "tasks": len(plan.rows),
            "groups": len(plan.groups),
            "rows_with_errors": len(plan.rows_with_errors),
            "skipped": len(plan.skipped),
        },
        "rows": rows,
    }
