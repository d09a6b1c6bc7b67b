"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from gci.site.admin_panels import add_panel

from .dashboard import (
    enforcement_panel,
    may_decide_submissions,
    may_run_review_rounds,
    review_panel,
    review_rounds_admin_panel,
    submissions_admin_panel,
    suitcase_panel,
)
from .models import ReviewGatedMixin, ReviewRound
from .reminders import send_review_reminders
from .richtext import GuardedDocumentLinkHandler, remember_request
from .viewsets import (
    CourseViewSet,
    EnforcementRecordViewSet,
    KeepHistoryPermissionPolicy,
    MaterialViewSet,
    ReviewRoundViewSet,
    SubmissionReviewViewSet,
)


class GuideGroup(ViewSetGroup):
    menu_label = _("Guide")
    menu_icon = "doc-full"
    menu_order = 220
    items = [ReviewRoundViewSet("review_rounds")]


class SuitcaseGroup(ViewSetGroup):
    menu_label = _("Suitcase")
    menu_icon = "folder-open-inverse"
    menu_order = 230
    items = [MaterialViewSet, SubmissionReviewViewSet("suitcase_submissions")]


register_snippet(SuitcaseGroup)
register_snippet(CourseViewSet)
register_permission_policy(ReviewRound, KeepHistoryPermissionPolicy(ReviewRound))
hooks.register("gci_dashboard_panels", review_panel, order=-10)  # what waits comes first
hooks.register("gci_dashboard_panels", suitcase_panel)
hooks.register("gci_dashboard_panels", enforcement_panel)
hooks.register("gci_reminders", send_review_reminders)


@hooks.register("register_admin_viewset")
def register_guide():
    return GuideGroup()


@hooks.register("register_admin_viewset")
def register_enforcement_records():
    return EnforcementRecordViewSet("enforcement_records")


@hooks.register("construct_homepage_panels")
def secretariat_dashboard_panels(request, panels):
    add_panel(panels, request, may_run_review_rounds, review_rounds_admin_panel)
    add_panel(panels, request, may_decide_submissions, submissions_admin_panel)


@hooks.register("register_rich_text_features", order=1000)
def guard_document_links(features):
    """After wagtail.documents' own registration, which this replaces."""
    features.register_link_type(GuardedDocumentLinkHandler)


@hooks.register("before_serve_page", order=-1000)
def remember_the_request(page, request, serve_args, serve_kwargs):
    remember_request(request)


@hooks.register("before_edit_page", order=-10)
def explain_review_gate(request, page):
    """Tell the Secretariat, on the page's editor, why Publish is not offered.
    Runs before wagtail-localize's own hook, which may replace the editor."""
    if request.method == "GET" and isinstance(page.specific, ReviewGatedMixin):
        reason = page.specific.review_gate_reason()
        if reason:
            messages.warning(request, reason)
