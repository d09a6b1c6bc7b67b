"""The bench's dataset, built small, and the pages `scripts/bench.py` measures:
every page in its list answers 200 on it (not a benchmark: in the quick suite,
so a change to the site that breaks the bench shows here)."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gci.calendar.models import EventPage
from gci.home.visibility import anonymous_pages
from gci.materials.models import GuideChapterPage, Material
from tests.bench.dataset import build

pytestmark = pytest.mark.django_db

SMALL = {
    "events": 30,
    "partner_users": 10,
    "action_points": 20,
    "materials": 80,
    "material_files": 3,
    "guide_chapters": 9,
}
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def bench_script():
    path = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"
    spec = importlib.util.spec_from_file_location("bench_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dataset_and_every_page_the_bench_measures(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = build(SMALL)
    assert len(made) == 5, made

    # The Guide: nine chapters, live in the six languages, each translated.
    for code in LANGUAGES:
        chapters = GuideChapterPage.objects.live().filter(locale__language_code=code)
        assert sorted(chapters.values_list("number", flat=True)) == list(range(1, 10)), code
    english = GuideChapterPage.objects.get(locale__language_code="en", number=4)
    first_paragraph = next(b for b in english.body if b.block_type == "paragraph")
    sentence = re.sub(r"<[^>]+>", "", first_paragraph.value.source)[:60]
    arabic = client.get(GuideChapterPage.objects.get(locale__language_code="ar", number=4).url)
    assert arabic.status_code == 200
    assert sentence not in arabic.content.decode()  # the demo left it English: filled in

    # The suitcase: every material is approved; a few have a restricted file.
    materials = Material.objects.sources().filter(title__startswith="Bulk material")
    assert materials.count() == 80
    with_file = materials.exclude(document=None)
    assert with_file.count() == 3
    assert all(m.document.collection.get_view_restrictions().exists() for m in with_file)
    assert materials.order_by().values("region").distinct().count() == 6

    bench = bench_script()
    partner = get_user_model().objects.get(username="bench7")
    signed_in = client.__class__()
    signed_in.force_login(partner)
    today = timezone.localdate()
    events = EventPage.objects.filter(locale__language_code="en", slug__startswith="bulk")
    event = anonymous_pages(events).order_by("-pk").first()
    for name, path, who, _kind in bench.PAGES:
        path = path.format(year=f"{today:%Y}", month=f"{today:%m}", event=event.url)
        response = (signed_in if who == "partner" else client).get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)
    suitcase = next(path for name, path, *_ in bench.PAGES if name == "suitcase, filtered")
    assert b"Bulk material" in signed_in.get(suitcase).content
