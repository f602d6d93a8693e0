"""Settings, all from the environment (see README: Settings)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TRACKER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# A test run (pytest imports these settings itself) is development, as `make test` says.
TESTING = "pytest" in sys.modules
DEBUG = env_bool("DJANGO_DEBUG", TESTING)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - development and tests only

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tracker.middleware.ReadersOnlyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns lockouts into a response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["template_partials.templatetags.partials"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'tracker.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for the lock instead of failing at once ("database is locked").
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Uploads and imports larger than this are refused with a message.
TRACKER_MAX_IMPORT_BYTES = int(os.environ.get("TRACKER_MAX_IMPORT_BYTES", str(5 * 1024 * 1024)))
# Longer than any real paragraph: such text is a failed extraction, refused with a message.
TRACKER_MAX_PARAGRAPH_CHARS = int(os.environ.get("TRACKER_MAX_PARAGRAPH_CHARS", "50000"))
# Imports by URL and feeds (tracker.services.fetch). Private and loopback addresses are refused
# unless TRACKER_FETCH_ALLOW_PRIVATE is on (tests serve pages from 127.0.0.1).
TRACKER_FETCH_TIMEOUT = float(os.environ.get("TRACKER_FETCH_TIMEOUT", "15"))
TRACKER_FETCH_MAX_BYTES = int(os.environ.get("TRACKER_FETCH_MAX_BYTES", str(TRACKER_MAX_IMPORT_BYTES)))
TRACKER_FETCH_USER_AGENT = os.environ.get(
    "TRACKER_FETCH_USER_AGENT", "WhoSaidWhat-QuoteTracker/1.0 (newsroom quote tracker; fetches articles editors add)"
)
TRACKER_FETCH_ALLOW_PRIVATE = env_bool("TRACKER_FETCH_ALLOW_PRIVATE", False)
# Certificates fetches trust: the system's unless a CA bundle file is named.
TRACKER_FETCH_CA_BUNDLE = os.environ.get("TRACKER_FETCH_CA_BUNDLE", "")
# Feeds: items imported per feed per run, and how often a failing item is tried again.
TRACKER_FEED_MAX_ITEMS = int(os.environ.get("TRACKER_FEED_MAX_ITEMS", "50"))
TRACKER_FEED_ITEM_ATTEMPTS = int(os.environ.get("TRACKER_FEED_ITEM_ATTEMPTS", "3"))
# The work queue: how long "Next article" keeps an article for the editor who took it.
TRACKER_QUEUE_LOCK_MINUTES = int(os.environ.get("TRACKER_QUEUE_LOCK_MINUTES", "30"))
DATA_UPLOAD_MAX_MEMORY_SIZE = TRACKER_MAX_IMPORT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = TRACKER_MAX_IMPORT_BYTES + 1024 * 1024

# Detection runs off the request: queued in the database, run by `manage.py db_worker`
# (any number of workers on any number of machines sharing the database). "immediate" runs
# tasks inline, as the tests do.
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TRACKER_TASKS_BACKEND", "database")]
    }
}
TRACKER_DETECTION_MAX_ATTEMPTS = int(os.environ.get("TRACKER_DETECTION_MAX_ATTEMPTS", "3"))
# Seconds one detection may compute before it is stopped and the article marked failed.
TRACKER_DETECTION_TIME_LIMIT = float(os.environ.get("TRACKER_DETECTION_TIME_LIMIT", "60"))
# Seconds after its start when a run still marked running is taken as lost (its worker was
# killed): longer than the time limit plus the writes that follow it.
TRACKER_DETECTION_LEASE = float(
    os.environ.get("TRACKER_DETECTION_LEASE", str(max(180.0, 2 * TRACKER_DETECTION_TIME_LIMIT + 60)))
)

# Where stanza models live; detection uses the rules alone when they are absent.
STANZA_DIR = Path(os.environ.get("STANZA_DIR", VAR_DIR / "stanza"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        # One JSON object a line, with the fields import and detection attach (event, article_id …).
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("DJANGO_LOG_FORMAT") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Login throttling: a username+address pair is locked out after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Content-Security-Policy: no inline or third-party scripts anywhere; htmx is served from
# static/ and its inline indicator styles are switched off in base.html's htmx-config.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],  # style attributes carry speaker colours
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

if not DEBUG:
    # Production behind HTTPS (README: Production). Set DJANGO_SECURE_SSL=0 only for a
    # plain-HTTP loopback benchmark.
    _ssl = env_bool("DJANGO_SECURE_SSL", True)
    SESSION_COOKIE_SECURE = _ssl
    CSRF_COOKIE_SECURE = _ssl
    SECURE_SSL_REDIRECT = _ssl
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if _ssl else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _ssl
    SECURE_HSTS_PRELOAD = _ssl
    if env_bool("DJANGO_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [
        o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
    ]
