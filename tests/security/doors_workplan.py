"""Doors of the workplan in the Partners area."""

from gci.calendar.models import Workplan

from .leaks import door


@door("the workplan of the Partners area", follow=True)
def workplan(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/workplan/"
    for year in Workplan.objects.values_list("year", flat=True)[:20]:
        yield f"/en/planning/workplan/{year}/"
