"""The Nam Định committee's first meeting (20/3/2025), as Báo Nam Định reported it, and a
citizen's proposal answered by the Department of Science and Technology.

The chair's conclusions are written as conclusion items; each reaffirms tasks that the
committee's plan already holds (the demo's tasks are laid out by ``content``, so the
conclusions link them rather than create others). A second meeting, a week after the
load day, is on the calendar: its follow-up brief lists what the first one assigned.
Everything goes through ``meetings.services`` as the secretariat's clicks would; a
meeting that already exists is skipped, so a rerun changes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from chidao.committees.choices import MemberRole
from chidao.meetings.choices import Attendance
from chidao.meetings.models import Meeting
from chidao.meetings.services import (
    AgendaLine,
    AttendanceLine,
    do_add_conclusion,
    do_create_meeting,
    do_link_conclusion_tasks,
)
from chidao.proposals.choices import ProposalCategory, ProposalKind
from chidao.proposals.models import Proposal
from chidao.proposals.services import (
    do_approve_answer,
    do_draft_answer,
    do_route_proposal,
    do_submit_proposal,
)

FIRST_MEETING_DAY = date(2025, 3, 20)
PLACE = "Hội trường Tỉnh ủy Nam Định"


@dataclass(frozen=True)
class ConclusionRow:
    text: str
    task_codes: tuple[str, ...]


AGENDA = (
    ("Công bố Quyết định số 1407-QĐ/TU thành lập Ban Chỉ đạo", "Văn phòng Tỉnh ủy", "qd1407"),
    (
        "Quy chế hoạt động, phân công nhiệm vụ cho các thành viên Ban Chỉ đạo",
        "Sở Khoa học và Công nghệ",
        None,
    ),
    (
        "Quan điểm chỉ đạo; hành động đột phá; chương trình công tác trọng tâm năm 2025 và "
        "những năm tiếp theo của Ban Chỉ đạo",
        "Sở Khoa học và Công nghệ",
        "ctr54",
    ),
    ("Thành lập Tổ giúp việc cho Ban Chỉ đạo", "Sở Nội vụ", None),
)

MINUTES = (
    "Tại phiên họp đã công bố Quyết định số 1407-QĐ/TU thành lập Ban Chỉ đạo về phát triển "
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh; Quy chế hoạt động, phân "
    "công nhiệm vụ cho các thành viên. Các đại biểu tập trung thảo luận về quan điểm chỉ "
    "đạo; hành động đột phá; chương trình công tác trọng tâm năm 2025 và những năm tiếp "
    "theo của Ban Chỉ đạo; việc thành lập Tổ giúp việc cho Ban Chỉ đạo.\n"
    "Đồng chí Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo phát biểu kết luận phiên họp."
)

CONCLUSIONS = (
    ConclusionRow(
        "Toàn bộ hệ thống chính trị của tỉnh thống nhất nhận thức và hành động; xác định phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là nhiệm vụ đặc biệt "
        "quan trọng của tỉnh trong năm 2025 và những năm tiếp theo. Các cấp ủy, chính quyền "
        "cụ thể hóa Nghị quyết bằng các kế hoạch sát thực tiễn.",
        ("I.8", "I.1", "I.5"),
    ),
    ConclusionRow(
        "Phát huy vai trò cá nhân của từng thành viên Ban Chỉ đạo; tận dụng ý kiến đóng góp "
        "của đội ngũ nhà khoa học, chuyên gia trong và ngoài tỉnh, cũng như tinh thần sáng "
        "tạo từ cơ sở, bảo đảm các giải pháp mang tính thực tiễn và khoa học cao.",
        ("I.9", "VII.1"),
    ),
    ConclusionRow(
        "Mỗi nhiệm vụ phải được phân công cụ thể, gắn với trách nhiệm cá nhân và cơ quan chủ "
        "trì, bảo đảm minh bạch, rõ ràng, có chỉ số đo lường để theo dõi tiến độ và đánh giá "
        "hiệu quả; phối hợp chặt chẽ để nhiệm vụ không bị chồng chéo. Các thành viên, các "
        "đơn vị triển khai phải quyết liệt, khẩn trương và đo lường được kết quả.",
        ("I.4", "V.6", "I.7"),
    ),
    ConclusionRow(
        "Ngay trong năm 2025, lựa chọn và giải quyết những vấn đề trọng tâm, đột phá, tạo nền "
        "tảng cho giai đoạn 2026 - 2030 và những năm tiếp theo.",
        ("VI.2", "II.5"),
    ),
)

# Who was absent from the first meeting and sent someone (an invented name).
DELEGATED = {"Hồ Văn Phác Thảo": "Trịnh Văn Dự Thay, Phó Giám đốc Công an tỉnh"}


def load_demo_meetings(loader) -> None:
    """Record Nam Định's first meeting, schedule its second and answer a citizen's
    proposal (``services._DemoLoader`` passes itself)."""
    committee = loader.committees["nam-dinh"]
    secretariat = loader.accounts["Trần Thị Mẫu"]
    seats = [seat for (key, _person), seat in loader.memberships.items() if key == "nam-dinh"]
    chair = next(seat for seat in seats if seat.role == MemberRole.HEAD)
    if not Meeting.objects.filter(committee=committee, number=1).exists():
        meeting = do_create_meeting(
            committee=committee,
            by=secretariat,
            number=1,
            held_on=FIRST_MEETING_DAY,
            place=PLACE,
            chair=chair,
            minutes=MINUTES,
            agenda=[
                AgendaLine(title, presenter, loader.documents[key] if key else None)
                for title, presenter, key in AGENDA
            ],
            attendance=[_attendance(seat) for seat in seats],
        )
        for row in CONCLUSIONS:
            conclusion = do_add_conclusion(meeting=meeting, by=secretariat, text=row.text)
            do_link_conclusion_tasks(
                conclusion=conclusion,
                by=secretariat,
                tasks=[loader.tasks[("nam-dinh", code)] for code in row.task_codes],
            )
    if not Meeting.objects.filter(committee=committee, number=2).exists():
        do_create_meeting(
            committee=committee,
            by=secretariat,
            number=2,
            held_on=loader.today + timedelta(days=7),
            place=PLACE,
            chair=chair,
            agenda=[
                AgendaLine(
                    "Kiểm điểm việc thực hiện kết luận phiên họp thứ nhất",
                    "Sở Khoa học và Công nghệ",
                )
            ],
        )
    load_demo_proposal(loader)


PROPOSAL_TITLE = "Hỗ trợ hộ kinh doanh nhỏ bán hàng trên sàn thương mại điện tử"
PROPOSAL = (
    "Tôi là chủ hộ kinh doanh nhỏ ở xã Hải Hậu. Đề nghị Ban Chỉ đạo có chương trình tập huấn "
    "kỹ năng số và hỗ trợ chi phí mở gian hàng trên sàn thương mại điện tử cho hộ kinh doanh "
    "nông sản, vì nhiều hộ chưa biết cách đăng bán và thanh toán trực tuyến."
)
ANSWER = (
    "Sở Khoa học và Công nghệ tiếp thu kiến nghị. Trong Chương trình hỗ trợ doanh nghiệp nhỏ "
    "và vừa, hợp tác xã, hộ kinh doanh chuyển đổi số, Sở phối hợp với Sở Công thương tổ chức "
    "các lớp tập huấn kỹ năng bán hàng trực tuyến tại các xã và hỗ trợ hộ kinh doanh mở gian "
    "hàng trên sàn thương mại điện tử; lịch tập huấn được thông báo tại Ủy ban nhân dân xã."
)


def load_demo_proposal(loader) -> None:
    """A citizen's proposal, routed to the Department of Science and Technology, answered
    and published; skipped when it is already there."""
    committee = loader.committees["nam-dinh"]
    if Proposal.objects.filter(committee=committee, title=PROPOSAL_TITLE).exists():
        return
    secretariat = loader.accounts["Trần Thị Mẫu"]
    proposal = do_submit_proposal(
        committee=committee,
        sender_name="Lê Thị Người Dân",
        contact="nguoi.dan.demo@example.com",
        kind=ProposalKind.PROPOSAL,
        category=ProposalCategory.BUSINESSES,
        title=PROPOSAL_TITLE,
        content=PROPOSAL,
        consents_to_publish=True,
    )
    due = max(loader.today, timezone.localdate()) + timedelta(days=15)
    proposal = do_route_proposal(
        proposal=proposal, by=secretariat, unit=loader.units["ND-SKHCN"], response_due=due
    )
    proposal = do_draft_answer(proposal=proposal, by=loader.reporters["ND-SKHCN"], text=ANSWER)
    do_approve_answer(proposal=proposal, by=secretariat, answer=ANSWER, publish=True)


def _attendance(seat) -> AttendanceLine:
    delegate = DELEGATED.get(seat.person.full_name)
    if delegate:
        return AttendanceLine(membership=seat, status=Attendance.DELEGATED, delegate=delegate)
    return AttendanceLine(membership=seat)
