"""The calendar's panels on the Partners' dashboard."""

import datetime as dt

from django.utils import timezone

from gci.home.roles import is_secretariat
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
