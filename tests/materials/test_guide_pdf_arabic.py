"""The Arabic Guide in print: once its translation has passed review and is
published, its PDF is built like the others', laid out right to left (with
Debian's fonts, as ``make pdf-deps`` installs them), and its Arabic text
extracts in reading order. One build: a few seconds."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials import review
from gci.materials.demo.guide import publish_translations
from gci.materials.guide_pdf import BUILT, NONE, build_all, edition, render_html
from gci.materials.models import GuidePage, GuidePdf

pytestmark = pytest.mark.django_db


def guide(language):
    return GuidePage.objects.get(locale__language_code=language)


def review_and_publish_arabic(secretariat_user, cites_user):
    """A round of one organisation on the Arabic Guide, approved; then the
    translation published (Guide first, then its chapters), as the demo
    publishes the Spanish one."""
    english = guide("en")
    arabic = Locale.objects.get(language_code="ar")
    cites = PartnerOrganisation.objects.get(acronym="CITES", locale=english.locale)
    opened = review.open_round(
        english, arabic, timezone.localdate(), [cites], secretariat_user, notify=False
    )
    for assignment in opened.assignments.all():
        review.act(assignment, assignment.version, cites_user, "approve")
    opened.refresh_from_db()
    assert opened.completed_at is not None
    publish_translations(english, arabic)


def positioned_runs(page):
    """(text, x on the page, in points) of each text run of a PDF page."""
    runs = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            runs.append((text.strip(), cm[0] * tm[4] + cm[2] * tm[5] + cm[4]))

    page.extract_text(visitor_text=visit)
    return runs


def test_the_arabic_pdf_is_built_right_to_left_and_its_text_extracts(secretariat_user, cites_user):
    assert build_all("ar") == {"ar": NONE}  # not reviewed yet: no PDF
    review_and_publish_arabic(secretariat_user, cites_user)
    assert 'dir="rtl"' in render_html(edition(guide("ar")))

    assert build_all("ar") == {"ar": BUILT}
    record = GuidePdf.objects.get(guide=guide("ar"))
    with record.document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    pages = [page.extract_text() for page in reader.pages]
    # The Arabic text extracts as written (logical order, not reversed glyphs).
    assert guide("ar").title in pages[0]
    assert "المحتويات" in pages[1]  # "Contents"
    first = guide("ar").chapters().first()
    body = "\n".join(pages[2:])
    assert first.title in body and "الجمارك" in body
    assert "كرامجلا" not in body  # "customs" reversed, as a visual-order PDF would give
    # Right to left: the chapter's label ("الفصل", "Chapter") starts in the
    # page's right half, where a left-to-right book would have its margin.
    width = float(reader.pages[2].mediabox.width)
    label = next(x for text, x in positioned_runs(reader.pages[2]) if text == "الفصل")
    assert label > width / 2
