"""The brief for the next meeting: earlier meetings' tasks, overdue first, as of a day."""

import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from docx import Document as WordDocument

from chidao.assignments.choices import TaskKind, TaskState, TaskStatus
from chidao.assignments.tests.factories import ProgressUpdateFactory, TaskFactory
from chidao.meetings.follow_up import get_follow_up
from chidao.meetings.services import do_add_conclusion, do_link_conclusion_tasks
from chidao.meetings.tests.factories import build_meeting

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = datetime.date(2025, 9, 15)


def make_tasks(setting):
    committee, unit = setting["committee"], setting["science"]

    def task(code, **fields):
        return TaskFactory(
            committee=committee,
            lead_unit=unit,
            code=code,
            title=f"Nhiệm vụ {code}",
            assigned_on=datetime.date(2025, 3, 20),
            **fields,
        )

    return {
        "done": task(
            "A",
            deadline=datetime.date(2025, 6, 30),
            state=TaskState.COMPLETED,
            completed_on=datetime.date(2025, 6, 20),
        ),
        "running": task("B", deadline=datetime.date(2025, 12, 31)),
        "late_short": task("C", deadline=datetime.date(2025, 9, 1)),
        "late_long": task("D", deadline=datetime.date(2025, 6, 30)),
        "ongoing": task("E", kind=TaskKind.ONGOING, deadline=None, original_deadline=None),
    }


def first_meeting_with(setting, tasks):
    conclusion = do_add_conclusion(
        meeting=setting["meeting"],
        by=setting["secretariat"],
        text="Triển khai chương trình công tác năm 2025.",
    )
    do_link_conclusion_tasks(conclusion=conclusion, by=setting["secretariat"], tasks=tasks)


def test_the_brief_lists_overdue_first_with_statuses_as_of_the_day(setting):
    tasks = make_tasks(setting)
    first_meeting_with(setting, tasks.values())
    ProgressUpdateFactory(
        task=tasks["late_long"],
        reported_on=datetime.date(2025, 8, 1),
        percent=40,
        results="Đã trình dự thảo lần 1.",
    )
    ProgressUpdateFactory(
        task=tasks["late_long"], reported_on=datetime.date(2025, 7, 1), percent=20
    )
    second = build_meeting(
        committee=setting["committee"],
        by=setting["secretariat"],
        number=2,
        held_on=datetime.date(2025, 9, 20),
    )

    with time_machine.travel(datetime.datetime(2025, 9, 15, 9, tzinfo=HANOI), tick=False):
        brief = get_follow_up(second, as_of=TODAY)

    assert [(line.task.code, line.status) for line in brief.lines] == [
        ("D", TaskStatus.OVERDUE),
        ("C", TaskStatus.OVERDUE),
        ("B", TaskStatus.IN_PROGRESS),
        ("E", TaskStatus.ONGOING),
        ("A", TaskStatus.DONE_ON_TIME),
    ]
    assert brief.lines[0].overdue_days == (TODAY - datetime.date(2025, 6, 30)).days
    assert brief.lines[0].last_report.results == "Đã trình dự thảo lần 1."
    assert brief.lines[2].last_report is None
    assert brief.lines[0].conclusion_label == "Phiên họp thứ nhất, mục 1"


def test_the_brief_of_the_first_meeting_is_empty(setting):
    tasks = make_tasks(setting)
    first_meeting_with(setting, tasks.values())

    brief = get_follow_up(setting["meeting"], as_of=TODAY)

    assert brief.lines == []
    assert brief.earlier_meetings == []


def test_brief_page_and_word_file_read_today_by_default(setting, signed_in):
    tasks = make_tasks(setting)
    first_meeting_with(setting, tasks.values())
    second = build_meeting(
        committee=setting["committee"],
        by=setting["secretariat"],
        number=2,
        held_on=datetime.date(2025, 9, 20),
    )
    client = signed_in(setting["leader"])

    with time_machine.travel(datetime.datetime(2025, 9, 15, 9, tzinfo=HANOI), tick=False):
        page = client.get(reverse("meetings:follow_up", args=[second.pk]))
        word = client.get(reverse("meetings:follow_up_docx", args=[second.pk]))

    html = page.content.decode()
    assert html.index('data-status="overdue"') < html.index('data-status="in_progress"')
    assert html.count('data-status="overdue"') >= 2
    document = WordDocument(BytesIO(word.content))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "D Nhiệm vụ D",
        "C Nhiệm vụ C",
        "B Nhiệm vụ B",
        "E Nhiệm vụ E",
        "A Nhiệm vụ A",
    ]
    assert table.rows[1].cells[5].text.startswith("Quá hạn, chưa hoàn thành (77 ngày)")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tính đến ngày 15/09/2025" in text
