"""Settings for the test suite: the real settings, with a throwaway key and a fast hasher."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("CHIDAO_SECRET_KEY", "tests-only-key-not-a-secret")

from chidao.settings import *  # noqa: F403 -- the tests run the real settings, overridden below

# Hashing demo and factory passwords with a slow algorithm would dominate the suite's time.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The manifest needs `collectstatic`; tests render pages without running it.
STORAGES = {
    **STORAGES,  # noqa: F405 -- from the star import above
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests speak plain HTTP to the test client; the redirect is tested in test_security_headers.
SECURE_SSL_REDIRECT = False
# The test client's login() calls authenticate() without a request, which django-axes
# refuses; its own tests turn it on with override_settings (test_security_signin.py).
AXES_ENABLED = False
# One process runs thousands of API requests; the limits are tested on their own.
CHIDAO_API_RATE_USER = ""
CHIDAO_API_RATE_ANON = ""
CHIDAO_EXPORT_RATE = ""
CHIDAO_IMPORT_RATE = ""
CHIDAO_HEAVY_PAGE_RATE = ""
CHIDAO_TRACKING_LOOKUP_RATE = ""
# No virus scanner unless a test starts its fake clamd (chidao/core/tests/test_uploads.py).
CHIDAO_CLAMD_ADDRESS = ""
# The permission walk signs admins and secretariat in with a password only; the two-step
# sign-in is tested with it required in test_security_twofactor.py.
CHIDAO_TWO_FACTOR_REQUIRED = False
# The tests load the demo into their throwaway database and sign in with its accounts;
# the refusal outside the demo is tested with this turned off (demo/tests/test_load_demo.py).
CHIDAO_DEMO_DATA_ALLOWED = True

# Files the tests write go to a scratch directory of this process, removed at its exit:
# under pytest-xdist each worker ("gw0", "gw1"…) has its own, so workers never share an
# upload, a job queue or a backup, and nothing lands in the checkout. Tests that look at
# the files they write still use their own tmp_path.
SCRATCH = Path(
    tempfile.mkdtemp(prefix=f"chidao-tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-")
)
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
if "CHIDAO_MEDIA_ROOT" not in os.environ:  # a subprocess a test starts may name its own
    MEDIA_ROOT = SCRATCH / "media"
if "filename" in HUEY and "CHIDAO_HUEY_PATH" not in os.environ:  # noqa: F405 -- SQLite queue
    HUEY = {**HUEY, "filename": str(SCRATCH / "huey.sqlite3")}  # noqa: F405
