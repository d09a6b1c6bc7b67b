"""The Guide's pages and the review's pages run the same number of queries
for a 6-chapter Guide and a 36-chapter one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.materials.models import GuideChapterPage
from tests.factories.materials import chapter, chapter_url, current_round, english_guide, round_url

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow(chapters, sources=(2,)):
    """Adds "Annex 7", "Annex 8"… to the demo Guide's six chapters, each with
    the text of one of the demo chapters `sources` in turn (the bench uses it too)."""
    guide = english_guide()
    bodies = [chapter(number).body.raw_data for number in sources]
    for number in range(7, 7 + chapters):
        body = bodies[(number - 7) % len(bodies)]
        page = GuideChapterPage(
            title=f"Annex {number}", slug=f"annex-{number}", number=number, body=body
        )
        guide.add_child(instance=page)
        page.save_revision().publish()


def test_the_guides_public_pages_do_not_grow_with_its_chapters(client):
    # The Chinese Guide lists the chapters it does not have yet in their place.
    urls = [
        "/en/green-customs-guide/",
        chapter(3).url,
        chapter(3, "es").url,
        "/zh-hans/green-customs-guide/",
    ]
    for url in urls:
        queries(client, url)
    small = [queries(client, url) for url in urls]
    grow(30)
    for url in urls:  # publishing the chapters dropped the memoised answers
        queries(client, url)
    large = [queries(client, url) for url in urls]
    assert large == small
    assert max(large) <= 15, large  # an uncached anonymous page (docs/performance.md)


def test_the_review_pages_do_not_grow_with_the_chapters(client, cites_user):
    client.force_login(cites_user)
    french, spanish = current_round("fr"), current_round("es")  # in progress, complete
    urls = [chapter_url(french, chapter(2)), round_url(french), round_url(spanish)]
    for url in urls:
        queries(client, url)
    small = [queries(client, url) for url in urls]
    grow(30)
    for url in urls:
        queries(client, url)
    large = [queries(client, url) for url in urls]
    assert large[0] == small[0]  # one chapter side by side
    # The matrix has a row per chapter; its cells come from one aggregate query.
    assert large[1] <= small[1] + 2, (small, large)
    assert large[2] <= small[2] + 2, (small, large)
