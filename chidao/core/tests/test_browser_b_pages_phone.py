"""Issue [B] §9–§11 on a 360 px phone: the indicator grid and review, the registers and
committee pages, and the leader's overview fit the screen with no sideways scroll.

The demo province gives them real content: long Vietnamese names, many members, the
documents chain, quarters of indicator values.
"""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from chidao.committees.models import Committee
from chidao.core.tests.browser import sign_in
from chidao.core.tests.test_browser_phone import DEMO_PASSWORD, horizontal_overflow
from chidao.demo import content
from chidao.documents.models import Document
from chidao.indicators.models import Indicator

pytestmark = pytest.mark.browser


def test_pages_fit_a_phone(web, live_server):
    call_command("load_demo", "--today", timezone.localdate().isoformat(), stdout=io.StringIO())
    committee = Committee.objects.get(name=content.NAM_DINH_COMMITTEE)
    plan = Document.objects.filter(implements__isnull=False).order_by("pk").first()
    indicator = Indicator.objects.filter(committee=committee).order_by("code").first()
    visits = {
        "canbo.khcn": [("indicators:data_entry", {})],
        "thuongtruc": [
            ("indicators:review", {}),
            ("indicators:indicator_list", {}),
            ("indicators:indicator_detail", {"pk": indicator.pk}),
            ("documents:document_list", {}),
            ("documents:document_detail", {"pk": plan.pk}),
            ("documents:document_create", {}),
        ],
        "lanhdao": [
            ("committees:overview", {}),
            ("committees:committee_list", {}),
            ("committees:committee_detail", {"pk": committee.pk}),
        ],
    }
    for username, pages in visits.items():
        page = web.new_page({"width": 360, "height": 800})
        sign_in(page, live_server, username, DEMO_PASSWORD)
        for name, kwargs in pages:
            page.goto(web.url(name, **kwargs))
            web.step(page, f"{name} as {username} at 360 px")
            overflow = horizontal_overflow(page)
            assert overflow["scrollWidth"] <= overflow["innerWidth"], (name, overflow)
