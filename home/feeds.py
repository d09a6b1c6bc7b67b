"""RSS and Atom feeds of the public news, one per language (Django's
syndication framework): ``/<lang>/news/feed/rss/`` and ``/<lang>/news/feed/atom/``,
the routes of each language's public ``NewsIndexPage``.

A feed holds only live items an anonymous visitor may read, in the index's
language, newest first. An index that an anonymous visitor may not read
(the Partners' news, inside the Partners area) has no feed at all, whoever
asks: a feed is made to be copied into readers and aggregators, which no
view restriction follows.
"""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .news import NewsIndexPage, NewsPage
from .visibility import anonymous_pages

FEED_ITEMS = getattr(settings, "GCI_NEWS_FEED_ITEMS", 30)


def public_news(index):
    """The items of a public index that a feed may hold (an empty list for
    an index an anonymous visitor may not read), newest first."""
    if not anonymous_pages(NewsIndexPage.objects.filter(pk=index.pk)).exists():
        return None
    items = anonymous_pages(NewsPage.objects.child_of(index).filter(locale_id=index.locale_id))
    return list(
        items.order_by("-date", "-pk")
        .defer_streamfields()
        .prefetch_related("organisations")[:FEED_ITEMS]
    )


class NewsFeed(Feed):
    """The public news of one language's index."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        items = public_news(index)
        if items is None:
            raise Http404
        index.feed_items = items
        return index

    def title(self, index):
        return _("%(title)s · Green Customs Initiative") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def description(self, index):
        return index.intro or _("News of the Green Customs Initiative")

    def items(self, index):
        return index.feed_items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"{item.translation_key}-{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.type_label] + [org.acronym for org in item.organisations.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


FEEDS = {"rss": NewsFeed, "atom": AtomNewsFeed}


@NewsIndexPage.views.register
def news_feed(request, index, kind):
    with translation.override(index.locale.language_code):
        response = FEEDS[kind]()(request, index=index)
    response["Content-Language"] = index.locale.language_code
    return response
