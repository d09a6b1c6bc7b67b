"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.urls import reverse_lazy
from wagtail import hooks
from wagtail.permissions import register_permission_policy

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


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet("gci_site_outbox")


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
