"""Small helpers the tests share."""

import time

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


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret):
    from allauth.mfa import app_settings

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
