"""An indicator's page: its targets, values and the tasks that serve it
(``indicators:indicator_detail``).

Tasks link to indicators (``Task.indicators``), so the page that shows both lives here;
the project URLconf keeps its address and name in the ``indicators`` namespace (see
``chidao/urls.py``).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from chidao.assignments.models import Task
from chidao.indicators.access import access_indicator
from chidao.indicators.models import Observation
from chidao.indicators.reads import get_indicator_summary


@login_required
def indicator_detail(request, pk):
    indicator = access_indicator(request.user, pk)
    context = get_indicator_summary(indicator, Observation.objects.visible_to(request.user))
    context["tasks"] = (
        Task.objects.visible_to(request.user)
        .filter(indicators=indicator)
        .select_related("lead_unit")
        .order_by("code", "pk")
    )
    return render(request, "indicators/indicator_detail.html", context)
