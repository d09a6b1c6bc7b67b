"""Responses of the Partners area: private, and refused to who may not enter.

Everything a Partner or the Secretariat reads is sent with ``Cache-Control:
private, no-store``: no shared cache keeps it, no browser keeps it in its
history or back button. Views say so with ``@private`` (or
``@partners_only``, which also lets in only those who may enter the Partners
area); a response built outside a view goes through ``private_response``,
and a public page that shows them more than it shows anyone else takes
``PrivateForPartnersMixin``.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from .roles import can_enter_partners_area


def private_response(response):
    """``Cache-Control: private, no-store`` on the response (returned)."""
    patch_cache_control(response, private=True, no_store=True)
    return response


class PrivateForPartnersMixin:
    """A public page that shows those who may enter the Partners area more
    than it shows anyone else (the institutions' contacts, what course
    providers restrict to Partners, the way to the Partners' version):
    served to them privately, no shared cache or browser history keeps that
    answer. Listed before ``Page`` in the page's bases."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if can_enter_partners_area(request.user):
            private_response(response)
        return response


def private(view):
    """Every response of the view is private, no-store."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return private_response(view(request, *args, **kwargs))

    return wrapper


def refusal(request):
    """The 403 page, private: someone signed in who may not read this."""
    return private_response(render(request, "403.html", {"page": None}, status=403))


def partners_only(view):
    """A view of the Partners area: an anonymous visitor is sent to the login,
    someone signed in outside the Partners and the Secretariat is refused,
    and every answer of the view is private, no-store."""

    @login_required
    @wraps(view)
    def members_only(request, *args, **kwargs):
        if not can_enter_partners_area(request.user):
            return refusal(request)
        return view(request, *args, **kwargs)

    # Outermost, so the redirect to the login is private too.
    return private(members_only)
