"""Demo suitcase for `load_demo`: the materials named in the 2009 report (as
metadata, each with a small PDF made here), the Rotterdam case studies of
Jamaica (public) and Switzerland (Partners only), a pending submission from
the WCO demo Partner. Idempotent; the texts are the project's own."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from gci.calendar.demo import minimal_pdf
from gci.home.models import PartnerOrganisation

from .choices import MaterialStatus
from .collections import case_study_photos_collection, submissions_collection, suitcase_collection
from .models import CaseStudyIndexPage, CaseStudyPage, Material, SuitcasePage

SUITCASE = {
    "en": (
        "GCI suitcase",
        "Training modules, presentations, case studies and surveys from the Partners, "
        "for anyone preparing a Green Customs workshop.",
        [],
    ),
    "fr": (
        "Valise IDV",
        "Modules de formation, présentations, études de cas et enquêtes des Partenaires, "
        "pour préparer un atelier Douanes vertes.",
        [],
    ),
    "es": (
        "Maletín de la IAV",
        "Módulos de formación, presentaciones, estudios de caso y encuestas de los socios, "
        "para preparar un taller de Aduanas Verdes.",
        [],
    ),
    "ru": (
        "Чемоданчик ИЗТ",
        "Учебные модули, презентации, тематические исследования и обзоры партнёров "
        "для подготовки семинаров «Зелёной таможни».",
        [],
    ),
    "ar": (
        "حقيبة المبادرة",
        "وحدات تدريبية وعروض ودراسات حالة واستقصاءات من الشركاء لإعداد حلقات عمل الجمارك الخضراء.",
        [],
    ),
    "zh-hans": (
        "绿色海关工具箱",
        "伙伴提供的培训单元、演示文稿、案例研究和调查，供筹备绿色海关讲习班使用。",
        [],
    ),
}
CASE_STUDIES = {
    "en": (
        "Case studies",
        "How customs administrations have put the environmental treaties to work at the border.",
        [],
    ),
    "fr": (
        "Études de cas",
        "Comment des administrations douanières appliquent les traités environnementaux "
        "à la frontière.",
        [],
    ),
    "es": (
        "Estudios de caso",
        "Cómo las administraciones de aduanas aplican los tratados ambientales en la frontera.",
        [],
    ),
    "ru": (
        "Тематические исследования",
        "Как таможенные службы применяют природоохранные договоры на границе.",
        [],
    ),
    "ar": ("دراسات حالة", "كيف تطبق إدارات الجمارك المعاهدات البيئية على الحدود.", []),
    "zh-hans": ("案例研究", "海关当局如何在边境执行环境条约。", []),
}

# (title, organisation, type, topics, languages, region, year, summary, translations)
MATERIALS = [
    (
        "Introduction to CITES for customs officers (module 1 of 12)",
        "CITES",
        "training_module",
        ["endangered_species", "customs_procedures"],
        ["en"],
        "global",
        2009,
        "The opening module of the CITES set for customs: what the Convention controls, "
        "the three Appendices and where customs fits in. Built to sit alongside the Green "
        "Customs Guide rather than repeat it.",
        {},
    ),
    (
        "CITES permits and certificates at the border (module 2 of 12)",
        "CITES",
        "training_module",
        ["endangered_species", "customs_procedures"],
        ["en"],
        "global",
        2009,
        "A subject module on checking CITES documents: what a valid permit looks like, "
        "common irregularities and whom to call.",
        {},
    ),
    (
        "Introducción a la CITES para funcionarios de aduanas (módulo 1 de 12)",
        "CITES",
        "training_module",
        ["endangered_species", "customs_procedures"],
        ["es"],
        "latin_america_caribbean",
        2009,
        "Spanish version of the opening CITES module for customs officers.",
        {},
    ),
    (
        "Permisos y certificados CITES en la frontera (módulo 2 de 12)",
        "CITES",
        "training_module",
        ["endangered_species", "customs_procedures"],
        ["es"],
        "latin_america_caribbean",
        2009,
        "Spanish version of the CITES module on permits and certificates.",
        {},
    ),
    (
        "Presentation skills for CITES trainers",
        "CITES",
        "manual",
        ["endangered_species"],
        ["en"],
        "global",
        2008,
        "Notes from the CITES course on presenting to customs audiences, used at a "
        "Partners' workshop on presentation techniques.",
        {},
    ),
    (
        "Rotterdam Convention at the border: Jamaica",
        "RC",
        "case_study",
        ["chemicals"],
        ["en"],
        "latin_america_caribbean",
        2008,
        "How Jamaican customs apply the prior informed consent procedure to imports of "
        "listed pesticides and industrial chemicals.",
        {},
    ),
    (
        "Rotterdam Convention at the border: Switzerland",
        "RC",
        "case_study",
        ["chemicals"],
        ["en", "fr"],
        "western_europe_others",
        2008,
        "How Swiss customs and the chemicals authority share the work of controlling "
        "exports of chemicals listed under the Convention.",
        {},
    ),
    (
        "Customs and environmental enforcement: results of the WCO global survey",
        "WCO",
        "survey",
        ["customs_procedures", "endangered_species", "hazardous_waste"],
        ["en"],
        "global",
        2008,
        "Analysis of the answers of 75 customs administrations on how they enforce "
        "environmental agreements, with figures on seizures and training needs.",
        {
            "fr": (
                "Douanes et application du droit de l'environnement : "
                "résultats de l'enquête mondiale de l'OMD",
                "Analyse des réponses de 75 administrations douanières "
                "sur l'application des accords environnementaux.",
            ),
            "es": (
                "Aduanas y cumplimiento ambiental: resultados de la encuesta mundial de la OMA",
                "Análisis de las respuestas de 75 administraciones de aduanas "
                "sobre la aplicación de los acuerdos ambientales.",
            ),
        },
    ),
    (
        "WCO global survey: slides for the fifth Partners meeting",
        "WCO",
        "presentation",
        ["customs_procedures"],
        ["en"],
        "global",
        2009,
        "The slides that presented the survey's results to the Partners in January 2009.",
        {},
    ),
    (
        "UNODC: computer-based training for border control",
        "UNODC",
        "presentation",
        ["crime", "customs_procedures"],
        ["en"],
        "global",
        2009,
        "UNODC's mandate, its computer-based training modules (risk analysis, searching "
        "vehicles and aircraft, profiling) and the Container Control Programme run with WCO.",
        {},
    ),
    (
        "OPCW: scheduled chemicals and the customs officer",
        "OPCW",
        "presentation",
        ["chemical_weapons", "customs_procedures"],
        ["en"],
        "global",
        2009,
        "Why transfers of scheduled chemicals need coordinated national authorities and "
        "customs, and what OPCW's customs training events cover.",
        {},
    ),
    (
        "Fifth Partners meeting: presentation of the Secretariat",
        "UNEP",
        "meeting_document",
        ["customs_procedures"],
        ["en"],
        "global",
        2009,
        "What the Secretariat did in 2008: workshops, the Guide, the website and its suitcase.",
        {},
    ),
]
SURVEY_VERSIONS = 2  # the survey results come in a first and a revised edition


def load(builder, home, area):
    suitcase = builder.child(area, SuitcasePage, "gci-suitcase", SUITCASE)
    index = builder.child(home, CaseStudyIndexPage, "case-studies", CASE_STUDIES)
    suitcase_collection()
    case_study_photos_collection()
    organisations = {
        org.acronym: org for org in PartnerOrganisation.objects.filter(locale=builder.locales["en"])
    }
    materials = {}
    for row in MATERIALS:
        materials[row[0]] = _material(builder, organisations, *row)
    _case_studies(index, suitcase, materials)
    _pending_submission(organisations)
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


def _material(
    builder, organisations, title, acronym, kind, topics, languages, region, year, summary, texts
):
    english = builder.locales["en"]
    material = Material.objects.filter(locale=english, title=title).first()
    if material is None:
        slug = "-".join(title.lower().split())[:40].strip("-:")
        material = Material(
            locale=english,
            title=title,
            summary=summary,
            material_type=kind,
            topics=topics,
            languages=languages,
            region=region,
            year=year,
            organisation=organisations.get(acronym),
            document=_pdf(title, f"{slug}.pdf", "first edition " if texts else ""),
            status=MaterialStatus.APPROVED,
        )
        material.save()
        if texts:  # a revised edition replaces the first; both stay in the history
            material.document = _pdf(title, f"{slug}-rev.pdf", "revised edition ")
            material.save()
    for code, (translated_title, translated_summary) in texts.items():
        if material.get_translation_or_none(builder.locales[code]) is None:
            translation = material.copy_for_translation(builder.locales[code])
            translation.title = translated_title
            translation.summary = translated_summary
            translation.save()
    return material


CASES = [
    {
        "slug": "jamaica-rotterdam",
        "public": True,
        "title": "Jamaica: checking pesticide imports under the Rotterdam Convention",
        "country": "JM",
        "summary": "An island that imports nearly all its agricultural chemicals, and a "
        "customs service that learnt to ask for the importing country's consent decision.",
        "what_happened": "<p>Shipments of pesticides arrive mostly by sea, declared under broad "
        "tariff headings. Some of them contain active ingredients that Jamaica had decided "
        "not to accept under the prior informed consent procedure.</p>",
        "customs_action": "<p>Customs and the pesticides control authority agreed a list of "
        "tariff lines to flag, and officers now check each flagged declaration against the "
        "import decisions before release.</p>",
        "lessons": "<ul><li>A short list of flagged tariff lines is more useful than a long "
        "circular.</li><li>The chemicals authority must be reachable while the goods "
        "wait.</li></ul>",
        "material": "Rotterdam Convention at the border: Jamaica",
    },
    {
        "slug": "switzerland-rotterdam",
        "public": False,
        "title": "Switzerland: export notifications for listed chemicals",
        "country": "CH",
        "summary": "An exporting country where customs and the chemicals authority share the "
        "controls, each doing the part it is best placed to do.",
        "what_happened": "<p>Swiss firms export chemicals that the Convention lists; each "
        "export needs a notification and must respect the importing country's decision.</p>",
        "customs_action": "<p>Export declarations of listed chemicals are matched against the "
        "notifications held by the chemicals authority; shipments without one are held.</p>",
        "lessons": "<ul><li>Matching declarations to notifications works when both use the same "
        "identifiers (CAS numbers and HS codes).</li><li>Exporters comply faster once they know "
        "customs checks.</li></ul>",
        "material": "Rotterdam Convention at the border: Switzerland",
    },
]


def _case_studies(index, suitcase, materials):
    for case in CASES:
        parent = index if case["public"] else suitcase
        if CaseStudyPage.objects.filter(slug=case["slug"]).exists():
            continue
        page = CaseStudyPage(
            title=case["title"],
            slug=case["slug"],
            country=case["country"],
            topics=["chemicals", "customs_procedures"],
            summary=case["summary"],
            what_happened=case["what_happened"],
            customs_action=case["customs_action"],
            lessons=case["lessons"],
        )
        parent.add_child(instance=page)
        page.related_materials.set([materials[case["material"]]])
        page.save_revision().publish()


def _pending_submission(organisations):
    """Notes sent by the WCO demo Partner, waiting for the Secretariat."""
    user = get_user_model().objects.filter(email="wco.partner@greencustoms.example").first()
    if user is None or Material.objects.filter(submitted_by=user).exists():
        return
    Document = get_document_model()
    title = "Environmentally sensitive goods in the Harmonized System: notes for trainers"
    document = Document(title=title, collection=submissions_collection(), uploaded_by_user=user)
    document.file.save(
        "hs-environmental-goods-notes.pdf",
        ContentFile(minimal_pdf("HS codes for environmentally sensitive goods [demo file]")),
        save=False,
    )
    document.save()
    Material(
        title=title,
        summary="Which HS headings cover ozone-depleting substances, listed chemicals and "
        "wildlife products, and where the codes are too broad to target them.",
        material_type="manual",
        topics=["customs_procedures", "ods", "chemicals"],
        languages=["en"],
        region="global",
        year=2009,
        organisation=organisations.get("WCO"),
        document=document,
        status=MaterialStatus.SUBMITTED,
        submitted_by=user,
        submitted_at=timezone.make_aware(dt.datetime(2009, 3, 2, 10, 0)),
    ).save()
