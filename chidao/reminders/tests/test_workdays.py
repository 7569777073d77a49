"""Working days: Tết and the Hùng Kings' day for any year, plus the days the Government
announces, which an administrator keeps in the admin."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from chidao.assignments.choices import ReviewState
from chidao.assignments.models import ProgressUpdate
from chidao.org.tests.factories import UserFactory
from chidao.reminders.choices import AnnouncedDayKind, Channel, NotificationKind
from chidao.reminders.models import AnnouncedDay, Notification
from chidao.reminders.services import do_send_due_reminders
from chidao.reminders.tests.test_services import at
from chidao.reminders.workdays import (
    add_working_days,
    count_working_days,
    get_announced_days,
    is_working_day,
)


def d(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 -- a date


@pytest.mark.parametrize(
    "day",
    [
        # Tết Đinh Mùi: 29 tháng Chạp (Thu 04/02/2027) to mùng 5 (Wed 10/02/2027).
        "04/02/2027",
        "05/02/2027",
        "08/02/2027",
        "09/02/2027",
        "10/02/2027",
        "16/04/2027",  # Giỗ Tổ Hùng Vương, 10/3 âm lịch
        # Tết Canh Tuất: 29 tháng Chạp (Thu 31/01/2030) to mùng 5 (Wed 06/02/2030).
        "31/01/2030",
        "01/02/2030",
        "04/02/2030",
        "05/02/2030",
        "06/02/2030",
        "12/04/2030",  # Giỗ Tổ Hùng Vương
    ],
)
def test_tet_and_the_hung_kings_day_are_days_off_in_any_year(day):
    assert is_working_day(d(day)) is False


def test_the_first_working_day_after_tet_2027():
    # One working day after the last one before Tết is the day after mùng 5.
    assert add_working_days(d("03/02/2027"), 1) == d("11/02/2027")
    # After Friday 29/01: Mon 01 to Wed 03/02, then Thu 11 and Fri 12/02.
    assert count_working_days(d("29/01/2027"), d("12/02/2027")) == 5


def test_an_announced_saturday_counts_and_an_announced_day_off_does_not():
    saturday, friday = d("19/06/2027"), d("25/06/2027")
    announced = {saturday: True, friday: False}
    assert is_working_day(saturday) is False
    assert is_working_day(saturday, announced) is True
    assert is_working_day(friday, announced) is False
    # From Friday 18/06: Sat 19, Mon 21 … Thu 24 are five working days; Fri 25 is off.
    assert add_working_days(d("18/06/2027"), 5, announced) == d("24/06/2027")
    assert count_working_days(d("18/06/2027"), d("28/06/2027"), announced) == 6


@pytest.mark.django_db
def test_the_2025_and_2026_announcements_are_data():
    # A transactional test elsewhere in the run may have flushed the rows the migration
    # wrote; the migration's own step (idempotent) puts them back as a fresh database has them.
    migration = importlib.import_module("chidao.reminders.migrations.0008_announced_days_2025_2026")
    migration.add_days(django_apps, None)
    announced = get_announced_days()
    # 2025: Friday 02/05 off, worked on Saturday 26/04; 2026: Monday 31/08 off for Saturday 22/08.
    assert announced[d("02/05/2025")] is False
    assert announced[d("26/04/2025")] is True
    assert is_working_day(d("26/04/2025"), announced) is True
    assert is_working_day(d("02/05/2025"), announced) is False
    assert is_working_day(d("22/08/2026"), announced) is True
    assert is_working_day(d("31/08/2026"), announced) is False
    assert AnnouncedDay.objects.filter(day__year__in=[2025, 2026]).count() == 6


def waiting_claim(setting, day: datetime.date) -> ProgressUpdate:
    with time_machine.travel(at(day), tick=False):
        return ProgressUpdate.objects.create(
            task=setting.task,
            unit=setting.task.lead_unit,
            author=setting.officer,
            reported_on=day,
            percent=100,
            claims_completion=True,
            completion_output="Quyết định số 45/QĐ-UBND",
            output_date=day,
            review_state=ReviewState.SUBMITTED,
        )


def claim_notices() -> list[datetime.date]:
    return list(
        Notification.objects.filter(
            kind=NotificationKind.CLAIM_WAITING, channel=Channel.IN_APP
        ).values_list("occurrence", flat=True)
    )


def run(day: datetime.date) -> None:
    with time_machine.travel(at(day), tick=False):
        do_send_due_reminders(now=timezone.now())


def test_a_saturday_the_admin_announces_as_working_counts_for_reminders(setting, client):
    # A claim sent on Friday 18/06/2027 waits five working days: Friday 25/06 normally.
    waiting_claim(setting, d("18/06/2027"))
    run(d("24/06/2027"))
    assert claim_notices() == []

    # The Government announces Saturday 19/06/2027 as a working day; the admin records it.
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:reminders_announcedday_add"),
        {"day": "19/06/2027", "kind": AnnouncedDayKind.WORKING_DAY, "reason": "Làm bù"},
    )
    assert response.status_code == 302, response.content.decode()
    assert AnnouncedDay.objects.get(day=d("19/06/2027")).kind == AnnouncedDayKind.WORKING_DAY

    # The next run counts the Saturday: the fifth working day is Thursday 24/06.
    run(d("24/06/2027"))
    assert claim_notices() == [d("24/06/2027")]


def test_deleting_an_announced_day_takes_effect_at_once(db):
    day = AnnouncedDay.objects.create(
        day=d("19/06/2027"), kind=AnnouncedDayKind.WORKING_DAY, reason="Làm bù"
    )
    assert is_working_day(day.day, get_announced_days()) is True
    day.delete()
    assert is_working_day(d("19/06/2027"), get_announced_days()) is False
