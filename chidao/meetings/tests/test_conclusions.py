"""A conclusion and the tasks it assigns are saved in one step, or not at all."""

import datetime

from django.urls import reverse

from chidao.assignments.choices import TaskKind
from chidao.assignments.models import Task
from chidao.meetings.models import Conclusion, ConclusionTask


def task_rows(*rows):
    data = {
        "tasks-TOTAL_FORMS": str(len(rows)),
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"tasks-{index}-{name}"] = value
    return data


def test_a_conclusion_creates_its_tasks_in_one_step(setting, signed_in):
    client = signed_in(setting["secretariat"])
    meeting = setting["meeting"]
    url = reverse("meetings:conclusion_create", args=[meeting.pk])
    data = {
        "text": "Khẩn trương thành lập Tổ giúp việc và ban hành Quy chế hoạt động.",
        **task_rows(
            {
                "title": "Trình Quyết định thành lập Tổ giúp việc",
                "lead_unit": setting["science"].pk,
                "coordinating_units": [setting["finance"].pk],
                "deadline_text": "Quý II/2025",
                "expected_output": "Quyết định của Trưởng Ban Chỉ đạo",
            },
            {
                "title": "Bố trí kinh phí hoạt động của Ban Chỉ đạo",
                "lead_unit": setting["finance"].pk,
                "deadline_text": "30/6/2025",
            },
            {"title": "", "lead_unit": "", "deadline_text": ""},
        ),
    }

    response = client.post(url, data)

    assert response.status_code == 302
    conclusion = Conclusion.objects.get(meeting=meeting)
    assert conclusion.number == 1
    tasks = list(conclusion.tasks.order_by("pk"))
    assert [t.title for t in tasks] == [
        "Trình Quyết định thành lập Tổ giúp việc",
        "Bố trí kinh phí hoạt động của Ban Chỉ đạo",
    ]
    first, second = tasks
    assert first.committee == meeting.committee
    assert first.lead_unit == setting["science"]
    assert list(first.coordinating_units.all()) == [setting["finance"]]
    assert first.kind == TaskKind.DEADLINE
    assert first.deadline == datetime.date(2025, 6, 30)
    assert first.deadline_text == "Quý II/2025"
    assert first.expected_output == "Quyết định của Trưởng Ban Chỉ đạo"
    assert first.assigned_on == meeting.held_on
    assert second.deadline == datetime.date(2025, 6, 30)
    assert Conclusion.history.filter(id=conclusion.pk).count() == 1

    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert "Trình Quyết định thành lập Tổ giúp việc" in page.content.decode()


def test_one_bad_row_saves_nothing_and_says_why_next_to_the_field(setting, signed_in):
    client = signed_in(setting["secretariat"])
    meeting = setting["meeting"]
    before = Task.objects.count()
    data = {
        "text": "Rà soát chương trình công tác năm 2025.",
        **task_rows(
            {
                "title": "Rà soát chương trình công tác",
                "lead_unit": setting["science"].pk,
                "deadline_text": "Quý II/2025",
            },
            {
                "title": "Bổ sung nhiệm vụ trọng tâm",
                "lead_unit": setting["finance"].pk,
                "deadline_text": "sớm nhất có thể",
            },
        ),
    }

    response = client.post(reverse("meetings:conclusion_create", args=[meeting.pk]), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_tasks-1-deadline_text-error"' in html
    assert 'id="id_tasks-0-deadline_text-error"' not in html
    assert not Conclusion.objects.exists()
    assert Task.objects.count() == before


def test_a_deadline_before_the_meeting_is_refused_by_the_service_for_every_row(setting, signed_in):
    client = signed_in(setting["secretariat"])
    meeting = setting["meeting"]
    before = Task.objects.count()
    data = {
        "text": "Tổng kết việc quán triệt Nghị quyết.",
        **task_rows(
            {
                "title": "Báo cáo kết quả quán triệt",
                "lead_unit": setting["science"].pk,
                "deadline_text": "30/6/2025",
            },
            {
                "title": "Tổ chức hội nghị quán triệt",
                "lead_unit": setting["finance"].pk,
                "deadline_text": "1/3/2025",
            },
        ),
    }

    response = client.post(reverse("meetings:conclusion_create", args=[meeting.pk]), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_tasks-1-deadline_text-error"' in html
    assert "Thời hạn không thể trước ngày họp (20/03/2025)." in html
    assert not Conclusion.objects.exists()
    assert Task.objects.count() == before


def test_a_conclusion_may_assign_nothing(setting, signed_in):
    client = signed_in(setting["secretariat"])
    meeting = setting["meeting"]

    response = client.post(
        reverse("meetings:conclusion_create", args=[meeting.pk]),
        {"text": "Biểu dương tinh thần làm việc của các thành viên.", **task_rows()},
    )

    assert response.status_code == 302
    assert not ConclusionTask.objects.exists()
    assert Conclusion.objects.get().text.startswith("Biểu dương")


def test_the_task_page_shows_the_conclusion_it_came_from(setting, signed_in):
    from chidao.meetings.services import TaskDraft, do_add_conclusion

    meeting = setting["meeting"]
    conclusion = do_add_conclusion(
        meeting=meeting,
        by=setting["secretariat"],
        text="Giao Sở Tài chính bố trí kinh phí.",
        tasks=[TaskDraft("Bố trí kinh phí", setting["finance"], "Quý III/2025")],
    )
    task = conclusion.tasks.get()
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = setting["officer"]
    html = Template('{% include "meetings/includes/task_source.html" %}').render(
        Context({"task": task, "request": request})
    )

    assert "Phiên họp thứ nhất" in html
    assert "Giao Sở Tài chính bố trí kinh phí." in html
    # The unit officer reads the source but may not open the meeting.
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) not in html
