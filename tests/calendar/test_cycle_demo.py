"""The demo's workshop cycle (issue #14, 6): the report's workshops held in
2008 with the requests behind them, their outcomes (participants by country
and agency, trainers, suitcase materials, a report in six languages) and
evaluations (public averages from five answers only), and the fifth Partners
meeting's evaluation with its poll on the next meeting (Geneva or Paris,
early 2010). The pages that show them render; a second `load_demo` adds and
changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from gci.calendar.models import (
    EvaluationAnswer,
    EvaluationForm,
    EventPage,
    ParticipantCount,
    WorkshopOutcome,
    WorkshopRequest,
)
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

HELD = {
    "gci-workshop-venezuela-2008": 31,
    "gci-workshop-ethiopia-2008": 31,
    "cafta-dr-training-2008": 28,
}
MEETING = "fifth-partners-meeting-2009"


def event(slug, language="en"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def test_held_workshops_have_outcomes_with_participant_totals():
    for slug, total in HELD.items():
        outcome = WorkshopOutcome.objects.get(event=event(slug))
        assert outcome.event.status == "held"
        assert outcome.total_participants() == total, slug
        assert outcome.trainers
        assert outcome.materials.exists(), slug  # from the demo suitcase
    venezuela = WorkshopOutcome.objects.get(event=event("gci-workshop-venezuela-2008"))
    assert {(c.country.code, c.agency) for c in venezuela.counts.all()} == {
        ("VE", "customs"),
        ("VE", "environment"),
        ("VE", "police"),
    }
    cafta = WorkshopOutcome.objects.get(event=event("cafta-dr-training-2008"))
    assert {c.country.code for c in cafta.counts.all()} == {"CR", "DO", "SV", "GT", "HN", "NI"}
    assert not venezuela.participants_list  # no names in the demo


def test_the_outcome_report_is_translated_with_the_page():
    for slug in HELD:
        for language in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
            assert event(slug, language).outcome_report, (slug, language)
    french = event("gci-workshop-venezuela-2008", "fr").outcome_report
    assert "ministère de l'environnement" in french
    assert "amhárico" in event("gci-workshop-ethiopia-2008", "es").outcome_report


def test_the_held_workshops_have_the_requests_behind_them_as_planned():
    for slug in ["gci-workshop-venezuela-2008", "gci-workshop-ethiopia-2008"]:
        request = WorkshopRequest.objects.get(event=event(slug))
        assert request.state == "planned"
        assert request.body_kind == "customs"
    unep = WorkshopRequest.objects.get(event=event("ods-tripartite-workshop-2009"))
    assert unep.body_kind == "unep_office" and unep.state == "planned"


def test_averages_are_public_from_five_answers_only(client):
    venezuela = EvaluationForm.objects.get(event=event("gci-workshop-venezuela-2008"))
    ethiopia = EvaluationForm.objects.get(event=event("gci-workshop-ethiopia-2008"))
    assert venezuela.answers.count() >= 5
    assert 0 < ethiopia.answers.count() < 5
    assert venezuela.closes < ethiopia.opens  # both closed: held workshops
    assert venezuela.answers.exclude(comments="").exists()
    shown = client.get(event("gci-workshop-venezuela-2008").url)
    assert shown.status_code == 200
    assert shown.context["evaluation_results"]["answers"] == venezuela.answers.count()
    assert "What participants thought" in shown.content.decode()
    hidden = client.get(event("gci-workshop-ethiopia-2008").url)
    assert hidden.status_code == 200
    assert hidden.context["evaluation_results"] is None
    assert "What participants thought" not in hidden.content.decode()
    assert "Too short for so many conventions" not in hidden.content.decode()  # never public


def test_the_event_pages_show_the_outcome_in_every_language(client):
    page = client.get(event("gci-workshop-venezuela-2008").url).content.decode()
    assert "Case exercises on ozone-depleting substances" in page
    assert "Resource persons recommended by the SCBD" in page
    assert "31" in page
    french = client.get(event("gci-workshop-venezuela-2008", "fr").url)
    assert french.status_code == 200
    assert "exercices pratiques" in french.content.decode()
    cafta = client.get(event("cafta-dr-training-2008", "ar").url)
    assert cafta.status_code == 200
    assert cafta.context["participants"] == 28


def test_the_meeting_evaluation_has_the_venue_and_period_poll():
    form = EvaluationForm.objects.get(event=event(MEETING))
    assert form.kind == "partners_meeting"
    assert form.venues == ["Geneva", "Paris"]
    assert all(period.endswith("2010") and "January" not in period for period in form.periods)
    assert form.answers.count() == 7  # the seven forms the report counts
    venues = dict(form.tally("venue_choice"))
    assert venues["Geneva"] > venues["Paris"] > 0
    assert sum(dict(form.tally("period_choice")).values()) >= 5
    assert form.answers.filter(venue_choice="").exists()  # no preference is allowed


def test_a_partner_reads_the_meeting_results(client, wco_user):
    url = f"/en/planning/evaluations/{event(MEETING).pk}/"
    assert client.get(url).status_code == 302  # not the public's
    client.force_login(wco_user)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Geneva" in body and "Paris" in body
    assert "A day and a half is the right length." in body
    french = client.get(f"/fr/planning/evaluations/{event(MEETING, 'fr').pk}/")
    assert french.status_code == 200


def test_the_admin_lists_the_demo_evaluations(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    listing = client.get("/admin/evaluations/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Fifth Green Customs Partners meeting" in body
    assert "Green Customs workshop, Venezuela" in body
    meeting = EvaluationForm.objects.get(event=event(MEETING))
    results = client.get(f"/admin/evaluations/inspect/{meeting.pk}/")
    assert results.status_code == 200
    assert "Geneva" in results.content.decode()
    outcomes = client.get("/admin/workshop_outcomes/")
    assert outcomes.status_code == 200
    assert "Training course for CAFTA-DR customs" in outcomes.content.decode()
    venezuela = WorkshopOutcome.objects.get(event=event("gci-workshop-venezuela-2008"))
    assert client.get(f"/admin/workshop_outcomes/edit/{venezuela.pk}/").status_code == 200


def test_answers_have_unique_nonces_and_the_demo_dates():
    nonces = list(EvaluationAnswer.objects.values_list("nonce", flat=True))
    assert len(nonces) == len(set(nonces))
    meeting = EvaluationForm.objects.get(event=event(MEETING))
    for answer in meeting.answers.all():
        assert meeting.opens <= answer.created.date() <= meeting.closes


def test_a_second_run_adds_and_changes_nothing():
    def state():
        return (
            WorkshopOutcome.objects.count(),
            ParticipantCount.objects.count(),
            EvaluationForm.objects.count(),
            EvaluationAnswer.objects.count(),
            Revision.objects.count(),
            sorted(EvaluationAnswer.objects.values_list("nonce", "usefulness", "created")),
            sorted(
                EventPage.objects.exclude(outcome_report="").values_list("pk", "outcome_report")
            ),
        )

    before = state()
    call_command("load_demo", stdout=io.StringIO())
    assert state() == before
