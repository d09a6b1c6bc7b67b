"""The headless read API: what an anonymous visitor can read, nothing more."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_endpoint_lists_public_pages_in_every_language(client):
    for code in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
        data = client.get("/api/v2/pages/", {"limit": 100, "locale": code}).json()
        assert data["meta"]["total_count"] >= 4
        assert {item["meta"]["locale"] for item in data["items"]} == {code}
        assert all("partners-area" not in i["meta"]["html_url"] for i in data["items"])
    about = client.get(
        "/api/v2/pages/", {"type": "home.StandardPage", "locale": "fr", "fields": "intro"}
    ).json()["items"]
    assert [page["intro"][:14] for page in about] == ["Un partenariat"]


def test_page_detail_carries_the_api_fields(client):
    data = client.get("/api/v2/pages/", {"slug": "about", "locale": "en"}).json()
    detail = client.get(f"/api/v2/pages/{data['items'][0]['id']}/").json()
    assert detail["intro"].startswith("A partnership")
    assert detail["body"][0]["type"] == "paragraph"


def test_partners_page_lists_the_organisations(client):
    data = client.get(
        "/api/v2/pages/",
        {"type": "home.PartnerIndexPage", "locale": "es", "fields": "organisations"},
    ).json()
    names = [org["name"] for org in data["items"][0]["organisations"]]
    assert "Organización Mundial de Aduanas" in names
    assert len(names) == 11


def test_search_through_the_api(client):
    data = client.get("/api/v2/pages/", {"search": "Venezuela", "locale": "en"}).json()
    assert "about" in [item["meta"]["slug"] for item in data["items"]]
    assert all(item["meta"]["locale"] == "en" for item in data["items"])


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("offset", [2**63, 2**70])
def test_an_offset_past_what_the_database_takes_is_a_400(client, endpoint, offset):
    response = client.get(f"/api/v2/{endpoint}/", {"offset": offset})
    assert response.status_code == 400
    assert "offset must be at most" in response.json()["message"]


def test_the_largest_offset_is_an_empty_page(client):
    response = client.get("/api/v2/pages/", {"offset": 2**63 - 1})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    ("endpoint", "model"),
    [("images", "wagtailimages.Image"), ("documents", "wagtaildocs.Document")],
)
def test_images_and_documents_endpoints_list_those_of_open_collections(client, endpoint, model):
    from django.apps import apps

    public = {
        item.pk
        for item in apps.get_model(model).objects.select_related("collection")
        if not item.collection.get_view_restrictions().exists()
    }
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 100})
    assert response.status_code == 200
    assert {item["id"] for item in response.json()["items"]} == public
    assert response.json()["meta"]["total_count"] == len(public)


def test_a_missing_id_is_a_json_404_not_a_redirect(client):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_bad_filter_is_a_400_not_a_500(client):
    assert client.get("/api/v2/pages/", {"type": "nope.Nope"}).status_code == 400
    assert client.get("/api/v2/pages/", {"limit": "abc"}).status_code == 400


@pytest.mark.parametrize(
    ("path", "slug"), [("/fr/about/", "about"), ("/zh-hans/", "home-zh-hans"), ("/about/", "about")]
)
def test_find_by_public_url_with_its_language_prefix(client, path, slug):
    response = client.get("/api/v2/pages/find/", {"html_path": path}, follow=True)
    assert response.status_code == 200
    assert response.json()["meta"]["slug"] == slug


def test_find_does_not_reveal_the_partners_area(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/fr/partners-area/"}, follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "garbage"},
        {"end_date": "2009-02-30"},
        {"start_time": "25:99"},
    ],
)
def test_event_date_filters_refuse_bad_dates_with_a_400(client, query):
    response = client.get("/api/v2/pages/", {"type": "gci_calendar.EventPage", **query})
    assert response.status_code == 400
