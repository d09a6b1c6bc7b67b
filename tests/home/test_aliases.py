"""An alias of a Partners-area page is as closed as its original, through every
door (gci.home.visibility: visibility follows the original), and the admin
refuses to create one where the original's restrictions do not reach."""

import pytest
from django.test import Client
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.models import Page

from gci.home.models import HomePage, PartnersAreaPage, StandardPage
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

CANARY = "alias-canary-3kd8"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.GCI_PAGE_CACHE = True


@pytest.fixture
def original():
    area = PartnersAreaPage.objects.get(locale__language_code="en")
    page = StandardPage(
        title=f"Budget {CANARY}",
        slug="budget",
        intro=f"Figures {CANARY}",
        show_in_menus=True,
        body=[("paragraph", f"<p>{CANARY} details</p>")],
    )
    area.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def public_alias(original):
    """What an editor could do before: an alias under the public home."""
    home = HomePage.objects.get(locale__language_code="en")
    return CreatePageAliasAction(original, parent=home, update_slug="budget-copy").execute(
        skip_permission_checks=True
    )


def text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_alias_url_sends_an_anonymous_visitor_to_the_login_every_time(client, public_alias):
    assert public_alias.live and public_alias.url == "/en/budget-copy/"
    for _attempt in range(2):  # the second would be a page-cache hit
        response = client.get(public_alias.url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert response.get("X-GCI-Cache") != "hit"
        assert CANARY not in text(response)


def test_a_signed_in_outsider_is_refused(outsider, public_alias):
    client = Client()
    client.force_login(outsider)
    response = client.get(public_alias.url)
    assert response.status_code == 403
    assert CANARY not in text(response)


def test_a_partner_reads_it_there_too(cites_user, public_alias):
    client = Client()
    client.force_login(cites_user)
    response = client.get(public_alias.url)
    assert response.status_code == 200 and CANARY in text(response)


def test_the_api_sitemap_search_and_menus_do_not_show_it(client, public_alias):
    listing = client.get("/api/v2/pages/", {"limit": 100, "order": "-id"}).json()
    assert public_alias.pk not in {item["id"] for item in listing["items"]}
    assert client.get(f"/api/v2/pages/{public_alias.pk}/").status_code == 404
    found = client.get("/api/v2/pages/find/", {"html_path": "/en/budget-copy/"})
    assert found.status_code == 404
    searched = client.get("/api/v2/pages/", {"search": CANARY}).json()
    assert searched["items"] == []
    assert "budget-copy" not in text(client.get("/sitemap.xml"))
    results = text(client.get("/en/search/", {"q": CANARY}))  # the form repeats the query
    assert "budget-copy" not in results and f"Figures {CANARY}" not in results
    home = text(client.get("/en/"))
    assert "budget-copy" not in home and CANARY not in home


def test_the_admin_refuses_an_alias_outside_the_partners_area(client, secretariat_user, original):
    force_login_with_totp(client, secretariat_user)
    home = HomePage.objects.get(locale__language_code="en")
    response = client.post(
        f"/admin/pages/{original.pk}/copy/",
        {
            "new_title": original.title,
            "new_slug": "budget-copy",
            "new_parent_page": home.pk,
            "alias": "on",
        },
        follow=True,
    )
    assert "an alias shows the same content" in text(response)
    assert not Page.objects.filter(alias_of=original).exists()


@pytest.mark.parametrize("parent", ["", "abc", "1\x00", str(2**70), "-3", "987654321"])
@pytest.mark.parametrize("alias", ["on", ""])
def test_a_copy_into_a_page_that_is_not_there_is_refused_with_a_message(
    client, secretariat_user, original, parent, alias
):
    # Wagtail's view looked the parent up before its form did: a 500 before the hook.
    force_login_with_totp(client, secretariat_user)
    pages = Page.objects.count()
    response = client.post(
        f"/admin/pages/{original.pk}/copy/",
        {"new_title": "Copy", "new_slug": "budget-copy", "new_parent_page": parent, "alias": alias},
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/pages/{original.pk}/copy/"
    assert "does not exist (any more)" in text(response)
    assert Page.objects.count() == pages


def test_the_admin_allows_an_alias_inside_the_same_area(client, secretariat_user, original):
    force_login_with_totp(client, secretariat_user)
    planning = PartnersAreaPage.objects.get(locale__language_code="en").get_children().first()
    response = client.post(
        f"/admin/pages/{original.pk}/copy/",
        {
            "new_title": original.title,
            "new_slug": "budget-copy",
            "new_parent_page": planning.pk,
            "alias": "on",
        },
    )
    assert response.status_code == 302
    assert Page.objects.filter(alias_of=original, path__startswith=planning.path).exists()


def test_deleting_the_original_does_not_leave_its_text_public(client, original, public_alias):
    original.delete()
    public_alias.refresh_from_db()
    assert public_alias.alias_of_id is None and not public_alias.live
    response = client.get("/en/budget-copy/")
    assert response.status_code == 404
    assert CANARY not in text(response)
    assert "budget-copy" not in text(client.get("/sitemap.xml"))


def test_the_admin_refuses_to_convert_such_an_alias_into_an_ordinary_page(
    client, secretariat_user, public_alias
):
    force_login_with_totp(client, secretariat_user)
    response = client.post(f"/admin/pages/{public_alias.pk}/convert_alias/", follow=True)
    assert "converted into an ordinary page, it would be public" in text(response)
    public_alias.refresh_from_db()
    assert public_alias.alias_of_id is not None
    assert client.get("/en/budget-copy/").status_code == 200  # the Secretariat reads it
    client.logout()
    assert client.get("/en/budget-copy/").status_code == 302
