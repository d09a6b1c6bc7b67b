"""Benchmarks: `make bench` prints figures; nothing here asserts a time.

Each public page type is rendered through Django's test client (no network)
with the demo site plus 300 organisations and 60 menu pages; figures are the
median and 95th percentile over repeated requests, queries per request, and
the peak Python memory allocated while rendering.
"""

import statistics
import time
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.test_query_counts import grow

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

URLS = [
    "/en/",
    "/ar/",
    "/zh-hans/about/",
    "/fr/partners/",
    "/en/search/?q=customs",
    "/api/v2/pages/?limit=50",
    "/sitemap.xml",
]
RUNS = 30


def test_page_rendering_figures(client):
    grow(organisations=300, pages=60)
    print()
    print(f"{'url':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'peak KiB':>9}")
    for url in URLS:
        client.get(url)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = len(captured)  # read now: the next request resets Django's query log
        tracemalloc.start()
        client.get(url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"{url:28} {statistics.median(times):10.1f} {p95:8.1f} {queries:8d} {peak / 1024:9.0f}"
        )
