"""Doors of the e-learning catalogue: its page and filters in every
language, the Guide's chapters that list courses, the API and site search."""

from urllib.parse import quote

from .leaks import ANONYMOUS, door


@door("the e-learning catalogue, its filters and the API", follow=True, visitors=(ANONYMOUS,))
def courses(crawl):
    for language in crawl.languages:
        yield f"/{language}/courses/"
        yield f"/{language}/courses/?treaty=cites"
        yield f"/{language}/courses/?provider=CITES&language=en"
    yield "/api/v2/pages/?type=materials.CourseCatalogPage&fields=*"
    for canary in crawl.watched:
        yield f"/en/search/?q={quote(canary.token)}"
        yield f"/api/v2/pages/?search={quote(canary.token)}"
