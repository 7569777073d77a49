"""Inspections: findings per unit whose recommendations become the unit's tasks."""

import datetime

from django.urls import reverse

from chidao.assignments.models import Task
from chidao.meetings.models import Finding
from chidao.meetings.tests.factories import build_inspection


def rows(*items):
    data = {
        "tasks-TOTAL_FORMS": str(len(items)),
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "30",
    }
    for index, item in enumerate(items):
        for name, value in item.items():
            data[f"tasks-{index}-{name}"] = value
    return data


def test_recommendations_become_tasks_of_the_inspected_unit(setting, signed_in):
    inspection = build_inspection(
        committee=setting["committee"], by=setting["secretariat"], units=[setting["finance"]]
    )
    client = signed_in(setting["secretariat"])

    response = client.post(
        reverse("meetings:finding_create", args=[inspection.pk]),
        {
            "unit": setting["finance"].pk,
            "text": "Chưa bố trí đủ kinh phí cho chuyển đổi số.",
            **rows(
                {"title": "Bổ sung dự toán chi chuyển đổi số", "deadline_text": "Quý IV/2025"},
                {"title": "", "deadline_text": ""},
            ),
        },
    )

    assert response.status_code == 302
    finding = Finding.objects.get()
    task = finding.tasks.get()
    assert task.lead_unit == setting["finance"]
    assert task.deadline == datetime.date(2025, 12, 31)
    assert task.assigned_on == inspection.scheduled_on
    page = client.get(reverse("meetings:inspection_detail", args=[inspection.pk]))
    assert "Bổ sung dự toán chi chuyển đổi số" in page.content.decode()
    assert "status-badge" in page.content.decode()


def test_a_bad_recommendation_saves_nothing(setting, signed_in):
    inspection = build_inspection(
        committee=setting["committee"], by=setting["secretariat"], units=[setting["finance"]]
    )
    client = signed_in(setting["secretariat"])
    before = Task.objects.count()

    response = client.post(
        reverse("meetings:finding_create", args=[inspection.pk]),
        {
            "unit": setting["finance"].pk,
            "text": "Chậm ban hành kế hoạch.",
            **rows(
                {"title": "Ban hành kế hoạch", "deadline_text": "Quý IV/2025"},
                {"title": "Báo cáo kết quả", "deadline_text": "1/1/2025"},
            ),
        },
    )

    assert response.status_code == 200
    assert 'id="id_tasks-1-deadline_text-error"' in response.content.decode()
    assert not Finding.objects.exists()
    assert Task.objects.count() == before


def test_a_leader_reads_an_inspection_but_records_no_finding(setting, signed_in):
    inspection = build_inspection(
        committee=setting["committee"], by=setting["secretariat"], units=[setting["finance"]]
    )
    client = signed_in(setting["leader"])

    assert (
        client.get(reverse("meetings:inspection_detail", args=[inspection.pk])).status_code == 200
    )
    assert client.get(reverse("meetings:finding_create", args=[inspection.pk])).status_code == 403
