import datetime

from chidao.imports.choices import ImportKind
from chidao.imports.models import DataImport
from chidao.imports.tests.fixtures.plans import INDICATOR_HEADER, build_xlsx

OBSERVATION_HEADER = ("Mã chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Ghi chú")


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
    fields.setdefault("kind", ImportKind.TASKS)
    return DataImport.objects.create(
        committee=committee,
        filename=filename,
        content=content,
        uploaded_by=by,
        **fields,
    )


def build_indicator_import(*, committee, by, rows=None, **fields) -> DataImport:
    """A previewed indicator import of ``rows`` (default: one indicator with a 2030 target)."""
    rows = rows or [
        ("I", "Đến năm 2030", "", "", ""),
        ("1", "Tỉ lệ hồ sơ xử lý trực tuyến", "%", "≥ 80", ""),
    ]
    fields.setdefault("kind", ImportKind.INDICATORS)
    return build_task_import(
        committee=committee,
        by=by,
        content=build_xlsx(rows, header=INDICATOR_HEADER),
        filename="chi-tieu.xlsx",
        **fields,
    )


def build_observation_import(*, committee, by, rows=None, **fields) -> DataImport:
    """A previewed observation import of ``rows`` (default: one value of indicator "1")."""
    rows = rows or [("1", "Sở Tài chính", "2024", "80", "")]
    fields.setdefault("kind", ImportKind.OBSERVATIONS)
    return build_task_import(
        committee=committee,
        by=by,
        content=build_xlsx(rows, header=OBSERVATION_HEADER),
        filename="so-lieu.xlsx",
        **fields,
    )
