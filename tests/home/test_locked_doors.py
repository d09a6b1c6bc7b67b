"""Restricted content never reaches an anonymous visitor or a signed-in
outsider, through any door: page URL in every language, search, the API,
the sitemap, menus, documents."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from gci.home.models import HomePage, PartnersAreaPage, StandardPage
from tests.helpers import visitors

pytestmark = pytest.mark.django_db

CANARY = "zebra-canary-7fq2"
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def add_translated_page(parent, slug, title, body_word):
    page = StandardPage(
        title=title,
        slug=slug,
        intro=f"About {body_word}",
        show_in_menus=True,
        body=[("paragraph", f"<p>{body_word} details</p>")],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    for code in LANGUAGES[1:]:
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.title = f"{title} {code}"
        translation.save_revision().publish()
    return page


@pytest.fixture
def restricted_page():
    """A page inside the Partners area, translated into every language."""
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    return add_translated_page(area, "canary", f"Secret {CANARY}", CANARY)


@pytest.fixture
def late_restricted_page(django_capture_on_commit_callbacks):
    """A public page translated first, then restricted on its English source."""
    home = HomePage.objects.get(locale__language_code="en")
    page = add_translated_page(home, "late", f"Late {CANARY}", CANARY)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=["Partners", "Secretariat"]))
    return page


def test_restriction_on_a_source_reaches_its_translations_at_once(late_restricted_page):
    for translation in late_restricted_page.get_translations():
        restrictions = translation.get_view_restrictions()
        assert len(restrictions) == 1
        assert set(restrictions[0].groups.values_list("name", flat=True)) == {
            "Partners",
            "Secretariat",
        }


def test_lifting_a_restriction_lifts_it_in_every_language(
    late_restricted_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=late_restricted_page).delete()
    for translation in late_restricted_page.get_translations():
        assert not translation.get_view_restrictions()


def test_changing_the_groups_reaches_the_translations(
    late_restricted_page, django_capture_on_commit_callbacks
):
    restriction = PageViewRestriction.objects.get(page=late_restricted_page)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.remove(Group.objects.get(name="Partners"))
    for translation in late_restricted_page.get_translations():
        groups = translation.get_view_restrictions()[0].groups.values_list("name", flat=True)
        assert list(groups) == ["Secretariat"]


@pytest.mark.parametrize("change", ["remove", "clear"])
def test_changing_the_groups_from_the_groups_side_reaches_the_translations(
    late_restricted_page, django_capture_on_commit_callbacks, change
):
    restriction = PageViewRestriction.objects.get(page=late_restricted_page)
    partners = Group.objects.get(name="Partners")
    with django_capture_on_commit_callbacks(execute=True):
        if change == "remove":
            partners.pageviewrestriction_set.remove(restriction)
        else:
            partners.pageviewrestriction_set.clear()
    for translation in late_restricted_page.get_translations():
        groups = translation.get_view_restrictions()[0].groups.values_list("name", flat=True)
        assert list(groups) == ["Secretariat"]


def test_adding_a_group_from_the_groups_side_reaches_the_translations(
    late_restricted_page, django_capture_on_commit_callbacks
):
    restriction = PageViewRestriction.objects.get(page=late_restricted_page)
    editors = Group.objects.create(name="Guide editors")
    with django_capture_on_commit_callbacks(execute=True):
        editors.pageviewrestriction_set.add(restriction)
    for translation in late_restricted_page.get_translations():
        groups = translation.get_view_restrictions()[0].groups.values_list("name", flat=True)
        assert "Guide editors" in groups


def test_deleting_one_translation_leaves_the_others_closed(
    client, django_capture_on_commit_callbacks
):
    french_area = PartnersAreaPage.objects.get(locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        french_area.delete()
    for code in ["en", "es", "ru", "ar", "zh-hans"]:
        for path in ["partners-area/", "partners-area/fifth-partners-meeting/"]:
            response = client.get(f"/{code}/{path}")
            assert response.status_code == 302, (code, path)
    assert "partners-area" not in client.get("/sitemap.xml").content.decode()


def test_deleting_the_source_leaves_the_translations_closed(
    client, django_capture_on_commit_callbacks
):
    english_area = PartnersAreaPage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        english_area.delete()
    for code in ["fr", "es", "ru", "ar", "zh-hans"]:
        assert client.get(f"/{code}/partners-area/").status_code == 302


def test_translating_with_wagtail_localize_keeps_the_groups(
    client, cites_user, secretariat_user, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import TranslationCreator

    home = HomePage.objects.get(locale__language_code="en")
    memo = StandardPage(title="Memo", slug="memo", body=[("paragraph", f"<p>{CANARY}</p>")])
    home.add_child(instance=memo)
    memo.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=memo, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=["Partners", "Secretariat"]))
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(
            secretariat_user, [Locale.objects.get(language_code="fr")]
        ).create_translations(memo)
    french = memo.get_translation(Locale.objects.get(language_code="fr"))
    for page in (memo, french):
        groups = page.get_view_restrictions()[0].groups.values_list("name", flat=True)
        assert set(groups) == {"Partners", "Secretariat"}
    client.force_login(cites_user)
    assert client.get("/en/memo/").status_code == 200
    client.logout()
    assert client.get("/en/memo/").status_code == 302


@pytest.mark.parametrize("fixture", ["restricted_page", "late_restricted_page"])
def test_page_url_in_every_language_is_closed(request, client, outsider, fixture):
    page = request.getfixturevalue(fixture)
    urls = [p.url for p in [page, *page.get_translations()]]
    assert len(urls) == 6
    for who, visitor in visitors(outsider, client):
        for url in urls:
            response = visitor.get(url)
            assert response.status_code == (302 if who == "anonymous" else 403), (who, url)
            assert CANARY not in response.content.decode()


def test_a_partner_reads_it_in_every_language(client, cites_user, late_restricted_page):
    client.force_login(cites_user)
    for page in [late_restricted_page, *late_restricted_page.get_translations()]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert CANARY in response.content.decode()


@pytest.mark.parametrize("fixture", ["restricted_page", "late_restricted_page"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_site_search_does_not_find_it(request, client, outsider, fixture, language):
    request.getfixturevalue(fixture)
    for _who, visitor in visitors(outsider, client):
        response = visitor.get(f"/{language}/search/", {"q": CANARY})
        assert response.status_code == 200
        assert response.context["results"].paginator.count == 0
        body = response.content.decode()
        assert f"Secret {CANARY}" not in body and f"Late {CANARY}" not in body
        assert "/canary/" not in body and "/late/" not in body


def test_site_search_finds_it_for_a_partner(client, cites_user, restricted_page):
    client.force_login(cites_user)
    body = client.get("/en/search/", {"q": CANARY}).content.decode()
    assert f'href="{restricted_page.url}"' in body


@pytest.mark.parametrize(
    ("fixture", "parent_listing"),
    [
        ("restricted_page", 400),  # its parent, the Partners area, is unknown to the API
        ("late_restricted_page", 200),  # its parent, the home page, is public
    ],
)
def test_api_lists_details_and_searches_do_not_include_it(
    request, client, outsider, fixture, parent_listing
):
    page = request.getfixturevalue(fixture)
    ids = [p.pk for p in [page, *page.get_translations()]]
    for _who, visitor in visitors(outsider, client):
        listing = visitor.get("/api/v2/pages/", {"limit": 100})
        assert listing.status_code == 200
        assert CANARY not in listing.content.decode()
        listed_ids = {item["id"] for item in listing.json()["items"]}
        assert not listed_ids & set(ids)
        for pk in ids:
            assert visitor.get(f"/api/v2/pages/{pk}/").status_code == 404
        found = visitor.get("/api/v2/pages/", {"search": CANARY})
        assert found.json()["meta"]["total_count"] == 0
        siblings = visitor.get("/api/v2/pages/", {"child_of": page.get_parent().pk})
        assert siblings.status_code == parent_listing
        assert CANARY not in siblings.content.decode()


def test_api_ignores_a_partners_session(client, cites_user, restricted_page):
    """The read API is anonymous: a session cookie never widens it."""
    client.force_login(cites_user)
    assert client.get(f"/api/v2/pages/{restricted_page.pk}/").status_code == 404


@pytest.mark.parametrize("fixture", ["restricted_page", "late_restricted_page"])
def test_sitemap_lists_every_language_but_not_it(request, client, fixture):
    page = request.getfixturevalue(fixture)
    body = client.get("/sitemap.xml").content.decode()
    for code in LANGUAGES:
        assert f"http://testserver/{code}/about/" in body
    assert "partners-area" not in body
    for p in [page, *page.get_translations()]:
        assert p.full_url not in body


def test_menus_do_not_show_it(client, outsider, late_restricted_page):
    for _who, visitor in visitors(outsider, client):
        for code in LANGUAGES:
            body = visitor.get(f"/{code}/").content.decode()
            assert CANARY not in body
            assert "/late/" not in body


@pytest.fixture
def restricted_document():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=["Partners", "Secretariat"]))
    document = Document(title=f"Doc {CANARY}", collection=collection)
    document.file.save("canary-notes.pdf", ContentFile(b"%PDF-1.4 " + CANARY.encode()))
    document.save()
    return document


def test_restricted_document_is_refused_through_its_serve_url(
    client, outsider, restricted_document
):
    for who, visitor in visitors(outsider, client):
        response = visitor.get(restricted_document.url)
        assert response.status_code == (302 if who == "anonymous" else 403), who
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert CANARY.encode() not in body


def test_restricted_document_reaches_a_partner(client, cites_user, restricted_document):
    client.force_login(cites_user)
    response = client.get(restricted_document.url)
    assert response.status_code == 200
    assert CANARY.encode() in b"".join(response.streaming_content)


def test_restricted_document_is_absent_from_the_documents_api(client, restricted_document):
    listing = client.get("/api/v2/documents/")
    assert CANARY not in listing.content.decode()
    assert client.get(f"/api/v2/documents/{restricted_document.pk}/").status_code == 404
    assert client.get("/api/v2/documents/", {"search": CANARY}).json()["meta"]["total_count"] == 0


def test_media_url_of_a_document_is_never_served(client, settings, restricted_document):
    settings.DEBUG = True
    response = client.get("/media/" + restricted_document.file.name)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "images/../documents/{name}",
        "images/%2e%2e/documents/{name}",
        "original_images/../documents/{name}",
        "images/..%2fdocuments/{name}",
        "documents/{name}",
    ],
)
def test_dev_media_view_cannot_be_walked_to_documents(client, settings, restricted_document, path):
    settings.DEBUG = True
    name = restricted_document.file.name.split("/", 1)[1]
    response = client.get("/media/" + path.format(name=name))
    assert response.status_code in (400, 404)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert CANARY.encode() not in body


def _image_in(collection):
    from io import BytesIO

    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return Image.objects.create(
        title=f"Chart {CANARY}",
        collection=collection,
        file=ContentFile(buffer.getvalue(), name="chart.png"),
    )


def test_dev_media_view_serves_public_images_but_not_restricted_ones(
    client, settings, restricted_document
):
    settings.DEBUG = True
    public = _image_in(Collection.get_first_root_node())
    restricted = _image_in(restricted_document.collection)
    assert client.get("/media/" + public.file.name).status_code == 200
    assert client.get("/media/" + restricted.file.name).status_code == 404
    assert CANARY not in client.get("/api/v2/images/").content.decode().replace(public.title, "")


def test_dev_media_view_is_off_without_debug(client, settings):
    settings.DEBUG = False
    assert client.get("/media/images/anything.png").status_code == 404


def test_document_links_on_public_pages_name_only_public_documents(rf, restricted_document):
    from django.contrib.auth.models import AnonymousUser

    from gci.home.visibility import document_visible_to

    request = rf.get("/en/")
    request.user = AnonymousUser()
    request.session = {}
    assert document_visible_to(restricted_document, request) is False
    public = Document(title="Public", collection=Collection.get_first_root_node())
    assert document_visible_to(public, request) is True


def test_the_partners_area_stays_closed_even_without_its_restriction(
    client, outsider, django_capture_on_commit_callbacks
):
    """Belt and braces: the area is closed by its page type as well."""
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page__in=PartnersAreaPage.objects.all()).delete()
    assert not PageViewRestriction.objects.exists()
    for who, visitor in visitors(outsider, client):
        for code in LANGUAGES:
            for path in ["partners-area/", "partners-area/fifth-partners-meeting/"]:
                response = visitor.get(f"/{code}/{path}")
                assert response.status_code == (302 if who == "anonymous" else 403)
        assert "partners-area" not in visitor.get("/api/v2/pages/", {"limit": 100}).content.decode()
        assert "partners-area" not in visitor.get("/sitemap.xml").content.decode()
        search = visitor.get("/en/search/", {"q": "Brussels"})
        assert "/partners-area/" not in search.content.decode()
        assert "/en/partners-area/" not in visitor.get("/en/").content.decode()


def test_api_child_of_the_partners_area_lists_nothing(client, outsider):
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    for _who, visitor in visitors(outsider, client):
        response = visitor.get("/api/v2/pages/", {"child_of": area.pk})
        assert response.status_code == 400
        response = visitor.get("/api/v2/pages/", {"descendant_of": area.pk})
        assert response.status_code == 400


@pytest.mark.parametrize("language", ["en", "fr"])
def test_shared_password_form_is_not_served(client, language):
    restriction = PageViewRestriction.objects.first()
    response = client.get(
        f"/{language}/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/"
    )
    assert response.status_code == 404
