"""Site search helpers: safe queries and Chinese.

Wagtail's database backend hands the query to the database's full-text
engine, whose own syntax (quotes, operators, NUL) would raise on some input;
`clean_query` keeps words only. SQLite's and PostgreSQL's full-text engines
do not split Chinese into words, so a query in Chinese characters also
matches titles and introductions by substring.
"""

import re

from django.db.models import Q
from wagtail.models import get_page_models

MAX_QUERY_LENGTH = 200
_NOT_WORDS = re.compile(r"[^\w\s\-']+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def clean_query(query):
    query = _NOT_WORDS.sub(" ", (query or "")[:MAX_QUERY_LENGTH]).replace("'", " ")
    return " ".join(query.split())


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
    return pages.specific().search(query, operator="and")


def _intro_models(mixin):
    return [model for model in get_page_models() if issubclass(model, mixin)]
