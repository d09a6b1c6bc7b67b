"""The calendar's panels on the Partners' dashboard."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from gci.home.roles import is_secretariat
from gci.site.admin_panels import ROWS_SHOWN, ListingPanel, Row
from gci.site.memo import active_locale

from .choices import CLOSED_ACTION_STATUSES
from .models import ActionPoint, EventPage
from .queries import events_for
from .views import planning_index, proposal_state

UPCOMING_COUNT = 5
RECENTLY_CLOSED_DAYS = 30


def action_points_panel(request, organisation):
    """The organisation's action points (all of them for the Secretariat),
    overdue first."""
    points = (
        ActionPoint.objects.open()
        .filter(meeting__live=True)
        .select_related("meeting")
        .prefetch_related("owners")
    )
    if is_secretariat(request.user):
        scope = "all"
    elif organisation is not None:
        points = points.for_organisation(organisation)
        scope = "organisation"
    else:
        return None
    points = list(points.overdue_first()[:50])
    for point in points:
        point.user_may_close = point.may_close(request.user)
    # Closed lately: every owner sees who closed it for them, and when.
    closed = (
        ActionPoint.objects.filter(
            meeting__live=True,
            status__in=CLOSED_ACTION_STATUSES,
            updated_at__gte=timezone.now() - dt.timedelta(days=RECENTLY_CLOSED_DAYS),
        )
        .select_related("meeting")
        .prefetch_related("owners", "updates__user", "updates__organisation")
        .order_by("-updated_at")
    )
    if scope == "organisation":
        closed = closed.for_organisation(organisation)
    return {
        "template": "gci_calendar/panels/action_points.html",
        "points": points,
        "closed": list(closed[:20]),
        "scope": scope,
        "overdue": sum(1 for point in points if point.is_overdue),
    }


def planning_panel(request, organisation):
    index = planning_index(active_locale())
    if index is None:
        return None
    events = (
        events_for(request, index)
        .filter(last__gte=timezone.localdate())
        .order_by("start_date", "pk")[:UPCOMING_COUNT]
    )
    proposals = [
        {"event": event, "state": proposal_state(event)}
        for event in EventPage.objects.filter(owner=request.user).order_by("-pk")[:5]
    ]
    return {
        "template": "gci_calendar/panels/planning.html",
        "index": index,
        "events": list(events),
        "proposals": proposals,
    }


# -- The Secretariat's admin dashboard (gci.site.admin_panels) ---------------


def may_edit_action_points(user):
    return user.has_perm("gci_calendar.change_actionpoint")


def overdue_action_points_admin_panel(request):
    """Open action points past their due date, the oldest first."""
    overdue = ActionPoint.objects.overdue().order_by("due_date", "pk")
    return ListingPanel(
        name="gci-overdue-action-points",
        heading=_("Overdue action points"),
        count=overdue.count(),
        rows=[
            Row(
                Truncator(point.text).chars(90),
                reverse("action_points:edit", args=[point.pk]),
                _("due %(date)s") % {"date": date_format(point.due_date, "DATE_FORMAT")},
            )
            for point in overdue[:ROWS_SHOWN]
        ],
        listing_url=reverse("action_points:index"),
        count_label=_("overdue"),
        listing_label=_("All action points, overdue first"),
        empty=_("No action point is overdue."),
        order=110,
    )


def may_moderate(user):
    return TaskState.objects.reviewable_by(user).exists()


def proposals_admin_panel(request):
    """Events proposed by the Partners, waiting in moderation for this person."""
    waiting = (
        TaskState.objects.reviewable_by(request.user)
        .filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__content_type=ContentType.objects.get_for_model(EventPage),
        )
        .order_by("started_at")
    )
    states = list(waiting.select_related("workflow_state")[:ROWS_SHOWN])
    events = EventPage.objects.in_bulk([int(s.workflow_state.object_id) for s in states])
    return ListingPanel(
        name="gci-proposals",
        heading=_("Proposals to moderate"),
        count=waiting.count(),
        rows=[
            Row(
                events[int(s.workflow_state.object_id)].title,
                reverse("wagtailadmin_pages:edit", args=[s.workflow_state.object_id]),
                _("proposed %(date)s") % {"date": date_format(s.started_at, "DATE_FORMAT")},
            )
            for s in states
            if int(s.workflow_state.object_id) in events
        ],
        listing_url=reverse("wagtailadmin_reports:workflow"),
        count_label=_("waiting for moderation"),
        listing_label=_("All pages in moderation"),
        empty=_("No proposal waits for moderation."),
        order=140,
    )
