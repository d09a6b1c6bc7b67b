"""Secretariat powers need a second factor used in this very session.

A Secretariat member or superuser who signed in with a password alone (no
authenticator yet, or a session older than the authenticator) acts on the
front end with no more than what is left once the Secretariat group and the
superuser flag are set aside: the Partners group if they are also in it,
nothing more. The decision is taken once per request, by
``SecretariatTwoFactorMiddleware``, on the request's user object, so every
rule that reads the user agrees without knowing about it:

- ``gci.home.roles.is_secretariat`` (our views, models, templates, dashboards);
- Wagtail's view restrictions on pages and collections
  (``restriction.accept_request``: ``user.is_superuser`` and
  ``user.groups.all()``), hence document, image and page serving;
- Django's permission checks (``user.has_perm``), whose cache is emptied.

Nothing is written to the database: the withheld flags live on this
request's user object, and a save of that object (a password change, a
profile form) writes the real values back.

The admin goes further: ``/admin/`` sends such an account to set up TOTP, or
to confirm its code, before any admin page.

"Used in this session" reads allauth's own record of the session's
authentication methods (``get_authentication_records``), where allauth logs
each TOTP or recovery code entered at sign-in or re-authentication. Setting
up TOTP also proves the code (the person typed one), so ``activate_totp_view``
adds the same record when an authenticator is activated (``activate_totp_view``,
which wraps allauth's view at its own address).
"""

from urllib.parse import urlencode

from allauth.account.authentication import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)
from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import authentication_step_completed
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.views import activate_totp as allauth_activate_totp
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.http import url_has_allowed_host_and_scheme

from .roles import SECRETARIAT, is_secretariat, load_groups

#: Why a person's Secretariat powers are withheld in this request.
SETUP = "setup"  # no authenticator yet: set one up
CONFIRM = "confirm"  # an authenticator exists, but was not used in this session


def has_totp(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def used_second_factor(request):
    """Whether a second factor was entered in this session (allauth's record)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def missing_second_factor(request, user):
    """``SETUP`` or ``CONFIRM`` when ``user`` has not proved a second factor
    in this session; ``None`` when they have."""
    if not has_totp(user):
        return SETUP
    if not used_second_factor(request):
        return CONFIRM
    return None


def withhold_secretariat_powers(user, reason):
    """Set aside, on this in-memory user object only, the superuser flag,
    the Secretariat group and every cached permission."""
    groups = [group for group in load_groups(user) if group.name != SECRETARIAT]
    kept = Group.objects.filter(pk__in=[group.pk for group in groups])
    kept._result_cache = groups
    kept._prefetch_done = True
    user._prefetched_objects_cache["groups"] = kept
    user.gci_real_is_superuser = user.is_superuser
    user.is_superuser = False
    # ModelBackend reads these caches before the database.
    user._user_perm_cache = set()
    user._group_perm_cache = set()
    user._perm_cache = set()
    user.gci_two_factor_missing = reason


def limit_request_user(request):
    """The one place that decides whether this request acts as the Secretariat.
    Returns the reason powers are withheld, or ``None``."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_secretariat(user):
        return None
    reason = missing_second_factor(request, user)
    if reason:
        withhold_secretariat_powers(user, reason)
    return reason


def two_factor_missing(user):
    """``SETUP``, ``CONFIRM`` or ``None``: for templates and messages."""
    return getattr(user, "gci_two_factor_missing", None)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _save_real_flags(sender, instance, **kwargs):
    if hasattr(instance, "gci_real_is_superuser"):
        instance.is_superuser = instance.gci_real_is_superuser


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def _withhold_again(sender, instance, **kwargs):
    if getattr(instance, "gci_two_factor_missing", None):
        instance.is_superuser = False


NEXT_SESSION_KEY = "gci_after_two_factor_setup"


def safe_next(request, target):
    """``target`` if it is a path on this site, else None."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def activate_totp_view(request, *args, **kwargs):
    """allauth's "set up an authenticator app" view. The person just typed a
    valid code, so when it creates the authenticator, that counts as this
    session's second factor (in the same request, before the session is saved).

    Where the person was going (``?next=``, checked) is kept in the session
    while they set it up, and handed to the recovery codes page that follows,
    whose "Continue" button leads there."""
    if request.method == "GET" and request.user.is_authenticated:
        target = safe_next(request, request.GET.get("next"))
        if target:
            request.session[NEXT_SESSION_KEY] = target
    had_totp = request.user.is_authenticated and has_totp(request.user)
    response = allauth_activate_totp(request, *args, **kwargs)
    if request.method == "POST" and not had_totp and request.user.is_authenticated:
        totp = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).first()
        if totp is not None:
            record_authentication(request, request.user, "mfa", id=totp.pk, type=totp.type)
            target = safe_next(request, request.session.pop(NEXT_SESSION_KEY, None))
            location = response.get("Location") if response.status_code == 302 else None
            if target and location and "?" not in location:
                response["Location"] = location + "?" + urlencode({"next": target})
    return response


# No second password prompt right after signing in. allauth asks for the
# password again before sensitive account pages (setting up an authenticator,
# recovery codes) unless the session holds a *re*-authentication younger than
# ACCOUNT_REAUTHENTICATION_TIMEOUT; the password (or code) typed to sign in is
# recorded without that mark, so someone sent to set up two-factor
# authentication straight after signing in was asked for it twice. A password
# or second factor typed at sign-in proves the same thing as one typed at
# re-authentication: its record gets the mark, and the same timeout applies.
RECENT_PROOFS = ("password", "mfa")


@receiver(authentication_step_completed)
def _sign_in_counts_as_recent_proof(sender, request, method, user=None, **kwargs):
    if method not in RECENT_PROOFS:
        return
    records = list(request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or [])
    if records and records[-1].get("method") == method and not records[-1].get("reauthenticated"):
        records[-1] = {**records[-1], "reauthenticated": True}
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records
