"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.contrib import messages
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .dashboard import review_panel, suitcase_panel
from .models import ReviewGatedMixin, ReviewRound
from .reminders import send_review_reminders
from .richtext import GuardedDocumentLinkHandler, remember_request
from .viewsets import (
    KeepHistoryPermissionPolicy,
    MaterialViewSet,
    ReviewRoundViewSet,
    SubmissionReviewViewSet,
)

register_snippet(MaterialViewSet)
register_permission_policy(ReviewRound, KeepHistoryPermissionPolicy(ReviewRound))
hooks.register("gci_dashboard_panels", review_panel, order=-10)  # what waits comes first
hooks.register("gci_dashboard_panels", suitcase_panel)
hooks.register("gci_reminders", send_review_reminders)


@hooks.register("register_admin_viewset")
def register_review_rounds():
    return ReviewRoundViewSet("review_rounds")


@hooks.register("register_admin_viewset")
def register_submission_review():
    return SubmissionReviewViewSet("suitcase_submissions")


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
