"""Doors of contributions and funding: the Partners' contributions pages,
the public totals and their CSV, and the workplan (where the Secretariat
alone sees the funding)."""

from gci.calendar.models import Workplan
from gci.home.contributions.forms import ContributionForm
from gci.home.contributions.models import InKindContribution

from .leaks import door

# The fields of the Partners' contribution form (test_bad_input posts anything in them).
CONTRIBUTION_FIELDS = ["version", *ContributionForm.Meta.fields]


@door("in-kind contributions of the Partners area", follow=True)
def contributions(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/contributions/"
    yield "/en/planning/contributions/new/"
    for pk in InKindContribution.objects.values_list("pk", flat=True)[:50]:
        yield f"/en/planning/contributions/{pk}/"


@door("public contribution totals", follow=True)
def public_totals(crawl):
    for language in crawl.languages:
        yield f"/{language}/contributions/"
    yield "/en/contributions/totals.csv"


@door("workplan and its funding", follow=False)
def workplan_funding(crawl):
    for year in Workplan.objects.values_list("year", flat=True):
        for language in ("en", "fr"):
            yield f"/{language}/planning/workplan/{year}/"
