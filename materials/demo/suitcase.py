"""Demo suitcase: the materials named in the 2009 report (`suitcase.yaml`, as
metadata, each with a small PDF made here), the Rotterdam case studies of
Jamaica (public) and Switzerland (Partners only) (`case_studies.yaml`), a
pending submission from the WCO demo Partner (`submission.yaml`), and the two
pages that hold them (`pages.yaml`). Idempotent; the texts are the project's
own."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from gci.home.datafiles import read_yaml
from gci.home.demo.support import minimal_pdf, organisations_by_acronym

from ..choices import MaterialStatus
from ..collections import case_study_photos_collection, submissions_collection, suitcase_collection
from ..models import CaseStudyIndexPage, CaseStudyPage, Material, SuitcasePage

DATA = Path(__file__).parent


def load(builder, home, area, clock=None):
    pages = read_yaml(DATA / "pages.yaml")
    suitcase = builder.child(area, SuitcasePage, "gci-suitcase", pages["gci-suitcase"])
    index = builder.child(
        home, CaseStudyIndexPage, "case-studies", pages["case-studies"], show_in_menus=True
    )
    # A demo loaded before the case studies were in the menu gets them there too.
    CaseStudyIndexPage.objects.filter(
        translation_key=index.translation_key, show_in_menus=False
    ).update(show_in_menus=True)
    suitcase_collection()
    case_study_photos_collection()
    organisations = organisations_by_acronym(builder)
    materials = {}
    for data in read_yaml(DATA / "suitcase.yaml"):
        materials[data["title"]] = _material(builder, organisations, data)
    _case_studies(index, suitcase, materials)
    _pending_submission(read_yaml(DATA / "submission.yaml"), organisations, clock)
    return suitcase


def _pdf(title, filename, edition=""):
    Document = get_document_model()
    text = f"GCI suitcase - {title[:60]} {edition}(demo file)".replace("(", "[").replace(")", "]")
    document = Document(title=title, collection=suitcase_collection())
    document.file.save(filename, ContentFile(minimal_pdf(text)), save=False)
    if hasattr(document, "_set_document_file_metadata"):
        document._set_document_file_metadata()
    document.save()
    return document


def _described(data, organisations):
    """A material's description, as its data file gives it."""
    fields = ("title", "summary", "material_type", "topics", "languages", "region", "year")
    return {
        **{field: data[field] for field in fields},
        "organisation": organisations.get(data["organisation"]),
    }


def _material(builder, organisations, data):
    english = builder.locales["en"]
    title = data["title"]
    translations = data.get("translations", {})
    material = Material.objects.filter(locale=english, title=title).first()
    if material is None:
        slug = "-".join(title.lower().split())[:40].strip("-:")
        material = Material(
            locale=english,
            document=_pdf(title, f"{slug}.pdf", "first edition " if translations else ""),
            status=MaterialStatus.APPROVED,
            **_described(data, organisations),
        )
        material.save()
        if translations:  # a revised edition replaces the first; both stay in the history
            material.document = _pdf(title, f"{slug}-rev.pdf", "revised edition ")
            material.save()
    for code, text in translations.items():
        if material.get_translation_or_none(builder.locales[code]) is None:
            translation = material.copy_for_translation(builder.locales[code])
            translation.title = text["title"]
            translation.summary = text["summary"]
            translation.save()
    return material


def _case_studies(index, suitcase, materials):
    for case in read_yaml(DATA / "case_studies.yaml"):
        parent = index if case["public"] else suitcase
        if CaseStudyPage.objects.filter(slug=case["slug"]).exists():
            continue
        page = CaseStudyPage(
            title=case["title"],
            slug=case["slug"],
            country=case["country"],
            topics=case["topics"],
            summary=case["summary"],
            what_happened=case["what_happened"],
            customs_action=case["customs_action"],
            lessons=case["lessons"],
        )
        parent.add_child(instance=page)
        page.related_materials.set([materials[case["material"]]])
        page.save_revision().publish()


def _pending_submission(data, organisations, clock=None):
    """Notes sent by a demo Partner, waiting for the Secretariat."""
    user = get_user_model().objects.filter(email=data["submitted_by"]).first()
    if user is None or Material.objects.filter(submitted_by=user).exists():
        return
    Document = get_document_model()
    document = Document(
        title=data["title"], collection=submissions_collection(), uploaded_by_user=user
    )
    document.file.save(
        data["file"]["name"], ContentFile(minimal_pdf(data["file"]["text"])), save=False
    )
    document.save()
    Material(
        document=document,
        status=MaterialStatus.SUBMITTED,
        submitted_by=user,
        submitted_at=timezone.make_aware(
            clock.datetime(data["submitted_at"]) if clock else data["submitted_at"]
        ),
        **_described(data, organisations),
    ).save()
