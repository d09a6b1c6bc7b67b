"""The public directory: by treaty, by country, in every language, in the API."""

import pytest
from wagtail.models import Locale

from gci.focal_points.models import FocalPointLink, LinkCheck, OrganisationFocalPointsPage
from gci.focal_points.patterns import fill, validate_pattern

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def test_by_treaty_lists_every_organisations_links(client):
    response = client.get("/en/focal-points/")
    assert response.status_code == 200
    names = [treaty["name"] for treaty in response.context["treaties"]]
    assert {
        "Basel Convention",
        "CITES",
        "Montreal Protocol",
        "Cartagena Protocol on Biosafety",
    } <= set(names)
    assert "https://cites.org/eng/cms/index.php/component/cp" in response.content.decode()


def test_picking_kenya_gives_every_treatys_page_for_kenya(client):
    response = client.get("/en/focal-points/", {"country": "ke"})
    assert response["Location"] == "/en/focal-points/country/KE/"
    response = client.get("/en/focal-points/country/KE/")
    body = response.content.decode()
    assert "Focal points: Kenya" in body
    # The pattern where the organisation has a page per country...
    assert 'href="https://cites.org/eng/cms/index.php/component/cp/country/KE"' in body
    assert 'href="https://bch.cbd.int/en/countries/ke"' in body
    # ...and the general list where it has none.
    assert 'href="https://www.opcw.org/about-us/member-states"' in body
    assert (
        len(response.context["rows"])
        == FocalPointLink.objects.filter(page__locale__language_code="en", page__live=True).count()
    )


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "Kenya"),
        ("es", "Kenia"),
        ("ru", "Кения"),
        ("ar", "كينيا"),
        ("zh-hans", "肯尼亚"),
    ],
)
def test_countries_are_named_in_the_visitors_language(client, language, name):
    body = client.get(f"/{language}/focal-points/country/KE/").content.decode()
    assert name in body
    if language == "ar":
        assert 'dir="rtl"' in body


@pytest.mark.parametrize(
    "url",
    [
        "/en/focal-points/country/XX/",
        "/en/focal-points/?country=ZZ",
        "/en/focal-points/country/K1/",
    ],
)
def test_an_unknown_country_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_translated_labels_are_used_where_a_translation_exists(client):
    page = OrganisationFocalPointsPage.objects.get(slug="cites", locale__language_code="en")
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.links.all()[0].label = "Autorités CITES nationales"
    links = list(french.links.all())
    links[0].label = "Autorités CITES nationales"
    french.links = links
    french.save_revision().publish()
    body = client.get("/fr/focal-points/").content.decode()
    assert "Autorités CITES nationales" in body
    assert "National CITES authorities" not in body


def test_last_verified_is_shown(client):
    from django.utils import timezone

    LinkCheck.objects.create(
        url="https://cites.org/eng/cms/index.php/component/cp",
        ok=True,
        status_code=200,
        checked_at=timezone.now(),
        last_good_at=timezone.now(),
    )
    LinkCheck.objects.create(
        url="https://ozone.unep.org/countries", ok=False, status_code=404, checked_at=timezone.now()
    )
    body = client.get("/en/focal-points/").content.decode()
    assert "verified" in body and "not reachable at the last check" in body


def test_the_directory_is_in_the_read_api(client):
    data = client.get(
        "/api/v2/pages/",
        {
            "type": "focal_points.OrganisationFocalPointsPage",
            "locale": "en",
            "fields": "organisation_acronym,directory",
            "limit": 50,
        },
    ).json()
    by_acronym = {item["organisation_acronym"]: item["directory"] for item in data["items"]}
    assert len(by_acronym) == 11
    cites = by_acronym["CITES"][0]
    assert cites["treaty"] == "cites"
    assert cites["country_url_pattern"].endswith("{iso2}")
    assert set(cites) >= {"kind", "url", "last_verified", "status"}


def test_organisation_pages_redirect_to_the_directory(client):
    response = client.get("/en/focal-points/cites/")
    assert response.status_code == 302 and response["Location"] == "/en/focal-points/"


@pytest.mark.parametrize(
    ("pattern", "ok"),
    [
        ("https://example.org/{iso2}", True),
        ("https://example.org/{iso3_lower}/contacts", True),
        ("https://example.org/{country}", False),
        ("https://example.org/", False),
        ("ftp://example.org/{iso2}", False),
        ("javascript:alert({iso2})", False),
        ("https://example.org/{iso2", False),
    ],
)
def test_country_patterns_are_validated(pattern, ok):
    from django.core.exceptions import ValidationError

    if ok:
        validate_pattern(pattern)
    else:
        with pytest.raises(ValidationError):
            validate_pattern(pattern)


def test_patterns_fill_in_iso_codes():
    assert fill("https://x.org/{iso2}/{iso3}/{iso2_lower}/{iso3_lower}", "KE") == (
        "https://x.org/KE/KEN/ke/ken"
    )
