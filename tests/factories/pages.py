"""Page factories (wagtail-factories): ``StandardPageFactory(parent=…)`` adds
the page under its parent in the tree, in the parent's locale.

The sections they go under are found by their page type and place in the
tree, never by the demo's slugs: ``home_page()``, ``partners_area()``.
"""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from gci.calendar.models import EventPage
from gci.home.models import HomePage, PartnersAreaPage, StandardPage


def home_page(language="en"):
    return HomePage.objects.get(locale__language_code=language)


def partners_area(language="en"):
    return PartnersAreaPage.objects.get(locale__language_code=language)


class StandardPageFactory(wagtail_factories.PageFactory):
    """A public page of text; pass ``parent`` (a home page, a standard page
    or a Partners area)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."


class EventPageFactory(wagtail_factories.PageFactory):
    """An event; pass ``parent``: an events index (public or the Partners'
    planning calendar). ``live=False`` leaves it a draft; ``translations=True``
    publishes a translation in every other locale, titled ``"<title> [<code>]"``."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True  # publish() saved it: a second save would undo that

    title = factory.Sequence(lambda n: f"Event {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and obj.live:
            obj.save_revision().publish()

    @factory.post_generation
    def translations(obj, create, extracted, **kwargs):
        if not (create and extracted):
            return
        for locale in Locale.objects.exclude(pk=obj.locale_id):
            copy = obj.copy_for_translation(locale)
            copy.title = f"{obj.title} [{locale.language_code}]"
            copy.save_revision().publish()
