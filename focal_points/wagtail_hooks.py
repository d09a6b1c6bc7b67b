"""Registration with Wagtail only."""

from wagtail import hooks

from gci.site.admin_panels import add_panel

from .dashboard import broken_links_admin_panel, may_fix_links
from .views import organisation_page_for

# The link checks' listing is in the admin's Partnership menu (gci.site.wagtail_hooks).


@hooks.register("construct_homepage_panels")
def secretariat_dashboard_panels(request, panels):
    add_panel(panels, request, may_fix_links, broken_links_admin_panel)


@hooks.register("gci_dashboard_panels")
def focal_points_panel(request, organisation):
    if organisation is None or organisation_page_for(request.user) is None:
        return None
    return {"template": "focal_points/panel.html"}
