"""Admin viewsets of the calendar."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ActionPoint, ActionPointUpdate


class EditActionPointView(generic.EditView):
    """The Secretariat's edits are recorded like the Partners' (who, when, what)."""

    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk)
        self.object.updated_by = self.request.user
        instance = super().save_instance()
        if (before.status, before.notes) != (instance.status, instance.notes):
            ActionPointUpdate.objects.create(
                action_point=instance,
                user=self.request.user,
                old_status=before.status,
                new_status=instance.status,
                notes=instance.notes,
            )
        return instance


class ActionPointIndexView(generic.IndexView):
    """Overdue open points first, then by due date. Wagtail's ModelViewSet
    never calls a viewset's ``get_queryset``: the index view's base queryset
    is where the listing's rows and order come from (a column the person
    sorts by still takes over)."""

    def get_base_queryset(self):
        return ActionPoint.objects.overdue_first().prefetch_related("owners")


class ActionPointViewSet(ModelViewSet):
    model = ActionPoint
    icon = "tasks"
    menu_label = _("Action points")
    menu_order = 210
    add_to_admin_menu = False  # in its menu group (wagtail_hooks)
    list_display = ["text", "owner_names", "due_date", "status", "meeting"]
    list_filter = ["status", "owners", "meeting"]
    search_fields = ["text", "notes"]
    list_export = ["text", "owner_names", "due_date", "status", "notes"]
    form_fields = ["meeting", "text", "owners", "lead", "due_date", "status", "notes"]
    edit_view_class = EditActionPointView
    index_view_class = ActionPointIndexView
