"""A planned workshop's page leads to its consultation: a member of an
invited organisation to its answer in the Partners area, the Secretariat to
the summary in the admin; an anonymous visitor or a Partner whose
organisation is not invited sees no trace of it, and the page cache never
hands one person's link to another."""

import datetime as dt

import pytest

from gci.calendar.models import Consultation, EventPage
from gci.home.models import PartnerOrganisation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

HEADING = "Consultation of the Partners"


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


@pytest.fixture
def workshop():
    return EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")


def consult(event, *acronyms):
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=20)
    )
    consultation.organisations.set([org(a) for a in acronyms])
    return consultation


@pytest.fixture
def consultation(workshop):
    """On the planned workshop, in the Partners' planning calendar."""
    return consult(workshop, "CITES")


@pytest.fixture
def public_workshop():
    """A workshop of the public calendar, consulted on too."""
    return EventPage.objects.get(slug="gci-workshop-venezuela-2008", locale__language_code="en")


def partner_link(consultation):
    return f'href="/en/planning/consultations/{consultation.pk}/"'


def admin_link(consultation):
    return f'href="/admin/consultations/inspect/{consultation.pk}/"'


def test_an_invited_organisations_member_is_led_to_its_answer(
    client, workshop, consultation, cites_user
):
    client.force_login(cites_user)
    body = client.get(workshop.url).content.decode()
    assert HEADING in body
    assert partner_link(consultation) in body
    assert admin_link(consultation) not in body
    assert consultation.deadline.strftime("%Y") in body  # "Answer by …"


def test_the_secretariat_is_led_to_the_summary_in_the_admin(
    client, workshop, consultation, secretariat_user
):
    force_login_with_totp(client, secretariat_user)
    body = client.get(workshop.url).content.decode()
    assert admin_link(consultation) in body
    assert partner_link(consultation) not in body


@pytest.mark.parametrize("planned", [True, False])
def test_a_partner_not_invited_and_an_anonymous_visitor_see_nothing(
    client, workshop, public_workshop, cites_user, wco_user, planned
):
    event = workshop if planned else public_workshop
    consultation = consult(event, "CITES")
    anonymous = client.get(event.url)
    assert anonymous.status_code == (302 if planned else 200)  # planned: to the login
    body = anonymous.content.decode()
    assert HEADING not in body and "/planning/consultations/" not in body
    client.force_login(wco_user)  # WCO is not invited to this one
    response = client.get(event.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert HEADING not in body and "/planning/consultations/" not in body
    client.force_login(cites_user)  # the invited one is shown the way
    assert partner_link(consultation) in client.get(event.url).content.decode()


def test_someone_signed_in_outside_both_groups_sees_nothing(client, public_workshop, outsider):
    consult(public_workshop, "CITES")
    client.force_login(outsider)
    body = client.get(public_workshop.url).content.decode()
    assert HEADING not in body and "/admin/consultations/" not in body


def test_a_translation_of_the_workshop_leads_to_the_same_consultation(
    client, workshop, consultation, cites_user
):
    from wagtail.models import Locale

    french = workshop.get_translation(Locale.objects.get(language_code="fr"))
    client.force_login(cites_user)
    body = client.get(french.url).content.decode()
    assert f'href="/fr/planning/consultations/{consultation.pk}/"' in body


def test_the_page_cache_never_passes_a_link_on(client, public_workshop, cites_user, settings):
    from django.test import Client

    settings.GCI_PAGE_CACHE = True
    workshop = public_workshop
    consultation = consult(workshop, "CITES")
    anonymous = Client()
    first = anonymous.get(workshop.url)
    assert first["X-GCI-Cache"] == "miss"  # public: stored for anonymous visitors
    client.force_login(cites_user)
    mine = client.get(workshop.url)
    assert mine["X-GCI-Cache"] == "pass"  # a signed-in page is never stored nor served
    assert "private" in mine["Cache-Control"] and "no-store" in mine["Cache-Control"]
    assert "private" not in first.get("Cache-Control", "")
    assert partner_link(consultation) in mine.content.decode()
    again = anonymous.get(workshop.url)
    assert again["X-GCI-Cache"] == "hit"
    assert HEADING not in again.content.decode()


def test_an_anonymous_visit_asks_nothing_of_the_consultations(client, public_workshop):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    workshop = public_workshop
    consult(workshop, "CITES")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(workshop.url).status_code == 200
    assert not any("gci_calendar_consultation" in q["sql"] for q in queries.captured_queries)
