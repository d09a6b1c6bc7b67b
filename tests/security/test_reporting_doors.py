"""The crawler is not blind to activity reporting: the owner organisation's
Partner reaches its own report, a Partner the Partners-only pages (else the
leak tests of these canaries would pass vacuously)."""

import pytest
from django.test import Client

from .leaks import OTHER_ORGANISATION, Crawl
from .test_leak_crawler import DOORS, _page_cache_on, canaries, people  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_crawler_reaches_the_reports_and_pages_a_partner_may_read(canaries, people):  # noqa: F811
    client = Client()
    client.force_login(people.owner)
    for canary in canaries:
        canary.hidden_from = (OTHER_ORGANISATION,)
    crawl = Crawl(client, OTHER_ORGANISATION, canaries)
    crawl.run(next(d for d in DOORS if d.name == "activity reports of the Partners area"))
    crawl.run(next(d for d in DOORS if d.name == "the canaries' own URLs"))
    found = {leak.kind for leak in crawl.leaks}
    assert {"activity_report", "partners_mid_year_summary", "partners_meeting_report"} <= found
