"""Who receives a circulation, whether each of them may read what is
circulated, and where the item is in a reader's language."""

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from wagtail.models import Page

from gci.site.memo import active_locale

from ..models import Membership
from ..roles import display_name, group_names
from ..visibility import document_visible_to, visible_pages


def members(organisations=None, *, all_partners=False):
    """[(user, organisation)] of the active members of ``organisations`` (every
    organisation with ``all_partners``), one each, by address."""
    memberships = (
        Membership.objects.filter(user__is_active=True)
        .select_related("user", "organisation")
        .prefetch_related("user__groups")  # who may read what (``who_cannot_read``)
    )
    if not all_partners:
        memberships = memberships.filter(organisation__in=[org.pk for org in organisations or ()])
    return sorted(
        ((m.user, m.organisation) for m in memberships), key=lambda pair: pair[0].email.lower()
    )


def reader_request(user):
    """A request as ``user`` would make it: the site's one visibility rule
    (gci.home.visibility) then answers for them."""
    request = HttpRequest()
    request.user = user
    request.session = SessionBase()
    return request


def may_read(user, *, page=None, document=None):
    """Whether ``user`` may read the page (live, and not closed to them) or
    the document (its collection's restrictions)."""
    request = reader_request(user)
    if page is not None:
        return visible_pages(request).filter(pk=page.pk).exists()
    return document_visible_to(document, request)


def who_cannot_read(users, *, page=None, document=None):
    """The names of ``users`` who could not read the item. What a person may
    read depends on their groups alone (view restrictions, the Partners
    area): one check per set of groups, however many recipients."""
    answers = {}
    refused = []
    for user in users:
        key = (user.is_superuser, frozenset(group_names(user)))
        if key not in answers:
            answers[key] = may_read(user, page=page, document=document)
        if not answers[key]:
            refused.append(display_name(user))
    return refused


def item_url(circulation, request=None):
    """Where a recipient goes: the page in the active language when its
    translation is live, else the page as circulated; the document's URL."""
    if circulation.document_id:
        return circulation.document.url
    page = circulation.page
    translation = page.get_translation_or_none(active_locale())
    if translation is not None and translation.live:
        page = translation
    return page.specific_deferred.get_url(request)


def item_title(circulation):
    """The item's title in the active language where a live translation exists."""
    if not circulation.page_id:
        return circulation.item_title
    translation = circulation.page.get_translation_or_none(active_locale())
    if translation is not None and translation.live:
        return translation.title
    return circulation.page.title


def local_titles(circulations):
    """{circulation pk: its item's title in the active language} for many at
    once: one query for the pages' live translations (none when they are
    all in the active language already)."""
    locale = active_locale()
    pages = [c.page for c in circulations if c.page_id and c.page.locale_id != locale.pk]
    translated = {}
    if pages:
        translated = dict(
            Page.objects.live()
            .filter(locale=locale, translation_key__in=[p.translation_key for p in pages])
            .values_list("translation_key", "title")
        )
    return {
        c.pk: translated.get(c.page.translation_key, c.page.title) if c.page_id else c.item_title
        for c in circulations
    }
