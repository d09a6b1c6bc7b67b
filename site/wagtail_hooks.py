"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from gci.focal_points.viewsets import LinkCheckViewSet
from gci.home.viewsets import PartnerOrganisationViewSet

from .page_cache import mark_cacheable_page
from .private_images import after_bulk_action

hooks.register("before_serve_page", mark_cacheable_page)
hooks.register("after_bulk_action", after_bulk_action)


class PartnershipGroup(ViewSetGroup):
    """The admin's first menu: the organisations and their focal-point links
    (the outbox's listing belongs here too)."""

    menu_label = _("Partnership")
    menu_icon = "group"
    menu_order = 200
    items = [PartnerOrganisationViewSet, LinkCheckViewSet("link_checks")]


register_snippet(PartnershipGroup)


@hooks.register("insert_global_admin_css")
def gci_admin_colours():
    """The site's greens through the admin's own colour properties."""
    return format_html('<link rel="stylesheet" href="{}">', static("gci/css/admin.css"))
