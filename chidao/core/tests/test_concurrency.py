"""The compare-and-increment itself (``chidao.core.concurrency``): of two saves from one
version exactly one is written, whichever check ran before it."""

from decimal import Decimal

import pytest

from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.concurrency import EditConflict, delete_with_version, save_with_version
from chidao.indicators.models import Observation
from chidao.indicators.tests.factories import ObservationFactory
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_save_from_an_old_version_writes_nothing_even_past_every_earlier_check():
    task = TaskFactory(title="Bản đầu")
    mine, theirs = Task.objects.get(pk=task.pk), Task.objects.get(pk=task.pk)
    author = UserFactory()
    theirs.title = "Bản của người khác"
    theirs._history_user = author
    save_with_version(theirs, expected_version=theirs.version)

    mine.title = "Bản của tôi"
    with pytest.raises(EditConflict) as caught:
        save_with_version(mine, expected_version=1, watched=["title", "deadline"])

    [change] = caught.value.changes
    assert (change.since_version, change.version, change.fields) == (1, 2, ("title",))
    assert change.labels == ("Tên nhiệm vụ",)
    assert change.by == author
    assert Task.objects.get(pk=task.pk).title == "Bản của người khác"
    assert task.history.count() == 2  # created, their save; mine left no row


def test_a_system_write_moves_the_version_on_without_a_check():
    task = TaskFactory()
    stale = Task.objects.get(pk=task.pk)
    save_with_version(Task.objects.get(pk=task.pk), expected_version=1)

    stale.progress_percent = 30
    save_with_version(stale, expected_version=None, update_fields=["progress_percent"])

    saved = Task.objects.get(pk=task.pk)
    assert (saved.version, saved.progress_percent, stale.version) == (3, 30, 3)


def test_a_delete_from_an_old_version_deletes_nothing():
    value = ObservationFactory()
    stale = Observation.objects.get(pk=value.pk)
    fresh = Observation.objects.get(pk=value.pk)
    fresh.value = Decimal("80")
    save_with_version(fresh, expected_version=1)

    with pytest.raises(EditConflict) as caught:
        delete_with_version(stale, expected_version=1)

    assert caught.value.changes[0].fields == ("value",)
    assert Observation.objects.get(pk=value.pk).value == Decimal("80")
    delete_with_version(stale, expected_version=2)
    assert not Observation.objects.filter(pk=value.pk).exists()
