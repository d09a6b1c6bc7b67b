"""Demo Guide: English chapters, their translations through wagtail-localize,
and two review rounds — French in progress, Spanish complete and published.

The text is in `chapters/<language>/`, one Markdown file per chapter and
language (`00-guide.md` is the Guide's own title and introduction). Each file
has a front matter (title, summary; the English file also the slug) and a
body of blocks: `## heading`, paragraphs, and `::: note <kind>` or
`::: treaty <treaty>` … `:::` for the note and treaty blocks. A translation
has the same blocks in the same order as the English chapter; a language
may leave chapters out (the Russian and Arabic translations are partial on
purpose: their review is "underway"). Paragraphs are plain text, escaped
into the rich text.

Idempotent: what exists is left as it is.
"""

import datetime as dt
from html import unescape
from pathlib import Path

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

from gci.home.datafiles import read_markdown, read_yaml

from .. import review
from ..models import GuideChapterPage, GuidePage, ReviewIndexPage, ReviewRound

DATA = Path(__file__).parent
CHAPTERS = DATA / "chapters"
FENCE = ":::"


def _rich(text):
    return f"<p>{escape(text)}</p>"


def parse_blocks(body):
    """[(kind, value)] from a chapter's body; value is the text, or for a
    note or treaty block (its kind or treaty, its text)."""
    blocks, lines, fenced = [], [], None

    def flush():
        if lines:
            text = " ".join(lines)
            blocks.append(("paragraph", text) if fenced is None else (*fenced, text))
            lines.clear()

    for line in (raw.strip() for raw in body.splitlines()):
        if fenced is not None:
            if line == FENCE:
                flush()
                fenced = None
            elif line:
                lines.append(line)
        elif line.startswith(FENCE):
            flush()
            kind, _space, value = line[len(FENCE) :].strip().partition(" ")
            fenced = (kind, value)
        elif line.startswith("## "):
            flush()
            blocks.append(("heading", line[3:]))
        elif line:
            lines.append(line)
        else:
            flush()
    if fenced is not None:
        raise ValueError(f"a {fenced[0]} block is not closed with {FENCE}")
    flush()
    return blocks


def _read(path):
    front, body = read_markdown(path)
    return front, parse_blocks(body)


def _shape(blocks):
    """The blocks without their text: what a translation must keep."""
    return [(kind, *rest[:-1]) for kind, *rest in blocks]


def _chapter(source, languages):
    """One chapter in every language that has its file: {"slug", "title",
    "summary", "blocks": [(kind, value)]}, each text keyed by language; a
    block's value is {code: text}, a note's or treaty's {"kind" or "treaty",
    "text": {code: text}}."""
    front, blocks = _read(source)
    chapter = {"slug": front.get("slug"), "title": {}, "summary": {}, "blocks": []}
    for kind, *rest in blocks:
        if kind in ("heading", "paragraph"):
            value = {}
        else:  # a note's kind or a treaty, and the text
            value = {"kind" if kind == "note" else kind: rest[0], "text": {}}
        chapter["blocks"].append((kind, value))
    for code in languages:
        path = CHAPTERS / code / source.name
        if not path.exists():
            continue
        front, translated = _read(path)
        if _shape(translated) != _shape(blocks):
            raise ValueError(f"{path} does not have the blocks of {source}")
        chapter["title"][code] = front["title"]
        chapter["summary"][code] = front.get("summary", "")
        for (kind, value), (_kind, *rest) in zip(chapter["blocks"], translated, strict=True):
            (value["text"] if kind in ("note", "treaty") else value)[code] = rest[-1]
    return chapter


def guide_text():
    """The Guide: {"title", "intro", "chapters"}, from `00-guide.md` (the
    Guide's title, its introduction as the body) and the chapters' files."""
    english = sorted((CHAPTERS / "en").glob("*.md"))
    languages = ["en"]
    for folder in sorted(path for path in CHAPTERS.iterdir() if path.name != "en"):
        languages.append(folder.name)
        for path in folder.glob("*.md"):
            if not (CHAPTERS / "en" / path.name).exists():
                raise ValueError(f"{path} translates no English chapter")
    guide, *chapters = (_chapter(source, languages) for source in english)
    intro = {
        code: " ".join(value[code] for _kind, value in guide["blocks"]) for code in guide["title"]
    }
    return {"title": guide["title"], "intro": intro, "chapters": chapters}


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


def texts(guide=None):
    """English string → {language: translation}, from every string of the Guide."""
    guide = guide or guide_text()
    table = {}

    def add(texts):
        table[texts["en"]] = texts

    add(guide["title"])
    add(guide["intro"])
    for chapter in guide["chapters"]:
        add(chapter["title"])
        add(chapter["summary"])
        for kind, value in chapter["blocks"]:
            add(value["text"] if kind in ("note", "treaty") else value)
    return table


# Languages whose Guide is published with its first chapters only.
PARTIAL_PUBLISHED = ("zh-hans",)


def load(builder, home, area, organisations, clock=None):
    english = builder.locales["en"]
    text = guide_text()
    guide = GuidePage.objects.filter(locale=english).first()
    if guide is None:
        guide = GuidePage(
            title=text["title"]["en"],
            slug="green-customs-guide",
            intro=text["intro"]["en"],
            show_in_menus=True,
        )
        home.add_child(instance=guide)
        guide.save_revision().publish()
    for number, chapter in enumerate(text["chapters"], start=1):
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
    table = texts(text)
    for code, locale in builder.locales.items():
        if code != "en" and code in text["title"]:
            translate(pages, locale, table)
    # The languages whose first chapters only are translated and published (Chinese).
    partial = {
        code: {c["slug"] for c in text["chapters"] if code in c["title"]}
        for code in PARTIAL_PUBLISHED
    }
    rounds(guide, builder.locales, organisations, clock.today if clock else None, partial)


def review_index(builder, area):
    english = builder.locales["en"]
    texts = read_yaml(DATA / "pages.yaml")["guide-review"]
    index = ReviewIndexPage.objects.filter(locale=english).first()
    if index is None:
        index = ReviewIndexPage(
            title=texts["en"]["title"], slug="guide-review", intro=texts["en"]["intro"]
        )
        area.add_child(instance=index)
        index.save_revision().publish()
    for code, locale in builder.locales.items():
        if code == "en" or index.get_translation_or_none(locale) is not None:
            continue
        if area.get_translation_or_none(locale) is None:
            continue
        translation = index.copy_for_translation(locale)
        translation.title = texts.get(code, {}).get("title", translation.title)
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
            # Segments hold HTML; the table is keyed by plain text.
            translated = texts.get(unescape(segment.string.data), {}).get(code)
            if translated is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": escape(translated), "translation_type": "manual"},
            )
        translation.save_target(publish=False)


def rounds(guide, locales, organisations, today=None, partial=None):
    if ReviewRound.objects.filter(guide=guide).exists():
        return
    User = get_user_model()
    secretariat = User.objects.filter(email="secretariat@greencustoms.example").first()
    cites_user = User.objects.filter(email="cites.partner@greencustoms.example").first()
    wco_user = User.objects.filter(email="wco.partner@greencustoms.example").first()
    today = today or timezone.localdate()  # the demo's today (see DemoClock)
    chapters = review.guide_pages(guide)[1:]

    # Spanish: complete, then published.
    with transaction.atomic():
        by_org = _open_round(
            guide,
            locales["es"],
            today - dt.timedelta(days=20),
            [organisations[acronym] for acronym in ("CITES", "WCO", "SBC")],
            secretariat,
            "Please read the Spanish Guide before it goes to print.",
        )
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
        by_org = _open_round(
            guide,
            locales["fr"],
            today + dt.timedelta(days=30),
            [organisations[acronym] for acronym in ("CITES", "SBC", "WCO")],
            secretariat,
            "The French translation is ready for your review.",
        )
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

    # Chinese: the Guide's first chapters, reviewed and published; the others to follow.
    code = "zh-hans"
    if code in locales and (partial or {}).get(code):
        with transaction.atomic():
            by_org = _open_round(
                guide,
                locales[code],
                today - dt.timedelta(days=10),
                [organisations[acronym] for acronym in ("CITES", "WCO")],
                secretariat,
                "The first chapters of the Chinese Guide are ready for your review.",
            )
            review.act(by_org["CITES"], by_org["CITES"].version, cites_user, "approve")
            review.act(by_org["WCO"], by_org["WCO"].version, wco_user, "approve")
        publish_translations(guide, locales[code], only=partial[code])


def _open_round(guide, locale, due, organisations, secretariat, message):
    """A review round opened without mail; its assignments by acronym."""
    opened = review.open_round(
        guide, locale, due, organisations, secretariat, message=message, notify=False
    )
    return {a.organisation.acronym: a for a in opened.assignments.all()}


def publish_translations(guide, locale, only=None):
    """Publish the Guide first, then its chapters (wagtail-localize #773);
    with ``only``, the Guide and the chapters of those slugs."""
    for page in review.guide_pages(guide):
        if only is not None and page.pk != guide.pk and page.slug not in only:
            continue
        translated = page.get_translation_or_none(locale)
        if translated is None or translated.live:
            continue
        translated.specific.get_latest_revision().publish()
