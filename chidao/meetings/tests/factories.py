"""Meetings for tests, built through the services as the secretariat's clicks would."""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from docx import Document as WordDocument

from chidao.meetings.services import (
    AgendaLine,
    AttendanceLine,
    TaskDraft,
    do_add_conclusion,
    do_create_meeting,
    do_link_conclusion_tasks,
)


def make_docx_file(name: str = "bien-ban.docx", text: str = "Biên bản phiên họp") -> ContentFile:
    document = WordDocument()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return ContentFile(buffer.getvalue(), name=name)


def build_meeting(
    *,
    committee,
    by,
    task=None,
    new_task: bool = False,
    held_on=datetime.date(2025, 3, 20),
    number=1,
):
    """A held meeting of ``committee``: everyone present, two agenda items, the minutes
    as a Word file and, when ``task`` is given, one conclusion that assigned it (linked,
    so the test world's task counts stay as they are) and, with ``new_task``, created one
    more task for its lead unit."""
    members = list(committee.memberships.all())
    meeting = do_create_meeting(
        committee=committee,
        by=by,
        number=number,
        held_on=held_on,
        place="Hội trường Tỉnh ủy",
        chair=next((m for m in members if m.role == "head"), None),
        minutes="Các thành viên thảo luận, thống nhất chương trình công tác năm 2025.",
        agenda=[
            AgendaLine("Công bố Quyết định thành lập Ban Chỉ đạo", "Văn phòng Tỉnh ủy"),
            AgendaLine("Chương trình công tác trọng tâm năm 2025", "Sở Khoa học và Công nghệ"),
        ],
        attendance=[AttendanceLine(membership=m) for m in members],
        minutes_file=make_docx_file(),
    )
    if task is not None:
        conclusion = do_add_conclusion(
            meeting=meeting,
            by=by,
            text="Thành lập Tổ giúp việc Ban Chỉ đạo; rà soát chương trình công tác năm 2025.",
            tasks=[
                TaskDraft(
                    title="Trình Quyết định thành lập Tổ giúp việc Ban Chỉ đạo",
                    lead_unit=task.lead_unit,
                    deadline_text="30/4/2030",
                    expected_output="Quyết định của Trưởng Ban Chỉ đạo",
                )
            ]
            if new_task
            else [],
        )
        do_link_conclusion_tasks(conclusion=conclusion, by=by, tasks=[task])
    return meeting


def build_inspection(*, committee, by, units, scheduled_on=datetime.date(2025, 9, 10)):
    """An inspection of ``units`` planned by the committee, without findings yet."""
    from chidao.meetings.inspections import do_create_inspection

    return do_create_inspection(
        committee=committee,
        by=by,
        title="Kiểm tra việc thực hiện Nghị quyết số 57-NQ/TW",
        scheduled_on=scheduled_on,
        units=units,
        content="Việc ban hành kế hoạch, bố trí nguồn lực, kết quả thực hiện nhiệm vụ.",
        team="Trưởng đoàn: Phó Trưởng Ban Chỉ đạo",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
    )
