"""Doors of the workshop cycle: the Partners' own workshop requests."""

from gci.calendar.models import WorkshopRequest

from .leaks import OTHER_ORGANISATION, door


@door("workshop requests of the Partners area", follow=True)
def workshop_requests(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/workshop-requests/"
        if crawl.visitor == OTHER_ORGANISATION:
            yield f"/{language}/planning/workshop-requests/new/"
    for pk in WorkshopRequest.objects.values_list("pk", flat=True)[:50]:
        yield f"/en/planning/workshop-requests/{pk}/"
