import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Vietnamese: a request in English leaves English active after it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
