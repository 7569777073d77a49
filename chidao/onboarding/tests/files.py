"""Unit lists as provinces keep them, built as real .xlsx, .csv and .docx files."""

import csv
import io

from chidao.org.choices import UnitKind
from chidao.org.models import Unit

TITLE = ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "DANH SÁCH CƠ QUAN, ĐƠN VỊ THỰC HIỆN NGHỊ QUYẾT 57")
HEADER = ("TT", "Tên cơ quan, đơn vị", "Tên viết tắt", "Ghi chú")
NOTE = "Ghi chú: danh sách do Văn phòng UBND tỉnh lập, cập nhật sau sắp xếp tổ chức bộ máy."
# Thái Nguyên after the 2025 merger: a province not in the demo.
THAI_NGUYEN = (
    ("I", "KHỐI ĐẢNG"),
    ("1", "Tỉnh ủy Thái Nguyên", "Tỉnh ủy", ""),
    ("2", "Ban Tổ chức Tỉnh ủy", "", ""),
    ("II", "KHỐI CÁC SỞ, BAN, NGÀNH"),
    ("3", "Ủy ban nhân dân tỉnh Thái Nguyên", "UBND tỉnh", ""),
    ("4", "Văn phòng UBND tỉnh", "", ""),
    ("5", "Sở Khoa học và Công nghệ", "Sở KH&CN", "Thường trực"),
    ("6", "Sở Tài chính", "", ""),
    ("7", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", ""),
    ("8", "Sở Văn hóa, Thể thao và Du lịch", "", ""),
    ("9", "Công an tỉnh", "", ""),
    ("10", "Báo và Phát thanh, Truyền hình Thái Nguyên", "", ""),
    ("11", "Tỉnh đoàn Thái Nguyên", "", ""),
    ("12", "Ủy ban MTTQ Việt Nam tỉnh", "", ""),
    ("13", "Ngân hàng Nhà nước Khu vực 5", "", ""),
    ("III", "CẤP XÃ"),
    ("14", "UBND xã Phú Bình", "", ""),
    ("15", "UBND phường Phan Đình Phùng", "", ""),
)
THAI_NGUYEN_UNITS = 15


def build_list_xlsx(rows=THAI_NGUYEN, *, header=HEADER, title=TITLE, note=NOTE) -> bytes:
    """A workbook as a province sends it: title rows merged across, the header, section
    rows merged across, a blank row and a closing note merged across."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    width = len(header)
    for line in title:
        sheet.append([line] + [""] * (width - 1))
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
        )
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row) + [""] * (width - len(row)))
        if len(row) == 2:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=width
            )
    if note:
        sheet.append([])
        sheet.append([note] + [""] * (width - 1))
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_list_csv(rows, *, header=("STT", "Đơn vị", "Loại", "Trực thuộc")) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def build_list_docx(rows, *, header=("STT", "Tên đơn vị", "Tên gọi khác")) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("DANH SÁCH ĐƠN VỊ")
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
    document.add_paragraph("Nơi nhận: như trên.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_nam_dinh() -> dict[str, Unit]:
    """The demo's other province, as the demo names it: its units must never be touched."""
    ubnd = Unit.objects.create(
        code="ND-UBND",
        name="Ủy ban nhân dân tỉnh Nam Định",
        short_name="UBND tỉnh",
        kind=UnitKind.PEOPLES_COMMITTEE,
    )
    units = {"ubnd": ubnd}
    for code, name, short in (
        ("ND-SKHCN", "Sở Khoa học và Công nghệ tỉnh Nam Định", "Sở KH&CN"),
        ("ND-STC", "Sở Tài chính tỉnh Nam Định", "Sở Tài chính"),
        ("ND-SGDDT", "Sở Giáo dục và Đào tạo tỉnh Nam Định", "Sở GD&ĐT"),
    ):
        units[code] = Unit.objects.create(
            code=code, name=name, short_name=short, kind=UnitKind.DEPARTMENT, parent=ubnd
        )
    return units
