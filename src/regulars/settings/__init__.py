"""Django settings for Regulars, driven by environment variables.

REGULARS_DATA_DIR   folder for the SQLite database, the secret key and uploads (default ./var)
DATABASE_URL        use PostgreSQL instead of SQLite: postgres://user:password@host:5432/regulars
REGULARS_DEBUG      "1" for development only
REGULARS_HTTPS      "1" when served behind HTTPS: secure cookies, HSTS, redirects (production)
REGULARS_ALLOWED_HOSTS  comma separated host names (default: localhost names)
REGULARS_LANGUAGE   the installation's default language: de, nl or en (default de)
REGULARS_READ_ONLY  "1": open the database read-only and write nothing to the data folder (regulars.cli sets it for
                    commands that only read, e.g. verify-receipts)

A setting Regulars cannot work with raises StartupError, which the `regulars` command prints as one line.
"""

import os
import sys
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from regulars.startup import StartupError

from .database import postgresql_database
from .datadir import PRIVATE_FILE, PRIVATE_FOLDER, prepare_data_dir, sqlite_database
from .secrets import load_receipt_key, load_secret_key


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.lower() in {"1", "true", "yes", "on"}


def env_count(name: str, default: int) -> int:
    """A whole number of something (0, 1, 2, ...) from the environment."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit():
        raise StartupError(
            gettext_noop("%(name)s must be a whole number (0, 1, 2, ...), not %(value)r."), name=name, value=value
        )
    return int(value)


BASE_DIR = Path(__file__).resolve().parent.parent
READ_ONLY = env_flag("REGULARS_READ_ONLY")
DATA_DIR = prepare_data_dir(Path(os.environ.get("REGULARS_DATA_DIR", "var")).resolve(), read_only=READ_ONLY)
DEBUG = env_flag("REGULARS_DEBUG")
TESTING = "pytest" in sys.modules
HTTPS = env_flag("REGULARS_HTTPS")
SECRET_KEY = load_secret_key(DATA_DIR, read_only=READ_ONLY)
RECEIPT_KEY = load_receipt_key(DATA_DIR, read_only=READ_ONLY)
#: where each till's last receipt number and hash are anchored outside the database (sales.anchors)
RECEIPT_ANCHOR_DIR = Path(os.environ.get("REGULARS_ANCHOR_DIR", DATA_DIR / "anchors"))
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("REGULARS_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("REGULARS_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_countries",
    "axes",
    "regulars.core",
    "regulars.audit",
    "regulars.catalog",
    "regulars.sales",
    "regulars.orders",
    "regulars.customers",
    "regulars.communication",
    "regulars.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "regulars.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "regulars.core.middleware.UserLanguageMiddleware",
    "regulars.core.middleware.RequestIdMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regulars.urls"
WSGI_APPLICATION = "regulars.wsgi.application"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "customers:list"
LOGOUT_REDIRECT_URL = "core:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regulars.core.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite in the data folder unless DATABASE_URL names a PostgreSQL database.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": postgresql_database(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": sqlite_database(DATA_DIR, read_only=READ_ONLY)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
#: a link to choose a new password works this long, and once (the mail and the page say "one hour")
PASSWORD_RESET_TIMEOUT = 3600

# Login throttling: five failures for a user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "regulars.core.views.auth.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address (django-ipware): behind REGULARS_PROXY_COUNT reverse proxies it is the address the first proxy
# added to X-Forwarded-For, the PROXY_COUNT-th from the right. django-ipware counts the proxies after the client
# (hence one less) and, not strict, skips what a client wrote in front itself. Without a proxy the header is ignored.
PROXY_COUNT = env_count("REGULARS_PROXY_COUNT", 1 if HTTPS else 0)
if PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

LANGUAGE_CODE = os.environ.get("REGULARS_LANGUAGE", "de")
LANGUAGES = [("de", _("German")), ("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("REGULARS_TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
if not READ_ONLY:
    STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
# Uploads are their owner's only, as the database and the secret key; the static files are public (collectstatic gives
# them the usual modes) and sit in the data folder, which is 0700.
FILE_UPLOAD_PERMISSIONS = PRIVATE_FILE
FILE_UPLOAD_DIRECTORY_PERMISSIONS = PRIVATE_FOLDER

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 12 * 3600
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts, styles, images and forms from Regulars itself only; htmx and app.js are served from static/, nothing inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("REGULARS_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "regulars.core.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["regulars.core.api.permissions.IsCashier"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "regulars.core.api.pagination.CappedCursorPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON in, JSON out: one media type per body, so that a generated client can send every request
    "DEFAULT_PARSER_CLASSES": ["regulars.core.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "regulars.core.api.errors.exception_handler",
    "PAGE_SIZE": 25,
    "COERCE_DECIMAL_TO_STRING": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Regulars API",
    "DESCRIPTION": "Customer file of the till: customers, search, receipts and the change protocol.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v[0-9]",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "regulars.core.api.schema.declare_errors",
    ],
}
#: the largest request body the API reads, in bytes (a customer with all its parts is a few kilobytes)
API_MAX_BODY = 256 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "regulars.core.logs.ClientErrorsInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors_in_one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("REGULARS_LOG_LEVEL", "WARNING")},
}

DJANGO_TABLES2_TEMPLATE = "core/table.html"

# The region a phone number without country code belongs to, when the shop has none.
REGULARS_DEFAULT_COUNTRY = os.environ.get("REGULARS_COUNTRY", "DE")
