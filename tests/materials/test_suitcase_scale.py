"""With 5,000 materials the suitcase's filtered listing runs the same number
of SQL queries as with 50."""

import time
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.home.choices import Language
from gci.home.models import PartnerOrganisation
from gci.materials.choices import MaterialType, TreatyTopic
from gci.materials.models import Material
from gci.site.memo import forget
from gci.site.page_cache import bump_generation

pytestmark = pytest.mark.django_db

SUITCASE = "/en/partners-area/gci-suitcase/"
REQUESTS = [
    {},
    {"organisation": "CITES", "language": "es"},
    {"type": "presentation", "topic": "chemicals", "region": "global", "year": "2005"},
    # A search (bulk_create indexes nothing: it finds no generated material)
    # and a second page, which exists at both sizes.
    {"q": "bulk", "topic": "crime", "sort": "title"},
    {"sort": "title", "page": "2"},
    {"language": "fr", "sort": "oldest"},
]


def bulk_materials(count, offset):
    english = Locale.get_default()
    organisations = list(PartnerOrganisation.objects.filter(locale=english))
    types, topics, languages = MaterialType.values, TreatyTopic.values, Language.values
    Material.objects.bulk_create(
        [
            Material(
                locale=english,
                translation_key=uuid.uuid4(),
                title=f"Bulk material {offset + n}",
                summary="A generated material.",
                material_type=types[n % len(types)],
                topics=[topics[n % len(topics)], topics[(n + 3) % len(topics)]],
                languages=[languages[n % len(languages)]],
                region="global",
                year=2000 + n % 10,
                organisation=organisations[n % len(organisations)],
                link_url=f"https://example.org/{offset + n}",
                status="approved",
            )
            for n in range(count)
        ],
        batch_size=500,
    )


def query_counts(client, cold=False):
    """Queries per request; ``cold``: as the first request after a change
    (nothing memoised in the process, see gci.site.memo)."""
    counts = []
    for params in REQUESTS:
        if cold:
            forget()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SUITCASE, params)
        assert response.status_code == 200, params
        counts.append(len(queries))
    return counts


def test_the_listing_runs_the_same_queries_at_50_and_5000(client, cites_user):
    client.force_login(cites_user)
    bulk_materials(50, 0)
    client.get(SUITCASE)  # warm per-process caches (content types, site)
    query_counts(client)  # each filter combination's counts, once
    small, small_cold = query_counts(client), query_counts(client, cold=True)
    bulk_materials(4950, 50)
    bump_generation()  # bulk_create sends no signal: say that content changed
    assert Material.objects.sources().approved().count() > 5000
    large_cold = query_counts(client, cold=True)
    query_counts(client)
    started = time.perf_counter()
    large = query_counts(client)
    elapsed = time.perf_counter() - started
    assert large == small and large_cold == small_cold, (small, large, small_cold, large_cold)
    # The suitcase's own: the count, the page of results and, the first time
    # a filter combination is asked after a change, six facet counts; the
    # rest are the session, Wagtail's serving and its view restrictions.
    assert max(large) <= 25, large
    # Cold, the process also reloads what every page asks (locales, menus…).
    assert max(large_cold) <= 32, large_cold
    print(
        f"\nsuitcase listing: queries per request {large} (first after a change: {large_cold}),"
        f" {elapsed / len(REQUESTS):.3f}s each"
    )
