"""Counts of proposals for the secretariat's list, the committee dashboard and the public
pages: by category, by status, by the unit that answers, and how long answers take.

One function, ``get_proposal_statistics``, over any queryset of proposals (the caller
decides whose proposals: what a user may see, or a committee's), so the numbers on every
page agree. Only counts and day figures come out: nothing here names a sender.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from statistics import median

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from chidao.proposals.choices import ProposalCategory, ProposalStatus


@dataclass(frozen=True)
class UnitLine:
    unit: str
    routed: int
    answered: int
    overdue: int


@dataclass(frozen=True)
class ProposalStatistics:
    total: int
    by_category: list[tuple[str, int]]
    by_status: list[tuple[ProposalStatus, int]]
    by_unit: list[UnitLine]
    overdue: int
    answered: int
    median_answer_days: int | None
    slowest_answer_days: int | None


def answer_overdue(today: date) -> Q:
    """A proposal routed to a unit whose answer is past its response deadline: the one
    condition the dashboard, the lists and the reminders share."""
    return Q(status=ProposalStatus.ROUTED, response_due__lt=today)


def get_proposal_statistics(proposals: QuerySet, today: date) -> ProposalStatistics:
    """Counts of ``proposals`` as of ``today``: every category and status listed, zeros
    included, so tables keep their shape."""
    by_category: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for category, status, count in (
        proposals.values_list("category", "status").annotate(n=Count("pk")).order_by()
    ):
        by_category[category] += count
        by_status[status] += count
    answered_here = Q(status__in=[ProposalStatus.ANSWERED, ProposalStatus.CLOSED])
    units = list(
        proposals.filter(routed_unit__isnull=False)
        .values("routed_unit__name")
        .annotate(
            routed=Count("pk"),
            answered=Count("pk", filter=answered_here),
            overdue=Count("pk", filter=answer_overdue(today)),
        )
        .order_by("-routed", "routed_unit__name")
    )
    days = [
        (answered_on - timezone.localdate(created_at)).days
        for created_at, answered_on in proposals.filter(answered_on__isnull=False).values_list(
            "created_at", "answered_on"
        )
    ]
    return ProposalStatistics(
        total=sum(by_status.values()),
        by_category=[(str(c.label), by_category.get(c.value, 0)) for c in ProposalCategory],
        by_status=[(s, by_status.get(s.value, 0)) for s in ProposalStatus],
        by_unit=[
            UnitLine(row["routed_unit__name"], row["routed"], row["answered"], row["overdue"])
            for row in units
        ],
        overdue=sum(line["overdue"] for line in units),
        answered=len(days),
        median_answer_days=round(median(days)) if days else None,
        slowest_answer_days=max(days) if days else None,
    )
