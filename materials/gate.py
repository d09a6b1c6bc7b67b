"""The review gate: a translated Guide page goes live only once a complete
review round covers its text, English and translated.

A round, when it completes, keeps a fingerprint of each page's translatable
strings (English and translation); the gate compares them with the page as
it is. The Guide's page models call ``gate_reason`` (``ReviewGatedMixin``),
so this module imports none of them: it reaches the rounds through the
Guide (``guide.review_rounds``).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from gci.site.memo import default_locale

if TYPE_CHECKING:
    from wagtail.models import Locale

    from .models import GuidePage, ReviewRound


def fingerprint(instance: Page | None) -> str | None:
    """A digest of the translatable strings of a page, in order, by path."""
    if instance is None:
        return None
    digest = hashlib.sha256()
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            # The text, and the attributes localize strips from it (link targets).
            value = [segment.string.data, segment.attrs]
        elif isinstance(segment, OverridableSegmentValue):
            value = segment.data  # e.g. an image or a URL the translation may change
        elif isinstance(segment, RelatedObjectSegmentValue):
            value = [str(segment.content_type), str(segment.translation_key)]
        else:
            continue
        digest.update(json.dumps([segment.path, value], sort_keys=True, default=str).encode())
        digest.update(b"\x01")
    return digest.hexdigest()


def english_original(page: Page) -> Page | None:
    """The English page a Guide page translates (the page itself in English)."""
    default = default_locale()
    if page.locale_id == default.pk:
        return page.specific
    original = Page.objects.filter(translation_key=page.translation_key, locale=default).first()
    return original.specific if original else None


def reviewed_translation(english_page: Page, locale: Locale) -> Page | None:
    """The translation as reviewers see it: wagtail-localize's current strings
    applied to the source (English where not translated yet), else the
    translated page's latest draft. None when there is no translation."""
    translated = (
        Page.objects.filter(translation_key=english_page.translation_key, locale=locale)
        .exclude(alias_of__isnull=False)
        .first()
    )
    if translated is None:
        return None
    source = TranslationSource.objects.get_for_instance_or_none(english_page)
    if source is not None and source.translations.filter(target_locale=locale, enabled=True):
        return source.get_ephemeral_translated_instance(locale, fallback=True)
    return translated.specific.get_latest_revision_as_object()


def current_round(guide: GuidePage, locale: Locale) -> ReviewRound | None:
    """The newest round of the Guide in a language (older ones are history)."""
    return guide.review_rounds.filter(locale=locale).select_related("locale").first()


def gate_reason(page: Page) -> str | None:
    """Why a translated Guide page may not go live now, or None if it may."""
    language = get_language_info(page.locale.language_code)["name_translated"]
    english = english_original(page)
    if english is None:
        return _("This page has no English original.")
    guide = english.review_guide()
    review_round = current_round(guide, page.locale)
    if review_round is None:
        return _("No review round has been opened for %(language)s yet.") % {"language": language}
    if not review_round.is_complete:
        return _(
            "The %(language)s review round is not complete: every invited organisation "
            "must approve or decline, and every change request must be resolved."
        ) % {"language": language}
    stored = review_round.fingerprints.get(str(english.pk))
    if stored is None:
        return _(
            "This page was added after the %(language)s review round was completed: "
            "it needs a new round."
        ) % {"language": language}
    if fingerprint(english) != stored["source"]:
        return _(
            "The English text changed after the %(language)s review round was completed: "
            "the translation needs review again."
        ) % {"language": language}
    if fingerprint(page) != stored["translation"]:
        return _(
            "The %(language)s text changed after its review round was completed: "
            "open a new round to have the changes reviewed."
        ) % {"language": language}
    return None


def needs_review_again(review_round: ReviewRound, english_page: Page) -> bool:
    """True when a completed round no longer covers the English page's text."""
    stored = review_round.fingerprints.get(str(english_page.pk))
    return review_round.is_complete and (
        stored is None or stored["source"] != fingerprint(english_page)
    )
