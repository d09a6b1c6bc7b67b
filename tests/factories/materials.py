"""Factories and helpers for materials/: the Guide and its review rounds (on
top of the demo Guide), the suitcase."""

import datetime as dt

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from gci.home.demo.support import minimal_pdf
from gci.home.models import Membership, PartnerOrganisation
from gci.materials import review
from gci.materials.collections import suitcase_collection
from gci.materials.models import (
    GuideChapterPage,
    GuidePage,
    Material,
    ReviewIndexPage,
    ReviewRound,
)

from .home import UserFactory


def english_guide():
    return GuidePage.objects.get(locale=Locale.get_default())


def chapter(number, language="en"):
    return GuideChapterPage.objects.get(number=number, locale__language_code=language)


def review_index():
    return ReviewIndexPage.objects.get(locale=Locale.get_default())


def current_round(language):
    return ReviewRound.objects.filter(guide=english_guide(), locale__language_code=language).first()


def round_url(review_round, language="en"):
    index = ReviewIndexPage.objects.get(locale__language_code=language)
    return index.url + index.reverse_subpage("round", args=[review_round.pk])


def chapter_url(review_round, english_chapter):
    index = review_index()
    return index.url + index.reverse_subpage("chapter", args=[review_round.pk, english_chapter.pk])


def organisation(acronym):
    """The (English) Partner organisation with this acronym."""
    return PartnerOrganisation.objects.get(acronym=acronym, locale=Locale.get_default())


def open_round(secretariat_user, language, *acronyms, **options):
    """A round of the Guide's translation into `language`, due in two weeks,
    inviting the organisations with these acronyms (``options``: those of
    ``review.open_round``, e.g. ``notify=False``)."""
    return review.open_round(
        english_guide(),
        Locale.objects.get(language_code=language),
        timezone.localdate() + dt.timedelta(days=14),
        [organisation(acronym) for acronym in acronyms],
        secretariat_user,
        **options,
    )


def partner_of(acronym, email=None):
    """A signed-up Partner of the organisation with this acronym."""
    member_of = organisation(acronym)
    user = UserFactory(username=email or f"{acronym.lower()}-member", email=email or "")
    if not user.email:
        user.email = f"{acronym.lower()}.member@example.org"
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(Group.objects.get(name="Partners"))
    Membership.objects.update_or_create(user=user, defaults={"organisation": member_of})
    return user


class SuitcaseDocumentFactory(factory.django.DjangoModelFactory):
    """A real small PDF in the restricted "GCI suitcase" collection."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Suitcase file {n}")
    collection = factory.LazyFunction(suitcase_collection)
    file = factory.LazyAttribute(
        lambda d: ContentFile(minimal_pdf(d.title), name=f"{d.title.lower().replace(' ', '-')}.pdf")
    )


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    locale = factory.LazyFunction(Locale.get_default)
    title = factory.Sequence(lambda n: f"Material {n}")
    summary = "A material for tests."
    material_type = "presentation"
    topics = factory.LazyFunction(lambda: ["customs_procedures"])
    languages = factory.LazyFunction(lambda: ["en"])
    region = "global"
    year = 2009
    document = factory.SubFactory(SuitcaseDocumentFactory)
    status = "approved"


def submission_data(**overrides):
    """What a Partner types into the suitcase's submission form; add a
    ``file`` or a ``link_url`` (one of them is required)."""
    return {
        "title": "Ozone smuggling: ten cases for trainers",
        "summary": "Seizures of refrigerant gases, told for a workshop.",
        "material_type": "presentation",
        "topics": ["ods"],
        "languages": ["en"],
        **overrides,
    }
