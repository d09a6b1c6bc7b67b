"""Admin viewsets of the site's own records."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ScheduledJob


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view", for anyone granted it (superusers included): the record is
    written by the scheduler alone."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ScheduledJobViewSet(ModelViewSet):
    """When each scheduled job last ran and how it ended (Reports menu; the
    Secretariat holds the "view" permission)."""

    model = ScheduledJob
    icon = "time"
    menu_label = _("Scheduled jobs")
    add_to_admin_menu = False
    list_display = [
        "name",
        "last_started_at",
        "last_finished_at",
        "outcome",
        "message",
        "locked_by",
    ]
    list_filter = ["outcome"]
    ordering = ["name"]
    form_fields = ["name"]  # never shown: the policy allows no add or edit
    copy_view_enabled = False


class ViewPermissionMenuItem(MenuItem):
    """A menu item shown to those who may view the model."""

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy

    def is_shown(self, request):
        return self.policy.user_has_permission(request.user, "view")
