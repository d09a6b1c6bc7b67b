"""Admin viewsets of the partnership."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views import users as user_views
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import EditUserForm, InviteUserForm
from .models import PartnerOrganisation, ResourcePerson


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 200
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["name", "acronym", "mandate", "website", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym", "mandate"]
    ordering = ["sort_order", "name"]
    list_export = ["name", "acronym", "mandate", "website"]


class ResourcePersonViewSet(SnippetViewSet):
    """The network's resource persons: the Secretariat's (the Partners suggest
    them in workshop consultations)."""

    model = ResourcePerson
    icon = "user"
    menu_label = _("Resource persons")
    menu_order = 210
    add_to_admin_menu = False  # in its menu group (gci.site.wagtail_hooks)
    list_display = ["name", "organisation", "region", "email", "consented_on"]
    list_filter = ["organisation", "region"]
    search_fields = ["name", "expertise", "email"]
    list_export = [
        "name",
        "organisation",
        "expertise",
        "email",
        "region",
        "shared",
        "consent_note",
        "consented_on",
    ]
    copy_view_enabled = False


class EditUserView(user_views.EditView):
    """Only a superuser may edit a superuser: otherwise a Secretariat member
    could change a superuser's address and reset their password."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteUserView(user_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if self.get_object().is_superuser and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users, with the organisation on the form and an invitation on creation."""

    edit_view_class = EditUserView
    delete_view_class = DeleteUserView

    def get_form_class(self, for_update=False):
        return EditUserForm if for_update else InviteUserForm
