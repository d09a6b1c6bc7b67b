"""Draft translations, review comments and assignments reach nobody outside
the round: not an anonymous visitor, not a signed-in outsider, not a Partner
whose organisation is not invited — by page URL in any language, preview,
search, the API or the sitemap."""

import pytest

from gci.materials.models import GuideChapterPage, ReviewComment
from tests.factories.materials import chapter, chapter_url, current_round, round_url

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture
def french_draft():
    page = chapter(2, "fr")
    assert not page.live
    return page


@pytest.fixture
def wco_comment():
    return ReviewComment.objects.get(
        assignment__organisation__acronym="WCO", parent=None, assignment__round=current_round("fr")
    )


def test_a_draft_translation_is_not_served_in_any_language(client, french_draft):
    # Its address leads to the languages the chapter is live in, never to the draft.
    for url in (french_draft.url, f"/fr/green-customs-guide/{french_draft.slug}/"):
        response = client.get(url, follow=True)
        body = response.content.decode()
        assert response.redirect_chain[-1][0].startswith("/fr/not-available/")
        assert french_draft.title not in body
        assert "pas encore disponible en français" in body.lower()


def test_preview_of_a_draft_translation_needs_the_admin(client, cites_user, french_draft):
    url = f"/admin/pages/{french_draft.pk}/view_draft/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    client.force_login(cites_user)
    response = client.get(url)
    assert response.status_code == 302
    assert french_draft.title not in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_search_does_not_find_draft_translations_or_comments(
    client, french_draft, wco_comment, language
):
    for query in (french_draft.title, wco_comment.text[:30]):
        body = client.get(f"/{language}/search/", {"q": query}).content.decode()
        assert french_draft.url not in body
        assert wco_comment.text not in body


def test_the_api_lists_only_published_translations(client, french_draft, wco_comment):
    listing = client.get(
        "/api/v2/pages/", {"type": "materials.GuideChapterPage", "limit": 100}
    ).json()
    languages = {item["meta"]["locale"] for item in listing["items"]}
    published = set(
        GuideChapterPage.objects.live().public().values_list("locale__language_code", flat=True)
    )
    assert "fr" not in published  # the French chapter is a draft under review
    assert languages == published
    assert client.get(f"/api/v2/pages/{french_draft.pk}/").status_code == 404
    found = client.get("/api/v2/pages/find/", {"html_path": french_draft.url})
    assert found.status_code == 404
    searched = client.get("/api/v2/pages/", {"search": wco_comment.text[:30]}).content.decode()
    assert wco_comment.text not in searched


def test_the_sitemap_lists_published_chapters_only(client, french_draft):
    body = client.get("/sitemap.xml").content.decode()
    assert chapter(2, "es").url in body
    assert chapter(2).url in body
    assert french_draft.url not in body
    assert "/partners-area/guide-review/" not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_pages_are_closed_to_anonymous_visitors(client, language, wco_comment):
    french = current_round("fr")
    response = client.get(round_url(french, language))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = client.get(chapter_url(french, chapter(2)))
    assert response.status_code == 302


def test_the_review_pages_are_closed_to_a_signed_in_outsider(client, outsider, wco_comment):
    client.force_login(outsider)
    response = client.get(chapter_url(current_round("fr"), chapter(2)))
    assert response.status_code == 403
    assert wco_comment.text not in response.content.decode()


def test_a_partner_outside_the_round_sees_neither_comments_nor_drafts(
    client, wco_comment, french_draft
):
    from tests.factories.materials import partner_of

    client.force_login(partner_of("UNODC"))  # not invited to the French round
    french = current_round("fr")
    for url in (round_url(french), chapter_url(french, chapter(2))):
        response = client.get(url)
        assert response.status_code == 404
        assert wco_comment.text not in response.content.decode()
    listing = client.get(round_url(french).rsplit("/", 2)[0] + "/").content.decode()
    assert "French" not in listing


def test_an_invited_partner_reads_the_round(client, cites_user, wco_comment, french_draft):
    client.force_login(cites_user)
    french = current_round("fr")
    response = client.get(chapter_url(french, chapter(2)))
    assert response.status_code == 200
    body = response.content.decode()
    assert wco_comment.text in body
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
