"""The evaluation sheet as filed: the committee's report to the Party committee (.docx)
and one row per unit (.xlsx).

The .docx is laid out as the other reports (``reporting.docx_layout``: Decree 30/2020 or
the Party's guidance, by the committee's host): letterhead, title, the method (points,
Article 11 of Quy định 366-QĐ/TW, the minimum of data), the result per unit with its
points, level and the conditions of that level, the units listed apart, "Nơi nhận" and
the signature. The .xlsx stores every count and score as a number
(``core.spreadsheets``). Both read one ``evaluation.EvaluationSheet``.
"""

from datetime import date

from chidao.core.spreadsheets import build_table_xlsx
from chidao.dashboards.evaluation import EvaluationSheet, UnitEvaluation
from chidao.dashboards.rating import Rating
from chidao.reporting.choices import ReportLayout
from chidao.reporting.docx_layout import (
    add_heading,
    add_table,
    add_text,
    new_document,
    save_document,
    write_letterhead,
    write_signature,
    write_title,
)
from chidao.reporting.gather import get_head_name
from chidao.reporting.rules import (
    format_document_date,
    format_number_line,
    get_default_recipients,
    get_issuing_body_name,
    get_period_phrase,
    get_place_name,
    get_report_layout,
)

RESULT_HEADERS = (
    "STT",
    "Cơ quan, đơn vị",
    "Điểm",
    "Chủ trì đến hạn",
    "Đúng hạn",
    "Hoàn thành muộn",
    "Quá hạn",
    "Vượt yêu cầu",
    "Xếp loại",
)
CONDITION_HEADERS = ("STT", "Cơ quan, đơn vị", "Xếp loại", "Điều kiện của mức xếp loại")


def format_points(value) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def get_evaluation_filename(sheet: EvaluationSheet, extension: str) -> str:
    """ "danh-gia-xep-loai-quy-3-2026.docx": ASCII, as every mail system passes it."""
    period = sheet.period
    kind = {"quarter": "quy", "six_months": "6-thang", "year": "nam"}.get(period.kind, "ky")
    number = "" if period.kind == "year" else f"-{period.number}"
    return f"danh-gia-xep-loai-{kind}{number}-{period.year}.{extension}"


def get_condition_text(unit: UnitEvaluation) -> str:
    """The conditions of the level reached (for KHTNV those of HTNV it missed), each
    "đạt" or "chưa đạt" with its figures."""
    lines = []
    for condition in unit.conditions:
        verdict = "đạt" if condition.met else "chưa đạt"
        lines.append(f"{condition.label}: {verdict} ({condition.detail})")
    return "; ".join(lines)


def build_evaluation_docx(sheet: EvaluationSheet, *, issued_on: date) -> bytes:
    """The committee's evaluation report for ``sheet.period``, dated ``issued_on``."""
    committee = sheet.committee
    host = committee.host_unit
    layout = get_report_layout(host.kind)
    party = layout == ReportLayout.PARTY
    place = get_place_name(host.name)
    phrase = get_period_phrase(sheet.period)
    document = new_document()
    write_letterhead(
        document,
        party=party,
        superior=host.name.upper(),
        issuer=get_issuing_body_name(committee.name, place),
        number_line=format_number_line(layout, "", "BCĐ"),
        date_line=format_document_date(place, issued_on),
    )
    subject = f"Kết quả đánh giá, xếp loại các cơ quan, đơn vị thực hiện nhiệm vụ {phrase}"
    write_title(document, "BÁO CÁO", subject, party=party)
    add_text(
        document,
        f"Căn cứ Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh "
        f"giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính "
        f"trị, trên cơ sở kết quả theo dõi thực hiện nhiệm vụ đến ngày "
        f"{sheet.as_of:%d/%m/%Y}, Ban Chỉ đạo báo cáo kết quả đánh giá, xếp loại các cơ "
        f"quan, đơn vị {phrase} như sau:",
    )
    _write_method(document, sheet)
    _write_results(document, sheet)
    _write_apart(document, sheet)
    add_text(document, f"Trên đây là kết quả đánh giá, xếp loại {phrase} của Ban Chỉ đạo./.")
    write_signature(
        document,
        party=party,
        recipients=get_default_recipients(host.name).splitlines(),
        signer_role="TRƯỞNG BAN",
        signer_name=get_head_name(committee),
    )
    return save_document(document)


def _write_method(document, sheet: EvaluationSheet) -> None:
    weights = sheet.weights
    add_heading(document, "I. PHƯƠNG PHÁP ĐÁNH GIÁ")
    add_text(
        document,
        f"Điểm (thang 100) là trung bình có trọng số của bốn tiêu chí: hoàn thành đúng hạn "
        f"(trọng số {weights.on_time}), không để quá hạn ({weights.overdue}), báo cáo đúng "
        f"hạn ({weights.reporting}) và đạt chỉ tiêu ({weights.indicators}); nhiệm vụ chủ "
        f"trì và phối hợp gộp theo hệ số {weights.lead} : {weights.coordinating}. Nhiệm vụ "
        f"tính trong kỳ là nhiệm vụ đến hạn trong kỳ, hoàn thành trong kỳ hoặc quá hạn từ "
        f"trước chưa hoàn thành khi bắt đầu kỳ.",
    )
    add_text(
        document,
        "Mức xếp loại theo Điều 11: Hoàn thành xuất sắc nhiệm vụ (từ 90 điểm, 100 % nhiệm "
        "vụ đến hạn hoàn thành đúng hạn, bảo đảm chất lượng, ít nhất 30 % vượt yêu cầu, "
        "không có cá nhân bị kỷ luật); Hoàn thành tốt nhiệm vụ (từ 70 đến dưới 90 điểm, "
        "100 % đúng hạn); Hoàn thành nhiệm vụ (từ 50 đến dưới 70 điểm, 100 % hoàn thành, "
        "chậm tiến độ không quá 20 %); Không hoàn thành nhiệm vụ (các trường hợp còn lại). "
        "Đơn vị đạt điểm của mức cao hơn nhưng không đủ điều kiện thì xếp mức cao nhất mà "
        "đơn vị đủ cả điểm và điều kiện. Hệ thống không lưu thông tin kỷ luật: điều kiện "
        "này được coi là đạt và do Thường trực Ban Chỉ đạo kiểm tra lại.",
    )
    add_text(
        document,
        f"Chỉ đánh giá đơn vị có ít nhất {sheet.min_lead_due} nhiệm vụ chủ trì đến hạn "
        f"trong kỳ; đơn vị chưa đủ dữ liệu không chấm điểm, không xếp hạng.",
    )


def _write_results(document, sheet: EvaluationSheet) -> None:
    add_heading(document, "II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI")
    rated = sheet.rated
    if not rated:
        add_text(document, "Chưa có cơ quan, đơn vị nào đủ dữ liệu để đánh giá.")
        return
    counts = ", ".join(f"{str(rating.label).lower()} {sheet.count(rating)}" for rating in Rating)
    add_text(document, f"Có {len(rated)} cơ quan, đơn vị được đánh giá; trong đó {counts}.")
    rows = [
        (
            unit.rank,
            unit.facts.name,
            format_points(unit.total),
            unit.facts.lead.due,
            unit.facts.lead.done_on_time,
            unit.facts.lead.done_late,
            unit.facts.lead.overdue,
            unit.lead.exceeded,
            unit.rating.value,
        )
        for unit in rated
    ]
    add_table(document, RESULT_HEADERS, rows, size=11)
    add_text(
        document,
        "HTXSNV: hoàn thành xuất sắc nhiệm vụ; HTTNV: hoàn thành tốt nhiệm vụ; HTNV: hoàn "
        "thành nhiệm vụ; KHTNV: không hoàn thành nhiệm vụ.",
        italic=True,
    )
    add_heading(document, "Điều kiện của mức xếp loại")
    rows = [
        (unit.rank, unit.facts.name, unit.rating.value, get_condition_text(unit)) for unit in rated
    ]
    add_table(document, CONDITION_HEADERS, rows, left_columns=(1, 3), size=11)


def _write_apart(document, sheet: EvaluationSheet) -> None:
    add_heading(document, "III. CƠ QUAN, ĐƠN VỊ KHÔNG XẾP LOẠI CÙNG CÁC ĐƠN VỊ")
    if sheet.directing:
        names = "; ".join(unit.facts.name for unit in sheet.directing)
        add_text(document, f"Cơ quan chỉ đạo, không đánh giá cùng các cơ quan, đơn vị: {names}.")
    if sheet.without_data:
        names = "; ".join(unit.facts.name for unit in sheet.without_data)
        add_text(document, f"Chưa đủ dữ liệu để đánh giá: {names}.")
    if not sheet.directing and not sheet.without_data:
        add_text(document, "Không có.")


XLSX_HEADERS = (
    "Hạng",
    "Cơ quan, đơn vị",
    "Điểm",
    "Xếp loại",
    "Mức xếp loại",
    "Chủ trì đến hạn",
    "Đúng hạn",
    "Hoàn thành muộn",
    "Quá hạn",
    "Vượt yêu cầu",
    "Chưa đạt chất lượng",
    "Phối hợp đến hạn",
    "Báo cáo phải gửi",
    "Báo cáo đúng hạn",
    "Chỉ tiêu có số liệu",
    "Điều kiện, ghi chú",
)


def _note(unit: UnitEvaluation) -> str:
    if unit.directing:
        return "Cơ quan chỉ đạo, không đánh giá cùng các đơn vị"
    if unit.rating is None:
        return "Chưa đủ dữ liệu để đánh giá"
    return get_condition_text(unit)


def build_evaluation_xlsx(sheet: EvaluationSheet) -> bytes:
    """One row per unit: rank, points and level, the counts behind them (numbers)."""
    rows = [
        (
            unit.rank,
            unit.facts.name,
            unit.total,
            unit.rating.value if unit.rating else "",
            str(unit.rating.label) if unit.rating else "",
            unit.facts.lead.due,
            unit.facts.lead.done_on_time,
            unit.facts.lead.done_late,
            unit.facts.lead.overdue,
            unit.lead.exceeded,
            unit.lead.quality_not_met,
            unit.facts.coordinating.due,
            unit.facts.reports_required,
            unit.facts.reports_on_time,
            unit.indicators_with_data,
            _note(unit),
        )
        for unit in sheet.units
    ]
    title = (
        f"Kết quả đánh giá, xếp loại {get_period_phrase(sheet.period)} "
        f"(đến ngày {sheet.as_of:%d/%m/%Y})"
    )
    return build_table_xlsx(
        title=title,
        headers=XLSX_HEADERS,
        rows=rows,
        widths=(7, 40, 8, 10, 28, *([10] * 10), 60),
    )
