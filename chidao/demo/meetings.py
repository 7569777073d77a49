"""The Nam Định committee's first meeting (20/3/2025), as Báo Nam Định reported it, and a
citizen's proposal answered by the Department of Science and Technology.

The chair's conclusions are written as conclusion items. Some reaffirm tasks that the
committee's plan already holds (linked to them); others assign new tasks in the same
step, as the secretariat does on the conclusion page, and the units report on those as
on any task: one is done on time, one is overdue, one is under way on the load day. A
second meeting, a week after the load day, is on the calendar: its follow-up brief lists
what the first one assigned.
Everything goes through ``meetings.services`` as the secretariat's clicks would; a
meeting that already exists is skipped, so a rerun changes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from chidao.assignments.choices import TaskStatus
from chidao.assignments.services import do_review_progress, do_submit_progress
from chidao.committees.choices import MemberRole
from chidao.dashboards.forms import PublicationForm
from chidao.dashboards.models import Publication
from chidao.dashboards.services import do_save_publication
from chidao.meetings.choices import Attendance
from chidao.meetings.models import Meeting
from chidao.meetings.services import (
    AgendaLine,
    AttendanceLine,
    TaskDraft,
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
class NewTaskRow:
    """A task a conclusion creates. ``due_days`` counts from the load day (so its status
    is the same whatever the load day); ``due`` is a fixed date for tasks of March 2025."""

    title: str
    lead: str
    output: str
    group: str  # the plan's group (I–VII) the task belongs to
    coordinating: tuple[str, ...] = ()
    due: date | None = None
    due_days: int = 0
    reports: tuple[tuple[int, int, str, bool], ...] = ()  # (days from load day, %, text, done)
    status: str = TaskStatus.IN_PROGRESS


@dataclass(frozen=True)
class ConclusionRow:
    text: str
    task_codes: tuple[str, ...]
    new_tasks: tuple[NewTaskRow, ...] = ()


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
        (
            NewTaskRow(
                "Xây dựng mạng lưới chuyên gia, nhà khoa học trong và ngoài tỉnh tư vấn cho "
                "Ban Chỉ đạo; tổ chức tiếp nhận ý kiến, sáng kiến của người dân, doanh nghiệp",
                "ND-SKHCN",
                "Quyết định thành lập mạng lưới chuyên gia tư vấn; chuyên mục tiếp nhận kiến "
                "nghị, sáng kiến trên Cổng thông tin điện tử tỉnh",
                "IV",
                coordinating=("ND-SNV",),
                due_days=25,
                reports=(
                    (
                        -20,
                        60,
                        "Đã lập danh sách 42 chuyên gia, nhà khoa học; đang xin ý "
                        "kiến các sở, ngành về quy chế hoạt động của mạng lưới.",
                        False,
                    ),
                ),
            ),
        ),
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
        (
            NewTaskRow(
                "Rà soát, đề xuất danh mục vấn đề trọng tâm, đột phá về khoa học, công nghệ, "
                "đổi mới sáng tạo và chuyển đổi số của tỉnh, trình Ban Chỉ đạo",
                "ND-SKHCN",
                "Tờ trình kèm danh mục vấn đề trọng tâm, đột phá",
                "I",
                coordinating=("ND-STC", "ND-SNV"),
                due_days=-12,
                reports=(
                    (
                        -40,
                        50,
                        "Đã tổng hợp đề xuất của 12 sở, ngành; đang hoàn thiện "
                        "danh mục để xin ý kiến Thường trực Ban Chỉ đạo.",
                        False,
                    ),
                ),
                status=TaskStatus.OVERDUE,
            ),
        ),
    ),
    ConclusionRow(
        "Giao Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu thành lập Tổ "
        "giúp việc cho Ban Chỉ đạo, hoàn thành trong tháng 3 năm 2025.",
        (),
        (
            NewTaskRow(
                "Tham mưu thành lập Tổ giúp việc cho Ban Chỉ đạo",
                "ND-SNV",
                "Quyết định thành lập Tổ giúp việc Ban Chỉ đạo",
                "I",
                coordinating=("ND-SKHCN",),
                due=date(2025, 3, 31),
                reports=(
                    (
                        0,
                        100,
                        "Ban Thường vụ Tỉnh ủy đã ban hành Quyết định thành lập Tổ "
                        "giúp việc Ban Chỉ đạo.",
                        True,
                    ),
                ),
                status=TaskStatus.DONE_ON_TIME,
            ),
        ),
    ),
)

# The day the Tổ giúp việc was set up (the report of the task above, a fixed date).
TEAM_FOUNDED_DAY = date(2025, 3, 27)

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
            conclusion = do_add_conclusion(
                meeting=meeting,
                by=secretariat,
                text=row.text,
                tasks=[_task_draft(loader, new) for new in row.new_tasks],
            )
            do_link_conclusion_tasks(
                conclusion=conclusion,
                by=secretariat,
                tasks=[loader.tasks[("nam-dinh", code)] for code in row.task_codes],
            )
            created = conclusion.tasks.filter(code="").order_by("pk")
            for new, task in zip(row.new_tasks, created, strict=True):
                _report_on(loader, task, new, reviewer=secretariat)
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
    load_demo_public_page(loader)


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


def _task_draft(loader, row: NewTaskRow) -> TaskDraft:
    due = row.due or loader.today + timedelta(days=row.due_days)
    return TaskDraft(
        title=row.title,
        lead_unit=loader.units[row.lead],
        deadline_text=due.strftime("%d/%m/%Y"),
        coordinating_units=[loader.units[code] for code in row.coordinating],
        expected_output=row.output,
        group=loader.groups[("nam-dinh", row.group)],
    )


def _report_on(loader, task, row: NewTaskRow, *, reviewer) -> None:
    """The lead unit's reports on a task the meeting created; the secretariat accepts them."""
    for days, percent, text, done in row.reports:
        on = TEAM_FOUNDED_DAY if row.due else loader.today + timedelta(days=days)
        update = do_submit_progress(
            task=task,
            unit=task.lead_unit,
            by=loader.reporters[row.lead],
            reported_on=on,
            percent=percent,
            results=text,
            claims_completion=done,
            completion_output=row.output if done else "",
            output_date=on if done else None,
        )
        loader.progress_updates += 1
        loader.pass_unit_head(update)
        do_review_progress(update=update, by=reviewer, accept=True)


PUBLIC_INTRODUCTION = (
    "Ban Chỉ đạo công khai tình hình thực hiện nhiệm vụ, một số chỉ tiêu và trả lời kiến nghị "
    "của người dân, doanh nghiệp về phát triển khoa học, công nghệ, đổi mới sáng tạo và "
    "chuyển đổi số của tỉnh."
)


def load_demo_public_page(loader) -> None:
    """Nam Định publishes its page (task counts, three indicators, published answers), as
    the secretariat does on the publication settings page; kept when already there."""
    committee = loader.committees["nam-dinh"]
    if Publication.objects.filter(committee=committee).exists():
        return
    form = PublicationForm(
        {
            "is_published": "on",
            "show_task_counts": "on",
            "show_groups": "on",
            "introduction": PUBLIC_INTRODUCTION,
            "indicators": list(
                committee.indicators.order_by("code").values_list("pk", flat=True)[:3]
            ),
        },
        committee=committee,
    )
    if not form.is_valid():
        raise ValueError(form.errors.as_text())
    do_save_publication(form=form, committee=committee, acting_user=loader.accounts["Trần Thị Mẫu"])


def _attendance(seat) -> AttendanceLine:
    delegate = DELEGATED.get(seat.person.full_name)
    if delegate:
        return AttendanceLine(membership=seat, status=Attendance.DELEGATED, delegate=delegate)
    return AttendanceLine(membership=seat)
