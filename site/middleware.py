"""Project middleware."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from gci.home.roles import requires_mfa


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
