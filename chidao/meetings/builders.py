"""Word files of a meeting: the conclusion notice and the follow-up brief.

Laid out as ``reporting.builders`` lays out a committee's report (Decree 30/2020/NĐ-CP
for a state body, the Party's guidance for a committee hosted by a Party committee):
its page, font and paragraph helpers are reused, so every file of the system looks
alike. The notice reads "THÔNG BÁO / Kết luận của … tại phiên họp thứ …", lists each
conclusion with the tasks it assigned, and ends with "Nơi nhận" and the signature.
"""

from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH

from chidao.assignments.choices import TaskStatus
from chidao.meetings.choices import Attendance
from chidao.meetings.follow_up import FollowUp
from chidao.meetings.models import Meeting
from chidao.reporting.choices import ReportLayout
from chidao.reporting.docx_layout import (
    add_heading,
    add_line,
    add_table,
    add_text,
    new_document,
    save_document,
    two_columns,
    write_letterhead,
    write_signature,
    write_title,
)
from chidao.reporting.rules import (
    format_document_date,
    get_issuing_body_name,
    get_place_name,
    get_report_layout,
)


def get_notice_filename(meeting: Meeting) -> str:
    return f"thong-bao-ket-luan-phien-hop-{meeting.number}-{meeting.held_on:%Y%m%d}.docx"


def get_follow_up_filename(meeting: Meeting, as_of: date) -> str:
    return f"tinh-hinh-thuc-hien-ket-luan-truoc-phien-hop-{meeting.number}-{as_of:%Y%m%d}.docx"


def write_meeting_letterhead(document, meeting: Meeting, *, number_line: str, day: date):
    """The letterhead of a document the committee issues about ``meeting``."""
    committee = meeting.committee
    host = committee.host_unit
    place = get_place_name(host.name)
    write_letterhead(
        document,
        party=get_report_layout(host.kind) == ReportLayout.PARTY,
        superior=host.name.upper(),
        issuer=get_issuing_body_name(committee.name, place),
        number_line=number_line,
        date_line=format_document_date(place, day),
    )


def _chair_name(meeting: Meeting) -> tuple[str, str]:
    """(name, signing role) of the chair; the head signs as "TRƯỞNG BAN"."""
    if meeting.chair is None:
        return "", "TRƯỞNG BAN"
    role = meeting.chair.get_role_display()
    return meeting.chair.person.full_name, str(role).upper()


def get_notice_recipients(meeting: Meeting) -> list[str]:
    """ "Nơi nhận" of the notice: the host body (to report to), the members, every unit a
    conclusion assigned work to, and the file copy."""
    units = []
    for conclusion in meeting.conclusions.all():
        for task in conclusion.tasks.all():
            for unit in (task.lead_unit, *task.coordinating_units.all()):
                if unit.name not in units:
                    units.append(unit.name)
    recipients = [
        f"- Thường trực {meeting.committee.host_unit.name} (để báo cáo);",
        "- Các thành viên Ban Chỉ đạo;",
    ]
    recipients += [f"- {name};" for name in units]
    recipients.append("- Lưu: VT, Tổ giúp việc.")
    return recipients


def _task_sentence(task) -> str:
    coordinating = [unit.name for unit in task.coordinating_units.all()]
    sentence = f"- Giao {task.lead_unit.name} chủ trì"
    if coordinating:
        sentence += f", phối hợp với {', '.join(coordinating)}"
    sentence += f": {task.title}"
    if task.expected_output:
        sentence += f"; sản phẩm: {task.expected_output}"
    deadline = task.deadline_text or (task.deadline and f"{task.deadline:%d/%m/%Y}")
    if deadline:
        sentence += f"; thời hạn: {deadline}"
    return sentence + "."


def build_conclusion_notice_docx(meeting: Meeting, *, number: str = "", issued_on: date) -> bytes:
    """The conclusion notice of ``meeting`` (thông báo kết luận), ready to sign.

    Without a ``number`` the space is left for the clerk, as a draft is printed.
    """
    committee = meeting.committee
    host = committee.host_unit
    party = get_report_layout(host.kind) == ReportLayout.PARTY
    spaced = number.strip() or " " * 6
    number_line = f"Số {spaced}-TB/BCĐ" if party else f"Số: {spaced}/TB-BCĐ"
    document = new_document()
    write_meeting_letterhead(document, meeting, number_line=number_line, day=issued_on)

    name, role = _chair_name(meeting)
    chair_phrase = f"đồng chí {role.capitalize()}" if meeting.chair else "Ban Chỉ đạo"
    subject = f"Kết luận của {chair_phrase} tại {meeting.title.lower()} của Ban Chỉ đạo"
    write_title(document, "THÔNG BÁO", subject, party=party)

    attendees = [
        a
        for a in meeting.attendances.select_related("membership__person")
        if a.membership_id != meeting.chair_id
    ]
    present = [a for a in attendees if a.status != Attendance.ABSENT]
    opening = f"Ngày {meeting.held_on:%d/%m/%Y}"
    if meeting.place:
        opening += f", tại {meeting.place}"
    opening += f", {committee.name} tổ chức {meeting.title.lower()}."
    if meeting.chair:
        chair_title = meeting.chair.title or meeting.chair.person.title
        opening += f" Đồng chí {name}"
        if chair_title:
            opening += f", {chair_title}"
        opening += f", {meeting.chair.get_role_display()} chủ trì."
    if present:
        opening += f" Dự phiên họp có {len(present)} thành viên Ban Chỉ đạo"
        delegated = sum(1 for a in present if a.status == Attendance.DELEGATED)
        if delegated:
            opening += f" (trong đó {delegated} thành viên cử người dự thay)"
        opening += "."
    add_text(document, opening)
    agenda = [item.title for item in meeting.agenda_items.all()]
    if agenda:
        add_text(document, "Phiên họp đã xem xét các nội dung: " + "; ".join(agenda) + ".")
    add_text(
        document,
        f"Sau khi nghe báo cáo và ý kiến của các thành viên, {chair_phrase} kết luận như sau:",
    )
    for conclusion in meeting.conclusions.prefetch_related(
        "tasks__lead_unit", "tasks__coordinating_units"
    ):
        add_text(document, f"{conclusion.number}. {conclusion.text}")
        for task in conclusion.tasks.all():
            add_text(document, _task_sentence(task))
    add_text(
        document,
        "Ban Chỉ đạo thông báo để các cơ quan, đơn vị, thành viên Ban Chỉ đạo biết, "
        "thực hiện và báo cáo kết quả trên hệ thống Chỉ Đạo./.",
    )
    write_signature(
        document,
        party=party,
        recipients=get_notice_recipients(meeting),
        signer_role=role,
        signer_name=name,
    )
    return save_document(document)


FOLLOW_UP_HEADERS = (
    "STT",
    "Nhiệm vụ",
    "Kết luận tại",
    "Cơ quan chủ trì",
    "Thời hạn",
    "Tình trạng",
    "Báo cáo gần nhất",
)


def follow_up_row_values(index: int, line) -> tuple:
    task = line.task
    status = str(TaskStatus(line.status).label)
    if line.overdue_days:
        status += f" ({line.overdue_days} ngày)"
    report = line.last_report
    report_text = "Chưa báo cáo"
    if report is not None:
        report_text = f"{report.reported_on:%d/%m/%Y}, {report.unit}: {report.percent}%"
        if report.results:
            report_text += f". {report.results}"
        if report.difficulties:
            report_text += f" Khó khăn: {report.difficulties}"
    return (
        index,
        f"{task.code} {task.title}".strip(),
        line.conclusion_label,
        task.lead_unit.name,
        f"{line.deadline:%d/%m/%Y}" if line.deadline else (task.deadline_text or "-"),
        status,
        report_text,
    )


def build_follow_up_docx(follow_up: FollowUp) -> bytes:
    """The brief for the chair: tasks of earlier meetings, overdue first."""
    meeting = follow_up.meeting
    document = new_document()
    party = get_report_layout(meeting.committee.host_unit.kind) == ReportLayout.PARTY
    number_line = "Số       -BC/BCĐ" if party else "Số:       /BC-BCĐ"
    write_meeting_letterhead(document, meeting, number_line=number_line, day=follow_up.as_of)
    subject = f"Tình hình thực hiện kết luận các phiên họp trước, phục vụ {meeting.title.lower()}"
    write_title(document, "BÁO CÁO", subject, party=party)
    earlier = ", ".join(
        f"{m.title.lower()} ngày {m.held_on:%d/%m/%Y}" for m in follow_up.earlier_meetings
    )
    if not follow_up.lines:
        add_text(document, "Các phiên họp trước chưa giao nhiệm vụ nào.")
    else:
        counts = "; ".join(f"{label.lower()}: {count}" for label, count in follow_up.counts)
        add_text(
            document,
            f"Tính đến ngày {follow_up.as_of:%d/%m/%Y}, kết luận của {earlier} đã giao "
            f"{len(follow_up.lines)} nhiệm vụ; trong đó {counts}.",
        )
        add_heading(document, "Danh sách nhiệm vụ (quá hạn xếp trước)")
        add_table(
            document,
            FOLLOW_UP_HEADERS,
            [follow_up_row_values(i, line) for i, line in enumerate(follow_up.lines, start=1)],
            left_columns=(1, 2, 3, 6),
        )
    add_line(document, "")
    left, right = two_columns(document, (8.0, 8.5))
    add_line(left, "Nơi nhận:", align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True, size=12)
    for recipient in ("- Trưởng Ban Chỉ đạo (để báo cáo);", "- Lưu: VT, Tổ giúp việc."):
        add_line(left, recipient, align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    add_line(right, "TỔ GIÚP VIỆC BAN CHỈ ĐẠO", bold=True, size=14)
    return save_document(document)
