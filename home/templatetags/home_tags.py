"""Template helpers of the partnership's pages."""

from django import template

register = template.Library()


@register.filter
def document_visible_to(document, request):
    """True when the document's collection lets this request read it.

    A public page must not even name a restricted document.
    """
    if document is None:
        return False
    # The collection's restrictions and its ancestors'.
    for restriction in document.collection.get_view_restrictions():
        if request is None or not restriction.accept_request(request):
            return False
    return True
