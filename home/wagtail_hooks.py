"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page, PageViewRestriction

from gci.site.forms import SafeModelChoiceField

from .circulation import wagtail_hooks as _circulation_hooks  # noqa: F401
from .http import private_response, refusal
from .roles import can_enter_partners_area
from .visibility import (
    alias_would_be_less_closed,
    document_visible_to,
    in_partners_area,
    restrictions_on,
)

# The organisations' listing is in the admin's Partnership menu (gci.site.wagtail_hooks).


def _to_login(request):
    return private_response(redirect_to_login(request.get_full_path(), "account_login"))


@hooks.register("before_serve_page", order=-1)
def apply_view_restrictions(page, request, serve_args, serve_kwargs):
    """Every view restriction on the page, its ancestors and, for an alias,
    its original and the original's ancestors (``restrictions_on``), before
    Wagtail's own check, which misses the last of these.

    An anonymous visitor is sent to the login; a signed-in person outside
    the page's groups gets a clear refusal (Wagtail would send them to the
    login form again, which reads as a loop)."""
    for restriction in restrictions_on(page):
        if restriction.accept_request(request):
            continue
        if not request.user.is_authenticated:
            return _to_login(request)
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            return refusal(request)
    return None


@hooks.register("before_serve_document", order=-1)
def refuse_signed_in_outsiders_documents(document, request):
    """The same for a document of a restricted collection (before Wagtail's
    own check, which would send a signed-in person to the login again).
    A Secretariat member without a second factor in this session is refused
    here too, with the reason (``gci.home.two_factor``)."""
    if not request.user.is_authenticated:
        return None
    if not document_visible_to(document, request):
        return refusal(request)
    return None


@hooks.register("before_serve_page")
def close_the_partners_area(page, request, serve_args, serve_kwargs):
    """The Partners area is closed by its page type as well as by its view
    restriction: if the restriction is ever removed, it stays closed."""
    if can_enter_partners_area(request.user) or not in_partners_area(page):
        return None
    if not request.user.is_authenticated:
        return _to_login(request)
    return refusal(request)


@hooks.register("before_copy_page", order=-10)
def refuse_an_unknown_destination(request, page):
    """Wagtail's copy view looks the posted parent page up before its form
    checks it: an id that is not a page's (a stale form, a crafted request)
    was a server error. It is refused here, with a message, back to the form."""
    if request.method != "POST":
        return None
    try:
        SafeModelChoiceField(queryset=Page.objects.all()).clean(request.POST.get("new_parent_page"))
    except ValidationError:
        messages.error(
            request, _("The page chosen to copy into does not exist (any more): choose another.")
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("before_copy_page")
def refuse_open_aliases_of_closed_pages(request, page):
    """An alias shows its original's content: an alias of a restricted or
    Partners-area page may only be placed where the original's restrictions
    still apply. (Anywhere else it stays closed all the same, by
    ``gci.home.visibility``; the refusal tells the editor why.)"""
    if request.method != "POST" or not request.POST.get("alias"):
        return None
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    if parent is None or not alias_would_be_less_closed(page, parent):
        return None
    messages.error(
        request,
        _(
            "“%(page)s” is restricted (Partners area or private page), and an alias shows "
            "the same content. Place the alias inside the same restricted section, or copy "
            "the page instead and choose what to publish."
        )
        % {"page": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:copy", page.pk)


@hooks.register("before_convert_alias_page")
def refuse_to_open_an_alias_by_converting_it(request, page):
    """Converting an alias into an ordinary page would leave the original's
    text where the original's restrictions do not reach."""
    if request.method != "POST" or page.alias_of is None:
        return None
    if not alias_would_be_less_closed(page.alias_of, page.get_parent()):
        return None
    messages.error(
        request,
        _(
            "This alias shows a restricted page (Partners area or private page) outside its "
            "restricted section: converted into an ordinary page, it would be public. "
            "Move it inside that section first, or delete it."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


from .contributions import wagtail_hooks as contributions_hooks  # noqa: E402, F401

# Activity reporting registers its own (gci.home.reporting.wagtail_hooks).
from .reporting import wagtail_hooks as _reporting_hooks  # noqa: E402, F401
