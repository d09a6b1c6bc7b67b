"""Thousands of live pages in a second, for the scale tests and the bench.

Django cannot ``bulk_create`` a multi-table child, so the pages go in with
``Page.objects.bulk_create`` and the page type's own rows with the manager's
``_insert`` (the one call ``bulk_create`` makes per table). No signal is
sent: the page cache's generation is bumped here, as a publish would.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from gci.site.page_cache import bump_generation


def bulk_pages(index, model, count, fields_for=lambda n: {}, name="bulk"):
    """Add ``count`` live ``model`` pages under ``index``, titled
    ``"<name> <n>"``, and return them (as ``Page`` rows). ``fields_for(n)``
    gives the page type's own fields for the n-th page; the others keep the
    model's defaults."""
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(model)
    first = index.numchild + 1
    now = timezone.now()
    pages = []
    for n in range(count):
        slug = slugify(f"{name}-{index.pk}-{n}")
        pages.append(
            Page(
                title=f"{name} {n}",
                draft_title=f"{name} {n}",
                slug=slug,
                path=index.path + Page._int2str(first + n).rjust(Page.steplen, "0"),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=500)
    rows = [model(page_ptr_id=page.pk, **fields_for(n)) for n, page in enumerate(created)]
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(rows), 500):
        model._base_manager._insert(rows[start : start + 500], fields=fields, using="default")
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    bump_generation()
    return created
