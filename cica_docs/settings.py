"""Settings for CICA Docs, read from the environment.

`make run` works with no environment at all (SQLite under var/, a secret key generated into
var/, DEBUG off, demo data by the DEMO switch); the README's table lists every variable.
"""

import contextlib
import os
import tempfile
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


def _envnumber(name: str, default, kind, what: str):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return kind(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be {what}, not {value!r}") from None


def envint(name: str, default: int) -> int:
    return _envnumber(name, default, int, "an integer")


def envfloat(name: str, default: float) -> float:
    return _envnumber(name, default, float, "a number")


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# DEBUG is for people changing the code (`make dev`); `make run` and servers run without it.
DEBUG = envbool("DEBUG", "0")
# The demo users and documents (`manage.py demo`, well-known passwords) load only where this
# switch is on: `make run` and `make dev` set it, a server never does.
DEMO = envbool("DEMO", "0")

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else the one generated into var/ on the first start
    (kept there, readable by its owner only). Nodes of one deployment must share a key, so a
    deployment of more than one node sets SECRET_KEY."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Written whole to a private file, then linked into place: of two processes starting
        # at once, one link wins and both read the winner's complete key.
        from django.core.management.utils import get_random_secret_key

        fd, temporary = tempfile.mkstemp(dir=VAR_DIR, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(get_random_secret_key() + "\n")
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"{path} holds no usable secret key; delete it.")
    return key


SECRET_KEY = _secret_key()
# Loopback only unless told: a server behind a proxy names its public host here.
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
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
    # Two-factor sign-in (accounts/two_factor.py): TOTP apps, and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "cica_docs.database",
    "cica_docs.accounts",
    "cica_docs.circulation",
    "cica_docs.audit",
    "cica_docs.documents",
    "cica_docs.workbench",
    "cica_docs.letterhead",
    "cica_docs.rendering",
    "cica_docs.issuing",
    "cica_docs.seal",
    "cica_docs.register",
    "cica_docs.meetings",
    "cica_docs.api",
    "cica_docs.health",
    "cica_docs.termbase",
    "cica_docs.xliff",
]
# Document kinds: every top-level package beside cica_docs/ with a `kind.py` (its
# DocumentKind, documents/kinds.py), in name order. A new kind is installed by being there.
INSTALLED_APPS += sorted(
    path.parent.name for path in BASE_DIR.glob("*/kind.py")
    if (path.parent / "__init__.py").exists()
)

MIDDLEWARE = [
    # First: the request id and the one log line per request cover everything below.
    "cica_docs.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): did this session pass the second factor?
    "django_otp.middleware.OTPMiddleware",
    # ... and, where it must have and has not, nothing but the second step answers.
    "cica_docs.accounts.two_factor.TwoFactorMiddleware",
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
                "cica_docs.register.queues.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'cica_docs.sqlite3'}",
        # Persistent connections, checked before reuse (a restarted database is found again).
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
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

# Two-factor sign-in: the name an authenticator app shows beside the account.
OTP_TOTP_ISSUER = "CICA Docs"

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


def _s3_storage() -> dict | None:
    """The S3-compatible storage that STORAGE_URL (s3://bucket?endpoint_url=…&region=…
    &prefix=…&addressing_style=path) or AWS_STORAGE_BUCKET_NAME (with the other AWS_*
    variables) selects, else None (local files under MEDIA_ROOT). Credentials come from
    boto3's usual places (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, ~/.aws, an instance
    role). Objects are private: the app reads them and serves them through its own views
    (rendering/responses.py), never as a bucket URL."""
    from urllib.parse import parse_qs, urlsplit

    url = os.environ.get("STORAGE_URL", "").strip()
    if url:
        parts = urlsplit(url)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if parts.scheme == "file" or (not parts.scheme and not parts.netloc):
            return None
        known = {"endpoint_url", "region", "prefix", "addressing_style"}
        if parts.scheme != "s3" or not parts.netloc or set(query) - known:
            raise ImproperlyConfigured(
                "STORAGE_URL must look like s3://bucket?endpoint_url=…&region=…&prefix=… "
                f"(known options: {', '.join(sorted(known))}), not {url!r}")
        bucket, endpoint = parts.netloc, query.get("endpoint_url")
        region, prefix = query.get("region"), query.get("prefix", parts.path.strip("/"))
        style = query.get("addressing_style")
    elif os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
        endpoint = os.environ.get("AWS_S3_ENDPOINT_URL")
        region = os.environ.get("AWS_S3_REGION_NAME") or os.environ.get("AWS_DEFAULT_REGION")
        prefix = os.environ.get("AWS_LOCATION", "")
        style = os.environ.get("AWS_S3_ADDRESSING_STYLE")
    else:
        return None
    options = {
        "bucket_name": bucket,
        "location": prefix.strip("/"),
        # Private objects: no ACL of ours (the bucket's own, private, applies); a URL, were
        # one ever made, would be signed and short-lived; never served from the bucket.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        # The same names as on a disk: a second file of one name gets a name of its own.
        "file_overwrite": False,
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    if region:
        options["region_name"] = region
    if style:
        options["addressing_style"] = style
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": _s3_storage() or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# REDIS_URL (redis://host:6379/0) enables the Redis cache shared by every node; without it
# each process keeps its own small in-memory cache. With TASKS_BACKEND=rq it holds the queue.
REDIS_URL = os.environ.get("REDIS_URL", "")

# Background tasks (renders, notices): django-tasks-db's table by default (TASKS_BACKEND=db);
# TASKS_BACKEND=rq puts them on RQ in REDIS_URL (django-tasks-rq). `manage.py worker` runs
# the worker of either.
TASK_BACKENDS = {"db": "django_tasks_db.DatabaseBackend", "rq": "django_tasks_rq.RQBackend"}
_tasks_backend = os.environ.get("TASKS_BACKEND", "db").strip() or "db"
_tasks_backend = TASK_BACKENDS.get(_tasks_backend, _tasks_backend)
if _tasks_backend not in TASK_BACKENDS.values():
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be db or rq, not {os.environ.get('TASKS_BACKEND')!r}")
TASKS = {"default": {"BACKEND": _tasks_backend, "QUEUES": ["default"]}}
if _tasks_backend == TASK_BACKENDS["rq"]:
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (redis://host:6379/0).")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    # A job's time limit in RQ: far above a render's own limits (rendering/pdf.py), which
    # end a render that hangs.
    RQ_QUEUES = {"default": {"URL": REDIS_URL,
                             "DEFAULT_TIMEOUT": envint("RQ_JOB_TIMEOUT", 30 * 60)}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# /healthz (cica_docs/health/): each worker beats every HEALTH_HEARTBEAT_SECONDS; a newest
# beat older than HEALTH_WORKER_MAX_AGE seconds reports the workers down.
HEALTH_HEARTBEAT_SECONDS = envint("HEALTH_HEARTBEAT_SECONDS", 15)
HEALTH_WORKER_MAX_AGE = envint("HEALTH_WORKER_MAX_AGE", 60)

# E-mail goes through Django's mailers (settings.MAILERS), SMTP unless told otherwise.
_mail_backend = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if DEMO and "EMAIL_BACKEND" not in os.environ and "EMAIL_HOST" not in os.environ:
    # make run without a mail server: messages are printed by the worker and web processes.
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
# A deployment behind TLS (a reverse proxy that sets X-Forwarded-Proto) switches on HTTPS:
# redirect to https, HSTS, cookies only over TLS. `make run` serves plain HTTP on loopback.
HTTPS = envbool("HTTPS", "0")
if HTTPS:
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
    # One name for each choice set the API repeats: a document's state, and a language.
    "ENUM_NAME_OVERRIDES": {"DocumentStatusEnum": "cica_docs.documents.models.Document.State",
                            "LanguageEnum": [code for code, _name in LANGUAGES]},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
}

# Logs go to stdout: plain text, or with LOG_FORMAT=json one JSON object per line with the
# request id, user id, document id and, for the line per request, its duration
# (cica_docs/request_log.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "cica_docs.request_log.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
        "json": {"()": "cica_docs.request_log.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request"]}},
    "loggers": {
        "cica_docs.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # The line per request: in JSON logs (plain logs have gunicorn's access log).
        "cica_docs.request": {"handlers": ["console"], "propagate": False,
                              "level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The Secretariat's seat, printed in dates and places; editable per language as data later.
CICA_DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "cica-demo-2026")

# The seal on issued files (cica_docs/seal, README "Seal and verification"): the
# Secretariat's key and certificate as a PKCS#12 file, its password, the CAs a verification
# trusts (PEM files) and an optional RFC 3161 timestamp authority (PAdES B-T). Under DEMO
# without SEAL_PKCS12, a local demo authority in var/seal/ (created once).
SEAL_PKCS12 = os.environ.get("SEAL_PKCS12", "")
SEAL_PKCS12_PASSWORD = os.environ.get("SEAL_PKCS12_PASSWORD", "")
SEAL_TRUST_ROOTS = envlist("SEAL_TRUST_ROOTS")
SEAL_TSA_URL = os.environ.get("SEAL_TSA_URL", "")
SEAL_DEMO_AUTHORITY = DEMO and not SEAL_PKCS12
if SEAL_DEMO_AUTHORITY:
    SEAL_PKCS12 = str(VAR_DIR / "seal" / "seal.p12")
# Verifications (page and API) one address may ask for per minute.
VERIFY_RATE_PER_MINUTE = envint("VERIFY_RATE_PER_MINUTE", 20)
VERIFY_MAX_BYTES = envint("VERIFY_MAX_BYTES", 60 * 1024 * 1024)

# PDF rendering limits (cica_docs/rendering/pdf.py). "inline" isolation drops the time limit.
# The time limit of one render: a base, and more per KB of HTML and per page of an uploaded
# PDF (seconds; `pdf.render_limit`).
PDF_RENDER_TIMEOUT = envfloat("PDF_RENDER_TIMEOUT", 60)
PDF_RENDER_TIMEOUT_PER_KB = envfloat("PDF_RENDER_TIMEOUT_PER_KB", 0.25)
PDF_RENDER_TIMEOUT_PER_PAGE = envfloat("PDF_RENDER_TIMEOUT_PER_PAGE", 0.5)
# The rendering of an issued document (cica_docs/issuing/services.py): attempts of a
# failure that may pass, the delays before the 2nd, 3rd… attempt, how long past its limit a
# rendering may stay silent before the sweep takes it back, how often the worker sweeps.
RENDER_ATTEMPTS = envint("RENDER_ATTEMPTS", 3)
RENDER_RETRY_DELAYS = tuple(float(d) for d in envlist("RENDER_RETRY_DELAYS", "30,120"))
RENDER_STALE_GRACE = envfloat("RENDER_STALE_GRACE", 30)
RENDER_SWEEP_INTERVAL = envfloat("RENDER_SWEEP_INTERVAL", 60)
# Seconds an e-mail may stay queued before the worker's sweep queues it again.
MAIL_SWEEP_GRACE = envfloat("MAIL_SWEEP_GRACE", 300)
PDF_MAX_HTML_BYTES = envint("PDF_MAX_HTML_BYTES", 4 * 1024 * 1024)
PDF_MAX_PAGES = envint("PDF_MAX_PAGES", 1000)
PDF_RENDER_ISOLATION = os.environ.get("PDF_RENDER_ISOLATION", "fork")
# An uploaded PDF enclosure (cica_docs/documents/uploads.py): the largest file accepted.
ENCLOSURE_MAX_BYTES = envint("ENCLOSURE_MAX_BYTES", 20 * 1024 * 1024)

# Error reporting to Sentry (or a compatible service) only when SENTRY_DSN is set: unhandled
# errors of the web nodes and the workers, without personal data; nothing is sent otherwise.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=envfloat("SENTRY_TRACES_SAMPLE_RATE", 0),
    )
