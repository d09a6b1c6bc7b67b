"""Doors of circulation to Partners: the circulated links, the preference
page, the dashboard that lists circulations, and the admin's screens (no
admin access for a Partner)."""

from gci.home.circulation.models import Circulation

from .leaks import OTHER_ORGANISATION, door


@door("circulated links and the circulation preference")
def circulations(crawl):
    for language in crawl.languages:
        yield f"/{language}/circulated/preferences/"
        if crawl.visitor == OTHER_ORGANISATION:
            yield f"/{language}/partners-area/"
    for pk in Circulation.objects.values_list("pk", flat=True)[:50]:
        yield f"/en/circulated/{pk}/"
        yield f"/zh-hans/circulated/{pk}/"
        yield f"/admin/circulations/inspect/{pk}/"
    yield "/admin/circulations/"
    yield "/admin/circulations/new/"
