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
    draft = chapter(1, language)
    assert not draft.live
    assert client.get(draft.url).status_code == 404
    assert client.get(f"/{language}/green-customs-guide/").status_code == 404
