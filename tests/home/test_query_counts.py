"""Queries per page stay flat as the site grows (large data sizes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.home.models import HomePage, PartnerOrganisation, StandardPage

pytestmark = pytest.mark.django_db


def grow(organisations, pages):
    english = Locale.get_default()
    PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(name=f"Org {i}", acronym=f"O{i}", locale=english, sort_order=500 + i)
        for i in range(organisations)
    )
    home = HomePage.objects.get(locale=english)
    for i in range(pages):
        page = StandardPage(title=f"Page {i}", slug=f"page-{i}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url", ["/en/", "/en/partners/", "/en/about/", "/fr/partners/", "/en/search/?q=page"]
)
def test_public_pages_run_a_bounded_number_of_queries(client, url):
    queries(client, url)  # warm caches (site root, locales, gci.site.memo)
    small = queries(client, url)
    grow(organisations=300, pages=60)
    queries(client, url)  # publishing dropped the memoised answers
    large = queries(client, url)
    # +2: the search finds nothing on the small site (no count, no results).
    assert large <= small + 2, (small, large)
    assert large <= 15  # the budget of an uncached anonymous page (docs/performance.md)


def test_dashboard_runs_a_bounded_number_of_queries(client, cites_user):
    client.force_login(cites_user)
    queries(client, "/en/partners-area/")
    small = queries(client, "/en/partners-area/")
    grow(organisations=300, pages=60)
    queries(client, "/en/partners-area/")
    large = queries(client, "/en/partners-area/")
    assert large <= small, (small, large)
    assert large <= 25  # the budget of a Partner's page (docs/performance.md)
