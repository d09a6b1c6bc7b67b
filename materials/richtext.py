"""Rich-text document links that never name a restricted document to someone
who may not read it.

Wagtail's `document-link` renders `<a href="/documents/<id>/<file name>">`
for any document, so a public page linking to a Partners' paper would show
its file name to every visitor (the serve view refuses the file, but the name
is already out). Rich text is rendered without the request, so the page's
request is remembered for the duration of its serving (`before_serve_page`,
cleared when the request finishes); with no request known, the visitor is
treated as anonymous. A refused link keeps its text and loses its address.
"""

import contextlib
from contextvars import ContextVar

from django.core.signals import request_finished
from django.utils.html import escape
from wagtail.api.v2.utils import get_restricted_collection_ids
from wagtail.documents.rich_text import DocumentLinkHandler

current_request = ContextVar("gci_current_request", default=None)


def remember_request(request):
    current_request.set(request)


def _forget(**kwargs):
    current_request.set(None)


request_finished.connect(_forget, dispatch_uid="gci_materials_forget_request")


class _Anonymous:
    """Stands for a visitor we know nothing about."""

    def __init__(self):
        from django.contrib.auth.models import AnonymousUser

        self.user = AnonymousUser()
        self.session = {}


def refused_collection_ids(request):
    request = request or _Anonymous()
    cached = getattr(request, "_gci_refused_collections", None)
    if cached is None:
        cached = set(get_restricted_collection_ids(request))
        with contextlib.suppress(AttributeError):
            request._gci_refused_collections = cached
    return cached


class GuardedDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        refused = refused_collection_ids(current_request.get())
        return [
            f'<a href="{escape(doc.url)}">'
            if doc and doc.collection_id not in refused
            else '<a class="link--unavailable">'
            for doc in cls.get_many(attrs_list)
        ]
