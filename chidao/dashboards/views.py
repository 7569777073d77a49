"""Leaders' dashboards, unit ranking and the public transparency page (issue [C])."""

from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from chidao.assignments.access import may_urge
from chidao.assignments.counts import get_kept_count_table
from chidao.assignments.models import TaskStatusSpan
from chidao.committees.access import access_committee, get_roles
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee, Membership
from chidao.committees.rules import group_by_province
from chidao.core.asof import get_as_of
from chidao.core.periods import Period, PeriodKind
from chidao.core.spreadsheets import XLSX_CONTENT_TYPE, get_workbook_bytes, write_cell, write_row
from chidao.core.uploads import build_attachment
from chidao.dashboards import services
from chidao.dashboards.builders import (
    build_evaluation_docx,
    build_evaluation_xlsx,
    get_evaluation_filename,
)
from chidao.dashboards.evaluation import (
    get_directing_unit_ids,
    get_evaluation,
    get_evaluation_settings,
    get_ranking,
)
from chidao.dashboards.forms import (
    EvaluationPeriodForm,
    EvaluationWeightsForm,
    PublicationForm,
    SavedViewForm,
)
from chidao.dashboards.models import EvaluationWeights, Publication, SavedView
from chidao.dashboards.queries import (
    LAST_YEAR_PART,
    Scope,
    get_commune_rows,
    get_dashboard_keys,
    get_indicator_panel,
    get_last_year_table,
    get_overdue_tasks,
    get_status_dashboard,
    get_table_lines,
)
from chidao.dashboards.rating import Rating
from chidao.dashboards.rows import (
    get_commune_rows_html,
    get_count_rows,
    get_indicator_rows_html,
    get_overdue_rows,
)
from chidao.dashboards.rules import CRITERIA
from chidao.indicators.choices import ProjectionStatus
from chidao.proposals.choices import ProposalCategory
from chidao.proposals.statistics import get_proposal_statistics
from chidao.reporting.docx_layout import DOCX_CONTENT_TYPE

PUBLIC_CACHE_SECONDS = 300
PUBLIC_ANSWERS = 5


def access_dashboard(user, pk) -> Committee:
    """The committee if ``user`` reads its dashboard: its leaders and secretariat (and
    those of the committees above), admins; others who see the committee get 403."""
    committee = access_committee(user, pk, "view")
    roles = get_roles(user)
    if not (roles.manages(committee.pk) or roles.leads(committee.pk)):
        raise PermissionDenied
    return committee


def get_scope(request, committee) -> tuple[Scope, SavedView | None, str]:
    """The scope asked for: a saved view (``?view=``), the member's own units
    (``?scope=mine``) or the whole committee."""
    saved_id = request.GET.get("view")
    if saved_id and saved_id.isdigit():
        view = get_object_or_404(SavedView, pk=saved_id, committee=committee)
        unit_ids = frozenset(view.units.values_list("pk", flat=True))
        indicator_ids = frozenset(view.indicators.values_list("pk", flat=True))
        scope = Scope(
            committee,
            group_id=view.group_id,
            source_document_id=view.source_document_id,
            unit_ids=unit_ids or None,
            key_only=view.key_tasks_only,
            indicator_ids=indicator_ids or None,
            label=view.name,
        )
        return scope, view, "view"
    if request.GET.get("scope") == "mine":
        roles = get_roles(request.user)
        followed = frozenset(
            Membership.units_followed.through.objects.filter(
                membership__in=roles.member_ids, membership__committee=committee
            ).values_list("unit_id", flat=True)
        )
        return Scope(committee, unit_ids=followed, label=_("Đơn vị tôi theo dõi")), None, "mine"
    return Scope(committee), None, "all"


# The dashboard's panels are cached in parts, each under the counts versions it reads
# (``queries.PART_VERSIONS``: a write changes only the versions of what it changes, in
# its transaction); the time limit only bounds what no version follows (a unit or
# indicator renamed).
PANELS_SECONDS = 600


@login_required
def committee_dashboard(request, pk):
    committee = access_dashboard(request.user, pk)
    as_of = get_as_of(request)
    scope, saved_view, scope_kind = get_scope(request, committee)
    roles = get_roles(request.user)
    statuses, overdue, indicators, communes = _get_panels(request, roles, scope, as_of)
    dashboard = replace(
        statuses["dashboard"],
        overdue_tasks=overdue["tasks"],
        indicators=indicators["rows"],
        communes=communes["rows"],
        commune_total=communes["total"],
    )
    has_followed = Membership.units_followed.through.objects.filter(
        membership__in=roles.member_ids, membership__committee=committee
    ).exists()
    return render(
        request,
        "dashboards/committee_dashboard.html",
        {
            "committee": committee,
            "dashboard": dashboard,
            "as_of": as_of,
            "scope_kind": scope_kind,
            "saved_view": saved_view,
            "saved_views": committee.saved_views.filter(is_pinned=True)
            if not roles.manages(committee.pk)
            else committee.saved_views.all(),
            "can_manage": roles.manages(committee.pk),
            "has_followed": has_followed,
            "chart": {"heatmap": dashboard.heatmap, "indicators": indicators["chart"]},
            "count_panels": {
                **statuses["html"],
                **overdue["html"],
                **indicators["html"],
                **communes["html"],
            },
            "three_months_earlier": _months_before(as_of, 3),
            # Proposals have no history to replay, so their counts are today's.
            "proposal_statistics": get_proposal_statistics(
                committee.proposals.all(), timezone.localdate()
            ),
        },
    )


def _get_panels(request, roles, scope, as_of) -> tuple[dict, dict, dict, dict]:
    """The dashboard's four cached parts (statuses, overdue list, indicators, lower
    committees): each from the cache under the versions it reads, or computed and rendered
    (the ~260 rows of a province's tables were most of a request; the early warning is
    loaded after the page, ``committee_at_risk``). After a progress report only the
    overdue list is computed, after an indicator value only the indicator panel, after a
    status change of the committee's own tasks all but those two and the lower
    committees (keyed on the versions of the committees below)."""
    keys = get_dashboard_keys(request.user, scope, as_of)
    # Last year's table is only read when the status part is computed (below); the early
    # warning is not the page's (``committee_at_risk``).
    cached = (
        cache.get_many(
            [key for name, key in keys.items() if name not in (LAST_YEAR_PART, "at_risk")]
        )
        if keys
        else {}
    )
    # The request in the context (templates may read the user from it), not as
    # ``request=``: that would run every context processor (menu, unread count) again.
    context = {
        "request": request,
        "committee": scope.committee,
        "scope": scope,
        "as_of": as_of,
        "can_manage": roles.manages(scope.committee.pk),
    }
    computed = {}

    def part(name, compute, *args):
        key = keys and keys.get(name)
        value = cached.get(key) if key else None
        if value is None:
            value = compute(*args)
            if key:
                computed[key] = value
        return value

    def last_year():
        # Not cached apart when its day is less than a year back (``get_dashboard_keys``):
        # then computed with the status part, under its version.
        key = keys and keys.get(LAST_YEAR_PART)
        if key:
            cached[key] = cache.get(key)
        return part(LAST_YEAR_PART, get_last_year_table, request.user, scope, as_of)

    statuses = part("statuses", _render_status_part, request.user, scope, as_of, context, last_year)
    overdue = part("overdue", _render_overdue_part, request.user, roles, statuses, context)
    indicators = part("indicators", _render_indicator_part, scope, as_of, context)
    communes = part("communes", _render_commune_part, request.user, scope, as_of, context)
    if keys and computed:
        cache.set_many(computed, PANELS_SECONDS)
    return statuses, overdue, indicators, communes


def _render(template: str, context: dict) -> str:
    # The panels read their part as ``panel``: ``dashboard`` is the page's whole one.
    return mark_safe(render_to_string(f"dashboards/{template}", context))


def _render_status_part(user, scope, as_of, context, last_year) -> dict:
    """Count tables, heat map, cards: read from the tasks' statuses (``last_year``: a
    callable giving last year's unit table, from its own cache entry)."""
    dashboard = get_status_dashboard(
        user, scope, as_of, communes=False, last_year_table=last_year()
    )
    unit_lines = get_table_lines(
        dashboard.by_unit, scope, as_of, by="lead_unit", last_year=dashboard.by_unit_last_year
    )
    context = {
        **context,
        "panel": dashboard,
        "unit_rows": get_count_rows(unit_lines, last_year=True),
        "group_rows": get_count_rows(
            get_table_lines(dashboard.by_group, scope, as_of, by="group"), last_year=False
        ),
    }
    # The units with most overdue tasks, for "what needs a decision".
    lagging = sorted(
        (line for line in unit_lines if line["url"] and int(line["overdue"])),
        key=lambda line: -int(line["overdue"]),
    )[:DECISION_ITEMS]
    # The cards and "what needs a decision" are this part's too: written with it, not by
    # the page at every view (a tenth of a repeat view).
    panel = {"cards": dashboard.cards, "lagging_units": lagging}
    return {
        "dashboard": dashboard,
        "html": {
            "tables": _render("_count_tables.html", context),
            "cards": _render("_cards.html", {**context, "panel": panel}),
            "decision_units": _render("_decision_units.html", {**context, "panel": panel}),
        },
    }


def _render_commune_part(user, scope, as_of, context) -> dict:
    """The lower committees' table: the tallies (or spans) of the committees below."""
    rows, total = get_commune_rows(user, scope, as_of)
    context = {
        **context,
        "panel": {"communes": rows, "commune_total": total},
        "commune_rows": get_commune_rows_html(rows),
    }
    return {
        "rows": rows,
        "total": total,
        "html": {"communes": _render("_commune_table.html", context) if rows else ""},
    }


def _render_overdue_part(user, roles, statuses, context) -> dict:
    """The overdue list, each task with its last report: statuses and reports."""
    dashboard = statuses["dashboard"]
    scope, as_of = dashboard.scope, dashboard.as_of
    spans = scope.filter_spans(TaskStatusSpan.objects.visible_to(user))
    tasks = get_overdue_tasks(spans, as_of, limit=OVERDUE_LIMIT)
    for task in tasks:
        task.can_urge = may_urge(roles, task)
    context = {
        **context,
        "panel": replace(dashboard, overdue_tasks=tasks),
        "overdue_rows": get_overdue_rows(tasks, can_manage=context["can_manage"]),
    }
    key_tasks = [task for task in tasks if task.is_key][:DECISION_ITEMS]
    return {
        "tasks": tasks,
        "html": {
            "overdue": _render("_overdue_list.html", context),
            "decision_key_tasks": _render(
                "_decision_key_tasks.html", {**context, "panel": {"key_tasks": key_tasks}}
            ),
        },
    }


def _render_indicator_part(scope, as_of, context) -> dict:
    """The indicator panel: the kept roll-ups of indicator values."""
    rows = get_indicator_panel(scope, as_of)
    straying = (ProjectionStatus.OFF_TRACK, ProjectionStatus.AT_RISK)
    # Only what the template reads of a dashboard: the panel is rendered alone.
    context = {
        **context,
        "panel": {"indicators": rows},
        "indicator_rows": get_indicator_rows_html(rows),
    }
    off_track = [row for row in rows if row.projection.status in straying][:DECISION_ITEMS]
    return {
        "rows": rows,
        "chart": [{"id": row.indicator.pk, "values": row.sparkline} for row in rows],
        "html": {
            "indicators": _render("_indicator_table.html", context),
            "decision_indicators": _render(
                "_decision_indicators.html", {**context, "panel": {"off_track": off_track}}
            ),
        },
    }


OVERDUE_LIMIT = 50


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def committee_at_risk(request, pk):
    """The dashboard's "Nguy cơ chậm" panel, which the page loads after itself (htmx).

    The early warning forecasts every open task of the committee: after a write it was
    two thirds of the dashboard's first view, so the page no longer waits for it. The
    same permission as the dashboard; cached like the other panels, under the statuses'
    and reports' versions (a report, a dependency or the panel's settings change it; an
    indicator value does not). The panel shows the committee's tasks whatever the scope,
    so one entry serves every scope. Without htmx (no JavaScript, or the link followed) the
    panel comes as a page of its own.
    """
    committee = access_dashboard(request.user, pk)
    as_of = get_as_of(request, notify=False)
    keys = get_dashboard_keys(request.user, Scope(committee), as_of)
    key = keys and keys["at_risk"]
    panel = cache.get(key) if key else None
    if panel is None:
        # The request in the context: the panel's tag reads the user (what they may see).
        panel = render_to_string(
            "dashboards/_at_risk.html",
            {"request": request, "committee": committee, "as_of": as_of},
        )
        if key:
            cache.set(key, panel, PANELS_SECONDS)
    if _is_htmx(request):
        response = HttpResponse(panel)
    else:
        response = render(
            request,
            "dashboards/at_risk_page.html",
            {"committee": committee, "as_of": as_of, "panel": mark_safe(panel)},
        )
    patch_vary_headers(response, ["HX-Request"])
    return response


# The leader's first screen names a few things, each a link to the detail below or beyond.
DECISION_ITEMS = 5


def _months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    raise ValueError(day)


CRITERION_LABELS = {
    "on_time": gettext_noop("Hoàn thành đúng hạn"),
    "overdue": gettext_noop("Không để quá hạn"),
    "reporting": gettext_noop("Báo cáo đúng hạn"),
    "indicators": gettext_noop("Đạt chỉ tiêu"),
}


@login_required
def unit_ranking(request, pk):
    committee = access_dashboard(request.user, pk)
    as_of = get_as_of(request)
    settings = get_evaluation_settings(committee)
    _weights, min_lead_due, evaluate_directing = settings
    directing_ids = set() if evaluate_directing else get_directing_unit_ids(committee)
    weights, scores = get_ranking(
        request.user, committee, as_of, settings=settings, directing_ids=directing_ids
    )
    chart = [{"name": s.facts.name, "total": float(s.total)} for s in scores if s.total is not None]
    return render(
        request,
        "dashboards/unit_ranking.html",
        {
            "committee": committee,
            "as_of": as_of,
            "weights": weights,
            "scores": [s for s in scores if s.total is not None],
            "directing": [s for s in scores if s.facts.unit_id in directing_ids],
            "without_data": [
                s for s in scores if s.total is None and s.facts.unit_id not in directing_ids
            ],
            "min_lead_due": min_lead_due,
            "criteria": [(c, _(CRITERION_LABELS[c])) for c in CRITERIA],
            "chart": chart,
            "can_manage": get_roles(request.user).manages(committee.pk),
            "list_base": {"committee": committee.pk, "as_of": as_of.isoformat()},
        },
    )


@login_required
def unit_ranking_xlsx(request, pk):
    """The ranking as Excel, through the one spreadsheet writer: points and counts are
    numbers, a unit's name is always text."""
    committee = access_dashboard(request.user, pk)
    as_of = get_as_of(request, notify=False)
    weights, scores = get_ranking(request.user, committee, as_of)
    from openpyxl import Workbook  # on first use: a worker that never exports does not hold it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Xếp hạng")
    write_cell(sheet, 1, 1, committee.name)
    write_cell(sheet, 2, 1, _("Tính đến ngày %(date)s") % {"date": as_of.strftime("%d/%m/%Y")})
    header = [_("Hạng"), _("Đơn vị"), _("Điểm")]
    header += [f"{_(CRITERION_LABELS[c])} (×{getattr(weights, c)})" for c in CRITERIA]
    header += [
        _("Chủ trì: đúng hạn"),
        _("Chủ trì: quá hạn"),
        _("Chủ trì: đến hạn"),
        _("Phối hợp: đúng hạn"),
        _("Phối hợp: quá hạn"),
        _("Phối hợp: đến hạn"),
        _("Báo cáo phải gửi"),
        _("Báo cáo đúng hạn"),
    ]
    for cell in write_row(sheet, 3, header):
        cell.font = Font(bold=True)
    for row, score in enumerate(scores, start=4):
        f = score.facts
        write_row(
            sheet,
            row,
            [score.rank, f.name, score.total]
            + [score.part(c).value for c in CRITERIA]
            + [
                f.lead.done_on_time,
                f.lead.overdue,
                f.lead.due,
                f.coordinating.done_on_time,
                f.coordinating.overdue,
                f.coordinating.due,
                f.reports_required,
                f.reports_on_time,
            ],
        )
    return build_attachment(
        get_workbook_bytes(book),
        XLSX_CONTENT_TYPE,
        f"xep-hang-don-vi-{committee.pk}-{as_of.isoformat()}.xlsx",
    )


def get_evaluation_period(request) -> tuple[EvaluationPeriodForm, Period]:
    """The period asked for (``?kind=quarter&number=3&year=2026``); by default the last
    quarter that has ended. A bad period shows the form's message and the default."""
    today = timezone.localdate()
    default = Period.containing(PeriodKind.QUARTER, today).previous()
    data = request.GET if "year" in request.GET else None
    form = EvaluationPeriodForm(
        data,
        initial={"kind": default.kind, "number": default.number, "year": default.year},
    )
    if data is not None and form.is_valid():
        return form, form.cleaned_data["period"]
    return form, default


def _get_evaluation_sheet(request, pk):
    committee = access_dashboard(request.user, pk)
    form, period = get_evaluation_period(request)
    return committee, form, get_evaluation(committee, period, today=timezone.localdate())


@login_required
def unit_evaluation(request, pk):
    """The units' evaluation per Quy định 366-QĐ/TW for a period, with the tasks behind
    each figure one click away."""
    committee, form, sheet = _get_evaluation_sheet(request, pk)
    query = urlencode(
        {"kind": sheet.period.kind, "number": sheet.period.number, "year": sheet.period.year}
    )
    list_base = urlencode(
        {
            "committee": committee.pk,
            "as_of": sheet.as_of.isoformat(),
            "due_in_from": sheet.period.start.isoformat(),
        }
    )
    return render(
        request,
        "dashboards/unit_evaluation.html",
        {
            "committee": committee,
            "form": form,
            "sheet": sheet,
            "query": query,
            "list_url": f"{reverse('assignments:task_list')}?{list_base}",
            "can_manage": get_roles(request.user).manages(committee.pk),
            "ratings": [(rating, sheet.count(rating)) for rating in Rating],
        },
    )


@login_required
def unit_evaluation_docx(request, pk):
    _committee, _form, sheet = _get_evaluation_sheet(request, pk)
    return build_attachment(
        build_evaluation_docx(sheet, issued_on=timezone.localdate()),
        DOCX_CONTENT_TYPE,
        get_evaluation_filename(sheet, "docx"),
    )


@login_required
def unit_evaluation_xlsx(request, pk):
    _committee, _form, sheet = _get_evaluation_sheet(request, pk)
    return build_attachment(
        build_evaluation_xlsx(sheet), XLSX_CONTENT_TYPE, get_evaluation_filename(sheet, "xlsx")
    )


@login_required
def evaluation_weights(request, pk):
    committee = access_committee(request.user, pk, "manage")
    instance = EvaluationWeights.objects.filter(committee=committee).first()
    form = EvaluationWeightsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.do_save_weights(form=form, committee=committee, acting_user=request.user)
        return redirect("dashboards:unit_ranking", pk=committee.pk)
    return render(
        request,
        "dashboards/form_page.html",
        {"committee": committee, "form": form, "title": _("Trọng số chấm điểm đơn vị")},
    )


@login_required
def saved_view_create(request, pk):
    committee = access_committee(request.user, pk, "manage")
    form = SavedViewForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        view = services.do_save_view(form=form, committee=committee, acting_user=request.user)
        url = f"{_dashboard_url(committee)}?view={view.pk}"
        return redirect(url)
    return render(
        request,
        "dashboards/form_page.html",
        {"committee": committee, "form": form, "title": _("Lưu góc nhìn bảng điều khiển")},
    )


@login_required
@require_POST
def saved_view_delete(request, pk):
    view = get_object_or_404(SavedView, pk=pk)
    committee = access_committee(request.user, view.committee_id, "manage")
    services.do_delete_view(view=view, acting_user=request.user)
    return redirect(_dashboard_url(committee))


def _dashboard_url(committee) -> str:
    from django.urls import reverse

    return reverse("dashboards:committee_dashboard", kwargs={"pk": committee.pk})


@login_required
def publication_settings(request, pk):
    committee = access_committee(request.user, pk, "manage")
    instance = Publication.objects.filter(committee=committee).first()
    form = PublicationForm(request.POST or None, instance=instance, committee=committee)
    if request.method == "POST" and form.is_valid():
        services.do_save_publication(form=form, committee=committee, acting_user=request.user)
        return redirect("dashboards:public_committee", pk=committee.pk)
    return render(
        request,
        "dashboards/form_page.html",
        {"committee": committee, "form": form, "title": _("Trang công khai")},
    )


def public_index(request):
    """Every committee that publishes, for anyone (no sign-in)."""
    committees = [
        publication.committee
        for publication in Publication.objects.filter(
            is_published=True, committee__is_active=True
        ).select_related("committee__parent__parent")
    ]
    # By level (central, province, commune), then under each province.
    levels = [
        {
            "level": level,
            "places": group_by_province([c for c in committees if c.level == level]),
        }
        for level in CommitteeLevel
        if any(c.level == level for c in committees)
    ]
    return render(
        request, "dashboards/public_index.html", {"levels": levels, "count": len(committees)}
    )


def public_committee(request, pk):
    """What a committee chose to publish: aggregate task counts and picked indicators.

    Built only from counts and indicator values (no person, report text or evidence is
    read), cached for ``PUBLIC_CACHE_SECONDS`` under a key that changes with the day and
    with the committee's publication settings.
    """
    publication = get_object_or_404(
        Publication.objects.select_related("committee"),
        committee_id=pk,
        is_published=True,
        committee__is_active=True,
    )
    today = timezone.localdate()
    key = f"dashboards:public:{pk}:{today.isoformat()}:{publication.updated_at.timestamp()}"
    data = cache.get(key)
    if data is None:
        data = get_public_data(publication, today)
        cache.set(key, data, PUBLIC_CACHE_SECONDS)
    return render(
        request,
        "dashboards/public_committee.html",
        {"publication": publication, "committee": publication.committee, **data},
    )


def get_public_data(publication: Publication, today: date) -> dict:
    """Plain values for the public page (safe to cache and to show to anyone)."""
    committee = publication.committee
    data = {"as_of": today, "total": None, "groups": [], "indicators": []}
    if publication.show_task_counts:
        spans = TaskStatusSpan.objects.filter(committee=committee)
        table = get_kept_count_table(spans, as_of=today, by="group")
        data["total"] = _plain_row(table.total)
        if publication.show_groups:
            data["groups"] = [_plain_row(row) for row in table.rows]
    data["proposals"] = get_public_proposals(committee, today)
    indicator_ids = frozenset(publication.indicators.values_list("pk", flat=True))
    if indicator_ids:
        rows = get_indicator_panel(Scope(committee, indicator_ids=indicator_ids), today)
        data["indicators"] = [
            {
                "code": row.indicator.code,
                "name": row.indicator.name,
                "measure_unit": row.indicator.measure_unit,
                "latest": row.latest_display,
                "latest_period": row.latest_period,
                "target": row.target_text,
                "target_year": row.target_year,
                "achievement": row.achievement,
                "status": row.projection.status,
                "sparkline": row.sparkline,
            }
            for row in rows
        ]
    return data


def get_public_proposals(committee, today: date) -> dict:
    """Counts of the committee's proposals and its latest published answers: what the
    senders agreed to publish, without their names or contacts."""
    statistics = get_proposal_statistics(committee.proposals.all(), today)
    answers = (
        committee.proposals.filter(is_public=True)
        .select_related("routed_unit")
        .order_by("-answered_on", "-pk")[:PUBLIC_ANSWERS]
    )
    return {
        "total": statistics.total,
        "answered": statistics.answered,
        "median_answer_days": statistics.median_answer_days,
        # Labels stay lazy (they pickle as such), so the cached page follows the language.
        "by_category": statistics.by_category,
        "by_status": [(status.label, count) for status, count in statistics.by_status],
        "answers": [
            {
                "title": proposal.title,
                "category": ProposalCategory(proposal.category).label,
                "content": proposal.content,
                "unit": proposal.routed_unit.name if proposal.routed_unit else "",
                "answered_on": proposal.answered_on,
                "answer": proposal.answer,
            }
            for proposal in answers
        ],
    }


def _plain_row(row) -> dict:
    return {
        "label": row.label,
        "assigned": row.assigned,
        "done_on_time": row.done_on_time,
        "done_late": row.done_late,
        "in_progress": row.in_progress,
        "overdue": row.overdue,
        "ongoing": row.ongoing,
        "completion_rate_of_due": row.completion_rate_of_due,
        "on_time_rate_of_all": row.on_time_rate_of_all,
    }


@login_required
def index(request):
    """The dashboards the user may open; straight to it when there is one."""
    roles = get_roles(request.user)
    if roles.is_admin:
        committees = Committee.objects.filter(is_active=True, parent__isnull=True)
    else:
        seats = roles.leader_of | roles.secretariat_of
        committees = Committee.objects.filter(pk__in=seats, is_active=True)
    committees = list(committees.order_by("level", "name"))
    if len(committees) == 1:
        return redirect("dashboards:committee_dashboard", pk=committees[0].pk)
    return render(request, "dashboards/index.html", {"committees": committees})
