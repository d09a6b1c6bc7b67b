"""Canaries of the news: a Partners-only news item (and its French
translation) in the Partners' news index."""

import datetime as dt

from wagtail.models import Locale

from gci.home.models import NewsIndexPage, NewsPage, PartnersAreaPage

from .leaks import Planted, canary


@canary("partners_news_item")
def partners_news_item(token, people):
    """An announcement of the Partners' news, in English and French."""
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    index = NewsIndexPage.objects.child_of(area).get()
    item = NewsPage(
        title=f"Partners announcement {token}",
        slug=token,
        date=dt.date(2009, 3, 1),
        news_type="announcement",
        intro=f"Intro {token}",
        body=[("paragraph", f"<p>Body {token}</p>")],
    )
    index.add_child(instance=item)
    item.organisations.set([people.owner_organisation])
    item.save_revision().publish()
    french = item.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = f"Annonce {token}"
    french.save_revision().publish()
    return Planted(
        urls=[item.url, french.url],
        strings=[item.title, french.title, f"Body {token}", f"Intro {token}"],
        api={"pages": [item.pk, french.pk]},
    )
