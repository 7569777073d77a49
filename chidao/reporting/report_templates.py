"""Word templates of the consolidated report that a secretariat edits itself.

The secretariat downloads the default template (``build_default_template_docx``), edits
it in Word (its own letterhead, wording, extra paragraphs), keeping docxtpl placeholders
such as ``{{ dong_so }}`` or ``{%p for muc in kho_khan %}``, and uploads it back. The
upload is checked here (``check_report_template``): a file that is not Word, a broken
placeholder, or a name not in ``PLACEHOLDERS`` is refused with a Vietnamese message
naming the fault. Templates are rendered in Jinja's sandbox: a template is data a user
wrote, and must not reach Python objects.
"""

import zipfile
from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError

from chidao.reporting import builders
from chidao.reporting.choices import ReportLayout
from chidao.reporting.docx_layout import (
    add_heading,
    add_line,
    add_table,
    add_text,
    new_document,
    save_document,
    two_columns,
)
from chidao.reporting.gather import ReportData
from chidao.reporting.rules import get_period_phrase

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024

# Every name a template may use, with what it holds; shown on the template page.
PLACEHOLDERS: dict[str, str] = {
    "co_quan_cap_tren": "Tên cơ quan cấp trên (dòng trên của tên cơ quan ban hành)",
    "co_quan_ban_hanh": "Tên cơ quan ban hành (Ban Chỉ đạo)",
    "quoc_hieu": "Quốc hiệu hoặc “ĐẢNG CỘNG SẢN VIỆT NAM” theo thể thức",
    "tieu_ngu": "Tiêu ngữ (để trống với văn bản của Đảng)",
    "dong_so": "Dòng số, ký hiệu, ví dụ “Số: 15/BC-BCĐ”",
    "dia_danh_ngay": "Địa danh và ngày tháng, ví dụ “Nam Định, ngày 05 tháng 02 năm 2026”",
    "trich_yeu": "Trích yếu nội dung báo cáo",
    "ky_bao_cao": "Kỳ báo cáo, ví dụ “quý III năm 2026”",
    "ky_so_lieu": "Kỳ số liệu, ví dụ “từ ngày 15/06/2026 đến ngày 14/09/2026”",
    "ngay_so_lieu": "Ngày tính số liệu (dd/mm/yyyy)",
    "tong_quan": "Đoạn tổng quan tình hình thực hiện nhiệm vụ",
    "tinh_hinh_gui_bao_cao": "Câu tổng hợp tình hình gửi báo cáo của các đơn vị",
    "tong": "Dòng tổng cộng: tong.tong_so, tong.dung_han, tong.qua_han_hoan_thanh, "
    "tong.trong_han, tong.qua_han, tong.thuong_xuyen, tong.dung, tong.ty_le_hoan_thanh",
    "nhom": "Danh sách nhóm nhiệm vụ (mỗi dòng: ma, ten, và các số như ở “tong”)",
    "chi_tieu": "Danh sách chỉ tiêu: ma, ten, don_vi_tinh, muc_tieu, ket_qua, ty_le, danh_gia",
    "nhiem_vu_qua_han": "Nhiệm vụ quá hạn: ma, ten, chu_tri, thoi_han, so_ngay_qua_han, "
    "nguyen_nhan",
    "ket_qua_don_vi": "Kết quả do đơn vị báo cáo: don_vi, noi_dung",
    "kho_khan": "Khó khăn, vướng mắc của đơn vị: don_vi, noi_dung",
    "kien_nghi": "Kiến nghị, đề xuất của đơn vị: don_vi, noi_dung",
    "nhiem_vu_ky_toi": "Nhiệm vụ đến hạn kỳ tới: ten, chu_tri, thoi_han",
    "nhiem_vu_ky_toi_don_vi": "Nhiệm vụ kỳ tới do đơn vị đề ra: don_vi, noi_dung",
    "noi_nhan": "Danh sách nơi nhận (mỗi dòng một nơi)",
    "quyen_han_ky": "“TM. BAN CHỈ ĐẠO” hoặc “T/M BAN CHỈ ĐẠO” theo thể thức",
    "chuc_vu_ky": "Chức vụ người ký, ví dụ “TRƯỞNG BAN”",
    "nguoi_ky": "Họ và tên người ký",
}


def get_active_template(committee):
    """The template the committee's reports use, or None for the built-in layout."""
    from chidao.reporting.models import ReportTemplate

    return ReportTemplate.objects.filter(committee=committee, is_active=True).first()


# docxtpl and Jinja are imported where a template is read or filled, not by the report
# views at start-up: a web worker that never touches a template should not hold them
# (bench/RESULTS.md, branch m-rss).
def _environment():
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=False)


def check_report_template(file) -> None:
    """Refuse a file that is not a usable report template, saying why in Vietnamese.

    Raises:
        ValidationError: not a Word .docx, a placeholder with broken syntax, or a name
            that is not in ``PLACEHOLDERS``. Size, kind and zip caps are checked before,
            with every upload (``chidao.core.uploads.accept_upload``).
    """
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    file.seek(0)
    try:
        template = DocxTemplate(BytesIO(file.read()))
        template.init_docx()
        used = template.get_undeclared_template_variables(jinja_env=_environment())
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ValidationError(
            _("Tệp tải lên không phải tệp Word (.docx) hợp lệ. Hãy lưu mẫu bằng Word dạng .docx."),
            code="not_docx",
        ) from error
    except TemplateSyntaxError as error:
        raise ValidationError(
            _("Mẫu có lỗi cú pháp trường dữ liệu: %(message)s. Kiểm tra các cặp {{ }} và {%% %%}.")
            % {"message": error.message},
            code="syntax",
        ) from error
    finally:
        file.seek(0)
    unknown = sorted(set(used) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _(
                "Mẫu có trường không có trong danh sách: %(names)s. Kiểm tra chính tả "
                "(không dấu, chữ thường, nối bằng dấu gạch dưới) theo danh sách trường."
            )
            % {"names": ", ".join(f"{{{{ {name} }}}}" for name in unknown)},
            code="unknown_placeholder",
        )


def render_report_template(template_file, data: ReportData) -> bytes:
    """The report of ``data`` written into the secretariat's template."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    template_file.seek(0)
    template = DocxTemplate(BytesIO(template_file.read()))
    try:
        template.render(get_template_context(data), jinja_env=_environment())
    except TemplateError as error:
        raise ValidationError(
            _("Không điền được mẫu báo cáo: %(message)s. Tải lại mẫu mặc định để đối chiếu.")
            % {"message": error.message or error.__class__.__name__},
            code="render",
        ) from error
    buffer = BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _count_values(row) -> dict:
    return {
        "tong_so": row.assigned,
        "dung_han": row.done_on_time,
        "qua_han_hoan_thanh": row.done_late,
        "trong_han": row.in_progress,
        "qua_han": row.overdue,
        "thuong_xuyen": row.ongoing,
        "dung": row.paused + row.cancelled,
        "ty_le_hoan_thanh": builders.format_rate_cell(row.completion_rate_of_due),
        "ty_le_dung_han": builders.format_rate_cell(row.on_time_rate_of_all),
    }


def _unit_items(data: ReportData, name: str) -> list[dict]:
    return [{"don_vi": unit, "noi_dung": text} for unit, text in data.unit_texts(name)]


def get_template_context(data: ReportData) -> dict:
    """The values of ``PLACEHOLDERS`` for one report."""
    party = data.layout == ReportLayout.PARTY
    cycle = data.cycle
    total = data.count_by_group.total
    context = {
        "co_quan_cap_tren": data.superior_body,
        "co_quan_ban_hanh": data.issuing_body,
        "quoc_hieu": "ĐẢNG CỘNG SẢN VIỆT NAM" if party else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "tieu_ngu": "" if party else "Độc lập - Tự do - Hạnh phúc",
        "dong_so": data.number_line,
        "dia_danh_ngay": data.date_line,
        "trich_yeu": data.subject,
        "ky_bao_cao": get_period_phrase(cycle.period, cycle.title),
        "ky_so_lieu": f"từ ngày {cycle.window_start:%d/%m/%Y} đến ngày {cycle.window_end:%d/%m/%Y}",
        "ngay_so_lieu": f"{data.as_of:%d/%m/%Y}",
        "tong_quan": builders.get_overview_sentence(data),
        "tinh_hinh_gui_bao_cao": builders.get_submission_sentence(data),
        "tong": _count_values(total),
        "nhom": [
            {"ma": data.group_codes.get(row.key, ""), "ten": row.label, **_count_values(row)}
            for row in data.count_by_group.rows
        ],
        "chi_tieu": [
            {
                "ma": line.code,
                "ten": line.name,
                "don_vi_tinh": line.measure_unit,
                "muc_tieu": line.target,
                "ket_qua": line.value or "-",
                "ty_le": line.ratio or "-",
                "danh_gia": line.assessment or "-",
            }
            for line in data.indicators
        ],
        "nhiem_vu_qua_han": [
            {
                "ma": line.code,
                "ten": line.title,
                "chu_tri": line.lead_unit,
                "thoi_han": f"{line.deadline_as_of:%d/%m/%Y}",
                "so_ngay_qua_han": line.days_overdue,
                "nguyen_nhan": line.difficulties or "đơn vị chưa báo cáo nguyên nhân",
            }
            for line in data.overdue
        ],
        "ket_qua_don_vi": _unit_items(data, "results"),
        "kho_khan": _unit_items(data, "difficulties"),
        "kien_nghi": _unit_items(data, "proposals"),
        "nhiem_vu_ky_toi": [
            {
                "ten": line.title,
                "chu_tri": line.lead_unit,
                "thoi_han": f"{line.deadline_as_of:%d/%m/%Y}",
            }
            for line in data.next_period
        ],
        "nhiem_vu_ky_toi_don_vi": _unit_items(data, "next_steps"),
        "noi_nhan": data.recipients,
        "quyen_han_ky": "T/M BAN CHỈ ĐẠO" if party else "TM. BAN CHỈ ĐẠO",
        "chuc_vu_ky": data.signer_role,
        "nguoi_ky": data.signer_name,
    }
    assert set(context) == set(PLACEHOLDERS), set(context) ^ set(PLACEHOLDERS)
    return context


def build_default_template_docx() -> bytes:
    """The default template: the built-in report's layout, written with placeholders."""
    document = new_document(page_numbers=False)
    line, text, heading = add_line, add_text, add_heading
    left, right = two_columns(document, (7.0, 9.5))
    line(left, "{{ co_quan_cap_tren }}", size=13)
    line(left, "{{ co_quan_ban_hanh }}", bold=True, size=13)
    line(left, "{{ dong_so }}", size=13)
    line(right, "{{ quoc_hieu }}", bold=True, size=13)
    line(right, "{{ tieu_ngu }}", bold=True, underline=True, size=14)
    line(right, "{{ dia_danh_ngay }}", italic=True, size=14)
    line(document, "", after=6)
    line(document, "BÁO CÁO", bold=True, size=14)
    line(document, "{{ trich_yeu }}", bold=True, size=14, after=12)
    text(
        document,
        "Ban Chỉ đạo báo cáo kết quả thực hiện {{ ky_bao_cao }} "
        "(số liệu {{ ky_so_lieu }}) như sau:",
    )
    heading(document, "I. TÌNH HÌNH CHUNG")
    text(document, "{{ tong_quan }}")
    text(document, "{{ tinh_hinh_gui_bao_cao }}")
    heading(document, "II. KẾT QUẢ THỰC HIỆN")
    _loop(document, "muc in ket_qua_don_vi", "- {{ muc.don_vi }}: {{ muc.noi_dung }}")
    _count_table_template(document)
    heading(document, "III. NHIỆM VỤ CHẬM TIẾN ĐỘ, QUÁ HẠN VÀ NGUYÊN NHÂN")
    _loop(
        document,
        "nv in nhiem_vu_qua_han",
        "- {{ nv.ma }} {{ nv.ten }} ({{ nv.chu_tri }} chủ trì; thời hạn {{ nv.thoi_han }}, quá "
        "hạn {{ nv.so_ngay_qua_han }} ngày). Nguyên nhân: {{ nv.nguyen_nhan }}",
    )
    heading(document, "IV. KHÓ KHĂN, VƯỚNG MẮC")
    _loop(document, "muc in kho_khan", "- {{ muc.don_vi }}: {{ muc.noi_dung }}")
    heading(document, "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
    _loop(
        document,
        "nv in nhiem_vu_ky_toi",
        "- {{ nv.ten }} ({{ nv.chu_tri }} chủ trì; thời hạn {{ nv.thoi_han }}).",
    )
    _loop(document, "muc in nhiem_vu_ky_toi_don_vi", "- {{ muc.don_vi }}: {{ muc.noi_dung }}")
    heading(document, "VI. KIẾN NGHỊ, ĐỀ XUẤT")
    _loop(document, "muc in kien_nghi", "- {{ muc.don_vi }}: {{ muc.noi_dung }}")
    text(document, "Trên đây là báo cáo kết quả thực hiện {{ ky_bao_cao }} của Ban Chỉ đạo./.")
    line(document, "")
    left, right = two_columns(document, (8.0, 8.5))
    line(left, "Nơi nhận:", align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True, size=12)
    line(left, "{%p for noi in noi_nhan %}", align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    line(left, "{{ noi }}", align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    line(left, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    line(right, "{{ quyen_han_ky }}", bold=True, size=14)
    line(right, "{{ chuc_vu_ky }}", bold=True, size=14)
    for _blank in range(4):
        line(right, "")
    line(right, "{{ nguoi_ky }}", bold=True, size=14)
    return save_document(document)


def _loop(document, loop: str, body: str) -> None:
    add_text(document, f"{{%p for {loop} %}}")
    add_text(document, body)
    add_text(document, "{%p endfor %}")


def _count_table_template(document) -> None:
    keys = (
        "tong_so",
        "dung_han",
        "qua_han_hoan_thanh",
        "trong_han",
        "qua_han",
        "thuong_xuyen",
        "dung",
        "ty_le_hoan_thanh",
        "ty_le_dung_han",
    )
    rows = [
        ("{%tr for n in nhom %}", *[""] * (len(keys) + 1)),
        ("{{ n.ma }}", "{{ n.ten }}", *[f"{{{{ n.{key} }}}}" for key in keys]),
        ("{%tr endfor %}", *[""] * (len(keys) + 1)),
        ("", "Tổng cộng", *[f"{{{{ tong.{key} }}}}" for key in keys]),
    ]
    add_table(document, builders.COUNT_HEADERS, rows, bold_last=True)
