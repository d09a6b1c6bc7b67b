"""Canaries of activity reporting: an organisation's sent report (the owner's
organisation and the Secretariat alone), and a published Partners-only
mid-year summary and meeting report (never an anonymous visitor's)."""

import datetime as dt

from wagtail.models import Locale

from gci.home.reporting.compile import compile_meeting_report, compile_summary
from gci.home.reporting.models import ActivityReport, ReportingRound

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


def _round(title, people):
    """A round both demo organisations are invited to: the other one must
    not read the owner's report, whatever it reads of the round."""
    reporting_round = ReportingRound.objects.create(
        title=title,
        period_start=dt.date(2009, 1, 1),
        period_end=dt.date(2009, 6, 30),
        deadline=dt.date.today() + dt.timedelta(days=30),
    )
    reporting_round.organisations.set([people.owner_organisation, people.other_organisation])
    return reporting_round


@canary("activity_report", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def activity_report(token, people):
    """A sent report of the owner's organisation, with an activity."""
    reporting_round = _round("Canary period", people)
    ActivityReport.save_from(
        reporting_round.invitation_for(people.owner_organisation),
        version=0,
        user=people.owner,
        data={"planned": f"Planned {token}", "remarks": f"Remark {token}"},
        activities=[{"title": f"Activity {token}", "date": dt.date(2009, 3, 3), "event": None}],
        submit=True,
    )
    return Planted(
        urls=[
            f"/{language}/planning/reports/{reporting_round.pk}/" for language in ("en", "fr", "ar")
        ],
        strings=[f"Planned {token}", f"Remark {token}", f"Activity {token}"],
    )


def _publish_with_translation(page, token):
    page.title = f"{page.title} {token}"
    page.save_revision().publish()
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = f"Traduction {token}"
    french.save_revision().publish()
    return french


@canary("partners_mid_year_summary", hidden_from=(ANONYMOUS,))
def partners_mid_year_summary(token, people):
    """A published Partners-only summary (and its French translation)."""
    reporting_round = _round(f"Period {token}", people)
    page = compile_summary(reporting_round, "partners", people.secretariat)
    page.intro = f"Summary intro {token}"
    french = _publish_with_translation(page, token)
    return Planted(
        urls=[page.url, french.url],
        strings=[page.title, french.title, f"Summary intro {token}"],
        api={"pages": [page.pk, french.pk]},
    )


@canary("partners_meeting_report", hidden_from=(ANONYMOUS,))
def partners_meeting_report(token, people):
    """A published meeting report of a Partners' meeting (Partners only by default)."""
    from gci.calendar.models import EventPage

    meeting = (
        EventPage.objects.filter(kind="partners_meeting", locale__language_code="en").first()
        or EventPage.objects.filter(locale__language_code="en").first()
    )
    page = compile_meeting_report(meeting, people.secretariat)
    page.intro = f"Meeting report intro {token}"
    french = _publish_with_translation(page, token)
    return Planted(
        urls=[page.url, french.url],
        strings=[page.title, french.title, f"Meeting report intro {token}"],
        api={"pages": [page.pk, french.pk]},
    )
