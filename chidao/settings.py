"""Settings, read from the environment.

Every setting that differs between a laptop and a provincial server comes from an
environment variable prefixed ``CHIDAO_`` (plus the conventional ``DATABASE_URL``), so
the same code runs the demo on SQLite and production on PostgreSQL.
"""

import datetime
import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("CHIDAO_DEBUG")
SECRET_KEY = os.environ.get("CHIDAO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("CHIDAO_ALLOW_INSECURE_KEY"):
        raise ImproperlyConfigured("Set CHIDAO_SECRET_KEY (or CHIDAO_DEBUG=1 for development).")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("CHIDAO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CHIDAO_CSRF_TRUSTED_ORIGINS")

# Shown as a banner on every page when the database holds demo data.
DEMO_MODE = env_bool("CHIDAO_DEMO")
# `manage.py load_demo` loads into a demo or development installation only (or with
# --force), and only there gives the demo accounts their published password.
CHIDAO_DEMO_DATA_ALLOWED = DEMO_MODE or DEBUG

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    # Sign-in throttling per account and per address (DESIGN.md §5).
    "axes",
    # Two-step sign-in with an authenticator app (chidao.core.twofactor and
    # chidao.workspace.twofactor, DESIGN.md §5).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Single-use recovery codes for a lost authenticator (chidao.core.twofactor).
    "django_otp.plugins.otp_static",
    "chidao.core",
    "chidao.org",
    "chidao.committees",
    "chidao.documents",
    "chidao.indicators",
    "chidao.assignments",
    "chidao.reporting",
    "chidao.demo",
    "chidao.overlap",
    "chidao.reminders",
    "chidao.audit",
    "huey.contrib.djhuey",
    "chidao.imports",
    # Setting a committee up from its unit list, and its first accounts (issue [K]).
    "chidao.onboarding",
    "chidao.api",
    "chidao.meetings",
    "chidao.proposals",
    "chidao.dashboards",
    "chidao.scale",
    # Pages that know roles across committees: menu, home page, two-step policy.
    "chidao.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chidao.core.headers.ContentSecurityPolicyMiddleware",
    "chidao.audit.middleware.RequestContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Reports and exports read from the replica when one is set (CHIDAO_REPLICA_DATABASE_URL).
    "chidao.core.replica.ReplicaMiddleware",
    "chidao.core.sessions.SessionTimeoutMiddleware",
    "chidao.core.twofactor.TwoFactorMiddleware",
    "chidao.core.ratelimit.HeavyRequestRateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A write PostgreSQL broke off to end a deadlock is tried again, whole (its view runs
    # inside: after every other middleware's process_view, CSRF's included).
    "chidao.core.retries.RetryWritesMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chidao.urls"
WSGI_APPLICATION = "chidao.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "chidao" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chidao.core.context_processors.demo_mode",
                "chidao.workspace.context_processors.main_menu",
                "chidao.reminders.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.environ.get('CHIDAO_SQLITE_PATH', BASE_DIR / 'chidao.sqlite3')}",
        conn_max_age=int(os.environ.get("CHIDAO_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under gunicorn's threads and processes: readers never wait for
    # a writer (WAL), and a write takes the lock when its transaction begins (IMMEDIATE),
    # waiting up to 20 s, instead of failing with "database is locked" when two
    # transactions that began by reading both try to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query whose estimated cost passes 500,000; the count
    # queries' correlated subqueries inflate the estimate, so a 50 ms query spent ~2 s
    # compiling (bench/RESULTS.md). Our queries are short: never worth it.
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options["options"] = f"{_db_options.get('options', '')} -c jit=off".strip()
# A streaming replica (hot standby) of the same database: reports and exports read there,
# everything else from the primary (chidao.core.replica, docs/deployment.md). The test
# suite mirrors it onto the default database.
if os.environ.get("CHIDAO_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["CHIDAO_REPLICA_DATABASE_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["chidao.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (OWASP's m = 19 MiB, t = 2, p = 1, one hash at a time per worker:
# chidao.core.hashers): new and re-hashed passwords use it; older hashes, Django's Argon2
# parameters included, are upgraded at sign-in.
PASSWORD_HASHERS = [
    "chidao.core.hashers.BoundedArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes checks the lock-out before Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Throttling: after this many failures an (account, address) pair, and separately an
# address, is locked for the cool-off time; the page says so in Vietnamese (HTTP 429).
# Never the account alone, or anyone could lock anyone out: failures on one account from
# many addresses make each further attempt wait, 1, 2, 4… seconds up to the maximum,
# except from an address the account has signed in from before (chidao.core.signin).
# Failures are logged by axes (AccessAttempt, AccessFailureLog) and by the audit log.
AXES_FAILURE_LIMIT = int(os.environ.get("CHIDAO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("CHIDAO_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
CHIDAO_LOGIN_MAX_DELAY_SECONDS = int(os.environ.get("CHIDAO_LOGIN_MAX_DELAY_SECONDS", "60"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "chidao.core.client_address.get_client_ip"
# Sessions: signed out after this long without a request, and after this long in all
# (chidao.core.sessions). The cookie lasts no longer than the absolute limit.
CHIDAO_SESSION_IDLE_MINUTES = int(os.environ.get("CHIDAO_SESSION_IDLE_MINUTES", "30"))
CHIDAO_SESSION_MAX_HOURS = int(os.environ.get("CHIDAO_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = CHIDAO_SESSION_MAX_HOURS * 3600
# Accounts with no sign-in for this many days are disabled by a nightly job (0: never).
CHIDAO_ACCOUNT_INACTIVE_DAYS = int(os.environ.get("CHIDAO_ACCOUNT_INACTIVE_DAYS", "45"))
# Admins and secretariat must set up an authenticator (TOTP); others may. Off by default in
# the demo, whose visitors try the roles with the shared demo passwords.
CHIDAO_TWO_FACTOR_REQUIRED = env_bool("CHIDAO_TWO_FACTOR_REQUIRED", not DEMO_MODE)
OTP_TOTP_ISSUER = "Chỉ Đạo"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Vietnamese first, English second. Source strings are Vietnamese, so the Vietnamese UI
# needs no compiled catalogue; English comes from chidao/locale/en.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [
    BASE_DIR / "chidao" / "locale",
    # Django's own messages (forms, validators, sign-in, passwords) reworded in natural
    # Vietnamese; a folder not named "locale", so makemessages never writes into it.
    BASE_DIR / "chidao" / "core" / "data" / "wording",
]
USE_I18N = True
# Dates dd/mm/yyyy and numbers 1.234,5 regardless of Django's own locale defaults.
FORMAT_MODULE_PATH = ["chidao.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("CHIDAO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# The vendored front-end assets and the site stylesheet, served from the repository.
STATICFILES_DIRS = [BASE_DIR / "chidao" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("CHIDAO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# collectstatic compresses (gzip and brotli) every file it may serve; the source maps of
# the vendored scripts (drf-spectacular's sidecar, DRF, echarts) are half the bytes, and
# only a developer's tools fetch them: served as they are, they halve collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

SESSION_COOKIE_SECURE = env_bool("CHIDAO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Transport (docs/security.md): HTTPS only in production. Behind nginx, set
# CHIDAO_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO so Django knows the request was HTTPS.
SECURE_SSL_REDIRECT = env_bool("CHIDAO_SSL_REDIRECT", not DEBUG)
if os.environ.get("CHIDAO_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["CHIDAO_PROXY_SSL_HEADER"], "https")
SECURE_HSTS_SECONDS = int(os.environ.get("CHIDAO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CHIDAO_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a promise about the whole domain (often a province's .gov.vn), so it is
# the operator's choice; without it Django's deploy check W021 is expected.
SECURE_HSTS_PRELOAD = env_bool("CHIDAO_HSTS_PRELOAD")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Pages send the token from the template (hx-headers), never read the cookie from script.
CSRF_COOKIE_HTTPONLY = True
# A refused CSRF check gets a page that says what happened and what to do (issue [O]).
CSRF_FAILURE_VIEW = "chidao.workspace.errors.csrf_failure"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Everything is vendored, so 'self' only. Scripts come from files only (no inline script,
# no eval; the permission walk fails a page with inline script). Styles keep
# 'unsafe-inline': templates still carry style="" attributes (table widths, chart sizes)
# and the Swagger UI page of drf-spectacular has an inline <style>; a style cannot run code.
CHIDAO_CONTENT_SECURITY_POLICY = os.environ.get(
    "CHIDAO_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)

# Evidence files: checked by content, capped in size, stored under MEDIA_ROOT (never
# served directly: downloads go through a view that checks who may see the task).
CHIDAO_EVIDENCE_MAX_BYTES = int(os.environ.get("CHIDAO_EVIDENCE_MAX_MB", "20")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Every upload (chidao.core.uploads): a Word or Excel file is a zip archive, refused past
# this many entries or this much data once inflated (zip-bomb defence).
CHIDAO_UPLOAD_MAX_ENTRIES = int(os.environ.get("CHIDAO_UPLOAD_MAX_ENTRIES", "2000"))
CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB = int(os.environ.get("CHIDAO_UPLOAD_MAX_UNCOMPRESSED_MB", "200"))
# Virus scan of every upload by ClamAV's daemon: "unix:///run/clamav/clamd.ctl" or
# "tcp://127.0.0.1:3310"; empty: not scanned (recorded so). Once set, a scanner that does
# not answer within the timeout (seconds) refuses the upload (fail closed).
CHIDAO_CLAMD_ADDRESS = os.environ.get("CHIDAO_CLAMD_ADDRESS", "")
CHIDAO_CLAMD_TIMEOUT = float(os.environ.get("CHIDAO_CLAMD_TIMEOUT", "30"))

# Indicator values: a period stays open for entry this many days after it ends
# (indicators.entry.is_period_open). Document files: the size cap of an upload.
CHIDAO_OBSERVATION_GRACE_DAYS = int(os.environ.get("CHIDAO_OBSERVATION_GRACE_DAYS", "20"))
CHIDAO_DOCUMENT_MAX_BYTES = int(os.environ.get("CHIDAO_DOCUMENT_MAX_MB", "20")) * 1024 * 1024

# Days before a deadline when an open task is flagged "due soon" unless its committee
# sets its own value.
CHIDAO_DUE_SOON_DAYS = int(os.environ.get("CHIDAO_DUE_SOON_DAYS", "7"))

# Imports (chidao.imports): files over the cap or with more rows are refused before
# anything is read into the database.
CHIDAO_IMPORT_MAX_BYTES = int(os.environ.get("CHIDAO_IMPORT_MAX_MB", "20")) * 1024 * 1024
CHIDAO_IMPORT_MAX_ROWS = int(os.environ.get("CHIDAO_IMPORT_MAX_ROWS", "20000"))
# Uploads of that size pass through Django's form parsing in one piece.
FILE_UPLOAD_MAX_MEMORY_SIZE = CHIDAO_IMPORT_MAX_BYTES

# The API (chidao.api): token or session, the same gates as the pages, paginated lists.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "chidao.api.authentication.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [],
    # 429 with Retry-After past these rates (chidao.core.throttling); empty: no limit.
    "DEFAULT_THROTTLE_CLASSES": [
        "chidao.core.throttling.ApiUserRateThrottle",
        "chidao.core.throttling.ApiAnonRateThrottle",
    ],
}
CHIDAO_API_RATE_USER = os.environ.get("CHIDAO_API_RATE_USER", "600/min")
CHIDAO_API_RATE_ANON = os.environ.get("CHIDAO_API_RATE_ANON", "60/min")
# Exports and import uploads per user (chidao.core.ratelimit); empty: no limit.
CHIDAO_EXPORT_RATE = os.environ.get("CHIDAO_EXPORT_RATE", "60/hour")
CHIDAO_IMPORT_RATE = os.environ.get("CHIDAO_IMPORT_RATE", "60/hour")
# Dashboards, ranking, report builds, the follow-up brief, the public page (same rule).
CHIDAO_HEAVY_PAGE_RATE = os.environ.get("CHIDAO_HEAVY_PAGE_RATE", "120/min")
# Lookups of a proposal by its tracking code, per address (defence in depth: ~40 bits).
CHIDAO_TRACKING_LOOKUP_RATE = os.environ.get("CHIDAO_TRACKING_LOOKUP_RATE", "30/hour")
SPECTACULAR_SETTINGS = {
    "TITLE": "Chỉ Đạo API",
    "DESCRIPTION": "Nhiệm vụ, tiến độ, chỉ tiêu và số liệu của Ban Chỉ đạo.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Served from the vendored sidecar package: no page may load from the internet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per shared choice set (indicator frequency and observation period).
    "ENUM_NAME_OVERRIDES": {"PeriodKindEnum": "chidao.core.periods.PeriodKind"},
    # The 400/401/403/404/429 answers of every operation (chidao.api.schema).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "chidao.api.schema.add_error_responses",
    ],
}

# Webhooks (chidao.api.addresses): https only and never an internal or reserved address,
# unless plain http is allowed (an intranet receiver) or the receiver's network is listed
# here, comma-separated (e.g. "10.20.0.0/16").
CHIDAO_WEBHOOK_ALLOW_HTTP = env_bool("CHIDAO_WEBHOOK_ALLOW_HTTP")
CHIDAO_WEBHOOK_ALLOWED_NETWORKS = env_list("CHIDAO_WEBHOOK_ALLOWED_NETWORKS")
# Audit log (chidao.audit): how long sign-in events and model history are kept, and the
# header nginx writes the client's address to (empty: trust only the socket's address).
CHIDAO_AUDIT_RETENTION_DAYS = int(os.environ.get("CHIDAO_AUDIT_RETENTION_DAYS", "365"))
CHIDAO_TRUSTED_PROXY_HEADER = os.environ.get("CHIDAO_TRUSTED_PROXY_HEADER", "")

# Email (reminders, digests): SMTP in production, printed to the console in development.
EMAIL_BACKEND = os.environ.get(
    "CHIDAO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# The demo writes its mail to files (one per message) instead of the console, so the
# reminder run does not scroll the demo's account table away (make demo prints the path).
if DEMO_MODE and "CHIDAO_EMAIL_BACKEND" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get(
    "CHIDAO_EMAIL_FILE_PATH", str(BASE_DIR / "artifacts" / "demo-mail")
)
EMAIL_HOST = os.environ.get("CHIDAO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("CHIDAO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("CHIDAO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CHIDAO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CHIDAO_EMAIL_USE_TLS")
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("CHIDAO_EMAIL_FROM", "Chỉ Đạo <chidao@localhost>")
# The address links in emails start with.
CHIDAO_SITE_URL = os.environ.get("CHIDAO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Cache (rate-limit counters, the public page): Redis when REDIS_URL is set, shared by
# every gunicorn worker so a limit holds across them; otherwise each process keeps its own
# in local memory (a limit is then per worker; docs/security.md §9).
# Redis is an accelerator: while it is unreachable the cache answers as empty, so rate
# limits fail open with a logged warning and every page still answers
# (chidao.core.resilience); /readyz reports it.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "chidao.core.resilience.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "chidao",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs (reminders, digests): Huey on a SQLite file by default, Redis when
# REDIS_URL is set (production, several consumers). Run: manage.py run_huey.
# The queue's name keeps two installations on one Redis apart: CHIDAO_HUEY_NAME, or by
# default one derived from this installation's database (engine, host, port, name).
_database_identity = "|".join(
    str(DATABASES["default"].get(key, "")) for key in ("ENGINE", "HOST", "PORT", "NAME")
)
CHIDAO_HUEY_NAME = os.environ.get("CHIDAO_HUEY_NAME") or (
    "chidao-" + hashlib.sha256(_database_identity.encode()).hexdigest()[:12]
)
if os.environ.get("REDIS_URL"):
    HUEY = {
        # The worker waits out a Redis outage with one log line per retry period.
        "huey_class": "chidao.core.resilience.ResilientRedisHuey",
        "name": CHIDAO_HUEY_NAME,
        "url": os.environ["REDIS_URL"],
        "immediate": False,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": CHIDAO_HUEY_NAME,
        "filename": os.environ.get("CHIDAO_HUEY_PATH", str(BASE_DIR / "huey.sqlite3")),
        "immediate": False,
    }
HUEY["consumer"] = {
    "workers": int(os.environ.get("CHIDAO_HUEY_WORKERS", "2")),
    "worker_type": "thread",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CHIDAO_LOG_LEVEL", "INFO")},
}
