"""Template filters over a task's timeline (``timeline.get_task_timeline``), no queries."""

import datetime
from dataclasses import dataclass

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chidao.assignments.choices import UNDECIDED_REVIEW_STATES
from chidao.assignments.templatetags.task_tags import ADDRESS_MARK
from chidao.assignments.timeline import TimelineEntry, TimelineKind

register = template.Library()

_REPORT_KINDS = (TimelineKind.REPORT, TimelineKind.CONTRIBUTION, TimelineKind.COMPLETION_CLAIM)


@dataclass(frozen=True)
class UnitPart:
    """One unit's part of a task: its latest report and how many it has filed."""

    unit: str
    is_lead: bool
    latest: TimelineEntry
    reports: int


@register.filter
def unit_parts(timeline: list[TimelineEntry]) -> list[UnitPart]:
    """The lead unit's part first, then each coordinating unit's, from the timeline."""
    latest: dict[int, TimelineEntry] = {}
    counts: dict[int, int] = {}
    for entry in timeline or ():
        if entry.kind in _REPORT_KINDS and entry.update is not None:
            unit_id = entry.update.unit_id
            latest.setdefault(unit_id, entry)  # the timeline is newest first
            counts[unit_id] = counts.get(unit_id, 0) + 1
    parts = [
        UnitPart(
            unit=entry.unit,
            is_lead=not entry.update.is_contribution,
            latest=entry,
            reports=counts[unit_id],
        )
        for unit_id, entry in latest.items()
    ]
    return sorted(parts, key=lambda part: (not part.is_lead, part.unit))


@register.filter
def awaiting_verification(timeline: list[TimelineEntry]) -> bool:
    """A completion claim has been filed and not yet accepted or returned."""
    return any(
        entry.kind == TimelineKind.COMPLETION_CLAIM
        and entry.update.review_state in UNDECIDED_REVIEW_STATES
        for entry in timeline or ()
    )


# The entries whose report already carries its own action (the entry of the report itself
# does): no second button under an approval, an acceptance or a return.
_NO_REPORT_ACTION = ("unit_approval", "accepted", "completion_accepted", "returned")


def _local(moment: datetime.datetime) -> datetime.datetime:
    # As the template's ``date`` filter reads it: an aware moment in the local time zone.
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


@register.simple_tag(takes_context=True)
def timeline_entries(context, timeline: list[TimelineEntry]) -> SafeString:
    """The ``<li>`` of each entry of ``includes/timeline.html``, written here for the
    reason ``task_tags.task_rows`` is: a task's entries through the template engine (a
    dozen look-ups and conditions each) cost a good part of the task page. The actions
    offered come from the context's ``actions`` (``access.get_task_actions``) and
    ``user``; every value escaped."""
    actions = context.get("actions") or ()
    user = context.get("user")
    approve_url = reverse("assignments:progress_approve_unit", args=[ADDRESS_MARK])
    review_url = reverse("assignments:progress_review", args=[ADDRESS_MARK])
    decide_url = reverse("assignments:deadline_change_decide", args=[ADDRESS_MARK])
    evidence_url = reverse("assignments:evidence_download", args=[ADDRESS_MARK])
    mark = str(ADDRESS_MARK)
    items = []
    for entry in timeline:
        parts = [
            format_html(
                '<li class="timeline-entry" data-kind="{}">\n'
                '<div class="d-flex flex-wrap align-items-baseline gap-2">\n'
                '<span class="badge text-bg-{}">{}</span>\n'
                '<time class="small text-body-secondary" datetime="{}">{}{}</time>\n{}\n</div>\n'
                '<div class="small mt-1"><span class="fw-semibold">{}</span>{}</div>',
                entry.kind,
                entry.badge,
                entry.label,
                entry.on.strftime("%Y-%m-%d"),
                entry.on.strftime("%d/%m/%Y"),
                f" · {_local(entry.at):%H:%M}" if entry.at else "",
                format_html(
                    '<span class="badge rounded-pill text-bg-{} timeline-state">{}</span>',
                    entry.state_badge or "light",
                    entry.state,
                )
                if entry.state
                else "",
                entry.who,
                format_html(" — {}", entry.unit) if entry.unit else "",
            )
        ]
        if entry.text:
            parts.append(
                format_html(
                    '<div class="mt-1 text-break" style="white-space: pre-line">{}</div>',
                    entry.text,
                )
            )
        if entry.details:
            parts.append(
                format_html(
                    '<dl class="row small mb-0 mt-1">\n{}</dl>',
                    format_html_join(
                        "",
                        '<dt class="col-sm-4 col-lg-3 fw-normal text-body-secondary">{}</dt>\n'
                        '<dd class="col-sm-8 col-lg-9 mb-1 text-break"'
                        ' style="white-space: pre-line">{}</dd>\n',
                        entry.details,
                    ),
                )
            )
        if entry.reason:
            parts.append(
                format_html(
                    '<div class="mt-1 small"><span class="text-body-secondary">{}:</span>'
                    ' <span class="text-break" style="white-space: pre-line">{}</span></div>',
                    _("Lý do"),
                    entry.reason,
                )
            )
        if entry.evidence:
            parts.append(
                format_html(
                    '<ul class="list-inline small mt-1 mb-0">\n'
                    '<li class="list-inline-item text-body-secondary">{}:</li>\n{}</ul>',
                    _("Minh chứng"),
                    format_html_join(
                        "",
                        '<li class="list-inline-item"><a href="{}" class="evidence-link">{}</a>'
                        ' <span class="text-body-secondary">({})</span></li>\n',
                        (
                            (
                                evidence_url.replace(mark, str(item.pk)),
                                item.name,
                                filesizeformat(item.size),
                            )
                            for item in entry.evidence
                        ),
                    ),
                )
            )
        update = entry.update
        if update and entry.kind not in _NO_REPORT_ACTION:
            if (
                update.review_state == "pending_unit"
                and "approve_for_unit" in actions
                and update.unit_id == _person_unit_id(user)
            ):
                parts.append(
                    format_html(
                        '<a class="btn btn-sm btn-outline-primary mt-2" id="approve-unit-{}"'
                        ' href="{}">{}</a>',
                        update.pk,
                        approve_url.replace(mark, str(update.pk)),
                        _("Duyệt báo cáo"),
                    )
                )
            elif (
                update.review_state == "submitted"
                and "review" in actions
                and update.author_id != getattr(user, "pk", None)
            ):
                parts.append(
                    format_html(
                        '<a class="btn btn-sm btn-outline-primary mt-2" id="review-{}"'
                        ' href="{}">{}</a>',
                        update.pk,
                        review_url.replace(mark, str(update.pk)),
                        _("Xem xét đề nghị hoàn thành")
                        if update.claims_completion
                        else _("Xem xét báo cáo"),
                    )
                )
        change = entry.change
        if change and change.decision == "pending" and "review" in actions:
            parts.append(
                format_html(
                    '<a class="btn btn-sm btn-outline-primary mt-2" id="decide-deadline-{}"'
                    ' href="{}">{}</a>',
                    change.pk,
                    decide_url.replace(mark, str(change.pk)),
                    _("Quyết định điều chỉnh thời hạn"),
                )
            )
        # Whitespace where the template had it: between inline items (the evidence
        # links) it shows.
        parts.append(mark_safe("</li>"))
        items.append("\n".join(parts))
    return mark_safe("\n".join(items))


def _person_unit_id(user) -> int | None:
    # As the template read ``user.person.unit_id``: nothing for a user without a person.
    try:
        return user.person.unit_id
    except (AttributeError, ObjectDoesNotExist):
        return None
