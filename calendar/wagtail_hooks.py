"""Registration with Wagtail only; the logic lives in the modules it names."""

from wagtail import hooks

from .dashboard import action_points_panel, planning_panel
from .reminders import send_reminders
from .viewsets import ActionPointViewSet

hooks.register("gci_dashboard_panels", planning_panel)
hooks.register("gci_dashboard_panels", action_points_panel)
hooks.register("gci_reminders", send_reminders)


@hooks.register("register_admin_viewset")
def register_action_points():
    return ActionPointViewSet("action_points")
