"""Site search: safe queries, words found by their beginning, results people trust.

Wagtail's database backend hands the query to the database's full-text
engine, whose own syntax (quotes, operators, NUL) would raise on some input;
`clean_query` keeps words only. Neither SQLite's FTS5 nor PostgreSQL's
``simple`` configuration stems words, so "waste" would miss "wastes": the
backend below (`SearchBackend`, named in ``WAGTAILSEARCH_BACKENDS``) matches
every word of a query by its beginning, in every language alike. SQLite's and
PostgreSQL's full-text engines do not split Chinese into words, so a query in
Chinese characters also matches titles and introductions by substring.

A result carries what a visitor needs to trust it (`describe`): its type, a
snippet of its text with the searched words marked, its language and a date
where it has one. The snippet is escaped before the marks are added, so no
HTML from a page or from the query reaches the results unescaped.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.models import get_page_models
from wagtail.search.query import And, PlainText

from gci.site.memo import locale_for

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 36
_NOT_WORDS = re.compile(r"[^\w\s\-']+", re.UNICODE)
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# What a visitor calls each kind of page (by model label, so this shared
# module imports no app); any other page is a "Page".
RESULT_TYPES = {
    "gci_calendar.eventpage": _("Event"),
    "gci_calendar.eventindexpage": _("Calendar"),
    "materials.guidepage": _("Guide"),
    "materials.guidechapterpage": _("Guide chapter"),
    "materials.casestudypage": _("Case study"),
    "materials.casestudyindexpage": _("Case studies"),
    "materials.suitcasepage": _("Materials"),
    "focal_points.focalpointdirectorypage": _("Focal points"),
    "focal_points.organisationfocalpointspage": _("Focal points"),
    "home.partnerindexpage": _("Partners"),
    "home.newspage": _("News"),
    "home.newsindexpage": _("News"),
}
# The fields a snippet is cut from, first found first.
SNIPPET_FIELDS = ("search_description", "intro", "summary", "body", "what_happened", "lessons")


def clean_query(query):
    """Words only: no operator, quote or NUL; a hyphen only inside a word
    (``--`` alone gives PostgreSQL's parser no lexeme and the backend fails)."""
    query = _NOT_WORDS.sub(" ", (query or "")[:MAX_QUERY_LENGTH]).replace("'", " ")
    terms = (term.strip("-") for term in query.split())
    return " ".join(term for term in terms if _WORD.search(term))


def has_cjk(query):
    return bool(_CJK.search(query))


def search_pages(pages, query):
    """Search a queryset of pages; returns a list-like of specific pages."""
    query = clean_query(query)
    if not query:
        return pages.none()
    if has_cjk(query):
        from gci.home.models import IntroBodyMixin

        condition = Q()
        for term in query.split():
            term_condition = Q(title__icontains=term) | Q(search_description__icontains=term)
            for model in _intro_models(IntroBodyMixin):
                term_condition |= Q(pk__in=model.objects.filter(intro__icontains=term).values("pk"))
            condition &= term_condition
        return pages.filter(condition).specific().order_by("path")
    # One term per PlainText: the backend matches each by its beginning.
    return pages.specific().search(And([PlainText(term) for term in query.split()]))


def _intro_models(mixin):
    return [model for model in get_page_models() if issubclass(model, mixin)]


class ChainedResults:
    """Two result lists read as one (the visitor's language first), for a
    Paginator: each is counted once and sliced only where a page needs it."""

    def __init__(self, *parts):
        self.parts = parts
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [part.count() for part in self.parts]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        found, offset = [], 0
        for part, size in zip(self.parts, self.counts(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                found.extend(part[low:high])
            offset += size
        return found


# -- What a result shows ------------------------------------------------------


def result_type(page):
    return RESULT_TYPES.get(page._meta.label_lower, _("Page"))


def locale_codes():
    """``{locale id: language code}`` of the site's languages, without a query."""
    locales = {code: locale_for(code) for code, _name in settings.LANGUAGES}
    return {locale.pk: code for code, locale in locales.items() if locale is not None}


def page_text(page):
    """The readable text of a page's own fields, tags removed."""
    texts = []
    for name in SNIPPET_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, StreamValue):
            value = " ".join(str(t) for t in value.stream_block.get_searchable_content(value))
        if value:
            texts.append(strip_tags(str(value)))
    return " ".join(" ".join(texts).split())


def _term_pattern(terms):
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return None
    # A word is found by its beginning (as the search found it) and marked whole.
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")\w*", re.IGNORECASE)


def highlight(text, terms):
    """``text`` escaped, with each word that begins with a searched one in <mark>.
    The text is cut at the matches first and every piece escaped, so a mark
    never lands inside an escaped character."""
    pattern = _term_pattern(terms)
    pieces, last = [], 0
    for match in pattern.finditer(text) if pattern else ():
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def snippet(text, terms, size=SNIPPET_WORDS):
    """About ``size`` words of ``text`` around the first searched word, highlighted."""
    words = text.split()
    if not words:
        return ""
    lowered = [t.lower() for t in terms if t]
    first = next((i for i, word in enumerate(words) if any(t in word.lower() for t in lowered)), 0)
    start = max(first - size // 3, 0)
    chosen = " ".join(words[start : start + size])
    if start > 0:
        chosen = "… " + chosen
    if start + size < len(words):
        chosen += " …"
    return highlight(chosen, terms)


def _text_in_its_language(page, code):
    """The page's text with the labels its blocks add (a treaty's name, a
    note's kind) in the page's language, not the reader's: an English snippet
    on an Arabic results page stays English throughout."""
    with translation.override(code or None):
        return page_text(page)


def describe(page, query):
    """What the results list shows for one page."""
    terms = clean_query(query).split()
    code = locale_codes().get(page.locale_id, "")
    return {
        "page": page,
        "type": result_type(page),
        "title": highlight(page.title, terms),
        "snippet": snippet(_text_in_its_language(page, code), terms),
        "language": dict(settings.LANGUAGES).get(code, ""),
        "language_code": code,
        "is_event": hasattr(page, "start_date") and hasattr(page, "last_date"),
        "date": getattr(page, "last_published_at", None),
    }


# -- The backend: every word matched by its beginning ---------------------------


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for this database, with prefix matching."""
    from wagtail.search.backends.database import SearchBackend as database_backend

    backend = database_backend(params)
    compiler = backend.query_compiler_class
    if not getattr(compiler, "LAST_TERM_IS_PREFIX", True):
        backend.query_compiler_class = type(
            f"Prefix{compiler.__name__}", (compiler,), {"LAST_TERM_IS_PREFIX": True}
        )
    return backend
