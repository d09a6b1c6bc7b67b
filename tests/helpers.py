"""Small helpers the tests share."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse
from django.utils import translation

from gci.home.management.commands.load_demo import DEFAULT_DEMO_PASSWORD


def login_url(language="en"):
    with translation.override(language):
        return reverse("account_login")


def sign_in(client, email, password=DEFAULT_DEMO_PASSWORD, next_url=None, language="en"):
    """Sign in through allauth's form, as a person would."""
    data = {"login": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(login_url(language), data)


def visitors(outsider, client=None):
    """Who must find a locked door locked: an anonymous visitor (``client``,
    or a new client) and ``outsider`` signed in, in neither the Partners nor
    the Secretariat group. Pairs of (who, client)."""
    from django.test import Client

    signed_in = Client()
    signed_in.force_login(outsider)
    return [("anonymous", client or Client()), ("outsider", signed_in)]


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def force_login_with_totp(client, user):
    """Sign ``user`` in as allauth does after a password and a TOTP code:
    the session records the second factor, which Secretariat powers need
    (gci.home.two_factor). Sets up TOTP first if the account has none."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator

    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        activate_totp(user)
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)  # whose records they are
    session.save()


def current_code(secret):
    from allauth.mfa import app_settings

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


ROOT = Path(__file__).resolve().parents[1]

# The least the production settings need, with throwaway values.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "gci.site.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "greencustoms.example",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
    "PAGE_CACHE_URL": "redis://127.0.0.1:6380/0",
}


def run_manage(*args, env_overrides=None, drop=(), timeout=120):
    """Run manage.py in a new process (settings are chosen at start-up)."""
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_overrides or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def run_script(name, timeout):
    """Run one of scripts/ with bash (the smoke stacks), its output kept."""
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / name)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def dangling_descriptions(body):
    """The ids that an ``aria-describedby`` on the page names but no element
    carries: a screen reader then reads no error or hint for that field."""
    import re

    ids = set(re.findall(r'\sid="([^"]+)"', body))
    named = {
        name for value in re.findall(r'aria-describedby="([^"]*)"', body) for name in value.split()
    }
    return named - ids


def count_queries(client, url, **params):
    """The number of SQL queries ``client.get(url)`` runs, a streamed body
    included; the page must answer 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or None)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)
