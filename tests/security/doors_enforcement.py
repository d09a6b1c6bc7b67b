"""Doors of the enforcement records: the public enforcement news (listing,
filters, pages, every record's page by id, feeds) in every language, the
page's API, and the Partners' list and record pages."""

from gci.materials.models import EnforcementRecord

from .leaks import ANONYMOUS, OTHER_ORGANISATION, UNVERIFIED_SECRETARIAT, door


@door(
    "enforcement news, its filters, feeds and every record by id",
    follow=True,
    visitors=(ANONYMOUS, OTHER_ORGANISATION, UNVERIFIED_SECRETARIAT),
)
def enforcement(crawl):
    for language in crawl.languages:
        yield f"/{language}/enforcement/"
        yield f"/{language}/enforcement/?treaty=montreal"
        yield f"/{language}/enforcement/?treaty=cites&country=TH&year=2020"
        yield f"/{language}/enforcement/?kind=seizure&page=1"
        yield f"/{language}/enforcement/feed/rss/"
        yield f"/{language}/enforcement/feed/atom/"
    for pk in EnforcementRecord.objects.values_list("pk", flat=True):
        yield f"/en/enforcement/{pk}/"
        yield f"/ar/enforcement/{pk}/"
    yield "/api/v2/pages/?type=materials.EnforcementNewsPage&fields=*"


@door(
    "the Partners' enforcement records and every record by id",
    follow=True,
    visitors=(OTHER_ORGANISATION, UNVERIFIED_SECRETARIAT),
)
def partners_enforcement(crawl):
    for language in ("en", "fr"):
        yield f"/{language}/planning/enforcement/"
        yield f"/{language}/planning/enforcement/?page=1"
    for pk in EnforcementRecord.objects.values_list("pk", flat=True):
        yield f"/en/planning/enforcement/{pk}/"
