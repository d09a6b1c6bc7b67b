"""The demo is content read from data files: every file reaches the site, a
translation that drifts from its English chapter is refused, and running
`load_demo` again adds nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Locale, Revision
from wagtail_localize.models import StringTranslation

from gci.calendar.models import ActionPoint, EventPage
from gci.home.datafiles import read_markdown
from gci.materials.demo import guide
from gci.materials.models import GuideChapterPage, GuidePage, Material

pytestmark = pytest.mark.django_db


def chapter_files():
    """(language, file) for every translated chapter file of the demo Guide."""
    return [
        (folder.name, path)
        for folder in sorted(guide.CHAPTERS.iterdir())
        for path in sorted(folder.glob("*.md"))
        if folder.name != "en"
    ]


def test_every_language_of_every_chapter_is_loaded():
    files = chapter_files()
    assert {language for language, _path in files} == {"fr", "es", "ru", "ar", "zh-hans"}
    for language, path in files:
        front, _body = read_markdown(path)
        english, _body = read_markdown(guide.CHAPTERS / "en" / path.name)
        if "slug" in english:
            source = GuideChapterPage.objects.get(locale__language_code="en", slug=english["slug"])
        else:
            source = GuidePage.objects.get(locale__language_code="en")
        translated = source.get_translation(Locale.objects.get(language_code=language))
        latest = translated.get_latest_revision_as_object()
        assert latest.title == front["title"], (language, path.name)


def test_every_english_chapter_is_a_page_in_file_order():
    chapters = [
        read_markdown(path)[0]
        for path in sorted((guide.CHAPTERS / "en").glob("*.md"))
        if path.name != "00-guide.md"
    ]
    pages = GuideChapterPage.objects.filter(locale__language_code="en").order_by("number")
    assert [(page.slug, page.title) for page in pages] == [
        (front["slug"], front["title"]) for front in chapters
    ]


def test_a_chapter_file_becomes_blocks():
    body = "## Heading\n\nOne paragraph\nover two lines.\n\n::: note tip\nA tip.\n:::\n"
    assert guide.parse_blocks(body) == [
        ("heading", "Heading"),
        ("paragraph", "One paragraph over two lines."),
        ("note", "tip", "A tip."),
    ]


def test_an_unclosed_block_is_refused():
    with pytest.raises(ValueError, match="not closed"):
        guide.parse_blocks("::: treaty basel\nText without its closing fence.\n")


def write_chapters(folder, chapters):
    """Chapter files: {language: {file name: body}}."""
    for language, files in chapters.items():
        (folder / language).mkdir()
        (folder / language / "00-guide.md").write_text("---\ntitle: Guide\n---\n\nIntro.\n")
        for name, body in files.items():
            front = "---\nslug: one\ntitle: One\nsummary: S.\n---\n\n"
            (folder / language / name).write_text(front + body)


def test_a_translation_without_the_english_blocks_is_refused(tmp_path, monkeypatch):
    write_chapters(
        tmp_path, {"en": {"01-one.md": "## Heading\n\nText.\n"}, "fr": {"01-one.md": "Texte.\n"}}
    )
    monkeypatch.setattr(guide, "CHAPTERS", tmp_path)
    with pytest.raises(ValueError, match="does not have the blocks"):
        guide.guide_text()


def test_a_translation_of_no_english_chapter_is_refused(tmp_path, monkeypatch):
    write_chapters(tmp_path, {"en": {"01-one.md": "Text.\n"}, "fr": {"02-two.md": "Texte.\n"}})
    monkeypatch.setattr(guide, "CHAPTERS", tmp_path)
    with pytest.raises(ValueError, match="translates no English chapter"):
        guide.guide_text()


def test_running_it_again_adds_no_revision_document_or_translation():
    def counts():
        return (
            Revision.objects.count(),
            get_document_model().objects.count(),
            StringTranslation.objects.count(),
            EventPage.objects.count(),
            ActionPoint.objects.count(),
            Material.objects.count(),
        )

    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
