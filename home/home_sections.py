"""What the home page offers beside its own text: the Guide in the languages
it is published in, the focal-point directory, the public calendar with its
next events, a featured case study and the latest news.

The other apps' models are looked up by label (they import gci.home, not the
other way round). Every answer is memoised per language and day (see
gci.site.memo): publishing anything drops them, so the home page costs no
query for them once warm, however large the site grows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django_countries import countries

from gci.site.memo import active_locale, default_locale, memoised

from .visibility import anonymous_pages

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Locale, Page

NEXT_EVENTS = 3
LATEST_NEWS = 3


def _model(label: str) -> Any:
    return apps.get_model(label)


def _public_page(label: str, locale: Locale) -> Page | None:
    """The first public live page of a type in a language, else in the default one."""
    model = _model(label)
    for candidate in (locale, default_locale()):
        page = anonymous_pages(model.objects.filter(locale=candidate)).specific().first()
        if page is not None:
            return page
    return None


def guide_languages() -> list[dict[str, Any]]:
    """The Guide's live, public translations, in the order of the site's
    languages: ``{"code", "name" (in its own language), "page"}``."""

    def find():
        pages = anonymous_pages(_model("materials.GuidePage").objects.all()).select_related(
            "locale"
        )
        by_code = {page.locale.language_code: page for page in pages}
        return [
            {"code": code, "name": get_language_info(code)["name_local"], "page": by_code[code]}
            for code, _name in settings.LANGUAGES
            if code in by_code
        ]

    return memoised("home-guide-languages", find)


def next_events(locale: Locale, today) -> list[Page]:
    """The next public events in this language (else in the default one)."""
    event_model = _model("gci_calendar.EventPage")
    for candidate in (locale, default_locale()):
        events = list(
            anonymous_pages(event_model.objects.filter(locale=candidate))
            .filter(last_day__gte=today)
            .order_by("start_date", "start_time", "pk")
            .defer_streamfields()
            .prefetch_related("organisers")[:NEXT_EVENTS]
        )
        if events:
            return events
    return []


def featured_case_study(locale: Locale) -> Page | None:
    """The most recently published public case study."""
    model = _model("materials.CaseStudyPage")
    for candidate in (locale, default_locale()):
        page = (
            anonymous_pages(model.objects.filter(locale=candidate))
            .select_related("locale")
            .order_by("-first_published_at", "-pk")
            .first()
        )
        if page is not None:
            return page
    return None


def latest_news(locale: Locale) -> list[Page]:
    """The newest public news items in this language (none from another:
    news is read in the language it was written or translated in). One query."""
    news_model = _model("home.NewsPage")
    return list(
        anonymous_pages(news_model.objects.filter(locale=locale))
        .order_by("-date", "-pk")
        .defer_streamfields()[:LATEST_NEWS]
    )


def _other_language(page: Page | None, locale: Locale) -> dict[str, str] | None:
    if page is None or page.locale_id == locale.pk:
        return None
    code = page.locale.language_code
    return {"code": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}


def home_sections(request: HttpRequest) -> dict[str, Any]:
    locale = active_locale()
    today = timezone.localdate()

    def compute():
        languages = guide_languages()
        guide = next(
            (lang["page"] for lang in languages if lang["code"] == locale.language_code),
            languages[0]["page"] if languages else None,
        )
        case_study = featured_case_study(locale)
        return {
            "guide": guide,
            "guide_languages": languages,
            "focal_points": _public_page("focal_points.FocalPointDirectoryPage", locale),
            "calendar": _public_page("gci_calendar.EventIndexPage", locale),
            "next_events": next_events(locale, today),
            "case_study": case_study,
            # Shown in another language (not yet translated): marked so that
            # it is read and laid out in its own.
            "case_study_language": _other_language(case_study, locale),
            "partners_page": _public_page("home.PartnerIndexPage", locale),
            "case_studies": _public_page("materials.CaseStudyIndexPage", locale),
            "latest_news": latest_news(locale),
            "news_index": _public_page("home.NewsIndexPage", locale),
        }

    sections = dict(memoised(("home-sections", locale.pk, today), compute))
    sections["country_choices"] = sorted(countries, key=lambda c: str(c.name))
    return sections
