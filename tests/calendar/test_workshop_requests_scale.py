"""Workshop requests at scale (issue #14, 7): a Partner's list and a request's
page cost the same number of queries with 1,000 requests and a long history
as with a handful, and the list pages past its first screen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.calendar.choices import RequestState
from gci.calendar.models import WorkshopRequest, WorkshopRequestChange
from gci.home.models import PartnerOrganisation

pytestmark = pytest.mark.django_db

LIST = "/en/planning/workshop-requests/"


def wco():
    return PartnerOrganisation.objects.get(acronym="WCO", locale__language_code="en")


def add_requests(count, organisation):
    WorkshopRequest.objects.bulk_create(
        WorkshopRequest(
            organisation=organisation,
            country="GH",
            body_name=f"Customs administration {n}",
            topics=["basel"],
            priority=n % 11,
        )
        for n in range(count)
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_the_list_costs_the_same_with_a_thousand_requests(client, wco_user):
    client.force_login(wco_user)
    add_requests(3, wco())
    client.get(LIST)  # warm the session and per-process caches
    few, _ = queries(client, LIST)
    add_requests(1000, wco())
    many, body = queries(client, LIST)
    assert many <= few
    total = WorkshopRequest.objects.filter(organisation=wco()).count()
    assert body.count('class="request-state ') == 50
    assert f"Page 1 of {(total + 49) // 50}" in body
    last, body = queries(client, f"{LIST}?page={(total + 49) // 50}")
    assert last <= few
    assert body.count('class="request-state ') == (total % 50 or 50)


@pytest.mark.parametrize("page", ["0", "abc", "999"])
def test_a_page_that_does_not_exist_is_a_404(client, wco_user, page):
    client.force_login(wco_user)
    assert client.get(f"{LIST}?page={page}").status_code == 404


def test_a_long_history_costs_no_more_queries(client, wco_user):
    client.force_login(wco_user)
    add_requests(1, wco())
    item = WorkshopRequest.objects.filter(organisation=wco()).latest("pk")
    url = f"{LIST}{item.pk}/"
    client.get(url)
    few, _ = queries(client, url)
    WorkshopRequestChange.objects.bulk_create(
        WorkshopRequestChange(
            request=item,
            organisation=wco(),
            user=wco_user,
            old_state=RequestState.RECEIVED,
            new_state=RequestState.UNDER_CONSIDERATION,
        )
        for _ in range(300)
    )
    many, body = queries(client, url)
    assert many <= few
    assert body.count("Under consideration") >= 300
