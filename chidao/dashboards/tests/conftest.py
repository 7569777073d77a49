import datetime
import io

import pytest
from django.core.management import call_command

from chidao.committees.models import Committee

DEMO_TODAY = datetime.date(2026, 11, 20)
DEMO_PASSWORD = "ChiDao@Demo2025"


@pytest.fixture
def demo(db):
    """The demo province (Nam Định), its tasks dated around ``DEMO_TODAY``."""
    call_command("load_demo", "--today", DEMO_TODAY.isoformat(), stdout=io.StringIO())
    return Committee.objects.get(parent__isnull=True, memberships__person__user__username="lanhdao")
