"""The calendar's panels on the Partners' dashboard."""

from django.utils import timezone

from gci.home.roles import is_secretariat
from gci.site.memo import active_locale

from .models import ActionPoint, EventPage
from .queries import events_for
from .views import planning_index, proposal_state

UPCOMING_COUNT = 5


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
    return {
        "template": "gci_calendar/panels/action_points.html",
        "points": points,
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
