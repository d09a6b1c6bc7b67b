"""Views of the calendar: list, month, year, feeds, proposals, action points,
workshop requests, the workplan."""

import datetime as dt
from typing import NamedTuple

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState

from gci.home.breadcrumbs import trail
from gci.home.http import partners_only, private_response, refusal
from gci.home.models import PartnerOrganisation, PartnersAreaPage
from gci.home.roles import can_enter_partners_area, is_secretariat
from gci.home.visibility import document_visible_to, partners_area_url_for
from gci.site.listing import PAGE_NUMBER, page_or_404, single_values
from gci.site.memo import active_locale, default_locale, locale_for, memoised, memoised_query

from .choices import CLOSED_ACTION_STATUSES, DatePrecision, EventKind, EventStatus, RequestState
from .consultations import consultation_links
from .evaluation import public_results
from .forms import (
    ActionPointUpdateForm,
    EventFilterForm,
    ProposalEditForm,
    ProposeEventForm,
    WithdrawRequestForm,
    WorkplanCommentForm,
    WorkshopRequestForm,
)
from .grid import week_bars
from .ics import stream_calendar
from .models import (
    ActionPoint,
    ActionPointUpdate,
    CalendarFeedToken,
    EvaluationForm,
    EventIndexPage,
    EventPage,
    Workplan,
    WorkplanComment,
    WorkshopOutcome,
    WorkshopRequest,
)
from .models.pages import RESERVED_SLUGS
from .models.workplan import FIRST_WORKPLAN_YEAR, LAST_WORKPLAN_YEAR
from .queries import (
    FIRST_YEAR,
    LAST_YEAR,
    events_for,
    events_for_user,
    month_bounds,
    month_weeks,
    overlapping,
    shift_month,
)
from .templatetags.calendar_tags import event_when

PAGE_SIZE = 20
REQUESTS_PER_PAGE = 50  # a Partner's workshop requests per page
# The month grid shows this many lanes of bars a week, then "n more" on the
# days that hold more (a link to the list below the grid, at the page that
# holds them).
DAY_LIMIT = 3


def _filter_form(request, index, events, data):
    countries = events.exclude(country="").order_by().values_list("country", flat=True).distinct()
    return EventFilterForm(
        data,
        organisations=PartnerOrganisation.in_default_locale(),
        # Keyed by the query itself: it holds the language and what this
        # visitor may not see.
        country_codes=memoised_query("event-countries", countries),
    )


def _filtered(request, index):
    events = events_for(request, index)
    form = _filter_form(request, index, events, request.GET or None)
    events = form.filter(events).prefetch_related("organisers")
    return events, form


def _filter_query(request):
    """The filters, for the other views' links (blank fields left out)."""
    query = request.GET.copy()
    query.pop("page", None)
    for name in list(query):
        if query[name] == "":
            del query[name]
    return query.urlencode()


# Views that read ``?page=``; the others (year, feed) ignore it.
PAGINATED_VIEWS = {"upcoming", "past", "month"}


@EventIndexPage.views.register
def known_query(request, index, view_name):
    """The query string of one calendar view as the view understands it:
    ``{name: value}`` for every filter set to a value the filter form accepts
    (a kind, status and region of the choices, an organisation or a country
    the calendar shows, a year in range) and, on the paginated views, a page
    number written as the view writes it; ``None`` if anything is unknown,
    repeated or spelled otherwise. Blank fields are left out (the form sends
    them all). The page cache stores only a view whose query this returns
    (``gci.site.page_cache``): junk values are served, never stored."""
    data = single_values(request.GET)
    if data is None:
        return None
    page = data.pop("page", None)
    if page is not None and (view_name not in PAGINATED_VIEWS or not PAGE_NUMBER.fullmatch(page)):
        return None
    if not set(data) <= set(EventFilterForm.base_fields):
        return None
    if data:
        form = _filter_form(request, index, events_for(request, index), data)
        if not form.is_valid():
            return None
        understood = {name: str(value) for name, value in form.cleaned_data.items() if value}
        if understood != data:  # e.g. ?year=02009, read as 2009
            return None
    if page is not None:
        data["page"] = page
    return data


def _no_store_if_private(response, index):
    return private_response(response) if index.is_planning_calendar else response


def _page_of(request, ids):
    """The page ``?page=`` asks of a list of ids (a 404 past its end)."""
    return page_or_404(Paginator(ids, PAGE_SIZE), request.GET.get("page", 1))


def _events_by_id(ids):
    """Events by id, with their organisers. The ids come from a query that
    applied this visitor's rights (memoised by it: a restriction saved since
    would have dropped it), so they are not checked again here."""
    events = EventPage.objects.filter(pk__in=list(ids)).defer_streamfields().defer("agenda")
    return events.prefetch_related("organisers").in_bulk()


class GridEvent(NamedTuple):
    """What the month grid shows of an event: its title, status and link, its
    kind (the bar's colour), whether it is tentative (proposed, contingent,
    or its dates not final) and when it takes place, in words."""

    pk: int
    title: str
    shown_status: EventStatus
    url: str
    kind: str = EventKind.OTHER
    tentative: bool = False
    when: str = ""

    @property
    def status_label(self):
        return self.shown_status.label

    @property
    def kind_label(self):
        return EventKind(self.kind).label


# Statuses that say the event may not take place as shown.
TENTATIVE_STATUSES = {EventStatus.PROPOSED, EventStatus.CONTINGENT}


def _parent_urls(request, paths):
    """The URL of each calendar (tree path) the grid's events live under: an
    event's URL is its calendar's and its slug (events have no children)."""
    return {
        page.path: page.get_url(request)
        for page in memoised_query("event-parents", Page.objects.filter(path__in=sorted(paths)))
    }


def _with_events(page_of_ids):
    """The page's ids replaced by their events, in the same order."""
    found = _events_by_id(page_of_ids.object_list)
    page_of_ids.object_list = [found[pk] for pk in page_of_ids.object_list if pk in found]
    return page_of_ids


@EventIndexPage.views.register
def calendar_list(request, index, past=False):
    events, form = _filtered(request, index)
    today = timezone.localdate()
    if past:
        ordered = events.filter(last__lt=today).order_by("-start_date", "-start_time", "pk")
    else:
        ordered = events.filter(last__gte=today).order_by("start_date", "start_time", "pk")
    # The ids in order are kept by the memo (keyed by the query: language,
    # filters, today, what the visitor may not see): the count and the sort
    # over thousands of events run once per content change, not per request.
    ids = memoised_query("event-list", ordered.prefetch_related(None).values_list("pk", flat=True))
    page_of_events = _with_events(_page_of(request, ids))
    response = index.render(
        request,
        template="gci_calendar/event_index_page.html",
        context_overrides={
            "view": "past" if past else "upcoming",
            "events": page_of_events,
            "filter_form": form,
            "filter_query": _filter_query(request),
            "today": today,
        },
    )
    return _no_store_if_private(response, index)


@EventIndexPage.views.register
def calendar_year(request, index, year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    events, form = _filtered(request, index)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    events = list(overlapping(events, first, last).order_by("start_date", "start_time", "pk"))
    months = []
    for month in range(1, 13):
        month_first, month_last = month_bounds(year, month)
        months.append(
            {
                "date": month_first,
                "events": [
                    e for e in events if e.start_date <= month_last and e.last >= month_first
                ],
            }
        )
    response = index.render(
        request,
        template="gci_calendar/event_index_year.html",
        context_overrides={
            "view": "year",
            "year": year,
            "months": months,
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < LAST_YEAR else None,
            "filter_form": form,
            "filter_query": _filter_query(request),
            "event_count": len(events),
        },
    )
    return _no_store_if_private(response, index)


@EventIndexPage.views.register
def calendar_month(request, index, year, month):
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404
    events, form = _filtered(request, index)
    weeks = month_weeks(year, month)
    month_first, month_last = month_bounds(year, month)
    # What the grid shows of each event (memoised like the lists' ids): the
    # events themselves are loaded only for the page of the list below. The
    # grid and the list hold the same events, those of the month: an event
    # only on a day of the month before or after (shown greyed in the first
    # and last rows) belongs to that month's page, not to this one.
    rows = memoised_query(
        "event-month",
        overlapping(events, month_first, month_last)
        .order_by("start_date", "start_time", "pk")
        .prefetch_related(None)
        .values_list(
            "pk",
            "start_date",
            "last",
            "title",
            "status",
            "date_precision",
            "end_date",
            "start_time",
            "end_time",
            "time_zone",
            "slug",
            "path",
            "kind",
            "tentative",
        ),
    )
    parent_urls = _parent_urls(request, {row[11][: -Page.steplen] for row in rows})
    dated, undated = [], []
    for pk, start, end, title, status, *timing, slug, path, kind, tentative in rows:
        precision, end_date, start_time, end_time, time_zone = timing
        # "Held" once its end has passed, where it takes place (EventPage's rule).
        event = EventPage(
            status=status,
            date_precision=precision,
            start_date=start,
            end_date=end_date,
            start_time=start_time,
            end_time=end_time,
            time_zone=time_zone,
            tentative=tentative,
        )
        shown_status = event.shown_status
        shown = GridEvent(
            pk,
            title,
            shown_status,
            f"{parent_urls.get(path[: -Page.steplen])}{slug}/",
            kind,
            tentative or shown_status in TENTATIVE_STATUSES,
            event_when(event),
        )
        # An event known only to the month is not put on a day: it is listed
        # above the grid, under its month.
        if precision == DatePrecision.DAY:
            dated.append((shown, start, end))
        else:
            undated.append(shown)
    month_ids = [row[0] for row in rows]
    position = {pk: n for n, pk in enumerate(month_ids)}
    page_of_events = _with_events(_page_of(request, month_ids))
    filter_query = _filter_query(request)
    today = timezone.localdate()

    def more_url(hidden):
        """The list below, at the page that holds the day's first hidden event."""
        if not hidden:
            return None
        query = request.GET.copy()
        query.pop("page", None)
        for name in [name for name in query if query[name] == ""]:
            del query[name]
        number = min(position[event.pk] for event in hidden) // PAGE_SIZE + 1
        if number > 1:
            query["page"] = str(number)
        return f"?{query.urlencode()}#month-list-title"

    grid = []
    for week in weeks:
        bars = week_bars(week, dated)
        row = []
        for column, day in enumerate(week):
            on_day = [bar for bar in bars if bar.column <= column < bar.column + bar.span]
            shown = [bar.item for bar in on_day if bar.lane < DAY_LIMIT]
            hidden = [bar.item for bar in on_day if bar.lane >= DAY_LIMIT]
            row.append(
                {
                    "date": day,
                    "column": column + 1,
                    "in_month": day.month == month,
                    "is_today": day == today,
                    "events": shown,
                    "more": len(hidden),
                    "more_url": more_url(hidden),
                }
            )
        grid.append(
            {
                "days": row,
                "bars": [bar for bar in bars if bar.lane < DAY_LIMIT],
            }
        )
    # The agenda a phone shows instead of the grid: each event under its first
    # day in the month.
    agenda = {}
    for shown, start, _end in dated:
        agenda.setdefault(max(start, month_first), []).append(shown)
    next_with_events = None
    if not month_ids:
        later = events.filter(start_date__gt=month_last, start_date__year__lte=LAST_YEAR)
        starts = memoised_query(
            "event-next-month",
            later.order_by("start_date")
            .prefetch_related(None)
            .values_list("start_date", flat=True)[:1],
        )
        next_with_events = starts[0].replace(day=1) if starts else None
    previous_year, previous_month = shift_month(year, month, -1)
    next_year, next_month = shift_month(year, month, 1)
    response = index.render(
        request,
        template="gci_calendar/event_index_month.html",
        context_overrides={
            "view": "month",
            "month": month_first,
            "weeks": [week["days"] for week in grid],
            "week_rows": grid,
            "weekdays": weeks[0],
            "undated_events": undated,
            "agenda": sorted(agenda.items()),
            "kinds": EventKind.choices,
            "month_events": page_of_events,
            "next_with_events": next_with_events,
            "previous": dt.date(previous_year, previous_month, 1)
            if previous_year >= FIRST_YEAR
            else None,
            "next": dt.date(next_year, next_month, 1) if next_year <= LAST_YEAR else None,
            "filter_form": form,
            "filter_query": filter_query,
        },
    )
    return _no_store_if_private(response, index)


def feed_events(events, today=None, limit=None):
    """The events a feed holds: upcoming ones, soonest first, then past ones,
    most recent first, up to ``GCI_FEED_MAX_EVENTS`` in all; in date order.

    A feed is re-read by every subscribed calendar app every few hours:
    thousands of past events would cost seconds each time and nobody
    scrolls back to them (the calendar's pages and ``?year=`` do).

    An event whose day is not known (month only, or to be confirmed) is left
    out: a calendar app has no way to say "some day in September" and would
    show a month-long bar or an invented day; its page and the calendar's
    lists show it."""
    today = today or timezone.localdate()
    limit = limit or settings.GCI_FEED_MAX_EVENTS
    events = events.filter(date_precision=DatePrecision.DAY)
    events = events.prefetch_related(None).defer_streamfields()
    upcoming = list(
        events.filter(last__gte=today).order_by("start_date", "start_time", "pk")[:limit]
    )
    past = []
    if len(upcoming) < limit:
        past = list(
            events.filter(last__lt=today).order_by("-start_date", "-start_time", "-pk")[
                : limit - len(upcoming)
            ]
        )
    return past[::-1] + upcoming


def _feed_response(name, events, request, filename):
    events = feed_events(events)
    body = b"".join(
        stream_calendar(
            name,
            events,
            {event.time_zone for event in events},
            lambda event: event.get_full_url(request),
            language=translation.get_language(),
        )
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@EventIndexPage.views.register
def calendar_feed(request, index):
    events, _form = _filtered(request, index)
    response = _feed_response(index.title, events, request, f"{index.slug}.ics")
    return _no_store_if_private(response, index)


def planning_feed(request, token):
    """A Partner's personal, secret feed of the planning calendar: live events
    they may read, never drafts. A wrong or revoked token gets a 404, and so
    does a token whose owner changed password or left (see
    ``CalendarFeedToken``): the same answer, so a URL tells nobody whether it
    ever worked."""
    user = CalendarFeedToken.user_for(token)
    if user is None or not can_enter_partners_area(user):
        raise Http404
    code = request.GET.get("language", translation.get_language())
    locale = locale_for(code) or default_locale()
    with translation.override(locale.language_code):
        events = events_for_user(user, locale)
        response = _feed_response(
            _("Green Customs planning calendar"), events, request, "gci-planning.ics"
        )
    return private_response(response)


@EventPage.views.register
def event_context(request, event):
    """What an event page shows besides its fields."""
    links = [
        link
        for link in event.links.select_related("document__collection")
        if not link.document_id or document_visible_to(link.document, request)
    ]
    context = {"links": links, "organisers": event.localized_organisers()}
    source = event if event.locale_id == default_locale().pk else None
    source = source or event.get_translation_or_none(default_locale()) or event
    context.update(outcome_context(request, source))
    context["consultations"] = consultation_links(request.user, source)
    if can_enter_partners_area(request.user):
        context["action_points"] = list(
            ActionPoint.objects.filter(meeting=source)
            .overdue_first()
            .prefetch_related("owners", "updates__user", "updates__organisation")
        )
    return context


def outcome_context(request, source):
    """A held workshop's outcome and its evaluation's figures (``source``: the
    English event, which holds them for every translation). The same few
    queries whatever the number of participants, photos or answers; the
    participants' names and the evaluation's comments are never here."""
    outcome = (
        WorkshopOutcome.objects.filter(event=source)
        .prefetch_related("counts", "photos__image__collection")
        .defer("participants_list")
        .first()
    )
    evaluation = EvaluationForm.objects.filter(event=source).first()
    context = {
        "outcome": outcome,
        "evaluation_results": public_results(evaluation) if evaluation else None,
    }
    if outcome is not None:
        context["participants"] = outcome.total_participants()
        context["photos"] = outcome.visible_photos(request)
    if evaluation is not None and can_enter_partners_area(request.user):
        context["evaluation_results_url"] = reverse(
            "gci_calendar:evaluation_results", kwargs={"pk": source.pk}
        )
    return context


# -- The Partners' side: proposing events, updating action points, feeds ---


def planning_index(locale=None):
    """The Partners' planning calendar in a language (or in English)."""
    locale = locale or active_locale()

    def find():
        for candidate in (locale, default_locale()):
            for index in EventIndexPage.objects.filter(locale=candidate):
                if index.get_parent().specific_class is PartnersAreaPage:
                    return index
        return None

    return memoised(("planning-index", locale.pk), find)


@partners_only
def propose_event(request):
    # Proposals live in the default language's planning calendar, whatever
    # the interface language: each event lives once, and is translated from there.
    index = planning_index(default_locale())
    if index is None:
        raise Http404
    organisation = getattr(getattr(request.user, "membership", None), "organisation", None)
    if request.method == "POST":
        form = ProposeEventForm(request.POST)
        if form.is_valid():
            event = _create_proposal(request, index, form.cleaned_data)
            messages.success(
                request,
                _("Thank you. “%(title)s” has been sent to the Secretariat for review.")
                % {"title": event.title},
            )
            return redirect("gci_calendar:proposals")
        messages.error(request, _("Please correct the errors below."))
    else:
        form = ProposeEventForm(initial={"organisers": [organisation] if organisation else []})
    crumbs = _crumbs(request, (_("Share a planned training or event"), None))
    return render(
        request,
        "gci_calendar/propose_event.html",
        {"form": form, "index": index, "breadcrumbs": crumbs},
    )


def _create_proposal(request, index, data):
    with transaction.atomic():
        base = slugify(data["title"])[:60] or f"event-{data['start_date']:%Y-%m-%d}"
        if base in RESERVED_SLUGS or base.isdigit():
            base = f"event-{base}"
        slug, n = base, 1
        while index.get_children().filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        fields = {name: value for name, value in data.items() if name != "organisers"}
        event = EventPage(slug=slug, live=False, owner=request.user, **fields)
        index.add_child(instance=event)
        event.organisers.set(data["organisers"])
        event.save()  # the draft's own row keeps its organisers too
        event.save_revision(user=request.user, log_action=True)
        workflow = event.get_workflow()
        if workflow is not None:
            workflow.start(event, request.user)
    return event


def proposal_state(event):
    """What a Partner sees of their proposal: submitted, published, declined…"""
    if event.live:
        return {"code": "published", "label": _("Published")}
    state = event.workflow_states.order_by("-created_at").first()
    if state is None:
        return {"code": "draft", "label": _("Draft")}
    if state.status == state.STATUS_IN_PROGRESS:
        return {"code": "submitted", "label": _("Submitted, awaiting review")}
    if state.status == state.STATUS_NEEDS_CHANGES:
        task_state = state.task_states.order_by("-finished_at").first()
        return {
            "code": "declined",
            "label": _("Declined"),
            "reason": (task_state.get_comment() if task_state else "") or "",
        }
    if state.status == state.STATUS_CANCELLED:
        return {"code": "withdrawn", "label": _("Withdrawn")}
    return {"code": "approved", "label": _("Approved, not yet published")}


def _organisation(user):
    return getattr(getattr(user, "membership", None), "organisation", None)


def _proposals_of(user):
    """The proposals a person may open: their own and their organisation's
    (the Secretariat may open every Partner's)."""
    proposed = EventPage.objects.filter(owner__isnull=False, locale=default_locale())
    if is_secretariat(user):
        return proposed.filter(Q(owner=user) | Q(owner__membership__isnull=False))
    organisation = _organisation(user)
    if organisation is None:
        return proposed.filter(owner=user)
    return proposed.filter(Q(owner=user) | Q(owner__membership__organisation=organisation))


@partners_only
def proposals(request):
    mine = _proposals_of(request.user)
    if is_secretariat(request.user):
        mine = mine.filter(owner=request.user)
    events = mine.select_related("owner").order_by("-pk")[:100]
    rows = [{"event": event, "state": proposal_state(event)} for event in events]
    return render(
        request,
        "gci_calendar/proposals.html",
        {"rows": rows, "breadcrumbs": trail(request, (_("Your proposals"), None))},
    )


def _crumbs(request, *crumbs):
    """The Partners area, "Your proposals", then ``crumbs``."""
    return trail(request, (_("Your proposals"), reverse("gci_calendar:proposals")), *crumbs)


def _about(event):
    return ((event.title, reverse("gci_calendar:proposal", kwargs={"pk": event.pk})),)


EDITABLE = ("submitted",)
WITHDRAWABLE = ("submitted", "declined")


def _proposal(request, pk):
    """The proposal, if this person may open it; otherwise a 404 (a 403 would
    tell another organisation that it exists)."""
    if pk > 2**31 - 1:
        raise Http404
    return get_object_or_404(_proposals_of(request.user).select_related("owner"), pk=pk)


def _proposal_context(event, **extra):
    state = proposal_state(event)
    return {
        "event": event,
        "state": state,
        "organisers": list(event.organisers.all()),
        "may_edit": state["code"] in EDITABLE,
        "may_withdraw": state["code"] in WITHDRAWABLE,
        **extra,
    }


@partners_only
def proposal_detail(request, pk):
    event = _proposal(request, pk)
    return render(
        request,
        "gci_calendar/proposal_detail.html",
        _proposal_context(event, breadcrumbs=_crumbs(request, (event.title, None))),
    )


def _form_data(event):
    return {
        **{name: getattr(event, name) for name in PROPOSAL_FIELDS},
        "organisers": list(event.organisers.all()),
        "version": event.latest_revision_id,
    }


PROPOSAL_FIELDS = (
    "title",
    "kind",
    "summary",
    "start_date",
    "end_date",
    "tentative",
    "time_zone",
    "venue",
    "city",
    "country",
    "region",
    "status",
)


@partners_only
def edit_proposal(request, pk):
    """Change a proposal while the Secretariat has not decided on it yet.

    The form carries the revision it started from: if someone saved the
    proposal since, the change is refused (409), the other version is shown
    and what this person typed stays in the form."""
    event = _proposal(request, pk)
    if proposal_state(event)["code"] not in EDITABLE:
        messages.error(request, _("This proposal can no longer be changed."))
        return redirect("gci_calendar:proposal", pk=event.pk)
    status = 200
    if request.method == "POST":
        form = ProposalEditForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                current = EventPage.objects.select_for_update().get(pk=event.pk)
                if current.latest_revision_id == form.cleaned_data["version"]:
                    for name in PROPOSAL_FIELDS:
                        setattr(current, name, form.cleaned_data[name])
                    current.save()
                    current.organisers.set(form.cleaned_data["organisers"])
                    current.save_revision(user=request.user, log_action=True)
                    messages.success(request, _("Your changes have been saved."))
                    return redirect("gci_calendar:proposal", pk=current.pk)
            event = EventPage.objects.select_related("latest_revision__user").get(pk=event.pk)
            revision = event.latest_revision
            name = revision.user.get_full_name() if revision and revision.user else ""
            # Saving again, on purpose, replaces their version.
            data = request.POST.copy()
            data["version"] = event.latest_revision_id
            form = ProposalEditForm(data)
            form.is_valid()
            form.add_error(None, _conflict_message(name))
            status = 409
        else:
            messages.error(request, _("Please correct the errors below."))
            status = 400
    else:
        form = ProposalEditForm(initial=_form_data(event))
    return render(
        request,
        "gci_calendar/proposal_edit.html",
        _proposal_context(
            event,
            form=form,
            conflict=status == 409,
            breadcrumbs=_crumbs(request, *_about(event), (_("Edit this proposal"), None)),
        ),
        status=status,
    )


def _conflict_message(name):
    return _(
        "%(name)s changed this proposal while you were editing it. "
        "Their version is shown below; your text is kept in the form."
    ) % {"name": name or _("Someone")}


@partners_only
def withdraw_proposal(request, pk):
    """Ask, then take the proposal out of the Secretariat's review."""
    event = _proposal(request, pk)
    if proposal_state(event)["code"] not in WITHDRAWABLE:
        messages.error(request, _("This proposal can no longer be withdrawn."))
        return redirect("gci_calendar:proposal", pk=event.pk)
    if request.method == "POST":
        with transaction.atomic():
            open_states = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
            state = event.workflow_states.select_for_update().filter(status__in=open_states).first()
            if state is not None:
                state.cancel(user=request.user)
        messages.success(
            request,
            _("“%(title)s” has been withdrawn. The Secretariat will not review it.")
            % {"title": event.title},
        )
        return redirect("gci_calendar:proposal", pk=event.pk)
    crumbs = _crumbs(request, *_about(event), (_("Withdraw this proposal"), None))
    return render(
        request,
        "gci_calendar/proposal_withdraw.html",
        _proposal_context(event, breadcrumbs=crumbs),
    )


@partners_only
@require_POST
def update_action_point(request, pk):
    point = get_object_or_404(ActionPoint, pk=pk)
    organisation = getattr(getattr(request.user, "membership", None), "organisation", None)
    if not is_secretariat(request.user) and (
        organisation is None or not point.owners.filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied
    form = ActionPointUpdateForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            current = ActionPoint.objects.select_for_update().get(pk=point.pk)
            # Closing, reopening, or turning "done" into "dropped" (or back)
            # decides for every owner.
            closes_or_reopens = form.cleaned_data["status"] != current.status and (
                current.status in CLOSED_ACTION_STATUSES
                or form.cleaned_data["status"] in CLOSED_ACTION_STATUSES
            )
            if closes_or_reopens and not current.may_close(request.user):
                # Checked against the stored status, under the row lock.
                lead = current.lead_organisation
                form.add_error(
                    "status",
                    _(
                        "Only the lead organisation (%(lead)s) or the Secretariat can "
                        "close or reopen this action point for all its owners."
                    )
                    % {"lead": lead.acronym if lead else _("none")},
                )
                return render(
                    request,
                    "gci_calendar/action_point_form.html",
                    {
                        "point": current,
                        "form": form,
                        "may_close": False,
                        "next": _safe_next(request) or _dashboard_url(request),
                        "breadcrumbs": trail(request, (_("Action point"), None)),
                    },
                    status=403,
                )
            if current.version == form.cleaned_data["version"]:
                ActionPointUpdate.objects.create(
                    action_point=current,
                    user=request.user,
                    organisation=organisation,
                    old_status=current.status,
                    new_status=form.cleaned_data["status"],
                    notes=form.cleaned_data["notes"],
                )
                current.status = form.cleaned_data["status"]
                current.notes = form.cleaned_data["notes"]
                current.updated_by = request.user
                current.save()
                messages.success(request, _("Action point updated."))
                return redirect(_safe_next(request) or _dashboard_url(request))
        point = current
        name = point.updated_by.get_full_name() if point.updated_by else ""
        form.add_error(
            None,
            _(
                "%(name)s changed this action point while you were editing it. "
                "Their version is shown below; your text is kept in the form."
            )
            % {"name": name or _("Someone")},
        )
    status = 409 if form.non_field_errors() else 400
    return render(
        request,
        "gci_calendar/action_point_form.html",
        {
            "point": point,
            "form": form,
            "may_close": point.may_close(request.user),
            # Back where the update started once it is saved.
            "next": _safe_next(request) or _dashboard_url(request),
            "breadcrumbs": trail(request, (_("Action point"), None)),
        },
        status=status,
    )


def _safe_next(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return None


def _dashboard_url(request):
    return partners_area_url_for(request) or "/"


@partners_only
def feed_link(request):
    """Make (or replace) the person's secret planning-feed URL, or revoke it."""
    url = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            CalendarFeedToken.revoke_all(request.user)
            messages.success(request, _("Your calendar link no longer works."))
        else:
            token = CalendarFeedToken.issue(request.user)
            url = (
                request.build_absolute_uri(reverse("gci_calendar_feed", kwargs={"token": token}))
                + f"?language={translation.get_language()}"
            )
    has_link = CalendarFeedToken.objects.filter(user=request.user, revoked_at__isnull=True).exists()
    stopped = None
    if url is None and not has_link:
        stopped = FEED_STOPPED.get(CalendarFeedToken.stopped_reason(request.user))
    return render(
        request,
        "gci_calendar/feed_link.html",
        {
            "url": url,
            "has_link": has_link,
            "stopped": stopped,
            "breadcrumbs": trail(request, (_("Your private calendar link"), None)),
        },
    )


FEED_STOPPED = {
    CalendarFeedToken.Revoked.PASSWORD: gettext_lazy(
        "Your calendar link stopped working because your password changed. "
        "Make a new one, and replace the old one in your calendar application."
    ),
    CalendarFeedToken.Revoked.MEMBERSHIP: gettext_lazy(
        "Your calendar link stopped working because your access to the Partners "
        "area ended. Make a new one, and replace the old one in your calendar application."
    ),
    CalendarFeedToken.Revoked.INACTIVE: gettext_lazy(
        "Your calendar link stopped working because your account was "
        "deactivated. Make a new one, and replace the old one in your calendar application."
    ),
}


# -- Workshop requests: what a Partner organisation asked for, and where it stands --


def _organisation_of(user):
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


def _own_request(request, pk):
    """One of the person's organisation's requests; any other is a 404 (the
    same answer as a request that does not exist: an id tells nothing)."""
    organisation = _organisation_of(request.user)
    return get_object_or_404(
        WorkshopRequest.objects.for_organisation(organisation).select_related("event", "letter"),
        pk=pk,
    )


@partners_only
def workshop_requests(request):
    """The organisation's workshop requests, newest first, and where each stands."""
    organisation = _organisation_of(request.user)
    try:
        rows = Paginator(
            WorkshopRequest.objects.for_organisation(organisation), REQUESTS_PER_PAGE
        ).page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
    return render(
        request,
        "gci_calendar/workshop_requests.html",
        {"requests": rows, "organisation": organisation},
    )


@partners_only
def send_workshop_request(request):
    organisation = _organisation_of(request.user)
    if organisation is None:
        messages.error(
            request,
            _(
                "Your account is not linked to a Partner organisation yet. "
                "The Secretariat can link it."
            ),
        )
        return redirect("gci_calendar:workshop_requests")
    if request.method == "POST":
        form = WorkshopRequestForm(request.POST, request.FILES)
        if form.is_valid():
            workshop_request = _create_workshop_request(request, organisation, form)
            messages.success(
                request,
                _("Thank you. Your request has been sent to the Secretariat."),
            )
            return redirect("gci_calendar:workshop_request", pk=workshop_request.pk)
        messages.error(request, _("Please correct the errors below."))
    else:
        form = WorkshopRequestForm()
    return render(
        request,
        "gci_calendar/workshop_request_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.is_bound else 200,
    )


def _create_workshop_request(request, organisation, form):
    from django.core.files import File
    from wagtail.documents import get_document_model

    from .collections import workshop_letters_collection

    with transaction.atomic():
        workshop_request = form.save(commit=False)
        workshop_request.organisation = organisation
        workshop_request.sent_by = request.user
        upload = form.cleaned_data.get("letter_file")
        if upload:
            Document = get_document_model()
            document = Document(
                title=_("Letter of request: %(body)s") % {"body": workshop_request.body_name},
                collection=workshop_letters_collection(),
                uploaded_by_user=request.user,
            )
            document.file.save(upload.name, File(upload), save=False)
            if hasattr(document, "_set_document_file_metadata"):
                document._set_document_file_metadata()
            document.save()
            workshop_request.letter = document
        workshop_request.save()
        form.save_m2m()
        workshop_request.record_change(
            None, workshop_request.state, user=request.user, organisation=organisation
        )
    return workshop_request


@partners_only
def workshop_request(request, pk):
    workshop_request = _own_request(request, pk)
    changes = workshop_request.changes.select_related("user", "organisation")
    return render(
        request,
        "gci_calendar/workshop_request.html",
        {
            "workshop_request": workshop_request,
            "changes": changes,
            "may_withdraw": workshop_request.may_withdraw(request.user),
            "withdraw_form": WithdrawRequestForm(),
        },
    )


@partners_only
@require_POST
def withdraw_workshop_request(request, pk):
    workshop_request = _own_request(request, pk)
    form = WithdrawRequestForm(request.POST)
    if not workshop_request.may_withdraw(request.user) or not form.is_valid():
        messages.error(
            request,
            _("This request can no longer be withdrawn: the Secretariat has decided on it."),
        )
        return redirect("gci_calendar:workshop_request", pk=workshop_request.pk)
    try:
        workshop_request.move_to(
            RequestState.WITHDRAWN, user=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError:
        # Decided meanwhile (checked again under the row lock).
        messages.error(
            request,
            _("This request can no longer be withdrawn: the Secretariat has decided on it."),
        )
    else:
        messages.success(request, _("Your request has been withdrawn."))
    return redirect("gci_calendar:workshop_request", pk=workshop_request.pk)


# -- The year's workplan, and the Partners' comments on it --


def _may_read_workplan(user):
    """The Secretariat, and the Partners who are members of an organisation."""
    return is_secretariat(user) or _organisation_of(user) is not None


def _workplan_for(request, year):
    """The workplan of ``year`` (404 for a year without one the person may
    read), or without a year this year's, else the latest; or None."""
    visible = Workplan.objects.visible_to(request.user)
    if year is not None:
        if not FIRST_WORKPLAN_YEAR <= year <= LAST_WORKPLAN_YEAR:
            raise Http404
        return get_object_or_404(visible, year=year)
    return visible.filter(year=timezone.localdate().year).first() or visible.first()


@partners_only
def workplan(request, year=None):
    """The year's workplan: requests and workshops by region and priority,
    what is funded and what is not; during its consultation window the
    Partners comment on it (their comments are shared)."""
    from .workplan import build, grand_totals, target_choices

    if not _may_read_workplan(request.user):
        return refusal(request)
    plan = _workplan_for(request, year)
    if plan is None:
        return render(
            request,
            "gci_calendar/workplan.html",
            {"workplan": None, "breadcrumbs": trail(request, (_("Workplan"), None))},
        )
    groups = build(plan.year)
    targets = target_choices(groups)
    here = reverse("gci_calendar:workplan_year", kwargs={"year": plan.year})
    consultation_open = plan.consultation_is_open()
    form = WorkplanCommentForm(targets=targets)
    status = 200
    if request.method == "POST":
        if not consultation_open:
            messages.error(
                request,
                _("The consultation on this workplan is closed: your comment was not recorded."),
            )
            return redirect(here)
        form = WorkplanCommentForm(request.POST, targets=targets)
        if form.is_valid():
            _add_workplan_comment(request, plan, form.cleaned_data)
            messages.success(request, _("Thank you. Your comment has been added."))
            return redirect(f"{here}#comments")
        messages.error(request, _("Please correct the errors below."))
        status = 400
    labels = dict(targets)
    gone = _("a line no longer in the workplan")
    comments = [
        {"comment": c, "about": labels.get(c.target_key, gone) if c.target_key else None}
        for c in plan.comments.select_related("organisation")
    ]
    return render(
        request,
        "gci_calendar/workplan.html",
        {
            "workplan": plan,
            "groups": groups,
            "totals": grand_totals(groups),
            "comments": comments,
            "form": form,
            "consultation_open": consultation_open,
            # The funding from commitments: the Secretariat's alone.
            "show_funding": is_secretariat(request.user),
            "years": list(Workplan.objects.visible_to(request.user).values_list("year", flat=True)),
            "breadcrumbs": trail(request, (_("Workplan %(year)s") % {"year": plan.year}, None)),
        },
        status=status,
    )


def _add_workplan_comment(request, plan, data):
    kind, _sep, pk = data["target"].partition("-")
    return WorkplanComment.objects.create(
        workplan=plan,
        organisation=None if is_secretariat(request.user) else _organisation_of(request.user),
        author=request.user,
        text=data["text"],
        target_request_id=int(pk) if kind == "request" else None,
        target_plan_id=int(pk) if kind == "plan" else None,
    )
