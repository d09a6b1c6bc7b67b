"""The calendar's panels on the Partners' dashboard.

An organisation's action points are the same for every one of its members:
the panel is rendered once per change and kept in the shared cache
(``pages_cache()``), keyed by the organisation, the language, the page's
path, the day, the content generations (``gci.site.memo``) and the
dashboard's own counter (``DASHBOARD_KEY``), which every save or delete of
an action point, its updates or owners, and of a user (a name shown as who
closed a point) moves. The CSRF token, the one thing in it that belongs to
the visitor, is put in on each request. A Partner only ever reads the entry
of their own organisation (the key holds its id); the Secretariat's view of
every organisation is not cached.
"""

import datetime as dt
import hashlib

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gci.home.roles import is_secretariat
from gci.site.memo import (
    active_locale,
    bump_counter,
    memo_generation,
    memoised_query,
    pages_cache,
)

from .choices import CLOSED_ACTION_STATUSES
from .models import ActionPoint, EventPage
from .queries import events_for
from .views import planning_index, proposal_state

UPCOMING_COUNT = 5
RECENTLY_CLOSED_DAYS = 30
DASHBOARD_KEY = "gci:dashboard:generation"
# Stands for the visitor's CSRF token in a stored panel.
_CSRF_PLACEHOLDER = "gci-csrf-token-placeholder"
_TIMEOUT = 3600


def bump_dashboard(**kwargs):
    """Every stored action-points panel is stale (a signal receiver)."""
    bump_counter(DASHBOARD_KEY)


def connect_signals():
    """What an action-points panel shows: the points, their updates and
    owners, and the users named in them."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import ActionPointUpdate

    for model in (ActionPoint, ActionPointUpdate, get_user_model()):
        uid = f"gci-dashboard-{model._meta.label_lower}"
        post_save.connect(bump_dashboard, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(bump_dashboard, sender=model, dispatch_uid=f"{uid}-deleted")
    m2m_changed.connect(
        bump_dashboard, sender=ActionPoint.owners.through, dispatch_uid="gci-dashboard-owners"
    )


def _panel_key(request, organisation):
    cache = pages_cache()
    parts = (
        organisation.pk,
        translation.get_language(),
        request.get_full_path(),
        timezone.localdate().isoformat(),
        memo_generation(),
        cache.get(DASHBOARD_KEY),
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"gci:dashboard:action-points:{digest}"


def action_points_panel(request, organisation):
    """The organisation's action points (all of them for the Secretariat),
    overdue first: rendered once per change for each organisation (see the module)."""
    if is_secretariat(request.user) or organisation is None:
        return _action_points_data(request, organisation)
    cache = pages_cache()
    key = _panel_key(request, organisation)
    html = cache.get(key)
    if html is None:
        data = _action_points_data(request, organisation)
        html = render_to_string(
            data["template"],
            {"panel": data, "request": request, "csrf_token": _CSRF_PLACEHOLDER},
        )
        cache.set(key, html, _TIMEOUT)
    token = escape(get_token(request))
    return {
        "template": "gci_calendar/panels/rendered.html",
        "html": mark_safe(html.replace(_CSRF_PLACEHOLDER, token)),  # noqa: S308 - our own render
    }


def _action_points_data(request, organisation):
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
    # The first few upcoming ids, memoised by their query (which holds what
    # this visitor may read): sorting thousands of events once per change.
    ids = memoised_query(
        "dashboard-upcoming",
        events_for(request, index)
        .filter(last__gte=timezone.localdate())
        .order_by("start_date", "pk")
        .values_list("pk", flat=True)[:UPCOMING_COUNT],
    )
    found = EventPage.objects.filter(pk__in=ids).in_bulk()
    events = [found[pk] for pk in ids if pk in found]
    proposals = [
        {"event": event, "state": proposal_state(event)}
        for event in EventPage.objects.filter(owner=request.user).order_by("-pk")[:5]
    ]
    return {
        "template": "gci_calendar/panels/planning.html",
        "index": index,
        "events": events,
        "proposals": proposals,
    }
