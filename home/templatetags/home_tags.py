"""Template helpers of the partnership's pages."""

from django import template
from wagtail.models import CollectionViewRestriction

register = template.Library()


@register.filter
def document_visible_to(document, request):
    """True when the document's collection lets this request read it.

    A public page must not even name a restricted document.
    """
    if document is None:
        return False
    collections = document.collection.get_ancestors(inclusive=True)
    for restriction in CollectionViewRestriction.objects.filter(collection__in=collections):
        if request is None or not restriction.accept_request(request):
            return False
    return True
