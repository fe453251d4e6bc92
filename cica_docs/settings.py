"""Settings for CICA Docs, read from the environment.

`make run` works with no environment at all (SQLite under var/, DEBUG on, demo data);
production refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "1")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "insecure-development-key-only-for-make-run-and-tests"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "cica_docs.database",
    "cica_docs.accounts",
    "cica_docs.circulation",
    "cica_docs.audit",
    "cica_docs.documents",
    "cica_docs.letterhead",
    "cica_docs.rendering",
    "cica_docs.api",
]
# Document kinds: every top-level package beside cica_docs/ with a `kind.py` (its
# DocumentKind, documents/kinds.py), in name order. A new kind is installed by being there.
INSTALLED_APPS += sorted(
    path.parent.name for path in BASE_DIR.glob("*/kind.py")
    if (path.parent / "__init__.py").exists()
)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Restricted responses are never stored by a browser or a proxy (after authentication:
    # it asks who the user is).
    "cica_docs.no_store.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The app's own 404 page under DEBUG too (make run), not Django's list of URL patterns.
    "cica_docs.error_pages.NotFoundPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # axes last: it answers locked-out logins itself
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cica_docs.urls"
WSGI_APPLICATION = "cica_docs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
if not os.environ.get("DATABASE_URL"):
    # The embedded default database lives there; a fresh checkout has no var/ yet.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'cica_docs.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}
# PostgreSQL: the app connects as a runtime role that owns nothing (DATABASE_URL); the
# owner of the schema (DATABASE_OWNER_URL, same database) is used by `migrate` and `flush`
# only (cica_docs/database/roles.py).
DATABASE_OWNER = None
if os.environ.get("DATABASE_OWNER_URL"):
    DATABASE_OWNER = dj_database_url.parse(os.environ["DATABASE_OWNER_URL"])
    for _key in ("ENGINE", "NAME"):
        if DATABASE_OWNER[_key] != DATABASES["default"][_key]:
            raise ImproperlyConfigured(
                f"DATABASE_OWNER_URL must name the same database as DATABASE_URL ({_key})."
            )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout by username + IP with a finite cool-off, so one guesser cannot lock out a delegation.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = envbool("AXES_ENABLED", "1")

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Interface formats for the languages Django has none for (Kazakh): cica_docs/formats/.
FORMAT_MODULE_PATH = ["cica_docs.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Almaty")  # Astana, UTC+5
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A missing translation must never be filled from English behind the user's back.
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
MODELTRANSLATION_CUSTOM_FIELDS = ()

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# E-mail goes through Django's mailers (settings.MAILERS), SMTP unless told otherwise.
_mail_backend = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if DEBUG and "EMAIL_BACKEND" not in os.environ and "EMAIL_HOST" not in os.environ:
    # make run without a mail server: messages are printed by the server process.
    _mail_backend = "django.core.mail.backends.console.EmailBackend"
_smtp_options = {
    "host": os.environ.get("EMAIL_HOST", "127.0.0.1"),
    "port": envint("EMAIL_PORT", 25),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": envbool("EMAIL_USE_TLS", "0"),
    "timeout": envint("EMAIL_TIMEOUT", 10),
}
MAILERS = {
    "default": {
        "BACKEND": _mail_backend,
        "OPTIONS": _smtp_options if _mail_backend.endswith("smtp.EmailBackend") else {},
    }
}
# Absolute links in e-mails sent outside a request (background tasks).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Dispatch notices: attempts per notice, and the first pause between them (then doubling).
NOTICE_MAX_ATTEMPTS = envint("NOTICE_MAX_ATTEMPTS", 5)
NOTICE_RETRY_SECONDS = envint("NOTICE_RETRY_SECONDS", 60)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CICA Secretariat <docs@s-cica.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Django's own CSP: no inline script, the PDF preview frame from 'self'.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Frames are refused everywhere; the PDF preview views opt in with @xframe_options_sameorigin.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Seconds a confirmed password stays fresh for sensitive actions (accounts/reauth.py).
REAUTHENTICATION_MAX_AGE = envint("REAUTHENTICATION_MAX_AGE", 15 * 60)
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)

# The JSON API (cica_docs/api/): token or session authentication, JSON only, errors as
# {"detail", "errors"}, every list paginated, bodies limited to DATA_UPLOAD_MAX_MEMORY_SIZE.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["cica_docs.api.errors.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["cica_docs.api.errors.LimitedJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "cica_docs.api.errors.AlwaysJSON",
    "DEFAULT_PAGINATION_CLASS": "cica_docs.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "cica_docs.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "cica_docs.api.schema.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CICA Docs API",
    "DESCRIPTION": "Drafting, issuing and circulating the CICA Secretariat's documents.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"DocumentStatusEnum": "cica_docs.documents.models.Document.State"},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "cica_docs.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The Secretariat's seat, printed in dates and places; editable per language as data later.
CICA_DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "cica-demo-2026")

# PDF rendering limits (cica_docs/rendering/pdf.py). "inline" isolation drops the time limit.
PDF_RENDER_TIMEOUT = envint("PDF_RENDER_TIMEOUT", 60)
PDF_MAX_HTML_BYTES = envint("PDF_MAX_HTML_BYTES", 4 * 1024 * 1024)
PDF_MAX_PAGES = envint("PDF_MAX_PAGES", 1000)
PDF_RENDER_ISOLATION = os.environ.get("PDF_RENDER_ISOLATION", "fork")
# An uploaded PDF enclosure (cica_docs/documents/uploads.py): the largest file accepted.
ENCLOSURE_MAX_BYTES = envint("ENCLOSURE_MAX_BYTES", 20 * 1024 * 1024)
