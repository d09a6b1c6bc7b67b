"""Demo Guide: English chapters, their translations through wagtail-localize,
and two review rounds — French in progress, Spanish complete and published.

Idempotent: what exists is left as it is.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import review
from .demo_guide_text import GUIDE
from .models import GuideChapterPage, GuidePage, ReviewIndexPage, ReviewRound

REVIEW_PAGE_TITLES = {
    "en": "Guide review",
    "fr": "Relecture du Guide",
    "es": "Revisión de la Guía",
    "ru": "Рецензирование Руководства",
    "ar": "مراجعة الدليل",
    "zh-hans": "指南审校",
}
REVIEW_PAGE_INTRO = (
    "The translations of the Green Customs Guide, put before the Partners before they are "
    "published: read each chapter beside the English, comment, and approve, request changes "
    "or decline."
)


def _rich(text):
    return f"<p>{escape(text)}</p>"


def _blocks(chapter):
    blocks = []
    for kind, value in chapter["blocks"]:
        if kind == "heading":
            blocks.append(("heading", {"text": value["en"], "level": "h2"}))
        elif kind == "paragraph":
            blocks.append(("paragraph", _rich(value["en"])))
        elif kind == "note":
            blocks.append(("note", {"kind": value["kind"], "text": _rich(value["text"]["en"])}))
        elif kind == "treaty":
            blocks.append(
                ("treaty", {"treaty": value["treaty"], "text": _rich(value["text"]["en"])})
            )
    return blocks


def _texts():
    """English string → {language: translation}, from every string of GUIDE."""
    table = {}

    def add(texts):
        table[texts["en"]] = texts

    add(GUIDE["title"])
    add(GUIDE["intro"])
    for chapter in GUIDE["chapters"]:
        add(chapter["title"])
        add(chapter["summary"])
        for kind, value in chapter["blocks"]:
            add(value["text"] if kind in ("note", "treaty") else value)
    return table


def load(builder, home, area, organisations):
    english = builder.locales["en"]
    guide = GuidePage.objects.filter(locale=english).first()
    if guide is None:
        guide = GuidePage(
            title=GUIDE["title"]["en"],
            slug="green-customs-guide",
            intro=GUIDE["intro"]["en"],
            show_in_menus=True,
        )
        home.add_child(instance=guide)
        guide.save_revision().publish()
    for number, chapter in enumerate(GUIDE["chapters"], start=1):
        if GuideChapterPage.objects.filter(locale=english, slug=chapter["slug"]).exists():
            continue
        page = GuideChapterPage(
            title=chapter["title"]["en"],
            slug=chapter["slug"],
            number=number,
            summary=chapter["summary"]["en"],
            body=_blocks(chapter),
        )
        guide.add_child(instance=page)
        page.save_revision().publish()
    review_index(builder, area)
    pages = review.guide_pages(guide)
    texts = _texts()
    for code in ("fr", "es", "ru", "ar"):
        translate(pages, builder.locales[code], texts)
    rounds(guide, builder.locales, organisations)


def review_index(builder, area):
    english = builder.locales["en"]
    index = ReviewIndexPage.objects.filter(locale=english).first()
    if index is None:
        index = ReviewIndexPage(
            title=REVIEW_PAGE_TITLES["en"], slug="guide-review", intro=REVIEW_PAGE_INTRO
        )
        area.add_child(instance=index)
        index.save_revision().publish()
    for code, locale in builder.locales.items():
        if code == "en" or index.get_translation_or_none(locale) is not None:
            continue
        if area.get_translation_or_none(locale) is None:
            continue
        translation = index.copy_for_translation(locale)
        translation.title = REVIEW_PAGE_TITLES.get(code, translation.title)
        translation.save_revision().publish()
    return index


def translate(pages, locale, texts):
    """Draft translations made the way the Secretariat makes them: strings
    entered in wagtail-localize, then "Save" (a draft, not published)."""
    code = locale.language_code
    for page in pages:
        if page.get_translation_or_none(locale) is not None:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            translated = texts.get(escape_back(segment.string.data), {}).get(code)
            if translated is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": escape(translated), "translation_type": "manual"},
            )
        translation.save_target(publish=False)


def escape_back(data):
    """Segments hold HTML; the demo table is keyed by plain text."""
    from html import unescape

    return unescape(data)


def rounds(guide, locales, organisations):
    if ReviewRound.objects.filter(guide=guide).exists():
        return
    User = get_user_model()
    secretariat = User.objects.filter(email="secretariat@greencustoms.example").first()
    cites_user = User.objects.filter(email="cites.partner@greencustoms.example").first()
    wco_user = User.objects.filter(email="wco.partner@greencustoms.example").first()
    today = timezone.localdate()
    chapters = review.guide_pages(guide)[1:]

    # Spanish: complete, then published.
    with transaction.atomic():
        spanish = review.open_round(
            guide,
            locales["es"],
            today - dt.timedelta(days=20),
            [organisations["CITES"], organisations["WCO"], organisations["SBC"]],
            secretariat,
            message="Please read the Spanish Guide before it goes to print.",
            notify=False,
        )
        by_org = {a.organisation.acronym: a for a in spanish.assignments.all()}
        review.act(by_org["CITES"], by_org["CITES"].version, cites_user, "approve")
        review.act(by_org["SBC"], by_org["SBC"].version, secretariat, "approve")
        wco = by_org["WCO"]
        first_block = chapters[0].body[1].id
        comment = review.add_comment(
            wco,
            wco_user,
            "Use the term used in the Spanish version of the Harmonized System here.",
            chapter=chapters[0],
            block_id=first_block,
        )
        wco.refresh_from_db()
        wco = review.act(
            wco, wco.version, wco_user, "request_changes", "Harmonise the customs terms."
        )
        review.add_comment(
            wco,
            secretariat,
            "Done: the translator aligned the terms with the Harmonized System.",
            chapter=chapters[0],
            block_id=first_block,
            parent=comment,
        )
        for open_comment in wco.open_change_requests():
            review.resolve(open_comment, secretariat)
        review.resolve(comment, secretariat)
        wco.refresh_from_db()
        review.act(wco, wco.version, wco_user, "approve")
    publish_translations(guide, locales["es"])

    # French: in progress — CITES approved, Basel declined, WCO commented.
    with transaction.atomic():
        french = review.open_round(
            guide,
            locales["fr"],
            today + dt.timedelta(days=30),
            [organisations["CITES"], organisations["SBC"], organisations["WCO"]],
            secretariat,
            message="The French translation is ready for your review.",
            notify=False,
        )
        by_org = {a.organisation.acronym: a for a in french.assignments.all()}
        review.act(by_org["CITES"], by_org["CITES"].version, cites_user, "approve")
        review.act(
            by_org["SBC"],
            by_org["SBC"].version,
            secretariat,
            "decline",
            "The Basel Secretariat told the Secretariat it has no French reviewer available.",
        )
        review.add_comment(
            by_org["WCO"],
            wco_user,
            "The French customs term for this procedure is different; please check.",
            chapter=chapters[1],
            block_id=chapters[1].body[1].id,
        )


def publish_translations(guide, locale):
    """Publish the Guide first, then its chapters (wagtail-localize #773)."""
    for page in review.guide_pages(guide):
        translated = page.get_translation_or_none(locale)
        if translated is None or translated.live:
            continue
        translated.specific.get_latest_revision().publish()
