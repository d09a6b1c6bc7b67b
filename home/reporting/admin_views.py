"""The admin action that starts a meeting report from a Partners' meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..roles import is_secretariat
from .compile import compile_meeting_report
from .models import MAX_ID


@require_http_methods(["GET", "POST"])
def start_meeting_report(request, pk):
    """GET: what will be built, and a button; POST: the draft, opened in the editor."""
    from django.apps import apps

    if pk > MAX_ID:
        raise Http404
    if not is_secretariat(request.user):
        raise PermissionDenied
    event = get_object_or_404(
        apps.get_model("gci_calendar", "EventPage"), pk=pk, kind="partners_meeting"
    )
    if request.method == "POST":
        page = compile_meeting_report(event, request.user)
        messages.success(
            request,
            _(
                "The draft “%(title)s” has been built in the Partners area: "
                "edit it, then publish it."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request,
        "home/reporting/admin/start_meeting_report.html",
        {"event": event, "reports": event.meeting_reports.all()},
    )
