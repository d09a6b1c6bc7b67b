"""Doors of the network: the training institutions page and its filters in
every language, the read API, site search and the sitemap (anonymous); the
Partners' roster of resource persons and each record (every visitor: a
person suggested only in one organisation's consultation is in no roster)."""

from urllib.parse import quote

from gci.home.models import ResourcePerson

from .leaks import ANONYMOUS, door


@door(
    "the training institutions page, its filters, the API, search and sitemap",
    follow=True,
    visitors=(ANONYMOUS,),
)
def institutions(crawl):
    for language in crawl.languages:
        yield f"/{language}/training-institutions/"
        yield f"/{language}/training-institutions/?region=africa"
        yield f"/{language}/training-institutions/?kind=rilo&curriculum=no"
    yield "/api/v2/pages/?type=home.InstitutionIndexPage&fields=*"
    yield "/sitemap.xml"
    for canary in crawl.watched:
        yield f"/en/search/?q={quote(canary.token)}"
        yield f"/api/v2/pages/?search={quote(canary.token)}"


@door("the Partners' roster of resource persons", follow=True)
def roster(crawl):
    for language in crawl.languages:
        yield f"/{language}/planning/resource-persons/"
        yield f"/{language}/planning/resource-persons/?treaty=cites"
    for pk in ResourcePerson.objects.order_by("-pk").values_list("pk", flat=True)[:50]:
        yield f"/en/planning/resource-persons/{pk}/"
