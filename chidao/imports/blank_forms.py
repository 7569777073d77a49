"""Blank workbooks for each import: the columns the import reads, two example rows, and a
sheet that explains every column in Vietnamese (``build_import_template``)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from chidao.core.spreadsheets import get_workbook_bytes, write_row
from chidao.imports.choices import ImportKind


def _task_columns():
    return [
        ("TT", _("Số thứ tự. Dòng nhóm ghi số La Mã (I, II…) và tên nhóm ở cột sau."), "1"),
        (
            "Tên nhiệm vụ",
            _("Nội dung nhiệm vụ như trong kế hoạch."),
            "Xây dựng kế hoạch chuyển đổi số",
        ),
        (
            "Cơ quan chủ trì",
            _("Một cơ quan. Nếu ghi nhiều, cơ quan đầu tiên chủ trì, các cơ quan sau phối hợp."),
            "Sở KH&CN",
        ),
        (
            "Cơ quan phối hợp",
            _("Nhiều cơ quan cách nhau bởi dấu phẩy hoặc chấm phẩy; được ghi “Các sở, ngành”."),
            "Sở Tài chính; các sở, ngành",
        ),
        ("Kết quả/Sản phẩm", _("Sản phẩm đầu ra, ví dụ “Quyết định của UBND tỉnh”."), "Kế hoạch"),
        (
            "Thời gian hoàn thành",
            _("Ví dụ: 6/2025, Quý II/2025, 30/6/2025, 2025 - 2026, Hằng năm, Thường xuyên."),
            "Quý II/2025",
        ),
    ]


def _indicator_columns():
    return [
        (
            "TT",
            _("Số thứ tự; chỉ tiêu con ghi 11.1, 11.2… Dòng mục “I Đến năm 2030” cho năm."),
            "1",
        ),
        ("Chỉ tiêu", _("Tên chỉ tiêu."), "Tỉ lệ sử dụng dịch vụ công trực tuyến"),
        ("Đơn vị", _("Đơn vị tính: %, Thứ bậc, Doanh nghiệp…"), "%"),
        (
            "Kết quả",
            _("Mục tiêu như văn bản ghi: ≥ 55; 40 - 50; > 0,7; ≤ 3 Đông Nam Á; ≤ 50 Thế giới."),
            "≥ 80",
        ),
        ("Cơ quan chủ trì theo dõi, đánh giá", _("Một cơ quan."), "Sở KH&CN"),
    ]


def build_import_template(kind: str) -> bytes:
    """An .xlsx to fill in for an import of ``kind``, written through the one writer."""
    from openpyxl import Workbook  # on first use: a worker that never exports does not hold it
    from openpyxl.styles import Font

    columns = _indicator_columns() if kind == ImportKind.INDICATORS else _task_columns()
    book = Workbook()
    sheet = book.active
    sheet.title = _("Dữ liệu")
    for cell in write_row(sheet, 1, [name for name, _help, _example in columns]):
        cell.font = Font(bold=True)
    if kind == ImportKind.INDICATORS:
        write_row(sheet, 2, ["I", _("Đến năm 2030")])
    else:
        write_row(sheet, 2, ["I", _("Nhóm nhiệm vụ thứ nhất")])
    write_row(sheet, 3, [example for _name, _help, example in columns])
    guide = book.create_sheet(pgettext("trang tính", "Hướng dẫn"))
    write_row(guide, 1, [_("Cột"), _("Cách ghi")])
    for row, (name, help_text, _example) in enumerate(columns, start=2):
        write_row(guide, row, [name, help_text])
    write_row(
        guide,
        len(columns) + 3,
        [
            _("Lưu ý"),
            _(
                "Thứ tự cột và tên cột có thể khác đôi chút; dòng trống và dòng ghi chú được bỏ "
                "qua; không dùng công thức. Tệp tối đa 20 MB, 20.000 dòng."
            ),
        ],
    )
    guide.column_dimensions["A"].width = 36
    guide.column_dimensions["B"].width = 100
    return get_workbook_bytes(book)
