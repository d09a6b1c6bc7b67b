"""Keep a page's view restrictions identical in every language.

wagtail-localize copies a source page's restrictions to its translations only
when it translates or syncs them; until then a restricted English page would
have an open French twin. Whenever a restriction is saved, deleted, or its
groups change, every translation of the page gets the same restrictions, once
the transaction commits (Wagtail and wagtail-localize save a restriction
first and set its groups afterwards, so only the committed state is copied).

Two cases are deliberately not propagated:
- a restriction deleted because its page is being deleted: deleting the
  French Partners area must not open the English one;
- a "groups" restriction with no groups yet (what a copy holds before its
  groups are set): the complete restriction of a sibling is copied instead.
"""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, post_page_move

_state = threading.local()


def _is_incomplete(restriction):
    return (
        restriction.restriction_type == PageViewRestriction.GROUPS
        and not restriction.groups.exists()
    )


def _authoritative_page(page):
    """The page whose restrictions the others should copy: ``page`` itself,
    unless it holds only an incomplete (group-less) restriction and a
    translation holds a complete one."""
    own = list(PageViewRestriction.objects.filter(page=page))
    if own and all(_is_incomplete(r) for r in own):
        for sibling in Page.objects.filter(translation_key=page.translation_key).exclude(
            pk=page.pk
        ):
            theirs = list(PageViewRestriction.objects.filter(page=sibling))
            if theirs and not any(_is_incomplete(r) for r in theirs):
                return sibling
    return page


def sync_view_restrictions(page):
    """Make every translation of ``page`` carry exactly ``page``'s restrictions."""
    if getattr(_state, "syncing", False):
        return
    _state.syncing = True
    try:
        page = _authoritative_page(page)
        source = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
        with transaction.atomic():
            for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
                pk=page.pk
            ):
                PageViewRestriction.objects.filter(page=translation).delete()
                for restriction in source:
                    copy = PageViewRestriction.objects.create(
                        page=translation,
                        restriction_type=restriction.restriction_type,
                        password=restriction.password,
                    )
                    copy.groups.set(restriction.groups.all())
    finally:
        _state.syncing = False


def _sync_on_commit(page_id):
    def run():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            sync_view_restrictions(page)

    if not getattr(_state, "syncing", False):
        transaction.on_commit(run)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    _sync_on_commit(instance.page_id)


def _deleting_pages(origin):
    """True when a deletion started from a page (or a queryset of pages)."""
    model = getattr(origin, "model", type(origin))
    return isinstance(model, type) and issubclass(model, Page)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(sender, instance, origin=None, **kwargs):
    if _deleting_pages(origin):
        return  # the page itself is being deleted: its translations keep theirs
    _sync_on_commit(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A restriction's groups changed, from the restriction's side
    (`restriction.groups.add(group)`) or from the group's
    (`group.pageviewrestriction_set.add(restriction)`): sync each page concerned."""
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if not reverse:
        page_ids = [instance.page_id]
    elif action == "pre_clear":  # from the group's side the cleared rows are gone afterwards
        instance._gci_cleared_pages = list(
            instance.pageviewrestriction_set.values_list("page_id", flat=True)
        )
        return
    elif action == "post_clear":
        page_ids = instance.__dict__.pop("_gci_cleared_pages", [])
    else:
        restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ())
        page_ids = list(restrictions.values_list("page_id", flat=True))
    if action != "pre_clear":
        for page_id in set(page_ids):
            _sync_on_commit(page_id)


def _source_with_restrictions(page):
    return (
        Page.objects.filter(translation_key=page.translation_key, view_restrictions__isnull=False)
        .exclude(pk=page.pk)
        .first()
    )


@receiver(post_save)
def new_translation_takes_restrictions(sender, instance, created, **kwargs):
    """A page created as a translation takes its source's restrictions."""
    if not created or not isinstance(instance, Page) or getattr(_state, "syncing", False):
        return
    source = _source_with_restrictions(instance)
    if source is not None:
        _sync_on_commit(source.pk)


@receiver(page_published)
def published_translation_takes_restrictions(sender, instance, **kwargs):
    source = _source_with_restrictions(instance)
    if source is not None and not instance.view_restrictions.exists():
        sync_view_restrictions(source)


@receiver(post_page_move)
def moved_into_the_partners_area(sender, instance, **kwargs):
    """A page moved into the Partners area takes its translations out of
    public view too: they are unpublished until they are moved or synced."""
    from wagtail.actions.unpublish_page import UnpublishPageAction

    from .visibility import in_partners_area

    if not in_partners_area(instance):
        return
    for translation in (
        Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).live()
    ):
        if not in_partners_area(translation):
            UnpublishPageAction(translation, include_descendants=True).execute(
                skip_permission_checks=True
            )


@receiver(pre_delete)
def unpublish_aliases_left_in_the_open(sender, instance, **kwargs):
    """Deleting a page turns its aliases into ordinary pages (Wagtail sets
    ``alias_of`` to null). An alias of a restricted or Partners-area page
    standing outside the original's closed section was closed only by its
    original (``gci.home.visibility``): it is unpublished first, so it never
    becomes a public page holding the original's text."""
    if not isinstance(instance, Page) or type(instance) is not Page:
        return  # once per page: the base row (the specific row is deleted too)
    from .visibility import alias_would_be_less_closed

    left_open = [
        alias.pk
        for alias in Page.objects.filter(alias_of=instance)
        if alias_would_be_less_closed(instance, alias.get_parent())
    ]
    if left_open:
        Page.objects.filter(pk__in=left_open).update(live=False, has_unpublished_changes=True)
