"""Project middleware."""

import hashlib

from allauth.mfa.models import Authenticator
from allauth.usersessions.middleware import UserSessionsMiddleware as BaseUserSessionsMiddleware
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from gci.home.roles import load_groups, requires_mfa


class RequireMFAForStaffMiddleware:
    """Secretariat members and superusers set up TOTP before any admin view.

    Until they have, every request under /admin/ is sent to allauth's
    "activate TOTP" page; once active, allauth asks for a code at each login.
    """

    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and requires_mfa(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _(
                    "The Secretariat's accounts need two-factor authentication. "
                    "Set up an authenticator app to continue to the admin."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the
    language-neutral parts of the site: an API or document URL that does not
    exist is a 404 there, not a redirect to /en/…"""

    LANGUAGE_NEUTRAL_PREFIXES = ("/api/", "/admin/", "/documents/", "/media/", "/static/")

    def process_response(self, request, response):
        if request.path.startswith(self.LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the exceptions Wagtail's admin needs.

    * The public site runs with `script-src 'self'`; Wagtail's admin still has
      a few inline scripts, so admin pages (signed-in Secretariat members
      only) also allow inline scripts.
    * `frame-ancestors` says what `X-Frame-Options` says: `'none'` (DENY, the
      setting) everywhere, `'self'` where a view asked for SAMEORIGIN (Wagtail's
      preview views, which the page editor shows in an iframe). Browsers that
      know CSP ignore X-Frame-Options, so the two must agree.
    * A preview renders the page through the middleware twice: once for a
      dummy request to the page's own URL, then for the admin's preview view.
      The dummy pass sets no policy; the admin's (with the SAMEORIGIN its view
      set) applies.
    """

    ADMIN_PREFIX = "/admin/"
    FRAME_ANCESTORS = {"SAMEORIGIN": ["'self'"], "DENY": ["'none'"]}

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        update = dict(parts.update or {})
        if request.path.startswith(self.ADMIN_PREFIX):
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
        parts.update = update
        framing = response.get("X-Frame-Options", settings.X_FRAME_OPTIONS).upper()
        parts.replace = {
            **(parts.replace or {}),
            "frame-ancestors": self.FRAME_ANCESTORS.get(framing, ["'none'"]),
        }
        return parts


class PrivateAccountPagesMiddleware:
    """Every page of allauth (everything under /<lang>/accounts/: login,
    password, email addresses, sessions, two-factor, recovery codes…) is
    sent with ``Cache-Control: private, no-store``: a browser's history, a
    shared computer or a proxy never keeps an account page (recovery codes,
    session lists, a form with its CSRF token). Decided once, from the view
    that answered, so a new allauth page is covered without a line here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = getattr(match, "func", None)
        module = getattr(getattr(view, "view_class", view), "__module__", "") or ""
        if module == "allauth" or module.startswith("allauth."):
            patch_cache_control(response, private=True, no_store=True)
        return response


class UserGroupsMiddleware:
    """Loads a signed-in person's groups once per request: Wagtail's view
    restrictions, the Partners area and the menus all ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: leave the session
        # untouched (touching it adds "Vary: Cookie" to the response).
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            load_groups(getattr(request, "user", None))
        return self.get_response(request)


class UserSessionsMiddleware(BaseUserSessionsMiddleware):
    """allauth's session tracking (``USERSESSIONS_TRACK_ACTIVITY``: last seen
    IP, browser and time on the account's "sessions" page), written at most
    once every ``GCI_USERSESSIONS_TRACK_INTERVAL`` seconds per session
    instead of on every request: four queries and a database write each time."""

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            session is not None
            and session.session_key
            and user is not None
            and user.is_authenticated
        ):
            interval = getattr(settings, "GCI_USERSESSIONS_TRACK_INTERVAL", 300)
            key = "gci:usersession-seen:" + hashlib.sha256(session.session_key.encode()).hexdigest()
            if interval and not cache.add(key, True, timeout=interval):
                return self.get_response(request)
        return super().__call__(request)
