"""Project middleware."""

import hashlib

from allauth.usersessions.middleware import UserSessionsMiddleware as BaseUserSessionsMiddleware
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gci.home.http import private_response, refusal
from gci.home.roles import can_enter_partners_area, load_groups, requires_mfa
from gci.home.two_factor import CONFIRM, SETUP, limit_request_user, missing_second_factor
from gci.home.visibility import under_partners_area


class SecretariatTwoFactorMiddleware:
    """Secretariat powers need a second factor used in this session
    (``gci.home.two_factor``): without one, the request's user acts with no
    more than a Partner's rights on the front end, and every request under
    /admin/ is sent to set up TOTP or to confirm a code first."""

    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        # Asked before any power is withheld: withholding empties the
        # permission cache that ``requires_mfa`` reads.
        admin_reason = None
        if request.path.startswith(self.ADMIN_PREFIX) and requires_mfa(user):
            admin_reason = missing_second_factor(request, user)
        limit_request_user(request)
        if admin_reason == SETUP:
            messages.warning(
                request,
                _(
                    "The Secretariat's accounts need two-factor authentication. "
                    "Set up an authenticator app to continue to the admin."
                ),
            )
            return redirect(
                reverse("mfa_activate_totp") + "?" + urlencode({"next": request.get_full_path()})
            )
        if admin_reason == CONFIRM:
            messages.warning(
                request,
                _("Enter the code from your authenticator app to continue to the admin."),
            )
            return redirect(
                reverse("mfa_reauthenticate") + "?" + urlencode({"next": request.get_full_path()})
            )
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
        # (Our own wrapper of allauth's TOTP setup, which shows the secret, too.)
        if module.startswith(("allauth.", "gci.home.two_factor")) or module == "allauth":
            private_response(response)
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


class PartnersAreaDoorMiddleware:
    """Under a Partners area, whoever may not enter gets the same answer
    whether the address exists or not: an anonymous visitor is sent to the
    login, a signed-in outsider is refused (403), as for the pages that
    exist (``gci.home.wagtail_hooks``). Without this, a 404 for a missing
    page, route or object next to a redirect or a 403 for an existing one
    would tell an outsider which slugs and ids exist.

    Placed last, so it answers before Wagtail's redirects are looked up:
    redirects under a Partners area are followed by its members only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if under_partners_area(request.path):
            # Whatever answers there is private, even if a page's view
            # restriction (which also makes Wagtail say so) was removed.
            response = private_response(response)
        if response.status_code != 404:
            return response
        user = getattr(request, "user", None)
        if user is None or can_enter_partners_area(user) or not under_partners_area(request.path):
            return response
        if user.is_authenticated:
            return refusal(request)
        return private_response(redirect_to_login(request.get_full_path(), "account_login"))


class ChosenIdMiddleware:
    """Wagtail's choosers take the chosen object's id as text
    (``chooser/chosen/<str:pk>/``) and look it up unchecked: ``chosen/abc/``
    was a server error. Every model chosen here has integer ids, so a value
    that is not a whole number in the database's range is a 404. So is any
    admin address whose parameters hold a NUL."""

    LARGEST = 2**63 - 1

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/"):
            return None
        # PostgreSQL refuses a NUL in text: Wagtail's views put their path's
        # words in queries (workflows/tasks/add/%00/%00/ was a 500 there).
        if any("\x00" in str(value) for value in view_kwargs.values()):
            raise Http404
        if match.url_name != "chosen":
            return None
        for value in view_kwargs.values():
            if not (isinstance(value, str) and value.isascii() and value.isdigit()):
                raise Http404
            if int(value) > self.LARGEST:
                raise Http404
        return None
