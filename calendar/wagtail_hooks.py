"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from gci.site.admin_panels import add_panel

from .consultation_reminders import send_consultation_reminders
from .consultations import refuse_uninvited_documents
from .dashboard import (
    action_points_panel,
    may_edit_action_points,
    may_moderate,
    overdue_action_points_admin_panel,
    planning_panel,
    proposals_admin_panel,
)
from .reminders import send_reminders
from .viewsets import (
    ActionPointViewSet,
    ConsultationViewSet,
    EvaluationFormViewSet,
    PriorityCriterionViewSet,
    WorkplanCommentViewSet,
    WorkplanViewSet,
    WorkshopOutcomeViewSet,
    WorkshopPlanViewSet,
    WorkshopRequestViewSet,
)

hooks.register("gci_dashboard_panels", planning_panel)
hooks.register("gci_dashboard_panels", action_points_panel)
hooks.register("gci_reminders", send_reminders)
hooks.register("gci_reminders", send_consultation_reminders)
hooks.register("before_serve_document", refuse_uninvited_documents, order=-2)


class CalendarGroup(ViewSetGroup):
    menu_label = _("Calendar")
    menu_icon = "date"
    menu_order = 210
    items = [
        ActionPointViewSet("action_points"),
        WorkshopRequestViewSet("workshop_requests"),
        PriorityCriterionViewSet("priority_criteria"),
        WorkshopPlanViewSet("workshop_plans"),
        ConsultationViewSet("consultations"),
        WorkplanViewSet("workplans"),
        WorkplanCommentViewSet("workplan_comments"),
        WorkshopOutcomeViewSet("workshop_outcomes"),
        EvaluationFormViewSet("evaluations"),
    ]


@hooks.register("register_admin_viewset")
def register_calendar():
    return CalendarGroup()


@hooks.register("construct_homepage_panels")
def secretariat_dashboard_panels(request, panels):
    add_panel(panels, request, may_edit_action_points, overdue_action_points_admin_panel)
    add_panel(panels, request, may_moderate, proposals_admin_panel)
