"""The Secretariat's screens of the network: the training institutions."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TrainingInstitution


class TrainingInstitutionViewSet(SnippetViewSet):
    """Kept by the Secretariat; the public page lists them (contacts for the
    Partners only)."""

    model = TrainingInstitution
    icon = "site"
    menu_label = _("Training institutions")
    menu_order = 220
    add_to_admin_menu = False  # in its menu group (gci.site.wagtail_hooks)
    list_display = ["name", "kind", "country", "region", "curriculum", "updated_at"]
    list_filter = ["kind", "region", "curriculum"]
    search_fields = ["name", "notes", "contact_name"]
    ordering = ["name"]
    list_export = [
        "name",
        "kind",
        "country",
        "region",
        "website",
        "curriculum",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]
    copy_view_enabled = False
