"""What a web worker holds before it builds any file: the heavy libraries stay out.

A gunicorn worker imports the URL configuration, hence every view module, at its first
request. Libraries used only to build or read a file (scikit-learn and SciPy to compare
tasks, docxtpl and Jinja for report templates, segno for the two-step QR code) are
imported where they are used, so a worker serving the pages does not carry them: each
worker's peak memory under the mixed load counts against the 150 MB budget of issue 21
(bench/RESULTS.md, branch m-rss). A new top-level import of one of them in a view module,
or in a module a view imports, shows up here.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# openpyxl (and numpy, which openpyxl imports when present) belong here too once the
# dashboards' ranking export and the imports' blank forms import openpyxl on first use.
KEPT_OUT = ("sklearn", "scipy", "docxtpl", "segno", "openpyxl", "numpy")

SCRIPT = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
print(json.dumps(sorted(name for name in sys.modules if "." not in name)))
"""


def test_loading_every_view_leaves_the_file_libraries_unimported():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "chidao.settings_test"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "rest_framework" in loaded  # the views, the API's among them, were loaded
    assert loaded.isdisjoint(KEPT_OUT), sorted(loaded & set(KEPT_OUT))
