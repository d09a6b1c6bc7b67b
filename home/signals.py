"""Keep a page's view restrictions identical in every language, at once.

wagtail-localize copies a source page's restrictions to its translations only
when it translates or syncs them; until then a restricted English page would
have an open French twin. Whenever a restriction is saved, deleted, or its
groups change, every translation of the page gets the same restrictions.
"""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published

_state = threading.local()


def sync_view_restrictions(page):
    """Make every translation of ``page`` carry exactly ``page``'s restrictions."""
    if getattr(_state, "syncing", False):
        return
    _state.syncing = True
    try:
        source = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
        for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
            pk=page.pk
        ):
            with transaction.atomic():
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


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    sync_view_restrictions(page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        sync_view_restrictions(instance.page)


@receiver(post_save)
def new_translation_takes_restrictions(sender, instance, created, **kwargs):
    """A page created as a translation takes its source's restrictions."""
    if not created or not isinstance(instance, Page) or getattr(_state, "syncing", False):
        return
    source = (
        Page.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .filter(view_restrictions__isnull=False)
        .first()
    )
    if source is not None:
        transaction.on_commit(lambda: sync_view_restrictions(source))


@receiver(page_published)
def published_translation_takes_restrictions(sender, instance, **kwargs):
    source = (
        Page.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .filter(view_restrictions__isnull=False)
        .first()
    )
    if source is not None and not instance.view_restrictions.exists():
        sync_view_restrictions(source)
