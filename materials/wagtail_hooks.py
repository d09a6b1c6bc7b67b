"""Registration with Wagtail only; the logic lives in the modules it names."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .dashboard import suitcase_panel
from .richtext import GuardedDocumentLinkHandler, remember_request
from .viewsets import MaterialViewSet, SubmissionReviewViewSet

register_snippet(MaterialViewSet)
hooks.register("gci_dashboard_panels", suitcase_panel)


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
