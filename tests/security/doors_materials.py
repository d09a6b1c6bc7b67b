"""Doors of materials/: the suitcase's listing and search, case studies, the
Guide and its review pages."""

from urllib.parse import quote

from .leaks import OTHER_ORGANISATION, door


@door("the Guide, case studies, and for Partners the suitcase and the review", follow=True)
def materials_pages(crawl):
    for language in crawl.languages:
        yield f"/{language}/green-customs-guide/"
        yield f"/{language}/case-studies/"
        if crawl.visitor == OTHER_ORGANISATION:
            yield f"/{language}/partners-area/guide-review/"
            yield f"/{language}/partners-area/gci-suitcase/"


@door("suitcase search and filters")
def suitcase_search(crawl):
    for language in crawl.languages:
        for canary in crawl.watched:
            yield f"/{language}/partners-area/gci-suitcase/?q={quote(canary.token)}"
        yield f"/{language}/partners-area/gci-suitcase/?sort=newest"
        yield f"/{language}/partners-area/gci-suitcase/my-submissions/"
