"""Activity reporting at scale: a Partner's list of rounds, a report with many
activities and the Secretariat's round summary cost the same number of
queries with many rows as with a few."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gci.home.models import PartnerOrganisation
from gci.home.reporting.models import ActivityReport, ReportingRound
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def organisations():
    return list(PartnerOrganisation.objects.filter(locale__language_code="en"))


def add_rounds(count):
    made = []
    for n in range(count):
        reporting_round = ReportingRound.objects.create(
            title=f"Scale period {n}",
            period_start=dt.date(2009, 1, 1),
            period_end=dt.date(2009, 6, 30),
            deadline=dt.date.today() + dt.timedelta(days=n + 1),
        )
        reporting_round.organisations.set(organisations())
        made.append(reporting_round)
    return made


def answer_all(reporting_round, user, activities):
    for invitation in reporting_round.invitations.all():
        ActivityReport.save_from(
            invitation,
            version=0,
            user=user,
            data={"remarks": "Scale"},
            activities=[
                {"title": f"Activity {n}", "date": dt.date(2009, 2, 1), "event": None}
                for n in range(activities)
            ],
            submit=True,
        )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_the_partners_list_costs_the_same_with_many_rounds(client, wco_user):
    client.force_login(wco_user)
    add_rounds(2)
    client.get("/en/planning/reports/")
    few = queries(client, "/en/planning/reports/")
    add_rounds(40)
    client.get("/en/planning/reports/")  # the site's memoised menus, rebuilt after the saves
    assert queries(client, "/en/planning/reports/") <= few


def test_the_round_summary_costs_the_same_with_many_answers(client, secretariat_user, wco_user):
    small, large = add_rounds(2)
    answer_all(small, wco_user, 1)
    answer_all(large, wco_user, 30)
    force_login_with_totp(client, secretariat_user)
    client.get(f"/admin/reporting_rounds/inspect/{small.pk}/")
    few = queries(client, f"/admin/reporting_rounds/inspect/{small.pk}/")
    assert queries(client, f"/admin/reporting_rounds/inspect/{large.pk}/") <= few
