"""The Guide as the public reads it: contents, chapters, numbered sections,
its published languages only."""

import pytest

from gci.materials.models import GuideChapterPage
from tests.factories.materials import chapter

pytestmark = pytest.mark.django_db


def test_the_contents_list_every_published_chapter_with_its_sections(client):
    body = client.get("/en/green-customs-guide/").content.decode()
    chapters = GuideChapterPage.objects.live().filter(locale__language_code="en")
    assert chapters.count() == 6
    for page in chapters:
        assert page.title in body
        assert f"{page.number}.1 " in body  # the first numbered section is listed


def test_a_chapter_numbers_its_sections_and_links_its_neighbours(client):
    second = chapter(2)
    body = client.get(second.url).content.decode()
    headings = [b for b in second.body if b.block_type == "heading"]
    assert f'id="section-{headings[0].id}"' in body
    assert f"2.1</span> {headings[0].value['text']}" in body
    assert f"2.2</span> {headings[1].value['text']}" in body
    assert chapter(1).url in body and chapter(3).url in body
    assert 'aria-current="page"' in body


def test_the_published_spanish_guide_is_read_in_spanish(client):
    spanish = chapter(1, "es")
    response = client.get(spanish.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert spanish.title in body and chapter(1).title not in body
    assert '<html lang="es"' in body


def test_the_language_switcher_leads_to_the_same_chapter(client):
    body = client.get(chapter(4).url).content.decode()
    assert f'href="{chapter(4, "es").url}"' in body


@pytest.mark.parametrize("language", ["fr", "ru", "ar"])
def test_unreviewed_translations_are_not_served(client, language):
    """A draft's address serves no draft: it leads to the page that says the
    chapter is not yet available in that language (gci.site.languages)."""
    draft = chapter(1, language)
    assert not draft.live
    for url, source in ((draft.url, chapter(1)), (f"/{language}/green-customs-guide/", None)):
        response = client.get(url, follow=True)
        assert response.redirect_chain[0][1] == 302
        assert "/not-available/" in response.redirect_chain[-1][0]
        body = response.content.decode()
        assert draft.title not in body
        assert 'class="language-banner"' in body
        if source is not None:
            assert source.title in body


def _guide_download(title, collection=None):
    """A PDF set as the English Guide's download, behind the editor's back."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from gci.home.demo.support import minimal_pdf
    from tests.factories.materials import english_guide

    document = get_document_model().objects.create(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        file=ContentFile(minimal_pdf(title), name=f"{title.lower().replace(' ', '-')}.pdf"),
    )
    type(english_guide()).objects.filter(pk=english_guide().pk).update(download=document)
    return document


def test_the_guide_page_never_names_a_restricted_download(client, cites_user):
    """Locked door: a restricted file set as the download (by mistake, or in a
    translation) is not even linked for a visitor who may not read it."""
    from gci.materials.collections import suitcase_collection

    document = _guide_download("Draft guide for partners", suitcase_collection())
    body = client.get("/en/green-customs-guide/").content.decode()
    assert "Download the whole Guide" not in body
    assert document.url not in body
    assert document.filename not in body
    client.force_login(cites_user)  # who may read it still gets the link
    assert document.url in client.get("/en/green-customs-guide/").content.decode()


def test_the_guide_page_links_a_public_download(client):
    document = _guide_download("Green Customs Guide PDF")
    body = client.get("/en/green-customs-guide/").content.decode()
    assert "Download the whole Guide" in body
    assert document.url in body


def test_the_guide_editor_refuses_a_download_from_a_restricted_collection():
    from gci.materials.collections import suitcase_collection
    from tests.factories.materials import SuitcaseDocumentFactory, english_guide

    guide = english_guide()
    form_class = type(guide).get_edit_handler().get_form_class()

    def errors(document):
        data = {"title": guide.title, "slug": guide.slug, "intro": guide.intro}
        data["download"] = str(document.pk)
        form = form_class(data, instance=guide, parent_page=guide.get_parent(), for_user=None)
        form.is_valid()
        return form.errors.get("download", [])

    restricted = SuitcaseDocumentFactory(title="Partners' draft")
    assert restricted.collection == suitcase_collection()
    assert "restricted collection" in " ".join(errors(restricted))
    public = _guide_download("Green Customs Guide PDF")
    assert errors(public) == []


def test_the_guides_treaties_are_the_focal_point_directorys_conventions():
    """One list of treaties: the Guide's treaty references take their values
    and labels from the focal-point directory's, so the two cannot drift."""
    from gci.home.choices import Treaty as AnyTreaty
    from gci.materials.choices import Treaty

    assert Treaty.values == AnyTreaty.values[:7] and "cwc" in Treaty.values
    for treaty in Treaty:
        assert treaty.label is AnyTreaty(treaty.value).label
