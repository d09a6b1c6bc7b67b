"""Template helpers of the partnership's pages."""

from django import template

from gci.home.visibility import collection_visible_to

register = template.Library()


@register.filter
def document_visible_to(document, request):
    """True when the document's collection lets this request read it.

    A public page must not even name a restricted document.
    """
    if document is None:
        return False
    return collection_visible_to(document.collection, request)
