"""The site's identity and its home page: the GCI mark, the three things
visitors come for, Partners' logos or monograms, hero images, and the demo's
own illustrations."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from gci.home.models import HomePage, PartnerOrganisation, StandardPage
from gci.home.templatetags.home_tags import (
    MONOGRAM_COLOURS,
    monogram_colour,
    monogram_initials,
)
from gci.materials.models import GuidePage
from gci.site.memo import forget

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def make_image(title, description="", size=(320, 200), colour=(26, 127, 90)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    buffer.seek(0)
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    return image


def contrast(hex_colour, other=(255, 255, 255)):
    def luminance(rgb):
        def channel(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    light, dark = sorted((luminance(rgb), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The mark


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Green Customs Initiative"), ("ar", "مبادرة الجمارك الخضراء")]
)
def test_the_header_shows_the_gci_mark_named_in_the_page_language(client, language, name):
    page = soup(client.get(f"/{language}/"))
    brand = page.select_one("header .site-header__brand")
    mark = brand.select_one("svg.gci-mark")
    assert mark is not None, "the mark replaced the round placeholder"
    assert mark["role"] == "img"
    title = page.find(id=mark["aria-labelledby"])
    assert title.name == "title" and title.get_text(strip=True) == name
    # The link's name is the mark's: the written name beside it is not read twice.
    assert brand.select_one(".site-header__wordmark")["aria-hidden"] == "true"
    assert "GC</span>" not in str(brand)


def test_the_mark_is_the_favicon_and_signs_the_footer(client):
    page = soup(client.get("/en/"))
    assert page.select_one('link[rel="icon"]')["href"].endswith("gci/img/gci-mark.svg")
    assert page.select_one("footer .site-footer__brand svg.gci-mark") is not None


# The home page


def test_the_home_page_offers_the_guide_in_its_live_languages(client):
    live = {
        page.locale.language_code: page
        for page in GuidePage.objects.live().select_related("locale")
    }
    assert len(live) >= 2, "the demo publishes the Guide in several languages"
    page = soup(client.get("/en/"))
    guide_card = page.select_one(".home-task--guide")
    assert guide_card.select_one(".card__title a")["href"] == live["en"].url
    offered = {a["hreflang"]: a["href"] for a in guide_card.select(".tag-list a")}
    assert offered == {code: guide.url for code, guide in live.items()}

    # A translation taken offline is no longer offered.
    withdrawn = next(code for code in live if code != "en")
    live[withdrawn].unpublish()
    forget()
    page = soup(client.get("/en/"))
    offered = {a["hreflang"] for a in page.select(".home-task--guide .tag-list a")}
    assert withdrawn not in offered and "en" in offered


def test_the_home_page_finds_focal_points_and_events(client):
    from gci.calendar.models import EventIndexPage
    from gci.focal_points.models import FocalPointDirectoryPage

    directory = FocalPointDirectoryPage.objects.get(locale__language_code="en")
    page = soup(client.get("/en/"))
    form = page.select_one(".home-task--focal-points form")
    assert form["action"] == directory.url and form["method"] == "get"
    assert form.select_one('select[name="country"] option[value="JM"]') is not None
    # The form lands on that country's list.
    response = client.get(form["action"], {"country": "JM"})
    assert response.status_code == 302 and response["Location"].endswith("/country/JM/")

    calendar = EventIndexPage.objects.get(locale__language_code="en", depth=3)
    assert page.select_one(".home-task--events .card__title a")["href"] == calendar.url
    events = page.select(".home-events .event-item")
    assert 1 <= len(events) <= 3, "the next events are listed"
    assert page.select_one(".home-case-study .card__title a") is not None


# Partners: a logo, else a monogram


def test_partners_show_their_logo_or_a_monogram(client):
    cites = PartnerOrganisation.objects.get(locale__language_code="en", acronym="CITES")
    cites.logo = make_image("CITES logo")
    cites.save()
    forget()
    for url in ("/en/partners/", "/en/"):
        page = soup(client.get(url))
        logos = page.select(".org-mark--logo img")
        assert len(logos) == 1 and logos[0]["alt"] == "", "the name is written beside it"
        monograms = {m.get_text(strip=True) for m in page.select(".monogram")}
        assert {"WCO", "UNODC", "SBC"} <= monograms
        assert "CITES" not in monograms


def test_monograms_are_legible_and_keep_their_colour_in_every_language():
    for colour in MONOGRAM_COLOURS:
        assert contrast(colour) >= 4.5, colour
    wco = PartnerOrganisation.objects.filter(acronym="WCO").first()
    colours = {
        monogram_colour(org.translation_key)
        for org in PartnerOrganisation.objects.filter(translation_key=wco.translation_key)
    }
    assert len(colours) == 1
    assert monogram_initials("International Criminal Police Organization", "INTERPOL") == "ICPO"
    assert monogram_initials("World Customs Organization", "WCO") == "WCO"
    assert monogram_initials("المنظمة الدولية للشرطة الجنائية", "الإنتربول") == "م"


# Hero images


def test_a_hero_image_is_shown_with_its_alt_text_and_caption(client):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    image = make_image("Test hero", description="Officers inspecting a container", size=(900, 600))
    image.focal_point_x, image.focal_point_y = 700, 100
    image.focal_point_width, image.focal_point_height = 100, 100
    image.save()
    about.hero_image = image
    about.hero_caption = "Inspection at the port"
    about.save_revision().publish()
    page = soup(client.get(about.url))
    figure = page.select_one("figure.hero-figure")
    img = figure.select_one("img")
    assert img["alt"] == "Officers inspecting a container"
    assert re.search(r"fill-1200x400", img["src"]), img["src"]
    assert "fill-780x260" in img["srcset"]
    assert figure.select_one("figcaption").get_text(strip=True) == "Inspection at the port"

    about.hero_image = None
    about.save_revision().publish()
    assert soup(client.get(about.url)).select_one("figure.hero-figure") is None


def test_the_demo_home_page_shows_its_own_illustration(client):
    page = soup(client.get("/en/"))
    img = page.select_one(".home-hero figure.hero-figure img")
    assert img is not None and img["alt"].startswith("A drawing of a container ship")


def test_load_demo_twice_leaves_one_image_each():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    Image = get_image_model()
    titles = list(Image.objects.filter(title__startswith="Illustration").values_list("title"))
    assert len(titles) == 3 and len(set(titles)) == 3
    heroes = set(HomePage.objects.values_list("hero_image_id", flat=True))
    assert len(heroes) == 1 and None not in heroes
    captions = set(HomePage.objects.values_list("hero_caption", flat=True))
    assert len(captions) == HomePage.objects.count(), "a caption in each language"
