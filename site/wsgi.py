"""WSGI entry point: `gunicorn gci.site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gci.site.settings.production")

application = get_wsgi_application()
