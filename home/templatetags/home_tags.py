"""Template helpers of the partnership's pages."""

from django import template

from gci.home.visibility import document_visible_to

register = template.Library()

# {% if document|document_visible_to:request %}: a public page must not even
# name a restricted document (the rule is gci.home.visibility's).
register.filter("document_visible_to", document_visible_to)
