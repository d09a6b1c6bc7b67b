"""Doors of the news: the public and the Partners' news indexes, their
filters and pages, and the news feeds of every language."""

from .leaks import OTHER_ORGANISATION, door


@door("news indexes, filters and feeds", follow=True)
def news(crawl):
    for language in crawl.languages:
        yield f"/{language}/news/"
        yield f"/{language}/news/?type=announcement"
        yield f"/{language}/news/?year=2009&page=1"
        yield f"/{language}/news/feed/rss/"
        yield f"/{language}/news/feed/atom/"
        yield f"/{language}/partners-area/partners-news/feed/rss/"
        if crawl.visitor == OTHER_ORGANISATION:
            yield f"/{language}/partners-area/partners-news/"
