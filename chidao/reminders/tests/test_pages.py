"""The bell, the list and the preferences, as a signed-in user meets them."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.choices import MemberRole
from chidao.committees.models import Membership
from chidao.core.tests.world import sign_in
from chidao.org.tests.factories import UserFactory
from chidao.reminders.choices import Channel, Weekday
from chidao.reminders.context_processors import unread_notifications
from chidao.reminders.models import Notification, NotificationPreference
from chidao.reminders.tests.factories import NotificationFactory


@pytest.fixture
def me(db):
    return UserFactory(username="canbo")


@pytest.fixture
def task(db):
    return TaskFactory(code="II.3.a", title="Ban hành kế hoạch chuyển đổi số")


@pytest.fixture
def signed_in(client, me):
    return sign_in(client, me)


def test_the_bell_shows_my_unread_count(signed_in, me, task):
    NotificationFactory(recipient=me, task=task)
    NotificationFactory(recipient=me, task=task, occurrence=datetime.date(2025, 7, 8))
    NotificationFactory(recipient=me, task=task, occurrence=datetime.date(2025, 7, 15))
    read = NotificationFactory(recipient=me, task=task, occurrence=datetime.date(2025, 7, 22))
    Notification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    # an email twin and someone else's notice are not counted
    NotificationFactory(recipient=me, task=task, channel=Channel.EMAIL, sent_at=None)
    NotificationFactory(recipient=UserFactory(), task=task)

    response = signed_in.get(reverse("home"), follow=True)

    assert response.context["unread_notification_count"] == 3
    html = response.content.decode()
    assert 'id="notification-bell"' in html
    assert (
        '<span class="badge rounded-pill text-bg-danger" data-testid="unread-count">3</span>'
        in (html)
    )


def test_the_bell_costs_one_query(me, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = me
    with django_assert_num_queries(1):
        assert unread_notifications(request) == {"unread_notification_count": 0}


def test_no_bell_for_anonymous_visitors(client, db):
    response = client.get(reverse("login"))
    assert "notification-bell" not in response.content.decode()


def test_the_list_shows_mine_unread_first(signed_in, me, task):
    old_unread = NotificationFactory(
        recipient=me, task=task, subject="Cũ chưa đọc", occurrence=datetime.date(2025, 7, 1)
    )
    new_read = NotificationFactory(
        recipient=me, task=task, subject="Mới đã đọc", occurrence=datetime.date(2025, 7, 8)
    )
    Notification.objects.filter(pk=new_read.pk).update(read_at=new_read.created_at)
    NotificationFactory(recipient=UserFactory(), task=task, subject="Của người khác")

    response = signed_in.get(reverse("reminders:notification_list"))

    subjects = [n.subject for n in response.context["page"].object_list]
    assert subjects == ["Cũ chưa đọc", "Mới đã đọc"]
    assert old_unread.pk in [n.pk for n in response.context["page"].object_list]


def test_mark_read_with_htmx_returns_the_row_and_the_new_bell(signed_in, me, task):
    first = NotificationFactory(recipient=me, task=task)
    NotificationFactory(recipient=me, task=task, occurrence=datetime.date(2025, 7, 8))

    response = signed_in.post(
        reverse("reminders:mark_read", kwargs={"pk": first.pk}), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    first.refresh_from_db()
    assert first.read_at is not None
    html = response.content.decode()
    assert f'id="notification-{first.pk}"' in html
    assert 'hx-swap-oob="outerHTML"' in html
    assert 'data-testid="unread-count">1<' in html


def test_mark_read_twice_keeps_the_first_time(signed_in, me, task):
    notice = NotificationFactory(recipient=me, task=task)
    url = reverse("reminders:mark_read", kwargs={"pk": notice.pk})
    signed_in.post(url)
    notice.refresh_from_db()
    first_read = notice.read_at
    response = signed_in.post(url)
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at == first_read


def test_another_users_notification_is_not_found(signed_in, task):
    theirs = NotificationFactory(recipient=UserFactory(), task=task)
    response = signed_in.post(reverse("reminders:mark_read", kwargs={"pk": theirs.pk}))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_touches_only_mine(signed_in, me, task):
    NotificationFactory(recipient=me, task=task)
    NotificationFactory(recipient=me, task=task, occurrence=datetime.date(2025, 7, 8))
    theirs = NotificationFactory(recipient=UserFactory(), task=task)

    response = signed_in.post(reverse("reminders:mark_all_read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=me, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_preferences_are_saved(signed_in, me):
    response = signed_in.get(reverse("reminders:preferences"))
    assert response.status_code == 200
    assert not NotificationPreference.objects.exists()  # reading writes nothing

    response = signed_in.post(
        reverse("reminders:preferences"), {"in_app": "on", "digest_weekday": Weekday.FRIDAY}
    )

    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=me)
    assert (preference.in_app, preference.email, preference.digest_weekday) == (
        True,
        False,
        Weekday.FRIDAY,
    )


def test_the_secretariat_sees_what_went_out_this_week_in_its_committees(client, task):
    secretariat = UserFactory(username="thuongtruc")
    Membership.objects.create(
        committee=task.committee, person=secretariat.person, role=MemberRole.SUPPORT_TEAM
    )
    officer = UserFactory()
    NotificationFactory(recipient=officer, task=task, subject="Nhắc của ban mình")
    NotificationFactory(recipient=officer, task=TaskFactory(), subject="Nhắc của ban khác")
    sign_in(client, secretariat)

    response = client.get(reverse("reminders:sent_list"))

    assert [n.subject for n in response.context["page"].object_list] == ["Nhắc của ban mình"]


def test_unit_officers_do_not_see_the_sent_list(signed_in):
    assert signed_in.get(reverse("reminders:sent_list")).status_code == 403
