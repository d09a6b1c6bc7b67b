"""Canaries of materials/: the Guide's draft translations and its review
(comments, assignments), the suitcase's materials and submissions, and
Partners-only case studies."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from gci.home.demo.support import minimal_pdf
from gci.materials import review
from gci.materials.collections import submissions_collection, suitcase_collection
from gci.materials.models import (
    CaseStudyPage,
    GuideChapterPage,
    GuidePage,
    Material,
    ReviewIndexPage,
    SuitcasePage,
)

from .leaks import ANONYMOUS, OTHER_ORGANISATION, Planted, canary


def _english_guide():
    return GuidePage.objects.get(locale=Locale.get_default())


def _review_urls(review_round, chapter):
    urls = []
    for index in ReviewIndexPage.objects.all():
        urls.append(index.url + index.reverse_subpage("round", args=[review_round.pk]))
        urls.append(
            index.url + index.reverse_subpage("chapter", args=[review_round.pk, chapter.pk])
        )
    return urls


@canary("guide_draft_translation", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def guide_draft_translation(token, people):
    """A Russian chapter in review by the owner's organisation alone: its text
    reaches neither the public nor a Partner outside that round. (Russian: the
    demo opens no Russian round of its own.)"""
    russian = Locale.objects.get(language_code="ru")
    guide = _english_guide()
    if guide.get_translation_or_none(russian) is None:
        guide.copy_for_translation(russian).save_revision()
    # A chapter not yet published in Russian: the demo's own draft when it has
    # one, else a new one.
    english = next(
        chapter
        for chapter in GuideChapterPage.objects.filter(locale=Locale.get_default()).order_by(
            "-number"
        )
        if not getattr(chapter.get_translation_or_none(russian), "live", False)
    )
    translation = english.get_translation_or_none(russian) or english.copy_for_translation(russian)
    # Edited in Wagtail's own editor: reviewers read its latest draft, not
    # wagtail-localize's strings (the demo translates through them).
    source = TranslationSource.objects.get_for_instance_or_none(english)
    if source is not None:
        source.translations.filter(target_locale=russian).update(enabled=False)
    translation.title = f"Chapter {token}"
    translation.slug = token
    translation.summary = f"Summary {token}"
    raw = list(translation.body.raw_data)
    paragraph = next(i for i, block in enumerate(raw) if block["type"] == "paragraph")
    raw[paragraph] = {**raw[paragraph], "value": f"<p>Draft {token}</p>"}  # same block id
    translation.body = raw
    translation.save_revision()
    review_round = review.open_round(
        guide,
        russian,
        timezone.localdate() + dt.timedelta(days=10),
        [people.owner_organisation],
        people.secretariat,
        notify=False,
    )
    return Planted(
        urls=[translation.url or f"/ru/green-customs-guide/{token}/"]
        + _review_urls(review_round, english),
        api={"pages": [translation.pk]},
    )


@canary("review_comment", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def review_comment(token, people):
    """A comment and a decline reason in a round the other organisation is not in."""
    english = GuideChapterPage.objects.get(locale=Locale.get_default(), number=2)
    review_round = review.open_round(
        _english_guide(),
        Locale.objects.get(language_code="ru"),
        timezone.localdate() + dt.timedelta(days=10),
        [people.owner_organisation],
        people.secretariat,
        message=f"Message {token}",
        notify=False,
    )
    assignment = review_round.assignments.get()
    review.add_comment(
        assignment, people.owner, f"Remark {token}", chapter=english, block_id=english.body[1].id
    )
    return Planted(urls=_review_urls(review_round, english))


def _material(people, **fields):
    """A presentation in English by the canary owner's organisation."""
    return Material.objects.create(
        locale=Locale.get_default(),
        material_type="presentation",
        languages=["en"],
        organisation=people.owner_organisation,
        **fields,
    )


def _material_url(material):
    suitcase = SuitcasePage.objects.get(locale=Locale.get_default())
    return suitcase.url + suitcase.reverse_subpage("material", args=[material.pk])


@canary("suitcase_material")
def suitcase_material(token, people):
    """An approved material: Partners read it, the public never."""
    document = Document.objects.create(
        title=f"File {token}",
        collection=suitcase_collection(),
        file=ContentFile(minimal_pdf(f"Content {token}"), name=f"{token}.pdf"),
    )
    material = _material(
        people,
        title=f"Material {token}",
        summary=f"Summary {token}",
        topics=["customs_procedures"],
        year=2009,
        document=document,
        status="approved",
    )
    base = _material_url(material)
    return Planted(
        urls=[base, base + "download/", document.url],
        api={"documents": [document.pk]},
    )


@canary("suitcase_submission", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def suitcase_submission(token, people):
    """A pending submission: its organisation and the Secretariat see it."""
    material = _material(
        people,
        title=f"Submission {token}",
        summary=f"Pending {token}",
        topics=["crime"],
        submitted_by=people.owner,
        submitted_at=timezone.now(),
        link_url=f"https://example.org/{token}",
        status="submitted",
    )
    return Planted(urls=[_material_url(material)])


@canary("suitcase_submission_file", hidden_from=(ANONYMOUS, OTHER_ORGANISATION))
def suitcase_submission_file(token, people):
    """A submitted file, waiting in the Secretariat-only collection."""
    contents = minimal_pdf(f"Submitted {token}")
    document = Document.objects.create(
        title=f"Submitted {token}",
        collection=submissions_collection(),
        file=ContentFile(contents, name=f"{token}.pdf"),
    )
    return Planted(urls=[document.url], contents=[contents], api={"documents": [document.pk]})


@canary("partners_case_study")
def partners_case_study(token, people):
    suitcase = SuitcasePage.objects.get(locale=Locale.get_default())
    page = CaseStudyPage(
        title=f"Case {token}",
        slug=token,
        country="JM",
        topics=["chemicals"],
        summary=f"Summary {token}",
        what_happened=f"<p>Happened {token}</p>",
    )
    suitcase.add_child(instance=page)
    page.save_revision().publish()
    return Planted(urls=[page.url], api={"pages": [page.pk]})
