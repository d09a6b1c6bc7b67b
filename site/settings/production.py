"""Production: PostgreSQL, a shared cache, SMTP, HTTPS only.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS. Passes
`manage.py check --deploy --fail-level WARNING`.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

GCI_ENVIRONMENT = "production"
DEBUG = False

for _name in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not env.str(_name, default=""):
        raise ImproperlyConfigured(f"Set the {_name} environment variable for production.")
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if len(SECRET_KEY) < 50 or any(
    placeholder in SECRET_KEY for placeholder in ("dev-only", "change-me", "insecure")
):
    raise ImproperlyConfigured("SECRET_KEY must be a long random value of your own (50+ chars).")

# HTTPS everywhere.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=63072000)  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# `__Host-` cookies: only over HTTPS, only for this host, path `/`.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# allauth's rate limits count in CACHES["default"] and the page cache lives in
# CACHES["pages"]: production needs both shared by every process and host
# (Redis), and two of them, so that filling the page cache never pushes a
# failed-login counter out (docs/deploy.md, "Redis").
_UNSHARED_CACHES = ("LocMemCache", "DummyCache", "FileBasedCache")
if not env.bool("GCI_ALLOW_LOCAL_CACHE", default=False):
    for _alias, _variable, _what in (
        ("default", "CACHE_URL", "allauth's rate limits count there"),
        ("pages", "PAGE_CACHE_URL", "the page cache lives there"),
    ):
        if CACHES[_alias]["BACKEND"].endswith(_UNSHARED_CACHES):
            raise ImproperlyConfigured(
                f"Set {_variable} to a cache every process shares "
                f"(for example redis://host:6379/0): {_what}."
            )
    if CACHES["default"].get("LOCATION") == CACHES["pages"].get("LOCATION"):
        raise ImproperlyConfigured(
            "CACHE_URL and PAGE_CACHE_URL must be two caches (two Redis instances, or at "
            "least two databases): filling the page cache must never evict a rate limit."
        )

LOGGING["root"]["level"] = env.str("LOG_LEVEL", default="INFO")
