"""Registration with Wagtail only (imported by gci.home.wagtail_hooks)."""

from django.apps import apps
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from ..roles import is_secretariat
from .admin_views import start_meeting_report
from .dashboard import reporting_tasks
from .reminders import send_reporting_reminders
from .viewsets import ReportingGroup

hooks.register("gci_reminders", send_reporting_reminders)
hooks.register("gci_dashboard_panels", reporting_tasks)


@hooks.register("register_admin_viewset")
def register_reporting():
    return ReportingGroup()


@hooks.register("register_admin_urls")
def meeting_report_urls():
    return [
        path(
            "reporting/meeting-report/<int:pk>/",
            start_meeting_report,
            name="gci_reporting_meeting_report",
        )
    ]


def _meeting_report_button(page, user, priority):
    """On a Partners' meeting, for the Secretariat."""
    if page.specific_class is not apps.get_model("gci_calendar", "EventPage"):
        return
    if getattr(page.specific_deferred, "kind", None) != "partners_meeting":
        return
    if not is_secretariat(user):
        return
    yield PageMenuItem(
        _("Write the meeting report"),
        reverse("gci_reporting_meeting_report", args=[page.pk]),
        icon_name="doc-full",
        priority=priority,
        page=page,
    )


@hooks.register("register_page_header_buttons")
def meeting_report_header_button(page, user, view_name, next_url=None):
    yield from _meeting_report_button(page, user, 80)


@hooks.register("register_page_listing_more_buttons")
def meeting_report_listing_button(page, user, next_url=None):
    yield from _meeting_report_button(page, user, 80)
