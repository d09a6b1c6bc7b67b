"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet

from .roles import can_enter_partners_area
from .viewsets import PartnerOrganisationViewSet
from .visibility import in_partners_area, restrictions_on

register_snippet(PartnerOrganisationViewSet)


def _refuse(request):
    response = render(request, "403.html", {"page": None}, status=403)
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("before_serve_page")
def refuse_signed_in_outsiders(page, request, serve_args, serve_kwargs):
    """A signed-in person outside a page's groups gets a clear refusal.

    Wagtail would send them to the login form again, which reads as a loop;
    anonymous visitors still go to the login (Wagtail's own hook).
    """
    if not request.user.is_authenticated:
        return None
    for restriction in restrictions_on(page):
        if (
            restriction.restriction_type == PageViewRestriction.GROUPS
            and not restriction.accept_request(request)
        ):
            return _refuse(request)
    return None


@hooks.register("before_serve_document", order=-1)
def refuse_signed_in_outsiders_documents(document, request):
    """The same for a document of a restricted collection (before Wagtail's
    own check, which would send a signed-in person to the login again).
    A Secretariat member without a second factor in this session is refused
    here too, with the reason (``gci.home.two_factor``)."""
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            return _refuse(request)
    return None


@hooks.register("before_serve_page")
def close_the_partners_area(page, request, serve_args, serve_kwargs):
    """The Partners area is closed by its page type as well as by its view
    restriction: if the restriction is ever removed, it stays closed."""
    if can_enter_partners_area(request.user) or not in_partners_area(page):
        return None
    if not request.user.is_authenticated:
        response = redirect_to_login(request.get_full_path(), "account_login")
        response["Cache-Control"] = "private, no-store"
        return response
    return _refuse(request)
