"""The Green Customs Guide: a book page and its chapters, in every language.

English is the source; the other languages are wagtail-localize
translations, which keep the English blocks (same ids, types and order), so
a translation's layout follows the original.

A translated page goes live only when its language's review round is
complete (see `gci.materials.review`). Wagtail workflows are advisory and no
single hook sees every way a page gets published, so the gate sits where
every path ends: the page's own `save()`, which refuses to make a
translation live (or replace its live revision) while the gate is closed.
`publish()` and `permissions_for_user()` add friendlier behaviour on top.
"""

import logging

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from gci.home.choices import Treaty
from gci.site.languages import language_name, not_available_url, readable_translations_of_many
from gci.site.memo import default_locale

from ..blocks import GuideStreamBlock
from ..forms.guide import GuidePageForm
from ..gate import gate_reason
from .courses import CourseCatalogPage, courses_on_treaties
from .guide_pdf import GuidePdf
from .review import ReviewRound

logger = logging.getLogger(__name__)

# Fields of the page row that hold what a visitor reads. A save of a live
# translation that is not a publish must leave them as they are.
PAGE_CONTENT_FIELDS = {"title", "slug", "url_path", "seo_title", "search_description"}
TREE_FIELDS = {"path", "depth", "numchild"}


class TranslationNotReviewed(Exception):
    """A translated Guide page may not go live yet; the message says why."""


class ReviewGatedPermissionTester(PagePermissionTester):
    """Hides Publish (editor, bulk actions, admin API) while the gate is closed,
    for superusers too."""

    def can_publish(self):
        return super().can_publish() and self.page.review_gate_reason() is None


class ReviewGatedMixin:
    """A translated Guide page goes live only once its round is complete."""

    def is_translation(self):
        if self.locale_id is None:  # a new page takes its parent's language
            self.locale = self.get_default_locale()
        return self.locale_id != default_locale().pk

    def review_gate_reason(self, instance=None):
        """None when this page may go live; otherwise why not (translated text)."""
        if not self.is_translation():
            return None
        return gate_reason(instance or self)

    def permissions_for_user(self, user):
        return ReviewGatedPermissionTester(user, self)

    def translation_state(self, language_code):
        """What a visitor is told about this page's translation into a
        language that has no live version of it (``gci.site.languages``):
        "In review" while a translation exists and that language's review
        round is open, else ``None``."""
        drafts = Page.objects.filter(
            translation_key=self.translation_key, locale__language_code=language_code
        )
        in_review = ReviewRound.objects.filter(
            guide__translation_key=self.review_guide().translation_key,
            locale__language_code=language_code,
            completed_at__isnull=True,
        )
        return _("In review") if drafts.exists() and in_review.exists() else None

    def publish(self, revision, user=None, **kwargs):
        if self.is_translation():
            reason = self.review_gate_reason(revision.as_object())
            if reason is not None:
                go_live_at = revision.approved_go_live_at
                if user is None and go_live_at is not None and go_live_at <= timezone.now():
                    # The scheduled-publishing command: keep the schedule, skip,
                    # and let the rest of its run go on.
                    logger.warning("Scheduled publishing of %s skipped: %s", self.pk, reason)
                    return None
                raise TranslationNotReviewed(reason)
        return super().publish(revision, user=user, **kwargs)

    def save(self, *args, **kwargs):
        if self.locale_id is None:  # a new page takes its parent's language
            self.locale = self.get_default_locale()
        if self.live and self.path and self._language_differs_from_parent():
            # E.g. an English chapter copied into the French Guide would show
            # English, unreviewed, under /fr/.
            raise TranslationNotReviewed(
                _("A Guide page must be in the language of the Guide it belongs to.")
            )
        if self.is_translation():
            self._guard_translation_save(kwargs)
        return super().save(*args, **kwargs)

    def _language_differs_from_parent(self):
        if self.depth is None or self.depth <= 2:
            return False
        parent_locale = (
            Page.objects.filter(path=self.path[: -self.steplen])
            .values_list("locale_id", flat=True)
            .first()
        )
        return parent_locale is not None and parent_locale != self.locale_id

    def _guard_translation_save(self, kwargs):
        stored = (
            Page.objects.filter(pk=self.pk)
            .values("live", "live_revision_id", "path", "depth", "numchild")
            .first()
            if self.pk
            else None
        )
        was_live = bool(stored and stored["live"])
        if self.alias_of_id and self.live:
            # An alias shows the English text under another language's prefix:
            # a Guide page in another language is a reviewed translation or nothing.
            self.live = False
            self.has_unpublished_changes = True
            return
        if stored:
            # Never write a stale position in the tree (wagtail-localize #773).
            self.path, self.depth, self.numchild = (
                stored["path"],
                stored["depth"],
                stored["numchild"],
            )
        going_live = self.live and (
            not was_live or stored["live_revision_id"] != self.live_revision_id
        )
        if going_live:
            reason = self.review_gate_reason()
            if reason is not None:
                raise TranslationNotReviewed(reason)
        elif was_live and kwargs.get("update_fields") is None:
            # A draft of a live translation (wagtail-localize saves the whole
            # row): keep what the public reads until the draft is published.
            content = PAGE_CONTENT_FIELDS | {
                field.name
                for field in type(self)._meta.concrete_fields
                if field.model is type(self)
            }
            kwargs["update_fields"] = [
                field.name
                for field in type(self)._meta.concrete_fields
                if not field.primary_key
                and field.name not in content
                and field.name not in TREE_FIELDS
                and field.model is Page
            ]


class GuidePage(ReviewGatedMixin, Page):
    """The Green Customs Guide: introduction, table of contents, download."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.GuideChapterPage"]
    max_count_per_parent = 1
    base_form_class = GuidePageForm

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What the Guide is for and who it serves.")
    )
    download = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("download of the whole Guide"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A PDF of the whole Guide in this language, from a public collection."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("download")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("Guide")

    def chapters(self):
        return GuideChapterPage.objects.child_of(self).live().order_by("number", "path")

    def review_guide(self):
        """The Guide whose review rounds cover this page: itself."""
        return self

    def printed(self):
        """This Guide's PDF, if one was built (``gci.materials.guide_pdf``):
        a page only reads it, it never builds one."""
        return GuidePdf.objects.filter(guide=self).select_related("document__collection").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide_pdf"] = self.printed()
        context["chapters"] = chapters = list(self.chapters())
        context["contents"] = self.contents(request, chapters)
        return context

    def contents(self, request, chapters):
        """The table of contents in this language: its live chapters and, in
        their place, the source's chapters not yet live here, each leading to
        the page that names the languages it can be read in."""
        entries = [{"number": c.number, "chapter": c} for c in chapters]
        source = self.get_translations().filter(locale=default_locale()).first()
        if source is None or source.locale_id == self.locale_id:
            return entries
        here = {c.translation_key for c in chapters}
        missing = [c for c in source.specific.chapters() if c.translation_key not in here]
        for chapter, available in zip(
            missing, readable_translations_of_many(request, missing), strict=True
        ):
            if not available:
                continue
            code, first = next(iter(available.items()))
            entries.append(
                {
                    "number": chapter.number,
                    "missing": True,
                    "title": first.title,
                    "title_language": code,
                    "url": not_available_url(chapter, self.locale.language_code),
                    "languages": [(c, language_name(c)) for c in available],
                }
            )
        return sorted(entries, key=lambda entry: entry["number"])


class GuideChapterPage(ReviewGatedMixin, Page):
    """A chapter of the Guide. Its headings are numbered sections (2.1, 2.1.1)."""

    parent_page_types = ["materials.GuidePage"]
    subpage_types = []

    number = models.PositiveSmallIntegerField(
        _("chapter number"), help_text=_("Chapters are listed and numbered in this order.")
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(GuideStreamBlock(), verbose_name=_("text"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    api_fields = [APIField("number"), APIField("summary"), APIField("body")]

    class Meta:
        verbose_name = _("Guide chapter")
        ordering = ["number"]

    def review_guide(self):
        """The Guide whose review rounds cover this chapter: its parent."""
        return self.get_parent().specific

    @cached_property
    def sections(self):
        """Numbered headings: [(block id, "2.1", text, level)]."""
        numbers, section, subsection = [], 0, 0
        for block in self.body:
            if block.block_type != "heading":
                continue
            if block.value["level"] == "h3":
                subsection += 1
                label = f"{self.number}.{max(section, 1)}.{subsection}"
            else:
                section, subsection = section + 1, 0
                label = f"{self.number}.{section}"
            numbers.append((block.id, label, block.value["text"], block.value["level"]))
        return numbers

    @cached_property
    def section_numbers(self):
        return {block_id: label for block_id, label, _text, _level in self.sections}

    def treaties(self):
        """The treaties the chapter refers to (its treaty blocks), in order."""
        found = []
        for block in self.body:
            if block.block_type == "treaty" and block.value["treaty"] not in found:
                found.append(block.value["treaty"])
        return found

    def numbered_blocks(self):
        """The body's blocks with their section number (None for non-headings)."""
        return [(block, self.section_numbers.get(block.id)) for block in self.body]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        siblings = list(
            GuideChapterPage.objects.child_of(parent)
            .live()
            .order_by("number", "path")
            .only("id", "title", "number", "url_path", "path", "depth", "locale_id")
        )
        index_of = next((i for i, page in enumerate(siblings) if page.pk == self.pk), None)
        context["guide"] = guide = parent.specific
        context["guide_pdf"] = guide.printed()
        context["chapters"] = siblings
        # "E-learning courses on this treaty": one query, whatever their number.
        treaties = self.treaties()
        context["courses"] = courses = courses_on_treaties(treaties)
        if courses:
            catalogue = CourseCatalogPage.for_active_locale()
            context["course_catalogue"] = catalogue
            context["course_treaties"] = [
                (label, f"{catalogue.url}?treaty={value}" if catalogue else None)
                for value, label in Treaty.choices
                if value in treaties
            ]
        if index_of is not None:
            context["previous_chapter"] = siblings[index_of - 1] if index_of > 0 else None
            context["next_chapter"] = (
                siblings[index_of + 1] if index_of + 1 < len(siblings) else None
            )
        return context
