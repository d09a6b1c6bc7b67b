"""Doors: every way content leaves the site (see leaks.py for how to add one)."""

from urllib.parse import quote

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from gci.calendar.models import EventIndexPage, EventPage

from .leaks import ANONYMOUS, OTHER_ORGANISATION, UNVERIFIED_SECRETARIAT, door

SIGNED_IN = (ANONYMOUS, OTHER_ORGANISATION, UNVERIFIED_SECRETARIAT)

API_KINDS = ("pages", "images", "documents")


@door("every link from every page, in every language", follow=True)
def linked_pages(crawl):
    yield "/"
    for language in crawl.languages:
        yield f"/{language}/"
        yield f"/{language}/events/past/"
        if crawl.visitor == OTHER_ORGANISATION:
            yield f"/{language}/partners-area/"
            yield f"/{language}/partners-area/planning-calendar/"
            yield f"/{language}/planning/proposals/"
            yield f"/{language}/planning/calendar-link/"
            yield f"/{language}/my-organisation/focal-points/"


@door("the canaries' own URLs", visitors=SIGNED_IN)
def canary_urls(crawl):
    for canary in crawl.canaries:
        yield from canary.planted.urls


@door("site search", visitors=SIGNED_IN)
def site_search(crawl):
    for language in crawl.languages:
        for canary in crawl.watched:
            yield f"/{language}/search/?q={quote(canary.token)}"
            for text in canary.planted.strings[:2]:
                yield f"/{language}/search/?q={quote(text)}"


@door("API listings and search", visitors=(ANONYMOUS,))  # the API ignores sessions
def api_listings(crawl):
    for kind in API_KINDS:
        for offset in range(0, 400, 100):
            yield f"/api/v2/{kind}/?limit=100&offset={offset}&fields=*"
        for canary in crawl.watched:
            yield f"/api/v2/{kind}/?search={quote(canary.token)}&fields=*"
    for language in crawl.languages:
        yield f"/api/v2/pages/?locale={language}&limit=100&fields=*"
    yield "/api/v2/pages/?type=gci_calendar.EventPage&limit=100&fields=*"


@door("API details by every id, and find", visitors=(ANONYMOUS,))
def api_details(crawl):
    models = {"pages": Page, "images": Image, "documents": Document}
    for kind, model in models.items():
        for pk in model.objects.values_list("pk", flat=True):
            yield f"/api/v2/{kind}/{pk}/?fields=*"
    for canary in crawl.canaries:
        for url in canary.planted.urls:
            yield f"/api/v2/pages/find/?html_path={quote(url)}"
        for kind, ids in canary.planted.api.items():
            for pk in ids:
                yield f"/api/v2/{kind}/{pk}/"


@door("sitemap and robots")
def sitemap(crawl):
    yield "/sitemap.xml"
    yield "/robots.txt"


@door("calendar feeds and every event's iCal")
def feeds(crawl):
    for language in crawl.languages:
        yield f"/{language}/events/feed/"
        yield f"/{language}/partners-area/planning-calendar/feed/"
    yield "/feeds/planning/not-a-token.ics"
    for event in EventPage.objects.all():
        if event.url:
            yield event.url + "ics/"


@door("document downloads by every id", visitors=SIGNED_IN)
def documents(crawl):
    for document in Document.objects.all():
        yield f"/documents/{document.pk}/{document.filename}"
        yield f"/media/{document.file.name}"


@door("image files and renditions")
def media(crawl):
    """Every image file by its own URL, its /media/ name, the guessable
    public paths, the checked /media/private/ door, and path spellings that
    try to slip past a check (``//``, ``./``, ``x/../``, ``%2e%2e``, backslashes)."""
    for image in Image.objects.all():
        names = [image.file.name, *(r.file.name for r in image.renditions.all())]
        yield image.file.url
        for rendition in image.renditions.all():
            yield rendition.url
        for name in names:
            folder, _, base = name.rpartition("/")
            yield f"/media/{name}"
            yield f"/media/images/{base}"
            yield f"/media/original_images/{base}"
            yield f"/media/private/{name.removeprefix('private/')}"
            yield f"/media/{folder}//{base}"
            yield f"/media/{folder}/./{base}"
            yield f"/media/x/../{folder}/{base}"
            yield f"/media/{folder}/x/%2e%2e/{base}"
            yield f"/media/{folder}\\{base}"
            yield f"/media/images/../{name}"


@door("every calendar's views and filters")
def calendar_views(crawl):
    for index in EventIndexPage.objects.all():
        for view in ("", "past/", "2009/", "2009/05/", "?kind=training", "?region=africa"):
            yield index.url + view


@door("every proposal's page, its edit form and its withdrawal", visitors=SIGNED_IN)
def proposals(crawl):
    for pk in EventPage.objects.filter(owner__isnull=False).values_list("pk", flat=True):
        for language in crawl.languages:
            for view in ("", "edit/", "withdraw/"):
                yield f"/{language}/planning/proposals/{pk}/{view}"


@door("'not yet available in this language' pages of every planted page", visitors=SIGNED_IN)
def not_available(crawl):
    """The language switcher's page for a language a page is not live in
    (gci.site.languages): it names the page's live translations, so it must
    name none of a page the visitor may not read, by id or by address."""
    for canary in crawl.canaries:
        for pk in canary.planted.api.get("pages", []):
            for language in crawl.languages:
                yield f"/{language}/not-available/{pk}/"
        for url in canary.planted.urls:
            for language in crawl.languages:
                prefix, _, rest = url.lstrip("/").partition("/")
                if prefix in crawl.languages and prefix != language:
                    yield f"/{language}/{rest}"
