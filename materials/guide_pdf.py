"""The Guide in print: each published language of the Guide as one PDF.

A language's PDF holds its live Guide page and live chapters, in the order
the site lists them, with a cover (title, language, the date of the newest
published revision in it and, for a translation, when its review round was
completed), a table of contents with page numbers, and the headings numbered
as on the site. WeasyPrint lays it out with Debian's Noto fonts (Arabic
right to left, Chinese in Noto Sans CJK): ``make pdf-deps``.

The gate's rule holds here too: a translated page is printed only when a
completed review round of its language covers exactly its published text
(the translation fingerprint the round stored), and a translated Guide whose
own page is not so covered gets no PDF at all.

A PDF is built once per published revision, never while a visitor waits:
``build_all`` (``manage.py build_guide_pdfs`` and the schedule's
``guide-pdfs`` job) builds what is missing or stale, and a publish of a
Guide page queues ``build_for_guide`` to the task worker once its
transaction commits (``GCI_GUIDE_PDF_ON_PUBLISH``). The PDF is stored as a
Wagtail document in the public collection "Guide PDFs"; a new build replaces
the file of the same document, so its address stays the same.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import posixpath
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Revision

from gci.site.memo import default_locale
from gci.site.private_images import is_private_name

from .collections import guide_pdfs_collection
from .gate import english_original, fingerprint
from .models import GuideChapterPage, GuidePage, GuidePdf, ReviewRound

if TYPE_CHECKING:
    import datetime as dt

logger = logging.getLogger(__name__)

TEMPLATE = "materials/pdf/guide.html"
# Part of each PDF's source key: raise it when the templates change, and
# every PDF is built again at the next run.
LAYOUT_VERSION = "1"


@dataclass
class Edition:
    """What one language's PDF is made of."""

    guide: GuidePage
    chapters: list[GuideChapterPage]
    revision: Revision | None
    revision_date: dt.datetime
    reviewed_at: dt.datetime | None = None
    source_key: str = field(default="")


def filename(guide: GuidePage) -> str:
    return f"green-customs-guide-{guide.locale.language_code}.pdf"


def _reviewed_by(page, rounds: list[ReviewRound]) -> ReviewRound | None:
    """The completed round that covers the page's published text, if any."""
    english = english_original(page)
    if english is None:
        return None
    printed = fingerprint(page)
    for review_round in rounds:
        stored = review_round.fingerprints.get(str(english.pk))
        if stored and stored.get("translation") == printed:
            return review_round
    return None


def edition(guide: GuidePage) -> Edition | None:
    """The pages a language's PDF holds, or None when it gets no PDF: the
    Guide is not live, it is a translation no review round covers, or no
    chapter of it may be printed."""
    if not guide.live:
        return None
    chapters = list(guide.chapters())
    reviewed_at = None
    if guide.locale_id != default_locale().pk:
        english = english_original(guide)
        if english is None:
            return None
        rounds = list(
            ReviewRound.objects.filter(
                guide=english, locale_id=guide.locale_id, completed_at__isnull=False
            ).order_by("-completed_at")
        )
        guide_round = _reviewed_by(guide, rounds)
        if guide_round is None:
            return None
        covering = [guide_round]
        kept = []
        for chapter in chapters:
            chapter_round = _reviewed_by(chapter, rounds)
            if chapter_round is None:
                logger.warning("Guide PDF: %s left out, its text was not reviewed", chapter.pk)
                continue
            kept.append(chapter)
            covering.append(chapter_round)
        chapters = kept
        reviewed_at = max(r.completed_at for r in covering)
    if not chapters:
        return None
    pages = [guide, *chapters]
    revision_ids = [page.live_revision_id for page in pages]
    revision = (
        Revision.objects.filter(pk__in=[pk for pk in revision_ids if pk])
        .order_by("-pk")  # the newest: ids grow with each revision
        .first()
    )
    key = json.dumps([LAYOUT_VERSION, [[page.pk, page.live_revision_id] for page in pages]])
    return Edition(
        guide=guide,
        chapters=chapters,
        revision=revision,
        revision_date=revision.created_at if revision else guide.last_published_at,
        reviewed_at=reviewed_at,
        source_key=hashlib.sha256(key.encode()).hexdigest(),
    )


def render_html(book: Edition) -> str:
    """The book as one HTML document, in its language."""
    code = book.guide.locale.language_code
    info = get_language_info(code)
    with translation.override(code):
        return render_to_string(
            TEMPLATE,
            {
                "guide": book.guide,
                "chapters": book.chapters,
                "language_code": code,
                "language_name": info["name_local"],
                "direction": "rtl" if info["bidi"] else "ltr",
                "revision_date": book.revision_date,
                "reviewed_at": book.reviewed_at,
            },
        )


def fetch(url: str) -> dict:
    """WeasyPrint's url_fetcher: the public files under MEDIA_URL (a figure's
    rendition), read from storage; nothing else, and never over the network."""
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.MEDIA_URL):
        name = posixpath.normpath(path[len(settings.MEDIA_URL) :])
        if not name.startswith("..") and not is_private_name(name) and default_storage.exists(name):
            return {
                "file_obj": default_storage.open(name, "rb"),
                "mime_type": mimetypes.guess_type(name)[0],
            }
    raise ValueError(f"Not fetched for a Guide PDF: {url}")


def render_pdf(book: Edition) -> bytes:
    from weasyprint import HTML  # imported when used: it loads pango

    html = render_html(book)
    return HTML(string=html, base_url=book.guide.full_url or "", url_fetcher=fetch).write_pdf()


def store(book: Edition, pdf: bytes) -> GuidePdf:
    """Keep the PDF as the Guide's document, replacing the previous file of
    the same document. A build that another process finished first for the
    same revisions is dropped."""
    guide = book.guide
    with transaction.atomic():
        record = GuidePdf.objects.select_for_update().filter(guide=guide).first()
        if record is not None and record.source_key == book.source_key:
            return record
        if record is not None:
            document = record.document
            document.file.delete(save=False)
        else:
            document = get_document_model()(collection=guide_pdfs_collection())
            record = GuidePdf(guide=guide)
        document.title = (
            f"{guide.title} ({get_language_info(guide.locale.language_code)['name_local']})"
        )
        document.file.save(filename(guide), ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document._set_file_hash()
        document.save()
        record.document = document
        record.locale_id = guide.locale_id
        record.revision = book.revision
        record.revision_date = book.revision_date
        record.source_key = book.source_key
        record.built_at = timezone.now()
        record.save()
    return record


def remove(guide: GuidePage) -> bool:
    """Take away the PDF of a Guide that may no longer have one."""
    record = GuidePdf.objects.filter(guide=guide).select_related("document").first()
    if record is None:
        return False
    document = record.document
    document.file.delete(save=False)
    document.delete()  # and the record with it
    return True


BUILT, UP_TO_DATE, REMOVED, NONE = "built", "up to date", "removed", "none"


def build(guide: GuidePage, force: bool = False) -> str:
    """Build the Guide's PDF if it is missing or stale; what happened."""
    book = edition(guide)
    if book is None:
        return REMOVED if remove(guide) else NONE
    current = GuidePdf.objects.filter(guide=guide).values_list("source_key", flat=True).first()
    if current == book.source_key and not force:
        return UP_TO_DATE
    store(book, render_pdf(book))
    logger.info("Guide PDF built: %s", filename(guide))
    return BUILT


def build_all(language: str | None = None, force: bool = False) -> dict[str, str]:
    """Every language's Guide (or one): ``{language code: what happened}``."""
    guides = GuidePage.objects.select_related("locale").order_by("locale__language_code")
    if language:
        guides = guides.filter(locale__language_code=language)
    return {guide.locale.language_code: build(guide, force=force) for guide in guides}


@task()
def build_for_guide(guide_id: int) -> str:
    """The task a publish queues: one language's PDF."""
    guide = GuidePage.objects.filter(pk=guide_id).select_related("locale").first()
    return build(guide) if guide is not None else NONE


def guide_of(page) -> GuidePage | None:
    """The Guide a Guide page belongs to (itself for the Guide)."""
    page = page.specific
    if isinstance(page, GuidePage):
        return page
    if isinstance(page, GuideChapterPage):
        return GuidePage.objects.filter(pk=page.get_parent().pk).first()
    return None


def queue_build(sender, instance, **kwargs):
    """page_published / page_unpublished: build that language's PDF in the
    task worker once the publish has committed (never in the request)."""
    if not getattr(settings, "GCI_GUIDE_PDF_ON_PUBLISH", True):
        return
    guide = guide_of(instance)
    if guide is not None:
        # robust: a queue that cannot be reached must not fail the publish;
        # the schedule's `guide-pdfs` job builds it later.
        transaction.on_commit(partial(build_for_guide.enqueue, guide.pk), robust=True)
