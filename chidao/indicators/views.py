"""Pages of the app; thin: parse input, call access_…, call one service, render."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.committees.access import get_roles, get_visible_committees
from chidao.core.concurrency import EditConflict
from chidao.core.text import fold_text
from chidao.core.uploads import build_file_attachment
from chidao.indicators.access import (
    ObservationAction,
    access_observation,
    access_review_queue,
    access_unit_grid,
    get_reviewed_observations,
)
from chidao.indicators.choices import ObservationState
from chidao.indicators.grid import (
    get_grid_periods,
    get_grid_rows,
    get_period_key,
    get_reported_indicators,
    parse_period_key,
)
from chidao.indicators.models import Indicator, Target
from chidao.indicators.services import (
    ObservationEntry,
    do_approve_observation,
    do_return_observation,
    do_save_observations,
    get_evidence_download_name,
)

_VALUE_KEY = re.compile(r"value-([0-9]{1,18})")
TARGET_YEARS = (2025, 2030)


@login_required
def indicator_list(request):
    indicators = (
        Indicator.objects.visible_to(request.user)
        .select_related("committee", "group", "responsible_unit")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=Target.objects.filter(unit__isnull=True, year__in=TARGET_YEARS),
                to_attr="main_targets",
            )
        )
        .order_by("committee__name", "code")
    )
    query = request.GET.get("q", "").strip()
    if query:
        indicators = indicators.filter(search_text__contains=fold_text(query))
    committee_id = request.GET.get("committee", "")
    if committee_id.isdigit():
        indicators = indicators.filter(committee=committee_id)
    page = Paginator(indicators, 50).get_page(request.GET.get("page"))
    for indicator in page:
        by_year = {target.year: target.text for target in indicator.main_targets}
        indicator.target_texts = [by_year.get(year, "") for year in TARGET_YEARS]
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "page": page,
            "query": query,
            "committee_id": committee_id,
            "committees": get_visible_committees(request.user).order_by("name"),
            "target_years": TARGET_YEARS,
        },
    )


@login_required
def data_entry(request, unit_pk=None):
    """The unit's grid: values of the indicators it reports, one period at a time."""
    if unit_pk is None:
        unit_pk = get_roles(request.user).unit_id
    unit = access_unit_grid(request.user, unit_pk)
    today = timezone.localdate()
    indicators = list(get_reported_indicators(unit))
    periods = get_grid_periods(unit, indicators, today)
    asked = parse_period_key(request.POST.get("period") or request.GET.get("period"))
    period = asked if asked in periods else (periods[0] if periods else None)
    errors = {}
    data = request.POST if request.method == "POST" else None
    if request.method == "POST":
        # A posted period is never swapped for another: the service refuses a closed one.
        period = asked
        if asked is None:
            errors = {"__all__": [_("Kỳ báo cáo không hợp lệ; mở lại trang và nhập lại.")]}
    if request.method == "POST" and period is not None:
        entries = [
            ObservationEntry(
                indicator_id=int(match[1]),
                value=request.POST.get(key, ""),
                note=request.POST.get(f"note-{match[1]}", ""),
                evidence=request.FILES.get(f"evidence-{match[1]}"),
                # No version means the sender saw the cell empty: it never overwrites.
                version=_parse_version(request.POST.get(f"version-{match[1]}", "")),
            )
            for key in request.POST
            if (match := _VALUE_KEY.fullmatch(key))
        ]
        submit = request.POST.get("action") == "submit"
        try:
            do_save_observations(
                by=request.user,
                unit=unit,
                period=period,
                entries=entries,
                submit=submit,
                today=today,
            )
        except EditConflict as conflict:
            errors = conflict.message_dict
            data = request.POST.copy()
            for name, version in conflict.refresh.items():
                data[name] = str(version)
        except ValidationError as error:
            errors = (
                error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            )
        else:
            done = (
                _("Đã gửi số liệu kỳ %(period)s để Thường trực duyệt.")
                if submit
                else _("Đã lưu nháp số liệu kỳ %(period)s.")
            )
            messages.success(request, done % {"period": period.label})
            return redirect(f"{request.path}?period={get_period_key(period)}")
    rows = []
    if period is None and periods:
        period = periods[0]
    if period is not None:
        rows = get_grid_rows(
            unit, indicators, period, today, data=data if errors else None, errors=errors
        )
    return render(
        request,
        "indicators/data_entry.html",
        {
            "unit": unit,
            "periods": [(p, get_period_key(p)) for p in periods],
            "period": period,
            "period_key": get_period_key(period) if period else "",
            "rows": rows,
            "any_editable": any(row.editable for row in rows),
            "form_errors": errors.get("__all__", []),
            "has_errors": bool(errors),
            "has_cell_errors": any(key != "__all__" for key in errors),
            "show_committee": len({i.committee_id for i in indicators}) > 1,
        },
    )


def _parse_version(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 10 else 0


@login_required
def review(request):
    """The secretariat's queue: submitted values to approve or return."""
    access_review_queue(request.user)
    return _render_review(request)


@login_required
@require_POST
def observation_approve(request, pk):
    observation = access_observation(request.user, pk, ObservationAction.REVIEW)
    try:
        do_approve_observation(by=request.user, observation=observation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã duyệt số liệu %(code)s của %(unit)s.")
            % {"code": observation.indicator.code, "unit": observation.unit},
        )
    return redirect("indicators:review")


@login_required
@require_POST
def observation_return(request, pk):
    observation = access_observation(request.user, pk, ObservationAction.REVIEW)
    try:
        do_return_observation(
            by=request.user, observation=observation, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            return _render_review(
                request,
                return_errors={observation.pk: error.message_dict.get("reason", [])},
            )
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã trả lại số liệu %(code)s cho %(unit)s.")
            % {"code": observation.indicator.code, "unit": observation.unit},
        )
    return redirect("indicators:review")


@login_required
def observation_evidence(request, pk):
    observation = access_observation(request.user, pk)
    if not observation.evidence:
        raise Http404
    return build_file_attachment(observation.evidence, get_evidence_download_name(observation))


def _render_review(request, return_errors=None):
    reviewed = get_reviewed_observations(request.user)
    committee_id = request.GET.get("committee", "")
    if committee_id.isdigit():
        reviewed = reviewed.filter(indicator__committee=committee_id)
    pending = (
        reviewed.filter(state=ObservationState.SUBMITTED)
        .select_related("indicator", "indicator__committee", "unit", "entered_by__person")
        .order_by("unit__name", "period_start", "indicator__code")
    )
    returned_count = reviewed.filter(state=ObservationState.RETURNED).count()
    rows = []
    for observation in pending:
        observation.return_errors = (return_errors or {}).get(observation.pk, [])
        rows.append(observation)
    return render(
        request,
        "indicators/review.html",
        {
            "rows": rows,
            "returned_count": returned_count,
            "review_url": reverse("indicators:review"),
        },
    )
