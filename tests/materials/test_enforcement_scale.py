"""Enforcement records at scale (issue #15, 7): with 10,000 records the
public enforcement news (listing, filters, figures, feed) and the Partners'
list cost the same number of queries as with the demo's handful, and the
public listing stays within the budget of an uncached anonymous page."""

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.home.models import PartnerOrganisation
from gci.materials.choices import EnforcementState, Treaty
from gci.materials.models import EnforcementRecord

pytestmark = pytest.mark.django_db

PUBLIC = "/en/enforcement/"
PARTNERS = "/en/planning/enforcement/"
COUNTRIES = ["TH", "BE", "GH", "KE", "NL", "US", "CN", "BR", "IN", "FR"]
STATES = [EnforcementState.PUBLISHED, EnforcementState.SUBMITTED, EnforcementState.NOT_PUBLISHED]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.GCI_PAGE_CACHE = False  # every request is the uncached one


def grow(count):
    rng = random.Random(15)
    organisations = list(PartnerOrganisation.objects.filter(locale=Locale.get_default()))
    EnforcementRecord.objects.bulk_create(
        (
            EnforcementRecord(
                title=f"Record {n}",
                kind=rng.choice(["seizure", "prosecution", "positive"]),
                date=dt.date(2000 + n % 25, 1 + n % 12, 1 + n % 28),
                country=rng.choice(COUNTRIES),
                treaties=rng.sample(Treaty.values, 2),
                hs_codes=["2903"],
                summary=f"Summary {n}",
                state=rng.choice(STATES),
                may_publish=rng.random() < 0.7,
                organisation=rng.choice(organisations),
            )
            for n in range(count)
        ),
        batch_size=1000,
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response


URLS = [
    PUBLIC,
    PUBLIC + "?treaty=cites",
    PUBLIC + "?treaty=montreal&country=TH&year=2009",
    PUBLIC + "?page=3",
    PUBLIC + "feed/rss/",
]


@pytest.mark.parametrize("url", URLS)
def test_the_public_news_costs_the_same_with_ten_thousand_records(client, url):
    # One record every filter finds: the small site lists a row too.
    EnforcementRecord.objects.create(
        title="Found by every filter",
        date=dt.date(2009, 6, 1),
        country="TH",
        treaties=["montreal", "cites"],
        summary="Small site",
        state=EnforcementState.PUBLISHED,
        may_publish=True,
    )
    queries(client, url.replace("?page=3", ""))  # warm the per-process caches
    small, _ = queries(client, url.replace("?page=3", ""))
    grow(10_000)
    queries(client, url)
    large, response = queries(client, url)
    assert large <= small, (small, large)
    assert large <= 15  # the budget of an uncached anonymous page (docs/performance.md)
    if "feed" not in url:
        assert len(response.context["rows"]) == (4 if "country" in url else 20)


def test_the_figures_count_all_ten_thousand(client):
    grow(10_000)
    _count, response = queries(client, PUBLIC)
    total = sum(row["total"] for row in response.context["figures"]["rows"])
    assert total == EnforcementRecord.objects.public().count() > 2000


def test_the_partners_list_costs_the_same_with_ten_thousand_records(client, cites_user):
    client.force_login(cites_user)
    queries(client, PARTNERS)
    small, _ = queries(client, PARTNERS)
    grow(10_000)
    queries(client, PARTNERS)
    large, response = queries(client, PARTNERS)
    assert large <= small, (small, large)
    assert large <= 25  # the budget of a Partner's page (docs/performance.md)
    body = response.content.decode()
    assert body.count('class="request-state ') == 25
    last_page = response.context["records"].paginator.num_pages
    last, _ = queries(client, f"{PARTNERS}?page={last_page}")
    assert last <= small
    assert client.get(f"{PARTNERS}?page={last_page + 1}").status_code == 404
