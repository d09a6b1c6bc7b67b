"""Admin viewsets of the partnership."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import EditUserForm, InviteUserForm
from .models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "acronym", "mandate", "website", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym", "mandate"]
    ordering = ["sort_order", "name"]
    list_export = ["name", "acronym", "mandate", "website"]


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users, with the organisation on the form and an invitation on creation."""

    def get_form_class(self, for_update=False):
        return EditUserForm if for_update else InviteUserForm
