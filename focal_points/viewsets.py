"""Admin viewsets of the focal points."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LinkCheck


class LinkCheckViewSet(ModelViewSet):
    """The link checker's results, broken links first. Links themselves are
    edited on the organisations' focal-point pages (with their revisions)."""

    model = LinkCheck
    icon = "link"
    menu_label = _("Link checks")
    menu_order = 220
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["url", "ok", "status_code", "error", "checked_at", "last_good_at", "final_url"]
    list_filter = ["ok"]
    search_fields = ["url", "final_url"]
    ordering = ["ok", "-broken_since", "url"]
    form_fields = ["url"]
    list_export = ["url", "ok", "status_code", "error", "checked_at", "last_good_at", "final_url"]
