"""Settings shared by every environment.

Everything configurable comes from environment variables (read through
django-environ) with defaults that run locally; see `.env.example`.
"""

from pathlib import Path

import environ

# The repository root: this file is site/settings/base.py.
BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)  # never overrides the environment
VAR_DIR = Path(env.str("GCI_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Ours first, so our templates override those of Wagtail and allauth.
    "gci.site",
    "gci.home",
    "gci.calendar",
    "gci.materials",
    "gci.focal_points",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "gci.home.apps.UsersConfig",  # wagtail.users with invitations
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # /healthz for the load balancer, answered before everything below
    # (HTTPS redirect, host check, page cache, session): gci.site.health.
    "gci.site.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page cache: a hit is answered here, without the middleware
    # below; what it stores has passed through all of it (CSP, locale…).
    "gci.site.page_cache.PageCacheMiddleware",
    # Reads the content generation once per request (gci.site.memo).
    "gci.site.memo.MemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gci.site.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gci.site.middleware.UserGroupsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gci.site.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "gci.site.middleware.UserSessionsMiddleware",
    "gci.site.middleware.PrivateAccountPagesMiddleware",
    "gci.site.middleware.SecretariatTwoFactorMiddleware",
    # An admin chooser's id that is not a whole number, or a NUL in an admin
    # address, is a 404, not a 500.
    "gci.site.middleware.ChosenIdMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "gci.materials.middleware.ReviewGateMessageMiddleware",
    # Last: a missing page under a Partners area answers as an existing one.
    "gci.site.middleware.PartnersAreaDoorMiddleware",
]

ROOT_URLCONF = "gci.site.urls"
WSGI_APPLICATION = "gci.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ by default (WAL, immediate transactions and a
# busy timeout so concurrent writers wait instead of failing), PostgreSQL in
# production and CI through DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'gci.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA busy_timeout=20000;"
        ),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches that must never share fate (docs/deploy.md, "Redis"):
# - "default" (CACHE_URL): what guards the accounts: allauth's rate-limit
#   counters and locks, the TOTP codes already used, when a session was last
#   seen. Never evicted to make room (Redis: its own instance, `noeviction`).
# - "pages" (PAGE_CACHE_URL): what only saves work and may be lost at any
#   time: the anonymous page cache and its generation number (which the
#   memo follows), iCal components. Evictable (Redis: `allkeys-lru`), so
#   however it fills, no login counter is pushed out.
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://gci"),
    "pages": env.cache("PAGE_CACHE_URL", default="locmemcache://gci-pages"),
}
for _cache in CACHES.values():
    if _cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        # The same backend, without a new client object per operation.
        _cache["BACKEND"] = "gci.site.cache.RedisCache"
    if _cache["BACKEND"].endswith("LocMemCache"):
        # Django's default (300 entries) is smaller than one iCal feed's events.
        _cache.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 10_000)

# Anonymous page cache (gci.site.page_cache): public pages are served to
# anonymous visitors from CACHES["pages"].
GCI_PAGE_CACHE_ALIAS = "pages"
GCI_PAGE_CACHE = env.bool("GCI_PAGE_CACHE", default=True)
GCI_PAGE_CACHE_TIMEOUT = env.int("GCI_PAGE_CACHE_TIMEOUT", default=300)
# Query-string parameters (public filters) a cached page may carry; any other
# parameter means "not from the cache". Which *values* make a key is the
# page's to say (``cache_key_params``, see gci.site.page_cache).
GCI_PAGE_CACHE_QUERY_PARAMS = [
    "page",
    "kind",
    "organisation",
    "region",
    "country",
    "status",
    "language",
    "topic",
    "type",
    "year",
    "treaty",
    "provider",
    "curriculum",
]
# The read API's parameters a cached answer may carry (gci.site.page_cache,
# "The read API"): listing, paging, fields and the usual filters; never
# ``search`` (free text) nor ``format``.
GCI_API_CACHE_QUERY_PARAMS = [
    "limit",
    "offset",
    "fields",
    "order",
    "type",
    "locale",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "html_path",
    "slug",
    "id",
    "show_in_menus",
]
# What purges the cache (a publish, an organisation saved… but not a draft):
# gci.site.page_cache.REACH.

# Background work (django-tasks, the backport of Django 6's tasks framework
# that Wagtail itself enqueues its search-index and reference-index updates
# to): queued in the database, run by `manage.py db_worker` (docs/deploy.md).
TASKS = {
    "default": {
        "BACKEND": env.str("GCI_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    },
}

# The Guide's PDFs (gci.materials.guide_pdf): a publish of a Guide page
# queues its language's PDF to the task worker; the schedule's `guide-pdfs`
# job builds whatever is missing or stale either way.
GCI_GUIDE_PDF_ON_PUBLISH = env.bool("GCI_GUIDE_PDF_ON_PUBLISH", default=True)

# Passwords
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: the six UN languages. Chinese is `zh-hans` in
# Django's catalogues.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("zh-hans", "中文"),
]
WAGTAIL_I18N_ENABLED = True
# "Translate this page" makes drafts: a translation is published after review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Arabic and Chinese amounts grouped by thousands (gci.site.formats).
FORMAT_MODULE_PATH = ["gci.site.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files: whitenoise, compressed with hashed names. Media are never
# served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Accounts: django-allauth, by invitation only, login by email.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"  # the account adapter sends Partners to their dashboard
ACCOUNT_ADAPTER = "gci.home.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so they are visible and reviewed.
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Green Customs] "
# Tell the person by email when their password, email address or second
# factor changes: someone who has their password and sets up an authenticator
# app in their name (which restores Secretariat powers) does not go unseen.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_USER_DISPLAY = "gci.home.roles.display_name"
# Behind a reverse proxy every request comes from the proxy's address: allauth
# must take the client's address from X-Forwarded-For, set by the proxies we
# run (1 behind docs/nginx/gci.conf), or its per-IP limits count everyone as one.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Green Customs Initiative"
USERSESSIONS_TRACK_ACTIVITY = True
# ...at most once every 5 minutes per session (gci.site.middleware).
GCI_USERSESSIONS_TRACK_INTERVAL = env.int("GCI_USERSESSIONS_TRACK_INTERVAL", default=300)
# The currency funding and in-kind contributions are totalled in (ISO 4217).
GCI_REPORTING_CURRENCY = env.str("GCI_REPORTING_CURRENCY", default="USD")
# iCal feeds hold at most this many events: upcoming ones first, then the
# most recent past ones (gci.calendar.views.feed_events).
GCI_FEED_MAX_EVENTS = env.int("GCI_FEED_MAX_EVENTS", default=500)
# How long the links stay valid: an invitation (set your password) a week,
# an ordinary password reset a day.
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "gci.home.invitations.TokenGenerator"
GCI_INVITATION_TIMEOUT = 7 * 24 * 3600
GCI_PASSWORD_RESET_TIMEOUT = 24 * 3600
PASSWORD_RESET_TIMEOUT = max(GCI_INVITATION_TIMEOUT, GCI_PASSWORD_RESET_TIMEOUT)

# Email. ADMINS receive the details of server errors.
ADMINS = [(address.split("@")[0], address) for address in env.list("ADMINS", default=[])]
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Every email goes through the outbox (a row, then a task: gci.site.outbox);
# the task hands it to the real mail server, the one EMAIL_URL names.
GCI_EMAIL_TRANSPORT = EMAIL_BACKEND  # noqa: F821 (set from EMAIL_CONFIG)
EMAIL_BACKEND = "gci.site.mail.OutboxBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Green Customs <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Green Customs Initiative"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # allauth manages passwords
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False  # new users set their own through an emailed link
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # always through Wagtail's privacy checks
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "ppt",
    "pptx",
    "odp",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "txt",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The most pixels (width x height x frames) an uploaded image may have: Wagtail
# refuses larger images, the suitcase refuses larger PNG and JPEG files, and
# Pillow's decompression-bomb limit is set to it (gci.site.apps), so no image
# is ever decoded into gigabytes. 50 million is a 48-megapixel photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("GCI_MAX_IMAGE_PIXELS", default=50 * 1000 * 1000)
# Files of images in restricted collections (MEDIA_ROOT/private/) are checked
# by Django on every request, then sent by nginx from this internal location
# (X-Accel-Redirect; docs/nginx/gci.conf). Empty: Django streams them itself.
GCI_MEDIA_ACCEL_REDIRECT_PREFIX = env.str("GCI_MEDIA_ACCEL_REDIRECT_PREFIX", default="")
# The largest file a Partner may send to the GCI suitcase, in megabytes.
GCI_SUITCASE_MAX_UPLOAD_MB = env.int("GCI_SUITCASE_MAX_UPLOAD_MB", default=25)
# No shared passwords on private pages or collections: access is by account.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Wagtail's database backend, every word matched by its beginning (gci.site.search).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "gci.site.search"}}
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_HITS_MAX_AGE = 14
WAGTAIL_USER_CUSTOM_FIELDS = []

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # the read API is anonymous
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing frames the site, except Wagtail's admin framing its own previews:
# its preview views set SAMEORIGIN for themselves, and the CSP middleware
# makes frame-ancestors say the same as X-Frame-Options on every response.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content Security Policy (django-csp 4). Wagtail's admin needs inline styles
# and data: images; nothing loads from another origin except oEmbed iframes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.youtube.com",
        ],
        # 'self' only where X-Frame-Options says SAMEORIGIN (gci.site.middleware).
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Server errors to ADMINS straight through the mail server, not the
        # outbox: they must leave even when the database is what failed.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
            "email_backend": GCI_EMAIL_TRANSPORT,
        },
    },
    "loggers": {"django": {"handlers": ["mail_admins"], "level": "INFO"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Structured logs (docs/deploy.md, "Several app servers"): with
# GCI_LOG_FORMAT=json every log record is one JSON line, and one line per
# request tells its id, the kind of user (never who), method, path, status,
# time and SQL queries (gci.site.request_log). Off ("text", the default), the
# request middleware is not installed at all.
GCI_LOG_FORMAT = env.str("GCI_LOG_FORMAT", default="text")
if GCI_LOG_FORMAT not in ("text", "json"):
    raise ValueError("GCI_LOG_FORMAT must be 'text' or 'json'.")
if GCI_LOG_FORMAT == "json":
    # Outermost: its time and query count cover every other middleware.
    MIDDLEWARE.insert(0, "gci.site.request_log.RequestLogMiddleware")
    LOGGING["formatters"] = {"json": {"()": "gci.site.request_log.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    LOGGING["loggers"]["gci.request"] = {"level": "INFO"}

# The health endpoint (gci.site.health) says "down" when more tasks than this
# wait in the queue, or the oldest ready one has waited longer (seconds);
# 0 turns either check off.
GCI_HEALTH_TASKS_MAX_READY = env.int("GCI_HEALTH_TASKS_MAX_READY", default=5000)
GCI_HEALTH_TASKS_MAX_AGE = env.int("GCI_HEALTH_TASKS_MAX_AGE", default=1800)

# Which settings module is in force; `load_demo` refuses to run in production.
GCI_ENVIRONMENT = "base"

# The focal-point link checker never fetches private or loopback addresses
# (Partners choose the URLs; the check runs on the server). Tests turn this on
# for their local HTTP server.
FOCAL_POINTS_CHECK_PRIVATE_ADDRESSES = False
