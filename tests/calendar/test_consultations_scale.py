"""Consultations at scale (issue #14, 7): a consultation with 200 invited
organisations, each with its answer, a comment, an expert and an offer,
costs the Partners' page, the Partners' list and the Secretariat's summary
per workshop and per organisation no more queries than one with a few."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from gci.calendar.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationComment,
    ConsultationInvitation,
    EventPage,
    ExpertSuggestion,
    MaterialOffer,
)
from gci.home.models import PartnerOrganisation, ResourcePerson
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def answered(consultation, organisations):
    invitations = ConsultationInvitation.objects.bulk_create(
        ConsultationInvitation(consultation=consultation, organisation=o) for o in organisations
    )
    answers = ConsultationAnswer.objects.bulk_create(
        ConsultationAnswer(
            invitation=i,
            response="takes_part" if n % 3 else "declines",
            participants="Someone" if n % 3 else "",
            decline_reason="" if n % 3 else "Busy",
            version=1,
        )
        for n, i in enumerate(invitations)
    )
    ConsultationComment.objects.bulk_create(
        ConsultationComment(answer=a, target="agenda", text=f"Comment {n}")
        for n, a in enumerate(answers)
    )
    people = ResourcePerson.objects.bulk_create(
        ResourcePerson(organisation=o, name=f"Expert {n}", expertise="x", languages=["en"])
        for n, o in enumerate(organisations)
    )
    ExpertSuggestion.objects.bulk_create(
        ExpertSuggestion(answer=a, person=p) for a, p in zip(answers, people, strict=True)
    )
    MaterialOffer.objects.bulk_create(MaterialOffer(answer=a, title="Offer") for a in answers)


def queries(client, url):
    client.get(url)  # warm the session and per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_two_hundred_answers_keep_every_consultation_page_flat(
    client, cites_user, secretariat_user
):
    event = EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")
    consultation = Consultation.objects.create(
        event=event, deadline=dt.date.today() + dt.timedelta(days=20)
    )
    answered(consultation, [org(a) for a in ("CITES", "WCO", "UNEP")])
    partner_urls = [
        f"/en/planning/consultations/{consultation.pk}/",
        "/en/planning/consultations/",
    ]
    admin_urls = [
        f"/admin/consultations/inspect/{consultation.pk}/",
        f"/admin/consultations/organisation/{org('WCO').pk}/",
    ]
    client.force_login(cites_user)
    few = {url: queries(client, url)[0] for url in partner_urls}
    force_login_with_totp(client, secretariat_user)
    few.update({url: queries(client, url)[0] for url in admin_urls})

    english = Locale.get_default()
    many_orgs = PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(name=f"Org {i}", acronym=f"O{i}", locale=english, sort_order=500 + i)
        for i in range(200)
    )
    answered(consultation, many_orgs)
    assert consultation.summary()["invited"] == 203

    client.force_login(cites_user)
    for url in partner_urls:
        many, body = queries(client, url)
        assert many <= few[url], (url, few[url], many)
        assert "Comment 150" not in body  # another organisation's: counts only
    force_login_with_totp(client, secretariat_user)
    for url in admin_urls:
        many, body = queries(client, url)
        assert many <= few[url], (url, few[url], many)
    many, body = queries(client, admin_urls[0])
    assert "Comment 150" in body and "Expert 199" in body
