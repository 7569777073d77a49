"""A replaced file, or the file of a removed row, leaves the disk once the change commits
(``chidao.core.uploads.delete_after_commit``); a change that fails keeps the old file and
leaves no new one (``removing_stored_files_on_error``)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from chidao.assignments.tests.factories import MINIMAL_PDF
from chidao.assignments.tests.report_files import make_docx, upload
from chidao.core.periods import Period, PeriodKind
from chidao.core.tests.world import build_world
from chidao.core.uploads import DOCX
from chidao.indicators import services as indicator_services
from chidao.indicators.models import Observation
from chidao.indicators.services import ObservationEntry, do_save_observations
from chidao.meetings.choices import Attendance
from chidao.meetings.models import Meeting
from chidao.meetings.services import AttendanceLine, do_update_meeting

QUARTER = Period.containing(PeriodKind.QUARTER, datetime.date(2025, 4, 1))
TODAY = datetime.date(2025, 7, 5)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db, media):
    return build_world()


def stored_files(media):
    return sorted(path.relative_to(media).as_posix() for path in media.rglob("*") if path.is_file())


# --- Meeting minutes ----------------------------------------------------------------


def new_minutes():
    return upload("bien-ban-moi.docx", make_docx(), DOCX.content_type)


def test_new_minutes_replace_the_old_file_on_disk(world, media, django_capture_on_commit_callbacks):
    meeting = world.objects["meeting"]
    old = meeting.minutes_file.name
    assert old in stored_files(media)

    with django_capture_on_commit_callbacks(execute=True):
        do_update_meeting(
            meeting=meeting, by=world.users["secretariat"], minutes_file=new_minutes()
        )

    new = Meeting.objects.get(pk=meeting.pk).minutes_file.name
    assert new != old
    assert new in stored_files(media)
    assert old not in stored_files(media)


def test_minutes_replaced_in_a_change_that_fails_keep_the_old_file(
    world, media, django_capture_on_commit_callbacks
):
    meeting = world.objects["meeting"]
    old = meeting.minutes_file.name
    before = stored_files(media)
    member = world.committee.memberships.first()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        do_update_meeting(
            meeting=meeting,
            by=world.users["secretariat"],
            minutes_file=new_minutes(),
            # A delegate without a name fails after the new file was written.
            attendance=[AttendanceLine(membership=member, status=Attendance.DELEGATED)],
        )

    assert callbacks == []
    assert Meeting.objects.get(pk=meeting.pk).minutes_file.name == old
    assert stored_files(media) == before


def test_a_meeting_changed_without_a_new_file_keeps_its_minutes(
    world, media, django_capture_on_commit_callbacks
):
    meeting = world.objects["meeting"]
    before = stored_files(media)

    with django_capture_on_commit_callbacks(execute=True):
        do_update_meeting(meeting=meeting, by=world.users["secretariat"], place="Phòng họp số 2")

    assert Meeting.objects.get(pk=meeting.pk).minutes_file.name == meeting.minutes_file.name
    assert stored_files(media) == before


# --- Indicator evidence -------------------------------------------------------------


def save_cell(world, value="5", evidence_name=None, **kwargs):
    indicator = world.objects["indicator"]
    evidence = upload(evidence_name, MINIMAL_PDF) if evidence_name else None
    return do_save_observations(
        by=world.users["unit_officer"],
        unit=indicator.responsible_unit,
        period=QUARTER,
        entries=[ObservationEntry(indicator_id=indicator.pk, value=value, evidence=evidence)],
        today=TODAY,
        **kwargs,
    )


def evidence_of(world):
    return Observation.objects.get(
        indicator=world.objects["indicator"], period_start=QUARTER.start
    ).evidence.name


def test_new_evidence_replaces_the_old_file_on_disk(
    world, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        save_cell(world, evidence_name="lan-1.pdf")
    old = evidence_of(world)

    with django_capture_on_commit_callbacks(execute=True):
        save_cell(world, value="6", evidence_name="lan-2.pdf")

    new = evidence_of(world)
    assert new != old
    assert new in stored_files(media)
    assert old not in stored_files(media)


def test_a_cleared_draft_takes_its_evidence_with_it(
    world, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        save_cell(world, evidence_name="lan-1.pdf")
    old = evidence_of(world)

    with django_capture_on_commit_callbacks(execute=True):
        save_cell(world, value="")

    assert not Observation.objects.filter(
        indicator=world.objects["indicator"], period_start=QUARTER.start
    ).exists()
    assert old not in stored_files(media)


def test_evidence_replaced_in_a_grid_that_fails_keeps_the_old_file(
    world, media, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        save_cell(world, evidence_name="lan-1.pdf")
    old = evidence_of(world)
    before = stored_files(media)

    def refuse(**kwargs):
        raise ValidationError("Gửi không được.")

    # Sending fails after the new evidence was written: nothing of the grid stays.
    monkeypatch.setattr(indicator_services, "do_submit_observations", refuse)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        save_cell(world, value="6", evidence_name="lan-2.pdf", submit=True)

    assert callbacks == []
    assert evidence_of(world) == old
    assert stored_files(media) == before
