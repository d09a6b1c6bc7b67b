"""Doors of activity reporting: the Partners' reports pages (the list and
each round's report, in several languages)."""

from gci.home.reporting.models import ReportingRound

from .leaks import door


@door("activity reports of the Partners area", follow=True)
def activity_reports(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/reports/"
    for pk in ReportingRound.objects.values_list("pk", flat=True)[:50]:
        yield f"/en/planning/reports/{pk}/"


def round_for(organisation):
    """A reporting round ``organisation`` is invited to (for the bad-input tests)."""
    import datetime as dt

    reporting_round = ReportingRound.objects.for_organisation(organisation).first()
    if reporting_round is None:
        reporting_round = ReportingRound.objects.create(
            title="Bad input period",
            period_start=dt.date(2009, 1, 1),
            period_end=dt.date(2009, 6, 30),
            deadline=dt.date.today() + dt.timedelta(days=10),
        )
        reporting_round.organisations.set([organisation])
    return reporting_round


REPORT_FIELDS = [
    "version",
    "nothing_to_report",
    "materials",
    "materials_text",
    "planned",
    "contributions",
    "remarks",
    "submit",
    "activities-TOTAL_FORMS",
    "activities-INITIAL_FORMS",
    "activities-MAX_NUM_FORMS",
    "activities-0-title",
    "activities-0-date",
    "activities-0-event",
    "activities-0-DELETE",
]
