"""Reporting cycles of the demo: the last complete quarter, and the current one.

The last complete quarter's cycle shows a board as a secretariat sees it a few weeks on:
three units sent on time, one sent late, one never sent. The current quarter's cycle is
open with every report still a draft, so the demo's unit accounts have one to write.
Everything goes through ``reporting.services`` as the users' clicks would.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from chidao.core.periods import Period, PeriodKind
from chidao.reporting.models import ReportingCycle
from chidao.reporting.services import do_open_cycle, do_save_submission, do_submit_submission


@dataclass(frozen=True)
class UnitReport:
    """What one unit wrote for the quarter, and when it sent it (days after the due
    date; negative is early; None: never sent)."""

    unit: str
    sent_days_after_due: int | None
    results: str
    difficulties: str = ""
    proposals: str = ""
    next_steps: str = ""


REPORTS = (
    UnitReport(
        "ND-SKHCN",
        -3,
        "Tham mưu Ban Chỉ đạo ban hành Kế hoạch hoạt động năm và Quy chế phối hợp của Tổ giúp "
        "việc; tổ chức 02 hội nghị quán triệt Nghị quyết số 57-NQ/TW cho cán bộ chủ chốt; "
        "hoàn thành khảo sát hiện trạng tiềm lực khoa học và công nghệ của 35 tổ chức, doanh "
        "nghiệp; thẩm định, đưa vào thực hiện 06 nhiệm vụ khoa học và công nghệ cấp tỉnh.",
        "Nguồn nhân lực chuyên trách về chuyển đổi số ở cấp xã còn thiếu; một số cơ quan chưa "
        "cử cán bộ đầu mối ổn định nên việc tổng hợp số liệu còn chậm.",
        "Đề nghị UBND tỉnh bố trí kinh phí sự nghiệp khoa học và công nghệ năm tới bảo đảm tỷ "
        "lệ theo Nghị quyết số 57-NQ/TW; chỉ đạo các sở, ngành cử cán bộ đầu mối cố định.",
        "Trình ban hành Đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo; tổ chức "
        "Ngày hội đổi mới sáng tạo tỉnh.",
    ),
    UnitReport(
        "ND-STC",
        -1,
        "Tham mưu bố trí dự toán chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
        "số; hướng dẫn các đơn vị lập dự toán năm tiếp theo; rà soát danh mục dự án đầu tư "
        "công về hạ tầng số.",
        "Thủ tục điều chỉnh dự toán cho các nhiệm vụ phát sinh mất nhiều thời gian do chưa có "
        "hướng dẫn chi tiết của Trung ương về định mức chi cho chuyển đổi số.",
        "Đề nghị Bộ Tài chính sớm ban hành hướng dẫn định mức chi cho các nhiệm vụ chuyển đổi số.",
        "Hoàn thiện dự toán ngân sách năm tới, bảo đảm tối thiểu 3% tổng chi ngân sách cho "
        "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
    ),
    UnitReport(
        "ND-VP",
        0,
        "Duy trì Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; tỷ lệ hồ sơ trực tuyến "
        "toàn trình tăng so với quý trước; đưa vào vận hành trợ lý ảo hỗ trợ người dân tra "
        "cứu thủ tục hành chính.",
        "Một số thủ tục hành chính chưa tích hợp được với cơ sở dữ liệu quốc gia về dân cư do "
        "hệ thống chuyên ngành của bộ chưa kết nối.",
        "",
        "Nâng cấp Cổng dịch vụ công tỉnh; số hóa kết quả giải quyết thủ tục hành chính còn "
        "hiệu lực.",
    ),
    UnitReport(
        "ND-SNV",
        3,
        "Ban hành Kế hoạch đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức; tổ chức 04 lớp "
        "bồi dưỡng cho hơn 300 lượt cán bộ cấp xã; rà soát vị trí việc làm chuyên trách "
        "chuyển đổi số.",
        "Chính sách thu hút nhân lực chất lượng cao chưa đủ hấp dẫn, số người đăng ký còn ít.",
        "Đề nghị Ban Chỉ đạo cho ý kiến về việc sửa đổi chính sách thu hút nhân lực chất "
        "lượng cao trong lĩnh vực khoa học, công nghệ.",
        "Trình HĐND tỉnh sửa đổi chính sách thu hút, đãi ngộ nhân lực chất lượng cao.",
    ),
    UnitReport("ND-SCT", None, ""),
)

# The hour units send their reports, local time.
_SENT_AT = time(15, 30)


def load_demo_cycles(loader) -> None:
    """Open the demo's cycles for Nam Định (``services._DemoLoader`` passes itself).

    Skips a cycle that already exists, so a rerun changes nothing.
    """
    committee = loader.committees["nam-dinh"]
    secretariat = loader.accounts["Trần Thị Mẫu"]
    units = [loader.units[report.unit] for report in REPORTS]
    last = Period.containing(PeriodKind.QUARTER, loader.today).previous()
    for period in (last, last.next()):
        if ReportingCycle.objects.filter(
            committee=committee, kind=period.kind, period_start=period.start
        ).exists():
            continue
        cycle = do_open_cycle(
            committee=committee,
            by=secretariat,
            kind=period.kind,
            period=period,
            required_units=units,
        )
        if period == last:
            _replay_reports(cycle, loader)


def _replay_reports(cycle: ReportingCycle, loader) -> None:
    for report in REPORTS:
        if report.sent_days_after_due is None:
            continue
        submission = cycle.submissions.get(unit=loader.units[report.unit])
        reporter = loader.reporters[report.unit]
        sent = _moment(cycle.due_on + timedelta(days=report.sent_days_after_due))
        do_save_submission(
            submission=submission,
            by=reporter,
            results=report.results,
            difficulties=report.difficulties,
            proposals=report.proposals,
            next_steps=report.next_steps,
            at=sent - timedelta(hours=2),
        )
        do_submit_submission(submission=submission, by=reporter, is_unit_head=False, at=sent)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, _SENT_AT))
