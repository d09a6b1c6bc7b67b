"""What every request asks and editors rarely change, kept in each process.

Every page asks the same questions before it shows anything: which locale is
active, where the Partners areas are, which view restrictions exist, what
the main menu holds in this language, which organisations the partnership
has. Their answers change only when someone saves content, which is exactly
when the anonymous page cache's *generation* (``gci.site.page_cache``) is
bumped, in every process that shares the cache. So each process keeps the
answers here and drops them all as soon as the generation moves.

* ``memoised(key, compute)`` returns the stored answer or computes it.
  ``compute`` must return something that no caller changes afterwards
  (lists of model instances are fine; per-request decisions are not: the
  visitor's rights are applied by the caller to what is stored here).
* The generation is read once per request (``MemoMiddleware``) and on each
  call outside requests (management commands, the shell).
* A bump in this process drops the answers at once; answers are also
  dropped after ``MAX_AGE`` seconds, for changes made without signals (raw
  SQL, ``QuerySet.update``), and when more than ``MAX_ENTRIES`` are kept.
"""

import contextvars
import threading
import time

from django.conf import settings
from django.utils import translation

MAX_AGE = 60
MAX_ENTRIES = 5000

_request_generation = contextvars.ContextVar("gci_memo_generation", default=None)
_lock = threading.Lock()


class _Store:
    def __init__(self, generation):
        self.generation = generation
        self.born = time.monotonic()
        self.values = {}


_store = _Store(None)


def _generation():
    from .page_cache import current_generation

    generation = _request_generation.get()
    return generation if generation is not None else current_generation()


def memoised(key, compute):
    """The answer stored under ``key`` for the current generation, computed once."""
    global _store
    generation = _generation()
    store = _store
    if (
        store.generation != generation
        or time.monotonic() - store.born > MAX_AGE
        or len(store.values) >= MAX_ENTRIES
    ):
        with _lock:
            store = _store = _Store(generation)
    try:
        return store.values[key]
    except KeyError:
        value = store.values[key] = compute()
        return value


def forget():
    """Drop every answer (the generation was bumped in this process; tests)."""
    global _store
    with _lock:
        _store = _Store(None)
    _request_generation.set(None)


class MemoMiddleware:
    """Reads the generation once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .page_cache import current_generation

        token = _request_generation.set(current_generation())
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


# Locales: Wagtail's active_locale()/get_default() query every time.


def _locales():
    from wagtail.models import Locale

    return memoised(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_for(language_code):
    """The Locale of a content language (``None`` when it has none)."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locales().get(code)


def default_locale():
    """Like ``Locale.get_default()``, without a query."""
    from wagtail.models import Locale

    locale = locale_for(settings.LANGUAGE_CODE)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {settings.LANGUAGE_CODE!r}")
    return locale


def active_locale():
    """Like ``Locale.get_active()`` (the default locale when the active
    language has none), without a query."""
    return locale_for(translation.get_language() or settings.LANGUAGE_CODE) or default_locale()


def live_page_for_language(model):
    """The first live ``model`` page in the active language, else in the
    default one (the Partners area, the suitcase…), memoised; or ``None``."""
    active, default = active_locale(), default_locale()

    def find():
        for locale in (active, default):
            page = model.objects.live().filter(locale=locale).first()
            if page is not None:
                return page
        return None

    return memoised(("live-page", model._meta.label, active.pk), find)


def memoised_query(name, queryset, evaluate=list):
    """``evaluate(queryset)`` memoised under the query's SQL and parameters
    (they hold everything the answer depends on: language, filters, the
    subtrees a visitor may not see)."""
    from django.core.exceptions import EmptyResultSet

    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing: no query at all
        return evaluate(queryset)
    return memoised((name, sql, repr(params)), lambda: evaluate(queryset))
