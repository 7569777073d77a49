"""Production settings for the CI smoke of the benchmarks (``bench/smoke.sh``), except
static files: ``{% static %}`` joins paths instead of reading collectstatic's manifest,
whose compression step takes minutes on a busy 2-core machine. Like ``bench/run.py``."""

from chidao.settings import *  # noqa: F403
from chidao.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
