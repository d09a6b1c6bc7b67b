"""Canaries of the enforcement records: one not yet published (its
organisation's and the Secretariat's alone, with a photo in the
Secretariat-only collection) and one published for the Partners only (its
sender did not allow the public to read it)."""

import datetime as dt
import io

from django.core.files.images import ImageFile
from wagtail.images.models import Image

from gci.materials.collections import enforcement_submissions_collection
from gci.materials.models import EnforcementPhoto, EnforcementRecord

from .canaries import _file_bytes, _png, image_file_urls
from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary

LANGUAGES = ("en", "fr", "ar")


def _record(token, people, **fields):
    record = EnforcementRecord(
        title=f"Seizure {token}",
        kind="seizure",
        date=dt.date(2020, 3, 4),
        country="TH",
        treaties=["montreal", "cites"],
        hs_codes=["2903"],
        commodity=f"Commodity {token}",
        summary=f"Summary {token}",
        organisation=people.owner_organisation,
        submitted_by=people.owner,
        **fields,
    )
    record.full_clean()
    record.save()
    return record


def _urls(record):
    urls = []
    for language in LANGUAGES:
        urls += [
            f"/{language}/enforcement/{record.pk}/",
            f"/{language}/enforcement/?country=TH",
            f"/{language}/enforcement/?treaty=montreal&year=2020",
            f"/{language}/enforcement/feed/rss/",
            f"/{language}/enforcement/feed/atom/",
            f"/{language}/planning/enforcement/{record.pk}/",
        ]
    return urls


@canary("enforcement_unpublished", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def enforcement_unpublished(token, people):
    """A submitted record the sender allows the public to read once published,
    with a photo: nobody but its organisation and the Secretariat reads it yet."""
    record = _record(token, people, state="submitted", may_publish=True)
    contents = _png(token, (200, 40, 40))
    image = Image.objects.create(
        title=f"Seizure photo {token}",
        collection=enforcement_submissions_collection(),
        file=ImageFile(io.BytesIO(contents), name=f"{token}.png"),
    )
    EnforcementPhoto.objects.create(record=record, image=image, caption=f"Caption {token}")
    renditions = [image.get_rendition("width-800")]
    return Planted(
        urls=_urls(record) + image_file_urls(image, renditions),
        strings=[record.title, record.summary, record.commodity, f"Caption {token}"],
        contents=[contents, *_file_bytes(*renditions)],
        api={"images": [image.pk]},
    )


@canary("enforcement_partners_only", hidden_from=(ANONYMOUS,))
def enforcement_partners_only(token, people):
    """A published record its sender did not clear for the public: every
    Partner reads it in the Partners area; no public door shows it."""
    record = _record(token, people, state="published", may_publish=False)
    return Planted(urls=_urls(record), strings=[record.title, record.summary])
