"""Project middleware."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
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
