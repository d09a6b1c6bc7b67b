"""Factories for the suitcase."""

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from gci.calendar.demo import minimal_pdf
from gci.materials.collections import suitcase_collection
from gci.materials.models import Material


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
