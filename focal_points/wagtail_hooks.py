"""Registration with Wagtail only."""

from wagtail import hooks

from .views import organisation_page_for
from .viewsets import LinkCheckViewSet


@hooks.register("register_admin_viewset")
def register_link_checks():
    return LinkCheckViewSet("link_checks")


@hooks.register("gci_dashboard_panels")
def focal_points_panel(request, organisation):
    if organisation is None or organisation_page_for(request.user) is None:
        return None
    return {"template": "focal_points/panel.html"}
