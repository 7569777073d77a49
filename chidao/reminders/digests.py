"""What one user's weekly digest says: what is due, overdue and waiting for them."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.assignments.choices import (
    DeadlineChangeDecision,
    ReviewState,
    Risk,
    TaskState,
    TaskStatus,
)
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.risk import get_tasks_at_risk
from chidao.committees.access import get_roles
from chidao.reminders.texts import get_task_link

# Tasks listed by name in one section; more are counted.
DIGEST_LIMIT = 20
DUE_SOON_DAYS = 7


@dataclass
class DigestSection:
    title: str
    items: list[dict] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return max(self.total - len(self.items), 0)


@dataclass
class Digest:
    sections: list[DigestSection]

    @property
    def is_empty(self) -> bool:
        return not any(section.total for section in self.sections)


def get_relevant_tasks(user):
    """Tasks a user answers for or follows: their unit's, their own as focal person, those
    they oversee, and, for the secretariat, all of their committees'."""
    roles = get_roles(user)
    condition = Q(pk__in=[])
    if roles.unit_id:
        condition |= Q(lead_unit=roles.unit_id)
    if user.person_id:
        condition |= Q(focal_person=user.person_id)
    if roles.member_ids:
        condition |= Q(overseeing_member__in=roles.member_ids)
    if roles.secretariat_scope:
        condition |= Q(committee__in=roles.secretariat_scope)
    return Task.objects.filter(condition, state=TaskState.OPEN)


def _task_item(task: Task, note: str) -> dict:
    return {
        "label": f"{task.code} {task.title}".strip(),
        "unit": str(task.lead_unit),
        "note": note,
        "link": get_task_link(task.pk),
    }


def _section(title: str, queryset, describe) -> DigestSection:
    rows = list(queryset[:DIGEST_LIMIT])
    total = len(rows) if len(rows) < DIGEST_LIMIT else queryset.count()
    return DigestSection(title=title, items=[describe(row) for row in rows], total=total)


def _get_at_risk_section(tasks, today: date) -> DigestSection:
    """The tasks the early warning flags, with the lead unit and the main reason, so each
    unit reads its own at-risk tasks and the secretariat every unit's."""
    found = get_tasks_at_risk(tasks, today)
    return DigestSection(
        title=_("Nhiệm vụ có nguy cơ chậm"),
        items=[
            _task_item(
                item.task,
                "; ".join((str(Risk(item.forecast.risk).label), *item.forecast.reasons[:2])),
            )
            for item in found[:DIGEST_LIMIT]
        ],
        total=len(found),
    )


def get_digest(user, today: date) -> Digest:
    """The user's digest on ``today`` (day in Vietnam)."""
    roles = get_roles(user, on=today)
    tasks = (
        get_relevant_tasks(user)
        .with_status(today)
        .with_due_soon(today, DUE_SOON_DAYS)
        .select_related("lead_unit")
        .order_by("deadline_as_of", "code_sort", "pk")
    )
    sections = [
        _section(
            _("Nhiệm vụ quá hạn"),
            tasks.filter(status=TaskStatus.OVERDUE),
            lambda t: _task_item(
                t,
                ngettext(
                    "hạn %(deadline)s, quá %(days)s ngày",
                    "hạn %(deadline)s, quá %(days)s ngày",
                    (today - t.deadline_as_of).days,
                )
                % {
                    "deadline": f"{t.deadline_as_of:%d/%m/%Y}",
                    "days": (today - t.deadline_as_of).days,
                },
            ),
        ),
        _section(
            _("Nhiệm vụ đến hạn trong 7 ngày tới"),
            tasks.filter(due_soon=True),
            lambda t: _task_item(
                t, _("hạn %(deadline)s") % {"deadline": f"{t.deadline_as_of:%d/%m/%Y}"}
            ),
        ),
        _get_at_risk_section(get_relevant_tasks(user), today),
    ]
    if roles.secretariat_scope:
        claims = ProgressUpdate.objects.filter(
            task__committee__in=roles.secretariat_scope,
            claims_completion=True,
            review_state=ReviewState.SUBMITTED,
        ).select_related("task__lead_unit", "unit")
        sections.append(
            _section(
                _("Đề nghị xác nhận hoàn thành chờ Thường trực xem xét"),
                claims.order_by("created_at", "pk"),
                lambda p: _task_item(
                    p.task,
                    _("%(unit)s gửi ngày %(day)s")
                    % {"unit": p.unit, "day": f"{p.reported_on:%d/%m/%Y}"},
                ),
            )
        )
        requests = DeadlineChange.objects.filter(
            task__committee__in=roles.secretariat_scope, decision=DeadlineChangeDecision.PENDING
        ).select_related("task__lead_unit")
        sections.append(
            _section(
                _("Đề nghị điều chỉnh thời hạn chờ quyết định"),
                requests.order_by("requested_at", "pk"),
                lambda c: _task_item(
                    c.task,
                    _("từ %(old)s sang %(new)s")
                    % {"old": f"{c.old_deadline:%d/%m/%Y}", "new": f"{c.new_deadline:%d/%m/%Y}"},
                ),
            )
        )
    if roles.is_unit_head and roles.unit_id:
        approvals = ProgressUpdate.objects.filter(
            unit=roles.unit_id, review_state=ReviewState.PENDING_UNIT_HEAD
        ).select_related("task__lead_unit")
        sections.append(
            _section(
                _("Báo cáo của đơn vị chờ lãnh đạo đơn vị duyệt"),
                approvals.order_by("created_at", "pk"),
                lambda p: _task_item(
                    p.task, _("báo cáo ngày %(day)s") % {"day": f"{p.reported_on:%d/%m/%Y}"}
                ),
            )
        )
    return Digest(sections=sections)
