"""Registration with Wagtail only; the logic lives in the modules it names."""

from django.contrib import messages
from wagtail import hooks

from .dashboard import review_panel
from .models import ReviewGatedMixin
from .reminders import send_review_reminders
from .viewsets import ReviewRoundViewSet

hooks.register("gci_dashboard_panels", review_panel, order=-10)  # what waits comes first
hooks.register("gci_reminders", send_review_reminders)


@hooks.register("register_admin_viewset")
def register_review_rounds():
    return ReviewRoundViewSet("review_rounds")


@hooks.register("before_edit_page", order=-10)
def explain_review_gate(request, page):
    """Tell the Secretariat, on the page's editor, why Publish is not offered.
    Runs before wagtail-localize's own hook, which may replace the editor."""
    if request.method == "GET" and isinstance(page.specific, ReviewGatedMixin):
        reason = page.specific.review_gate_reason()
        if reason:
            messages.warning(request, reason)
