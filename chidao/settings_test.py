"""Settings for the test suite: the real settings, with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("CHIDAO_SECRET_KEY", "tests-only-key-not-a-secret")

from chidao.settings import *  # noqa: F403 -- the tests run the real settings, overridden below

# Hashing demo and factory passwords with a slow algorithm would dominate the suite's time.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The manifest needs `collectstatic`; tests render pages without running it.
STORAGES = {
    **STORAGES,  # noqa: F405 -- from the star import above
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
