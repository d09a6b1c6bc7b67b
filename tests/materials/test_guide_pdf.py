"""The Guide in print: one PDF per published language, built from its live
pages once per published revision, never on a visitor's request; a
translation without a completed review round gets none. Each build costs a
second or two, so these tests build few PDFs (the demo Guide)."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from gci.materials.collections import GUIDE_PDFS
from gci.materials.guide_pdf import BUILT, NONE, UP_TO_DATE, build_all
from gci.materials.models import GuidePage, GuidePdf
from tests.factories.materials import chapter

pytestmark = pytest.mark.django_db


def guide(language):
    return GuidePage.objects.get(locale__language_code=language)


def pdf_text(record):
    with record.document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return [page.extract_text() for page in reader.pages]


def test_the_english_pdf_has_cover_contents_with_page_numbers_and_numbered_chapters(client):
    assert build_all("en") == {"en": BUILT}
    record = GuidePdf.objects.get(guide=guide("en"))
    pages = pdf_text(record)
    first = chapter(1)
    assert guide("en").title in pages[0] and "Revision of" in pages[0]
    contents = pages[1]
    assert "Contents" in contents
    _block, label, heading, _level = next(s for s in first.sections if s[3] == "h2")
    # The contents line ends with the page its section starts on (target-counter).
    line = next(line for line in contents.splitlines() if heading in line)
    assert line.startswith(label) and line.rstrip().split()[-1].isdigit()
    body = "\n".join(pages[2:])
    for page in guide("en").chapters():
        assert page.title.split()[0] in body
    assert f"{label}  {heading}" in body or f"{label} {heading}" in body
    # Public collection, served to anyone, linked from the Guide and its chapters.
    assert record.document.collection.name == GUIDE_PDFS
    assert not record.document.collection.get_view_restrictions().exists()
    response = client.get(record.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    for url in (guide("en").url, first.url):
        page = client.get(url).content.decode()
        assert "Download the Guide (PDF)" in page and record.document.url in page


def test_a_reviewed_translation_gets_a_pdf_and_an_unreviewed_one_none(client):
    # Spanish: round complete and published (demo). French: round open.
    assert build_all("fr") == {"fr": NONE}
    assert build_all("es") == {"es": BUILT}
    assert not GuidePdf.objects.filter(guide__locale__language_code="fr").exists()
    record = GuidePdf.objects.get(guide=guide("es"))
    pages = pdf_text(record)
    assert guide("es").title in pages[0]
    assert chapter(1, "es").title.split()[0] in "\n".join(pages[2:])
    page = client.get(guide("es").url).content.decode()
    assert record.document.url in page
    assert "Download the Guide (PDF)" not in client.get(chapter(1).url).content.decode()


def test_a_visitor_never_triggers_a_build(client):
    response = client.get(guide("en").url)
    assert response.status_code == 200
    assert client.get(chapter(1).url).status_code == 200
    assert not GuidePdf.objects.exists()
    assert "Download the Guide (PDF)" not in response.content.decode()


def test_a_publish_builds_in_a_task_and_replaces_the_document(
    settings, django_capture_on_commit_callbacks
):
    settings.GCI_GUIDE_PDF_ON_PUBLISH = True
    page = chapter(2)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    record = GuidePdf.objects.get(guide=guide("en"))
    document_pk, key = record.document_id, record.source_key
    assert record.revision_id == page.live_revision_id

    # Idempotent: nothing published since, nothing built.
    call_command("build_guide_pdfs", language="en", verbosity=0)
    record.refresh_from_db()
    assert record.source_key == key
    assert build_all("en") == {"en": UP_TO_DATE}

    page = chapter(2)
    page.title = "Hazardous waste at the border, revised"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    record.refresh_from_db()
    assert record.document_id == document_pk  # the same document, a new file
    assert record.source_key != key
    assert "revised" in "\n".join(pdf_text(record))
    assert GuidePdf.objects.count() == 1
