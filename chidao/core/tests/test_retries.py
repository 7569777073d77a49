"""A write PostgreSQL broke off to end a deadlock is tried again, whole (``core.retries``).

The deadlock is simulated: the error Django raises from psycopg's ``DeadlockDetected``
(SQLSTATE 40P01), raised inside the write's transaction, which is then rolled back
whole as PostgreSQL's would be. Committed rows (``transaction=True``): a test's own
transaction around the request would make every write a part of the test's, which is
never tried again.
"""

import datetime
from unittest import mock

import psycopg
import pytest
from django.db import IntegrityError, OperationalError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from chidao.api.services import do_create_api_token
from chidao.assignments import services as task_services
from chidao.assignments.models import ProgressUpdate
from chidao.core.retries import ATTEMPTS, is_retryable, repeatable_write, run_write
from chidao.core.tests.world import build_world
from chidao.org.models import Unit
from chidao.org.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)


def deadlock(cause=psycopg.errors.DeadlockDetected) -> OperationalError:
    """What Django raises when PostgreSQL ends a deadlock by aborting our transaction."""
    error = OperationalError("deadlock detected")
    error.__cause__ = cause("deadlock detected")
    return error


def no_pause(seconds: float) -> None:
    pass


def test_the_errors_tried_again_are_deadlocks_and_serialization_failures():
    assert is_retryable(deadlock())
    assert is_retryable(deadlock(psycopg.errors.SerializationFailure))
    assert not is_retryable(OperationalError("database is locked"))
    assert not is_retryable(deadlock(psycopg.errors.LockNotAvailable))
    assert not is_retryable(IntegrityError("duplicate key"))


def test_a_write_broken_off_once_is_tried_again_and_saved_once():
    tries = []

    def write():
        with transaction.atomic():
            unit = UnitFactory(name="Sở Khoa học và Công nghệ")
            tries.append(unit.pk)
            if len(tries) == 1:
                raise deadlock()
        return unit

    unit = run_write(write, pause=no_pause)

    assert len(tries) == 2
    assert list(Unit.objects.filter(name="Sở Khoa học và Công nghệ")) == [unit]


def test_a_write_broken_off_every_time_gives_up_after_the_last_try():
    tries = []

    def write():
        tries.append(1)
        with transaction.atomic():
            UnitFactory()
            raise deadlock()

    with pytest.raises(OperationalError):
        run_write(write, pause=no_pause)
    assert len(tries) == ATTEMPTS
    assert not Unit.objects.exists()


def test_a_try_that_committed_a_write_before_failing_is_not_repeated():
    # Repeating it would write the first part twice.
    tries = []

    def write():
        tries.append(1)
        UnitFactory(name="Đã ghi")  # committed at once (no transaction around it)
        with transaction.atomic():
            UnitFactory(name="Bị hủy")
            raise deadlock()

    with pytest.raises(OperationalError):
        run_write(write, pause=no_pause)
    assert len(tries) == 1
    assert list(Unit.objects.values_list("name", flat=True)) == ["Đã ghi"]


def test_a_write_inside_the_callers_transaction_is_left_to_the_caller():
    tries = []

    def write():
        tries.append(1)
        raise deadlock()

    with pytest.raises(OperationalError), transaction.atomic():
        run_write(write, pause=no_pause)
    assert len(tries) == 1


def test_other_database_errors_are_raised_at_once():
    tries = []

    def write():
        tries.append(1)
        raise OperationalError("server closed the connection unexpectedly")

    with pytest.raises(OperationalError):
        run_write(write, pause=no_pause)
    assert len(tries) == 1


@pytest.fixture
def world(settings, tmp_path, time_machine):
    time_machine.move_to("2025-11-20 09:00 +07:00", tick=False)
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


@pytest.fixture
def broken_off_once():
    """The first progress report's transaction is broken off by a deadlock after its
    report was inserted (where a COMMIT's foreign-key checks would meet it)."""
    real = task_services.announce
    calls = []

    def announce(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise deadlock()
        return real(*args, **kwargs)

    with (
        mock.patch.object(task_services, "announce", announce),
        mock.patch("chidao.core.retries.time.sleep"),
    ):
        yield calls


def test_an_api_progress_report_broken_off_once_is_saved_once_with_a_201(world, broken_off_once):
    _token, secret = do_create_api_token(by=world.users["unit_officer"], name="Hệ thống 57")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    before = ProgressUpdate.objects.count()

    response = client.post(
        reverse("api:task-progress", kwargs={"pk": world.task.pk}),
        {"percent": 40, "results": "Đã xây dựng dự thảo."},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert len(broken_off_once) == 2
    assert ProgressUpdate.objects.count() == before + 1
    saved = ProgressUpdate.objects.get(pk=response.json()["id"])
    assert (saved.percent, saved.results) == (40, "Đã xây dựng dự thảo.")


def test_a_progress_report_page_broken_off_once_is_saved_once(world, client, broken_off_once):
    client.force_login(world.users["unit_officer"])
    before = ProgressUpdate.objects.count()

    response = client.post(
        reverse("assignments:progress_create", kwargs={"pk": world.task.pk}),
        {"percent": 45, "results": "Đã trình dự thảo."},
    )

    assert response.status_code == 302
    assert len(broken_off_once) == 2
    assert ProgressUpdate.objects.count() == before + 1
    assert ProgressUpdate.objects.latest("pk").reported_on == datetime.date(2025, 11, 20)
    page = client.get(response.url)
    assert page.content.decode().count("Đã gửi báo cáo tiến độ.") == 1


def test_a_repeatable_write_committed_before_the_failure_does_not_stop_a_new_try():
    # An API token's last-used stamp is written as the request is authenticated, before
    # the view's write: writing it twice is the same as once.
    tries = []

    def write():
        tries.append(1)
        with repeatable_write():
            UnitFactory(name="Dấu thời gian")
        with transaction.atomic():
            UnitFactory(name="Báo cáo")
            if len(tries) == 1:
                raise deadlock()

    run_write(write, pause=no_pause)
    assert len(tries) == 2
    assert Unit.objects.filter(name="Báo cáo").count() == 1
