"""Local development: `make run`. DEBUG on, console email, SQLite under var/."""

from .base import *  # noqa: F403

GCI_ENVIRONMENT = "dev"
DEBUG = env.bool("DEBUG", default=True)
INTERNAL_IPS = ["127.0.0.1"]
