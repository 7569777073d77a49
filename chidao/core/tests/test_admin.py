"""Every model has a working admin: list, search without diacritics, add and change pages."""

import pytest
from django.contrib import admin
from django.urls import reverse

from chidao.assignments.choices import TaskStatus
from chidao.assignments.tests.factories import TaskFactory
from chidao.org.tests.factories import UnitFactory, UserFactory

MODEL_ADMINS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label not in {"auth"}
)
# Sign-in attempts and lock-outs (django-axes) are records, never written by hand: no add page.
RECORDS_ONLY = {("axes", "accessattempt"), ("axes", "accessfailurelog"), ("axes", "accesslog")}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_every_domain_model_is_in_the_admin():
    registered = {model_name for _, model_name in MODEL_ADMINS}
    expected = {
        "unit",
        "person",
        "user",
        "committee",
        "membership",
        "taskgroup",
        "document",
        "task",
    }
    expected |= {"progressupdate", "deadlinechange", "indicator", "target", "observation"}
    assert expected <= registered


@pytest.mark.django_db
@pytest.mark.parametrize(("app_label", "model_name"), MODEL_ADMINS)
def test_admin_pages_answer(admin_client, app_label, model_name):
    TaskFactory()
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "so khoa hoc"}).status_code == 200
    add = admin_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert add.status_code == (403 if (app_label, model_name) in RECORDS_ONLY else 200)


@pytest.mark.django_db
def test_admin_search_ignores_diacritics_and_case(admin_client):
    UnitFactory(code="SKHCN", name="Sở Khoa học và Công nghệ")
    UnitFactory(code="STC", name="Sở Tài chính")
    response = admin_client.get(reverse("admin:org_unit_changelist"), {"q": "SO KHOA hoc"})
    assert [unit.code for unit in response.context["cl"].result_list] == ["SKHCN"]


@pytest.mark.django_db
def test_admin_task_list_shows_and_filters_status_as_of_today(admin_client, time_machine):
    time_machine.move_to("2025-07-01 09:00 +07:00")
    TaskFactory(code="A.1")  # deadline 30/6/2025: overdue on 1/7
    TaskFactory(code="A.2", deadline="2025-12-31", original_deadline="2025-12-31")
    url = reverse("admin:assignments_task_changelist")
    response = admin_client.get(url)
    assert str(TaskStatus.OVERDUE.label) in response.content.decode()
    filtered = admin_client.get(url, {"status": TaskStatus.OVERDUE})
    assert [task.code for task in filtered.context["cl"].result_list] == ["A.1"]


@pytest.mark.django_db
def test_admin_refuses_a_deadline_before_the_start_with_a_vietnamese_message(admin_client):
    task = TaskFactory(code="B.1")
    url = reverse("admin:assignments_task_change", args=[task.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "coordinating_units": [],
            "indicators": [],
            "start_date": "01/07/2025",
            "deadline": "30/06/2025",
            "progress_updates-TOTAL_FORMS": 0,
            "progress_updates-INITIAL_FORMS": 0,
            "deadline_changes-TOTAL_FORMS": 0,
            "deadline_changes-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Thời hạn không thể trước ngày bắt đầu." in response.content.decode()
    task.refresh_from_db()
    assert task.start_date is None
