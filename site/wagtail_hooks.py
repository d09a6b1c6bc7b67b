"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from gci.focal_points.viewsets import LinkCheckViewSet
from gci.home.network.viewsets import TrainingInstitutionViewSet
from gci.home.viewsets import PartnerOrganisationViewSet, ResourcePersonViewSet

from .models import ScheduledJob
from .page_cache import mark_cacheable_page
from .private_images import after_bulk_action
from .viewsets import (
    OutboxViewSet,
    ReadOnlyPermissionPolicy,
    ScheduledJobViewSet,
    ViewPermissionMenuItem,
)

hooks.register("before_serve_page", mark_cacheable_page)
hooks.register("after_bulk_action", after_bulk_action)


class PartnershipGroup(ViewSetGroup):
    """The admin's first menu: the organisations, their focal-point links and
    the emails the site sends them."""

    menu_label = _("Partnership")
    menu_icon = "group"
    menu_order = 200
    items = [
        PartnerOrganisationViewSet,
        ResourcePersonViewSet,
        TrainingInstitutionViewSet,
        LinkCheckViewSet("link_checks"),
        OutboxViewSet("gci_site_outbox"),
    ]


register_snippet(PartnershipGroup)


scheduled_jobs = ScheduledJobViewSet("scheduled_jobs")
register_permission_policy(ScheduledJob, ReadOnlyPermissionPolicy(ScheduledJob))
hooks.register("register_admin_viewset", lambda: scheduled_jobs)


@hooks.register("register_reports_menu_item")
def scheduled_jobs_menu_item():
    return ViewPermissionMenuItem(
        scheduled_jobs.menu_label,
        reverse_lazy(scheduled_jobs.get_url_name("index")),
        name="scheduled-jobs",
        icon_name=scheduled_jobs.icon,
        order=900,
        policy=ReadOnlyPermissionPolicy(ScheduledJob),
    )


@hooks.register("insert_global_admin_css")
def gci_admin_colours():
    """The site's greens through the admin's own colour properties."""
    return format_html('<link rel="stylesheet" href="{}">', static("gci/css/admin.css"))
