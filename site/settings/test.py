"""The test suite: fast hashing, in-memory email, SQLite in memory unless
DATABASE_URL names another database (CI runs the suite on PostgreSQL too)."""

import os

from .base import *  # noqa: F403

GCI_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The outbox delivers to memory (django.core.mail.outbox). Django's test
# set-up also points EMAIL_BACKEND itself at memory, so mail sent through
# Django directly (allauth) skips the outbox; tests/site/test_outbox.py
# puts it back.
GCI_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["handlers"]["mail_admins"]["email_backend"] = GCI_EMAIL_TRANSPORT
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Each test starts with empty rate-limit counters.
# Room for a whole feed's events: a full local-memory cache culls its newest
# keys, the page cache's generation counter among them (which only costs
# speed: a lost counter restarts from the clock).
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"gci-test-{alias}",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
    for alias in ("default", "pages")
}

# Tasks run at once, inside the test (one test runs the real worker against
# the database queue: tests/site/test_tasks.py).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}

# A PDF costs a second or two: the suite publishes Guide pages often, so
# only the Guide PDF tests turn the build on publish back on.
GCI_GUIDE_PDF_ON_PUBLISH = False

# whitenoise warns when STATIC_ROOT does not exist yet (before collectstatic).
os.makedirs(STATIC_ROOT, exist_ok=True)

# The anonymous page cache is off for the suite, so tests see each render
# (query counts, content changed without signals); the page-cache tests and
# the leak crawler turn it on for themselves.
GCI_PAGE_CACHE = False
