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
every organisation is not cached. The entry holds the panel's tasks for the
"Your tasks" column too (plain dates, counts and texts, in the key's language).

The table groups the points: due soon (within ``DUE_SOON_DAYS``), overdue,
later, closed lately; each open row folds its update form under "Update".
"""

import datetime as dt
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import TaskState

from gci.home.roles import is_secretariat
from gci.site.admin_panels import ROWS_SHOWN, ListingPanel, Row
from gci.site.dates import format_date
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
# "Due soon": open and due within this many days.
DUE_SOON_DAYS = 14
DASHBOARD_KEY = "gci:dashboard:generation"
# Stands for the visitor's CSRF token in a stored panel.
_CSRF_PLACEHOLDER = "gci-csrf-token-placeholder"
_TIMEOUT = 3600
# What a stored entry holds ({"html", "tasks"} since the ranked dashboard):
# part of the key, so an entry of an older release is never read as a newer one.
_ENTRY_FORMAT = 2


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
        _ENTRY_FORMAT,
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
    due soon first, then overdue, later and closed lately: rendered once per
    change for each organisation (see the module). Its tasks (for the "Your
    tasks" column) are kept with the stored HTML."""
    if is_secretariat(request.user) or organisation is None:
        return _action_points_data(request, organisation)
    cache = pages_cache()
    key = _panel_key(request, organisation)
    stored = cache.get(key)
    if stored is None:
        data = _action_points_data(request, organisation)
        html = render_to_string(
            data["template"],
            {"panel": data, "request": request, "csrf_token": _CSRF_PLACEHOLDER},
        )
        stored = {"html": html, "tasks": data["tasks"]}
        cache.set(key, stored, _TIMEOUT)
    token = escape(get_token(request))
    return {
        "template": "gci_calendar/panels/rendered.html",
        "column": "main",
        "html": mark_safe(stored["html"].replace(_CSRF_PLACEHOLDER, token)),  # noqa: S308 - our own render
        "tasks": stored["tasks"],
    }


def _action_points_data(request, organisation):
    today = timezone.localdate()
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
    points = list(points.due_soon_first(today, DUE_SOON_DAYS)[:50])
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
    closed = list(closed[:20])
    groups = _groups(points, closed, today)
    return {
        "template": "gci_calendar/panels/action_points.html",
        "column": "main",
        "points": points,
        "closed": closed,
        "groups": groups,
        "scope": scope,
        "overdue": sum(1 for point in points if point.is_overdue),
        "tasks": _tasks(groups),
    }


def _groups(points, closed, today):
    """Due soon (within DUE_SOON_DAYS), overdue, later, closed lately: the
    groups that have points, in that order."""
    soon_until = today + dt.timedelta(days=DUE_SOON_DAYS)
    by_key = {"soon": [], "overdue": [], "later": []}
    for point in points:
        if point.due_date < today:
            by_key["overdue"].append(point)
        elif point.due_date <= soon_until:
            by_key["soon"].append(point)
        else:
            by_key["later"].append(point)
    titles = {
        "soon": _("Due soon"),
        "overdue": _("Overdue"),
        "later": _("Later"),
        "closed": _("Closed lately"),
    }
    by_key["closed"] = closed
    return [
        {"key": key, "title": titles[key], "points": by_key[key]}
        for key in ("soon", "overdue", "later", "closed")
        if by_key[key]
    ]


def _tasks(groups):
    """One task per group that asks for an update: due soon, overdue."""
    tasks = []
    for group in groups:
        if group["key"] not in ("soon", "overdue"):
            continue
        first = group["points"][0]
        count = len(group["points"])
        if group["key"] == "soon":
            title = ngettext(
                "Update %(count)s action point due soon",
                "Update %(count)s action points due soon",
                count,
            ) % {"count": count}
        else:
            title = ngettext(
                "Update %(count)s overdue action point",
                "Update %(count)s overdue action points",
                count,
            ) % {"count": count}
        tasks.append(
            {
                "kind": "action_points",
                "kind_label": _("Action points"),
                "title": title,
                "detail": Truncator(first.text).chars(90),
                "deadline": first.due_date,
                "url": f"#ap-{group['key']}",
                "button": _("Update"),
                # Due soon comes before overdue (issue #13): a point still in
                # time is worth the reminder first.
                "rank": 0 if group["key"] == "soon" else 1,
            }
        )
    return tasks


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
                _("due %(date)s") % {"date": format_date(point.due_date)},
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
                _("proposed %(date)s") % {"date": format_date(s.started_at)},
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
