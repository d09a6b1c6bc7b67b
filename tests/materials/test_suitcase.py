"""The GCI suitcase: Partners search, filter, read and download materials."""

import re

import pytest
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials.models import Material, MaterialVersion, SuitcasePage
from tests.factories.materials import MaterialFactory, SuitcaseDocumentFactory

pytestmark = pytest.mark.django_db

SUITCASE = "/en/partners-area/gci-suitcase/"


def titles(response):
    body = response.content.decode()
    return re.findall(r'class="material-item__title"><a href="[^"]+">([^<]+)</a>', body)


@pytest.fixture
def partner(client, cites_user):
    client.force_login(cites_user)
    return client


def test_a_partner_finds_the_cites_modules_in_spanish_in_two_clicks(partner):
    listing = partner.get(SUITCASE)
    assert listing.status_code == 200
    assert "private" in listing["Cache-Control"] and "no-store" in listing["Cache-Control"]
    # Click 1: the organisation "CITES" among the filters.
    cites = re.search(r'<a href="(\?organisation=CITES)"', listing.content.decode()).group(1)
    step = partner.get(SUITCASE + cites)
    # Click 2: "Spanish" among the languages, keeping CITES.
    spanish = re.search(r'<a href="([^"]*language=es[^"]*)"', step.content.decode()).group(1)
    assert "organisation=CITES" in spanish
    found = titles(partner.get(SUITCASE + spanish.replace("&amp;", "&")))
    assert len(found) == 2
    assert all("CITES" in title for title in found)
    assert all(re.search(r"módulo \d de 12", title) for title in found)


def test_filters_combine_and_stay_in_the_url(partner):
    response = partner.get(SUITCASE, {"topic": "chemicals", "type": "case_study"})
    assert sorted(titles(response)) == [
        "Rotterdam Convention at the border: Jamaica",
        "Rotterdam Convention at the border: Switzerland",
    ]
    response = partner.get(
        SUITCASE, {"topic": "chemicals", "region": "western_europe_others", "year": "2008"}
    )
    assert titles(response) == ["Rotterdam Convention at the border: Switzerland"]
    # The active filters are links that remove one filter and keep the other.
    body = response.content.decode()
    assert 'href="?topic=chemicals&amp;year=2008"' in body


def test_bad_filters_are_ignored_and_a_bad_page_is_404(partner):
    everything = titles(partner.get(SUITCASE))
    response = partner.get(
        SUITCASE, {"type": "bogus", "year": "19x", "organisation": "NOPE", "sort": "evil"}
    )
    assert response.status_code == 200
    assert titles(response) == everything
    assert partner.get(SUITCASE, {"page": "99"}).status_code == 404
    assert partner.get(SUITCASE, {"page": "abc"}).status_code == 404


def test_search_uses_wagtail_search_and_the_visitors_language(partner):
    found = titles(partner.get(SUITCASE, {"q": "OPCW scheduled chemicals"}))
    assert found == ["OPCW: scheduled chemicals and the customs officer"]
    # In Spanish the survey shows (and is found by) its translated title.
    spanish = partner.get("/es/partners-area/gci-suitcase/", {"q": "encuesta mundial"})
    assert titles(spanish) == [
        "Aduanas y cumplimiento ambiental: resultados de la encuesta mundial de la OMA"
    ]
    assert titles(partner.get(SUITCASE, {"q": "zzzz-nothing"})) == []


def test_sort_by_title_and_pages(partner):
    for n in range(25):
        MaterialFactory(title=f"Zulu {n:02d}", year=1990)
    by_title = titles(partner.get(SUITCASE, {"sort": "title", "year": "1990"}))
    assert by_title == sorted(by_title) and len(by_title) == 20
    second = titles(partner.get(SUITCASE, {"sort": "title", "year": "1990", "page": 2}))
    assert second == ["Zulu 20", "Zulu 21", "Zulu 22", "Zulu 23", "Zulu 24"]
    newest = titles(partner.get(SUITCASE))
    assert "Zulu 00" not in newest  # 1990 sorts after 2008–2009


def test_pending_and_declined_materials_are_not_listed(partner):
    MaterialFactory(title="Waiting one", status="submitted")
    MaterialFactory(title="Refused one", status="declined", decline_reason="Duplicate")
    body = partner.get(SUITCASE, {"q": "one"}).content.decode()
    assert "Waiting one" not in body and "Refused one" not in body


def test_material_page_shows_its_facts_and_a_stable_download(partner):
    material = Material.objects.get(
        locale__language_code="en", title__startswith="UNODC: computer-based"
    )
    response = partner.get(f"{SUITCASE}material/{material.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "UNODC" in body and "Crime" in body and "2009" in body
    # Demo files live in another MEDIA_ROOT: download a fresh one.
    material = MaterialFactory(title="Fresh file")
    download = partner.get(f"{SUITCASE}material/{material.pk}/download/")
    assert download.status_code == 302
    assert download["Location"] == material.document.url
    served = partner.get(download["Location"])
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF-")


def test_a_newer_file_replaces_the_older_without_breaking_links(partner):
    material = MaterialFactory(title="Versioned")
    first = material.document
    material.document = SuitcaseDocumentFactory(title="Versioned second")
    material.save()
    assert list(material.versions.values_list("number", flat=True)) == [2, 1]
    download = partner.get(f"{SUITCASE}material/{material.pk}/download/")
    assert download["Location"] == material.document.url != first.url
    # The old file keeps its own address, and the history lists it.
    assert partner.get(first.url).status_code == 200
    body = partner.get(f"{SUITCASE}material/{material.pk}/").content.decode()
    assert "Earlier versions" in body and first.url in body
    assert MaterialVersion.objects.filter(material=material).count() == 2


def test_translated_metadata_follows_the_visitors_language(partner):
    survey = Material.objects.get(locale__language_code="en", title__startswith="Customs and env")
    french = partner.get(f"/fr/partners-area/gci-suitcase/material/{survey.pk}/")
    assert "résultats de l&#x27;enquête mondiale" in french.content.decode()
    translation = survey.get_translation(Locale.objects.get(language_code="fr"))
    # Filters and files are synchronised from the source row.
    assert translation.topics == survey.topics
    assert translation.document_id == survey.document_id


def test_a_link_material_redirects_to_its_link(partner):
    material = MaterialFactory(document=None, link_url="https://example.org/module")
    download = partner.get(f"{SUITCASE}material/{material.pk}/download/")
    assert download["Location"] == "https://example.org/module"


def test_material_must_have_exactly_one_of_file_link_video():
    from django.core.exceptions import ValidationError

    material = MaterialFactory.build(document=None)
    with pytest.raises(ValidationError):
        material.clean()
    material.link_url = "https://example.org"
    material.clean()
    material.video_url = "https://example.org/video"
    with pytest.raises(ValidationError):
        material.clean()


def test_suitcase_lives_in_the_partners_area():
    suitcase = SuitcasePage.objects.get(locale__language_code="en")
    assert suitcase.get_parent().specific_class.__name__ == "PartnersAreaPage"
    assert SuitcasePage.objects.count() == 6  # one per language


def test_organisation_facet_uses_the_visitors_language(partner):
    cites_es = PartnerOrganisation.objects.get(acronym="CITES", locale__language_code="es")
    body = partner.get("/es/partners-area/gci-suitcase/").content.decode()
    assert cites_es.name in body


def test_a_material_file_must_be_in_a_restricted_collection():
    from django.core.exceptions import ValidationError
    from wagtail.models import Collection

    public = SuitcaseDocumentFactory(collection=Collection.get_first_root_node())
    with pytest.raises(ValidationError) as error:
        MaterialFactory.build(document=public).clean()
    assert "document" in error.value.message_dict
    MaterialFactory.build(document=SuitcaseDocumentFactory()).clean()
