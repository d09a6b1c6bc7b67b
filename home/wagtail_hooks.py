"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.shortcuts import render
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet

from .viewsets import PartnerOrganisationViewSet

register_snippet(PartnerOrganisationViewSet)


@hooks.register("before_serve_page")
def refuse_signed_in_outsiders(page, request, serve_args, serve_kwargs):
    """A signed-in person outside a page's groups gets a clear refusal.

    Wagtail would send them to the login form again, which reads as a loop;
    anonymous visitors still go to the login (Wagtail's own hook).
    """
    if not request.user.is_authenticated:
        return None
    for restriction in page.get_view_restrictions():
        if (
            restriction.restriction_type == PageViewRestriction.GROUPS
            and not restriction.accept_request(request)
        ):
            response = render(request, "403.html", {"page": None}, status=403)
            response["Cache-Control"] = "private, no-store"
            return response
    return None
