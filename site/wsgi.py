"""WSGI entry point: `gunicorn gci.site.wsgi`. Production settings unless
DJANGO_SETTINGS_MODULE (from the environment or `.env`) says otherwise."""

import os
from pathlib import Path

import environ
from django.core.wsgi import get_wsgi_application

environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env", overwrite=False)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gci.site.settings.production")

application = get_wsgi_application()
