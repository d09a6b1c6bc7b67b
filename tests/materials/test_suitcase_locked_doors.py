"""No restricted material's title, summary or file reaches an anonymous
visitor (or a signed-in outsider) through any door; a Partner sees them."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from gci.home.models import HomePage, StandardPage
from gci.materials.collections import suitcase_collection
from gci.materials.models import CaseStudyIndexPage, CaseStudyPage, Material
from tests.factories.materials import MaterialFactory
from tests.helpers import visitors

pytestmark = pytest.mark.django_db

CANARY = "okapi-canary-41xz"
SUITCASE = "/en/partners-area/gci-suitcase/"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture
def canary():
    document = get_document_model()(title=f"File {CANARY}", collection=suitcase_collection())
    document.file.save(f"{CANARY}.pdf", ContentFile(b"%PDF-1.4 " + CANARY.encode()), save=False)
    document.save()
    return MaterialFactory(title=f"Module {CANARY}", summary=f"Summary {CANARY}", document=document)


def read(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def suitcase_urls(material):
    return [
        *(f"/{code}/partners-area/gci-suitcase/" for code in LANGUAGES),
        f"{SUITCASE}?q=Module&organisation=CITES",
        f"{SUITCASE}material/{material.pk}/",
        f"{SUITCASE}material/{material.pk}/download/",
        f"{SUITCASE}submit/",
        f"{SUITCASE}my-submissions/",
        f"{SUITCASE}switzerland-rotterdam/",
    ]


def test_the_suitcase_is_closed_to_visitors_and_outsiders(client, outsider, canary):
    for who, visitor in visitors(outsider, client):
        for url in suitcase_urls(canary):
            response = visitor.get(url)
            assert response.status_code == (302 if who == "anonymous" else 403), (who, url)
            if who == "anonymous":
                assert "/accounts/login/" in response["Location"]
            assert CANARY not in read(response)
            assert canary.document.url not in read(response)


def test_a_partner_sees_all_of_it(client, cites_user, canary):
    client.force_login(cites_user)
    body = read(client.get(SUITCASE, {"q": CANARY}))
    assert f"Module {CANARY}" in body
    assert CANARY in read(client.get(f"{SUITCASE}material/{canary.pk}/"))
    served = client.get(canary.document.url)
    assert served.status_code == 200 and CANARY in read(served)


def test_restricted_downloads_are_private_attachments(client, cites_user, canary):
    client.force_login(cites_user)
    response = client.get(canary.document.url)
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_document_serve_url_refuses_visitors(client, outsider, canary):
    for who, visitor in visitors(outsider, client):
        response = visitor.get(canary.document.url)
        assert response.status_code == (302 if who == "anonymous" else 403), who
        assert CANARY.encode() not in (
            b"".join(response.streaming_content) if response.streaming else response.content
        )


@pytest.mark.parametrize("debug", [True, False])
def test_the_file_is_never_served_from_media(client, cites_user, settings, canary, debug):
    settings.DEBUG = debug
    for visitor in (client, cites_user):
        if visitor is cites_user:
            client.force_login(cites_user)
        response = client.get("/media/" + canary.document.file.name)
        assert response.status_code == 404
        assert "%PDF" not in read(response)  # (the 404 page may echo the path asked for)


def test_the_documents_api_never_lists_them(client, cites_user, canary):
    client.force_login(cites_user)  # a session does not widen the API
    listing = client.get("/api/v2/documents/", {"limit": 100}).json()
    ids = {item["id"] for item in listing["items"]}
    suitcase_ids = set(
        get_document_model()
        .objects.filter(collection__name__in=["GCI suitcase", "Suitcase submissions"])
        .values_list("pk", flat=True)
    )
    assert suitcase_ids and not ids & suitcase_ids
    assert client.get(f"/api/v2/documents/{canary.document.pk}/").status_code == 404
    searched = client.get("/api/v2/documents/", {"search": CANARY}).json()
    assert searched["meta"]["total_count"] == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_search_finds_neither_materials_nor_partners_case_studies(
    client, outsider, canary, language
):
    for _who, visitor in visitors(outsider, client):
        for query in ("okapi", "Switzerland export notifications"):
            response = visitor.get(f"/{language}/search/", {"q": query})
            body = read(response)
            assert response.context["results"].paginator.count == 0
            assert f"Module {CANARY}" not in body and f"Summary {CANARY}" not in body
            assert "switzerland-rotterdam" not in body


def test_the_pages_api_and_sitemap_show_only_the_public_case_study(client, canary):
    pages = client.get("/api/v2/pages/", {"type": "materials.CaseStudyPage"}).json()
    assert [item["meta"]["slug"] for item in pages["items"]] == ["jamaica-rotterdam"]
    assert client.get("/api/v2/pages/", {"type": "materials.SuitcasePage"}).json()["items"] == []
    sitemap = read(client.get("/sitemap.xml"))
    assert "/case-studies/jamaica-rotterdam/" in sitemap
    assert "gci-suitcase" not in sitemap and "switzerland-rotterdam" not in sitemap


def test_a_public_case_study_names_its_materials_to_partners_only(client, cites_user):
    jamaica = CaseStudyPage.objects.get(slug="jamaica-rotterdam")
    material = jamaica.related_materials.get()
    anonymous = read(client.get(jamaica.url))
    assert client.get(jamaica.url).status_code == 200
    assert "Jamaica" in anonymous
    assert material.title not in anonymous and "gci-suitcase" not in anonymous
    client.force_login(cites_user)
    assert material.title in read(client.get(jamaica.url))


@pytest.fixture
def public_page_linking(canary):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(
        title="Workshop kit",
        slug="workshop-kit",
        body=[
            (
                "paragraph",
                f'<p>See <a linktype="document" id="{canary.document.pk}">the module</a>.</p>',
            )
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_public_page_linking_to_it_does_not_name_the_file(
    client, outsider, cites_user, canary, public_page_linking
):
    for who, visitor in visitors(outsider, client):
        body = read(visitor.get("/en/workshop-kit/"))
        assert "the module" in body, who  # the editor's words stay
        assert canary.document.url not in body and CANARY not in body, who
    client.force_login(cites_user)
    assert canary.document.url in read(client.get("/en/workshop-kit/"))


def test_the_pages_api_does_not_name_the_file_in_rich_text(client, canary, public_page_linking):
    detail = read(client.get(f"/api/v2/pages/{public_page_linking.pk}/"))
    assert CANARY not in detail


def test_a_partner_request_does_not_leak_into_the_next_anonymous_render(
    client, cites_user, canary, public_page_linking
):
    partner = Client()
    partner.force_login(cites_user)
    assert canary.document.url in read(partner.get("/en/workshop-kit/"))
    assert canary.document.url not in read(client.get("/api/v2/pages/", {"fields": "body"}))
    assert canary.document.url not in read(client.get("/en/workshop-kit/"))


def test_case_study_photos_of_partners_only_studies_must_be_restricted():
    from wagtail.images.tests.utils import get_test_image_file

    from gci.materials.collections import case_study_photos_collection
    from gci.materials.forms.case_studies import CaseStudyPageForm  # noqa: F401
    from gci.materials.models import SuitcasePage

    Image = __import__("wagtail.images", fromlist=["get_image_model"]).get_image_model()
    public_image = Image.objects.create(title="Port", file=get_test_image_file())
    private_image = Image.objects.create(
        title="Seizure", file=get_test_image_file(), collection=case_study_photos_collection()
    )
    suitcase = SuitcasePage.objects.get(locale__language_code="en")
    index = CaseStudyIndexPage.objects.get(locale__language_code="en")
    form_class = CaseStudyPage.get_edit_handler().get_form_class()

    def errors(parent, image):
        page = CaseStudyPage(title="x", slug="x")
        data = {
            "title": "Photo test",
            "slug": "photo-test",
            "photos-count": "1",
            "photos-0-deleted": "",
            "photos-0-order": "0",
            "photos-0-type": "photo",
            "photos-0-value-image": str(image.pk),
            "photos-0-value-caption": "",
            "photos-0-value-alt_text": "",
            "related_materials": [],
        }
        form = form_class(data, instance=page, parent_page=parent, for_user=None)
        form.is_valid()
        return form.errors.get("photos", [])

    assert errors(suitcase, public_image)  # Partners-only study, public photo
    assert not errors(suitcase, private_image)
    assert errors(index, private_image)  # public study, restricted photo
    assert not errors(index, public_image)
    # And the images API lists only the public one.
    listing = Client().get("/api/v2/images/", {"limit": 100}).json()
    titles = {item["title"] for item in listing["items"]}
    assert "Port" in titles and "Seizure" not in titles


def test_materials_are_not_pages_so_no_page_door_lists_them(canary):
    assert not hasattr(Material, "get_url_parts")
