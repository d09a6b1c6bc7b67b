"""What the Secretariat's two actions build: a mid-year summary page from a
reporting round, a meeting report page from a Partners' meeting. Both are
drafts (never published here): the Secretariat edits them in Wagtail's
editor and publishes them.

The body is a StreamField of headings and paragraphs; every text a Partner
typed is escaped. The summary keeps the reports it was built from
(``source_reports``); the workshop figures are those of the public
indicators (gci.calendar.indicators) for the period.
"""

from django.apps import apps
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.html import escape, format_html, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Page

from gci.site import dates
from gci.site.memo import default_locale

from ..visibility import anonymous_pages
from .choices import ReportingAction, ReportStatus, SummaryAudience
from .models import ActivityReport, MeetingReportPage, MidYearSummaryPage, ReportActivity


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": str(text)[:200], "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": str(html)}


def _items(values):
    values = [v for v in values if v]
    if not values:
        return ""
    return "<ul>" + "".join(format_html("<li>{}</li>", v) for v in values) + "</ul>"


def _text(value):
    return linebreaks(escape(value)) if value.strip() else ""


def held_in(period_start, period_end, today=None):
    """The workshops held in the period that an anonymous visitor may read:
    the rule of the public training indicators (gci.calendar.indicators,
    ``held_workshops``), read here by model label since gci.home sits below
    the calendar."""
    event_model = apps.get_model("gci_calendar", "EventPage")
    today = today or timezone.localdate()
    took_place = Q(status="held", start_date__lte=today) | (
        Q(status="confirmed", last_day__lt=today) & ~Q(date_precision="tbc")
    )
    return anonymous_pages(
        event_model.objects.live().filter(
            took_place,
            locale=default_locale(),
            kind__in=("workshop", "training"),
            start_date__gte=period_start,
            start_date__lte=period_end,
        )
    )


def workshop_figures(period_start, period_end):
    """Workshops held in the period (the public count), officers trained at
    them, countries reached: two small queries."""
    participant_count = apps.get_model("gci_calendar", "ParticipantCount")
    events = list(held_in(period_start, period_end).values_list("pk", "country"))
    reached = {str(country) for _pk, country in events if country}
    officers = 0
    for country, number in participant_count.objects.filter(
        outcome__event__in=[pk for pk, _c in events]
    ).values_list("country", "number"):
        officers += number
        if country:
            reached.add(str(country))
    return {
        "workshops": len(events),
        "officers": officers,
        "countries": sorted(str(countries.name(code) or code) for code in reached),
    }


def submitted_reports(reporting_round):
    return list(
        ActivityReport.objects.filter(
            invitation__round=reporting_round, status=ReportStatus.SUBMITTED
        )
        .select_related("invitation__organisation")
        .prefetch_related(
            Prefetch("activities", queryset=ReportActivity.objects.select_related("event")),
            "materials",
        )
        .order_by("invitation__organisation__sort_order", "invitation__organisation__name")
    )


def contribution_lines(reporting_round):
    """Each invited organisation's in-kind contributions of the period's year,
    in the reporting currency (gci.home.contributions), what has no exchange
    rate kept apart in its own currency."""
    from gci.home.contributions.totals import totals_by_organisation

    rows = totals_by_organisation(
        year=reporting_round.period_start.year,
        organisations=reporting_round.organisations.all(),
        by_kind=False,
    )
    lines = []
    for row in rows:
        amounts = [f"{row.total:,.2f} {row.currency}"] if row.total else []
        amounts += [f"{amount:,.2f} {currency}" for currency, amount in row.unconverted_list]
        lines.append(f"{row.organisation.name}: {' + '.join(amounts)}")
    return lines


def summary_body(reporting_round, reports):
    body = []
    figures = workshop_figures(reporting_round.period_start, reporting_round.period_end)
    body.append(_heading(_("Workshops in the period")))
    body.append(
        _paragraph(
            _items(
                [
                    _("Workshops held: %(n)s") % {"n": figures["workshops"]},
                    _("Officers trained: %(n)s") % {"n": figures["officers"]},
                    _("Countries reached: %(n)s") % {"n": len(figures["countries"])}
                    + (
                        " (" + ", ".join(figures["countries"]) + ")" if figures["countries"] else ""
                    ),
                ]
            )
        )
    )
    contributions = contribution_lines(reporting_round)
    if contributions:
        body.append(
            _heading(
                _("In-kind contributions recorded for %(year)s")
                % {"year": reporting_round.period_start.year}
            )
        )
        body.append(_paragraph(_items(contributions)))
    nothing = [r.organisation for r in reports if r.nothing_to_report]
    for report in reports:
        if report.nothing_to_report:
            continue
        organisation = report.organisation
        body.append(_heading(organisation.name))
        activities = [
            f"{dates.format_date(a.date)} — {a.title}"
            + (f" ({a.event.title})" if a.event_id else "")
            for a in report.activities.all()
        ]
        if activities:
            body.append(_heading(_("Activities held"), "h3"))
            body.append(_paragraph(_items(activities)))
        materials = [m.title for m in report.materials.all()]
        if materials or report.materials_text:
            body.append(_heading(_("Materials produced"), "h3"))
            body.append(_paragraph(_items(materials) + _text(report.materials_text)))
        if report.planned:
            body.append(_heading(_("Planned activities"), "h3"))
            body.append(_paragraph(_text(report.planned)))
        if report.contributions:
            body.append(_heading(_("Contributions"), "h3"))
            body.append(_paragraph(_text(report.contributions)))
    if nothing:
        body.append(_heading(_("Nothing to report")))
        body.append(_paragraph(_items([o.name for o in nothing])))
    return body


def _add_draft(parent, page, user):
    base = slugify(page.title)[:60] or "report"
    slug, n = base, 1
    while Page.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1, slug=slug
    ).exists():
        n += 1
        slug = f"{base}-{n}"
    page.slug = slug
    page.live = False
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def parent_for(audience):
    """The Partners area (Partners only) or the home page (public), in the
    default language."""
    model = "PartnersAreaPage" if audience == SummaryAudience.PARTNERS else "HomePage"
    return apps.get_model("home", model).objects.get(locale=default_locale())


def compile_summary(reporting_round, audience, user):
    """A draft ``MidYearSummaryPage`` built from the round's sent reports."""
    reports = submitted_reports(reporting_round)
    page = MidYearSummaryPage(
        title=_("Mid-year summary: %(period)s") % {"period": reporting_round.title},
        intro=_("What the Partner organisations reported for %(period)s.")
        % {"period": reporting_round.title},
        body=summary_body(reporting_round, reports),
        reporting_round=reporting_round,
        locale=default_locale(),
    )
    page.source_reports = reports
    _add_draft(parent_for(audience), page, user)
    reporting_round.record(ReportingAction.COMPILED, user=user, note=page.title)
    return page


def meeting_body(event):
    body = []
    outcome = (
        apps.get_model("gci_calendar", "WorkshopOutcome")
        .objects.filter(event=event)
        .prefetch_related("counts")
        .first()
    )
    organisers = [o.name for o in event.organisers.all()]
    participants = []
    if outcome is not None:
        participants = [
            f"{c.get_agency_display()}{' – ' + str(c.country.name) if c.country else ''}: "
            f"{c.number}"
            for c in outcome.counts.all()
        ]
    body.append(_heading(_("Participants")))
    body.append(
        _paragraph(
            _items(organisers + participants)
            or format_html("<p>{}</p>", _("List the organisations and people present."))
        )
    )
    body.append(_heading(_("Agenda")))
    body.append(_paragraph(event.agenda or format_html("<p>{}</p>", _("No agenda recorded."))))
    documents = [link.label for link in event.links.all()]
    if documents:
        body.append(_heading(_("Documents")))
        body.append(_paragraph(_items(documents)))
    body.append(_heading(_("Decisions")))
    body.append(
        _paragraph(
            event.outcome_report
            or format_html("<p>{}</p>", _("Record the decisions of the meeting here."))
        )
    )
    points = list(event.action_points.prefetch_related("owners").order_by("due_date", "pk"))
    body.append(_heading(_("Action points")))
    body.append(
        _paragraph(
            _items(
                [
                    f"{p.text} — "
                    + ", ".join(
                        ([str(_("Secretariat"))] if p.secretariat_owner else [])
                        + [o.acronym or o.name for o in p.owners.all()]
                    )
                    + f" ({dates.format_date(p.due_date)})"
                    for p in points
                ]
            )
            or format_html("<p>{}</p>", _("No action points recorded."))
        )
    )
    return body


def compile_meeting_report(event, user):
    """A draft ``MeetingReportPage`` in the Partners area, built from the meeting."""
    source = (
        event.get_translation(default_locale()) if event.locale_id != default_locale().pk else event
    )
    page = MeetingReportPage(
        title=_("Report of the meeting: %(title)s") % {"title": source.title},
        intro=source.summary,
        body=meeting_body(source),
        meeting=source,
        locale=default_locale(),
    )
    return _add_draft(parent_for(SummaryAudience.PARTNERS), page, user)
