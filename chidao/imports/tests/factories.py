import datetime

from chidao.imports.choices import ImportKind
from chidao.imports.models import DataImport
from chidao.imports.tests.fixtures.plans import build_xlsx


def build_task_import(
    *, committee, by, rows=None, filename="ke-hoach.xlsx", content=None, **fields
) -> DataImport:
    """A previewed task import of ``rows`` (default: one group, one task)."""
    if content is None:
        rows = rows or [
            ("I.", "Nhóm thử nghiệm", "", "", "", ""),
            ("1.", "Xây dựng kế hoạch thử nghiệm", "Sở Tài chính", "", "Kế hoạch", "6/2030"),
        ]
        content = build_xlsx(rows)
    fields.setdefault("assigned_on", datetime.date(2025, 3, 1))
    return DataImport.objects.create(
        committee=committee,
        kind=ImportKind.TASKS,
        filename=filename,
        content=content,
        uploaded_by=by,
        **fields,
    )
