import datetime
import io

import pytest
from django.core.management import call_command

from chidao.committees.models import Committee

DEMO_TODAY = datetime.date(2026, 11, 20)
DEMO_PASSWORD = "ChiDao@Demo2025"


def demo_committee() -> Committee:
    return Committee.objects.get(parent__isnull=True, memberships__person__user__username="lanhdao")


def load_the_demo() -> None:
    call_command("load_demo", "--today", DEMO_TODAY.isoformat(), stdout=io.StringIO())


@pytest.fixture
def demo(db):
    """The demo province (Nam Định), its tasks dated around ``DEMO_TODAY``."""
    load_the_demo()
    return demo_committee()


@pytest.fixture(scope="module")
def _demo_for_the_module(module_db):
    load_the_demo()


@pytest.fixture
def module_demo(_demo_for_the_module, db):
    """``demo``, loaded once for a module whose every test reads it (``module_db``)."""
    return demo_committee()
