"""Writes on indicator values (see assignments.services for the shared contract).

A unit enters values as drafts (``do_save_observations``), submits them
(``do_submit_observations``), and the secretariat approves each one
(``do_approve_observation``) or returns it with a reason (``do_return_observation``).
Callers check who may act (``indicators.access``); these functions check what the data
allows: the unit reports the indicator, the period is open, the value fits its type.
Every change leaves a history row (``Observation.history``).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.core.concurrency import (
    Change,
    EditConflict,
    delete_with_version,
    get_change,
    save_with_version,
)
from chidao.core.history import set_history_user
from chidao.core.locks import lock_for_update
from chidao.core.periods import Period
from chidao.core.uploads import (
    accept_evidence_file,
    delete_after_commit,
    removing_stored_files_on_error,
)
from chidao.indicators.choices import ObservationState
from chidao.indicators.entry import is_period_open, parse_observation_value
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.rollups import record_indicator_rollups

# Values the unit may still change; submitted and approved ones are the secretariat's.
EDITABLE_STATES = (ObservationState.DRAFT, ObservationState.RETURNED)
# What a unit is told changed in a cell while it was typing.
CELL_WATCHED_FIELDS = ("value", "note", "evidence", "state")


@dataclass(frozen=True)
class ObservationEntry:
    """One row of the grid as typed: ``value`` empty means "no value entered"."""

    indicator_id: int
    value: str
    note: str = ""
    evidence: UploadedFile | None = None
    # The cell's ``version`` when the user loaded it, 0 for an empty cell; ``None`` skips
    # the check (a caller that did not read the value first).
    version: int | None = None


def value_field(indicator_id: int) -> str:
    """The name of a row's value cell in the grid, and the key of its error."""
    return f"value-{indicator_id}"


def evidence_field(indicator_id: int) -> str:
    return f"evidence-{indicator_id}"


def version_field(indicator_id: int) -> str:
    """The hidden input carrying the version of a row's value as the user loaded it."""
    return f"version-{indicator_id}"


def may_edit(observation: Observation | None, period: Period, today: date) -> bool:
    """Whether the unit may change this value: open period, or a value returned to it."""
    if observation is not None and observation.state not in EDITABLE_STATES:
        return False
    if is_period_open(period, today, grace_days=settings.CHIDAO_OBSERVATION_GRACE_DAYS):
        return True
    return observation is not None and bool(observation.return_reason)


@transaction.atomic(durable=True)
def do_save_observations(
    *,
    by,
    unit,
    period: Period,
    entries: Sequence[ObservationEntry],
    submit: bool = False,
    today: date | None = None,
) -> list[Observation]:
    """Save a unit's grid for one period as drafts, and submit them if ``submit``.

        All or nothing: every cell is checked first (the unit reports the indicator, the
        indicator is entered per this kind of period, the period is open or the value was
        returned, the value fits its type, the evidence is an accepted file), and one bad
        cell saves nothing. Errors are keyed by the cell (``value-<indicator pk>``).
        A cell whose value was saved by someone else since the user loaded it (its
        ``version`` moved on) refuses the whole grid with ``EditConflict``, naming each such
        cell, who changed it and which fields; its ``refresh`` holds the cells' current
        versions for the re-rendered grid. Clearing a draft's value removes the draft. A
    replaced evidence file, or a removed draft's, is deleted once the grid commits.
        Returns the saved values.
    """
    today = today or timezone.localdate()
    reported = {
        indicator.pk: indicator
        for indicator in Indicator.objects.reported_by(unit.pk).filter(
            pk__in=[entry.indicator_id for entry in entries]
        )
    }
    existing = {
        obs.indicator_id: obs
        for obs in lock_for_update(Observation.objects)
        .filter(
            unit=unit,
            period_kind=period.kind,
            period_start=period.start,
            indicator__in=list(reported),
        )
        .order_by("pk")
    }
    _refuse_stale_cells(entries, reported, existing, unit, period)
    errors: dict[str, list[str]] = {}
    # (indicator, its value so far, the new value or None to clear a draft, the entry)
    changes: list[tuple[Indicator, Observation | None, Decimal | None, ObservationEntry]] = []
    for entry in entries:
        field = value_field(entry.indicator_id)
        indicator = reported.get(entry.indicator_id)
        if indicator is None:
            errors.setdefault("__all__", []).append(
                _("Đơn vị không báo cáo chỉ tiêu này nên không nhập được số liệu.")
            )
            continue
        observation = existing.get(indicator.pk)
        if not entry.value.strip():
            if entry.evidence or entry.note.strip():
                errors[field] = [_("Nhập giá trị trước khi ghi chú hoặc đính kèm minh chứng.")]
            elif observation is not None and observation.state == ObservationState.DRAFT:
                if not may_edit(observation, period, today):
                    errors[field] = [_edit_refusal(observation, period)]
                else:
                    changes.append((indicator, observation, None, entry))
            continue
        if indicator.frequency != period.kind:
            errors[field] = [
                _("Chỉ tiêu %(code)s báo cáo theo kỳ %(kind)s, không theo kỳ này.")
                % {"code": indicator.code, "kind": indicator.get_frequency_display().lower()}
            ]
            continue
        if not may_edit(observation, period, today):
            errors[field] = [_edit_refusal(observation, period)]
            continue
        try:
            parsed = parse_observation_value(entry.value, indicator.value_type)
        except ValidationError as error:
            errors[field] = error.messages
            continue
        if entry.evidence is not None:
            try:
                kind = accept_evidence_file(entry.evidence, by=by)
            except ValidationError as error:
                errors[evidence_field(indicator.pk)] = error.messages
                continue
            entry.evidence.name = f"{uuid.uuid4().hex}.{kind.extension}"
        changes.append((indicator, observation, parsed, entry))
    if errors:
        raise ValidationError(errors)

    saved: list[Observation] = []
    with removing_stored_files_on_error() as stored:
        for indicator, observation, value, entry in changes:
            if value is None:
                assert observation is not None  # only an existing draft is cleared
                delete_with_version(observation, expected_version=observation.version)
                delete_after_commit(observation.evidence.name)
                continue
            # A grid saved again as it was leaves no new history row.
            if (
                observation is not None
                and observation.value == value
                and observation.note == entry.note.strip()
                and entry.evidence is None
            ):
                saved.append(observation)
                continue
            if observation is None:
                observation = Observation(
                    indicator=indicator,
                    unit=unit,
                    period_kind=period.kind,
                    period_start=period.start,
                )
            observation.value = value
            observation.note = entry.note.strip()
            observation.state = ObservationState.DRAFT
            observation.entered_by = by
            replaced = observation.evidence.name if entry.evidence is not None else ""
            if entry.evidence is not None:
                observation.evidence = entry.evidence
            _save_cell(observation, by=by)
            if entry.evidence is not None:
                stored(observation.evidence.name)
                delete_after_commit(replaced)
            saved.append(observation)
        # A value approved before and changed now is a draft again: out of the roll-up.
        record_indicator_rollups(saved)
        if submit:
            do_submit_observations(by=by, unit=unit, period=period, today=today)
            for observation in saved:
                observation.refresh_from_db()
    return saved


@transaction.atomic
def do_submit_observations(
    *, by, unit, period: Period, today: date | None = None
) -> list[Observation]:
    """Send the unit's drafts and returned values of ``period`` to the secretariat.

    Returns the submitted values. Raises ``ValidationError`` when there is nothing to
    send or a value may no longer be changed (closed period, not returned).
    """
    today = today or timezone.localdate()
    pending = list(
        lock_for_update(Observation.objects)
        .filter(
            unit=unit,
            period_kind=period.kind,
            period_start=period.start,
            state__in=EDITABLE_STATES,
            indicator__in=Indicator.objects.reported_by(unit.pk).values("pk"),
        )
        .select_related("indicator")
        .order_by("pk")
    )
    if not pending:
        raise ValidationError(
            _("Chưa có số liệu nào để gửi trong kỳ %(period)s.") % {"period": period.label}
        )
    refused = [obs for obs in pending if not may_edit(obs, period, today)]
    if refused:
        raise ValidationError(_edit_refusal(refused[0], period))
    now = timezone.now()
    for observation in pending:
        observation.state = ObservationState.SUBMITTED
        observation.submitted_at = now
        observation.entered_by = observation.entered_by or by
        set_history_user(observation, by)
        save_with_version(
            observation,
            expected_version=observation.version,
            update_fields=["state", "submitted_at", "entered_by"],
        )
    return pending


@transaction.atomic(durable=True)
def do_approve_observation(*, by, observation: Observation) -> Observation:
    """Approve a submitted value; it then counts in achievement and roll-ups.

    The caller has checked that ``by`` reviews the indicator's committee.
    """
    observation = lock_for_update(Observation.objects).get(pk=observation.pk)
    if observation.state != ObservationState.SUBMITTED:
        raise ValidationError(_("Số liệu này không ở trạng thái chờ duyệt."))
    observation.state = ObservationState.APPROVED
    observation.approved_by = by
    observation.approved_at = timezone.now()
    observation.return_reason = ""
    set_history_user(observation, by)
    save_with_version(
        observation,
        expected_version=observation.version,
        update_fields=["state", "approved_by", "approved_at", "return_reason"],
    )
    record_indicator_rollups([observation])
    return observation


@transaction.atomic(durable=True)
def do_return_observation(*, by, observation: Observation, reason: str) -> Observation:
    """Return a submitted value to its unit with a reason the unit sees in its grid.

    The unit may correct a returned value even after the period has closed.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Trả lại số liệu phải nêu lý do.")})
    observation = lock_for_update(Observation.objects).get(pk=observation.pk)
    if observation.state != ObservationState.SUBMITTED:
        raise ValidationError(_("Số liệu này không ở trạng thái chờ duyệt."))
    observation.state = ObservationState.RETURNED
    observation.return_reason = reason
    observation.returned_by = by
    observation.returned_at = timezone.now()
    set_history_user(observation, by)
    save_with_version(
        observation,
        expected_version=observation.version,
        update_fields=["state", "return_reason", "returned_by", "returned_at"],
    )
    return observation


def _refuse_stale_cells(entries, reported, existing, unit, period) -> None:
    """``EditConflict`` listing every cell saved by someone else since it was loaded."""
    stale: list[tuple[Indicator, Change]] = []
    for entry in entries:
        indicator = reported.get(entry.indicator_id)
        if entry.version is None or indicator is None:
            continue
        observation = existing.get(indicator.pk)
        if (observation.version if observation else 0) == entry.version:
            continue
        if observation is None:  # cleared since: find the deleted row's history
            last = (
                Observation.history.filter(
                    indicator_id=indicator.pk,
                    unit_id=unit.pk,
                    period_kind=period.kind,
                    period_start=period.start,
                )
                .order_by("-history_date", "-history_id")
                .first()
            )
            pk = last.id if last else None
        else:
            pk = observation.pk
        stale.append((indicator, get_change(Observation, pk, entry.version, CELL_WATCHED_FIELDS)))
    if not stale:
        return
    errors = {
        "__all__": [
            _(
                "Số liệu của %(codes)s vừa được người khác lưu trong khi bạn đang nhập. "
                "Hãy xem lại các ô được đánh dấu rồi lưu lại."
            )
            % {"codes": ", ".join(indicator.code for indicator, _change in stale)}
        ]
    }
    for indicator, change in stale:
        errors[value_field(indicator.pk)] = [change.describe(noun=_("Số liệu"))]
    raise EditConflict(
        [change for _indicator, change in stale],
        errors,
        refresh={version_field(indicator.pk): change.version or 0 for indicator, change in stale},
    )


def _save_cell(observation: Observation, *, by) -> None:
    """Save a cell checked against its version; two first values for one cell at the
    same moment meet the unique constraint, and the later one is a conflict too."""
    set_history_user(observation, by)
    if observation.pk is not None:
        save_with_version(
            observation, expected_version=observation.version, watched=CELL_WATCHED_FIELDS
        )
        return
    try:
        with transaction.atomic():
            observation.save()
    except IntegrityError:
        other = Observation.objects.filter(
            indicator=observation.indicator_id,
            unit=observation.unit_id,
            period_kind=observation.period_kind,
            period_start=observation.period_start,
        ).first()
        if other is None:
            raise
        raise EditConflict(
            [get_change(Observation, other.pk, 0, CELL_WATCHED_FIELDS)],
            noun=_("Số liệu của chỉ tiêu %(code)s") % {"code": observation.indicator.code},
        ) from None


def get_evidence_download_name(observation: Observation) -> str:
    extension = PurePath(observation.evidence.name).suffix
    return f"minh-chung-{observation.indicator.code}-{observation.period_start:%Y-%m}{extension}"


def _edit_refusal(observation: Observation | None, period: Period) -> str:
    if observation is not None and observation.state == ObservationState.SUBMITTED:
        return _("Số liệu đã gửi, đang chờ Thường trực duyệt; không sửa được.")
    if observation is not None and observation.state == ObservationState.APPROVED:
        return _("Số liệu đã được duyệt; không sửa được.")
    return _("Kỳ %(period)s đã hết hạn nhập số liệu.") % {"period": period.label}
