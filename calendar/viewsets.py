"""Admin viewsets of the calendar."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ActionPoint


class ActionPointViewSet(ModelViewSet):
    model = ActionPoint
    icon = "tasks"
    menu_label = _("Action points")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["text", "owner_names", "due_date", "status", "meeting"]
    list_filter = ["status", "owners", "meeting"]
    search_fields = ["text", "notes"]
    list_export = ["text", "owner_names", "due_date", "status", "notes"]
    form_fields = ["meeting", "text", "owners", "due_date", "status", "notes"]

    def get_queryset(self, request):
        return ActionPoint.objects.overdue_first().prefetch_related("owners")
