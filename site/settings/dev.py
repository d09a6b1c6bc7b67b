"""Local development: `make run`. DEBUG on, console email, SQLite under var/."""

from .base import *  # noqa: F403

GCI_ENVIRONMENT = "dev"
DEBUG = env.bool("DEBUG", default=True)
# Public image files from MEDIA_ROOT through Django even with DEBUG off, as
# nginx does in production (docs/nginx/gci.conf): the browser journeys' server.
GCI_SERVE_MEDIA = env.bool("GCI_SERVE_MEDIA", default=False)
INTERNAL_IPS = ["127.0.0.1"]
