"""Workshop outcomes and evaluations (issue #14, 4): signed links answer once
and expire, bad answers are refused and kept, results aggregate (publicly only
from five answers, comments never), CSV exports, doors, page cache, scale."""

import csv
import datetime as dt
import io
import time

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gci.calendar import evaluation
from gci.calendar.models import (
    EvaluationAnswer,
    EvaluationForm,
    EventPage,
    ParticipantCount,
    WorkshopOutcome,
)
from gci.site.memo import current_generation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

GOOD = {"usefulness": "5", "content": "4", "trainers": "4", "organisation": "3"}


def workshop():
    return EventPage.objects.get(slug="gci-workshop-venezuela-2008", locale__language_code="en")


def make_form(event=None, **fields):
    event = event or workshop()
    EvaluationForm.objects.filter(event=event).delete()
    today = timezone.localdate()
    defaults = {"opens": today - dt.timedelta(days=1), "closes": today + dt.timedelta(days=30)}
    return EvaluationForm.objects.create(event=event, **{**defaults, **fields})


def url_of(form, nonce=None):
    return f"/en/evaluation/{evaluation.make_token(form, nonce)}/"


def add_answers(form, count, start=0, comments=""):
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            form=form,
            usefulness=5,
            content=4,
            trainers=3,
            organisation=2,
            comments=comments,
            nonce=f"n{form.pk}-{start + n}",
        )
        for n in range(count)
    )


# -- links -----------------------------------------------------------------------


def test_a_link_answers_once(client):
    form = make_form()
    url = url_of(form)
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="usefulness"' in page.content
    assert b"email" not in page.content.lower()  # no personal data asked
    done = client.post(url, {**GOOD, "comments": "Very useful"})
    assert done.status_code == 200
    assert EvaluationAnswer.objects.filter(form=form).count() == 1
    again = client.post(url, GOOD)
    assert again.status_code == 409
    assert b"already been used" in again.content
    assert EvaluationAnswer.objects.filter(form=form).count() == 1
    assert client.get(url).status_code == 200  # the "already answered" page, no form
    assert b'name="usefulness"' not in client.get(url).content


@pytest.mark.parametrize(
    "token",
    ["nonsense", "1.abc:zzz:zzz", "", "%00", "99999999999999999999.x:a:b", "1.a:b"],
)
def test_a_bad_token_is_a_404(client, token):
    make_form()
    assert client.get(f"/en/evaluation/{token}/").status_code == 404


def test_a_token_signed_with_another_salt_is_a_404(client):
    form = make_form()
    forged = signing.TimestampSigner(salt="other").sign(f"{form.pk}.abc")
    assert client.get(f"/en/evaluation/{forged}/").status_code == 404


def test_an_expired_link_says_so(client, settings, monkeypatch):
    form = make_form()
    token = evaluation.make_token(form)
    settings.GCI_EVALUATION_LINK_DAYS = 1
    later = time.time() + 3 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(f"/en/evaluation/{token}/")
    assert response.status_code == 410
    assert b"expired" in response.content
    assert client.post(f"/en/evaluation/{token}/", GOOD).status_code == 410
    assert not EvaluationAnswer.objects.filter(form=form).exists()


def test_a_closed_form_takes_no_answer(client):
    today = timezone.localdate()
    form = make_form(opens=today - dt.timedelta(days=9), closes=today - dt.timedelta(days=1))
    response = client.post(url_of(form), GOOD)
    assert response.status_code == 410
    assert not EvaluationAnswer.objects.filter(form=form).exists()


# -- validation --------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["0", "6", "abc", "", "-1", "99999999999"])
def test_a_bad_score_is_refused_and_the_input_kept(client, bad):
    form = make_form()
    response = client.post(url_of(form), {**GOOD, "content": bad, "comments": "Kept text"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose a score from 1 to 5." in body
    assert "Kept text" in body
    assert 'value="5" checked' in body or 'value="5"\n' in body or "checked" in body
    assert not EvaluationAnswer.objects.filter(form=form).exists()


def test_a_venue_outside_the_poll_is_refused(client):
    meeting = EventPage.objects.get(slug="fifth-partners-meeting-2009", locale__language_code="en")
    form = make_form(meeting, kind="partners_meeting", venue_choices="Geneva\nParis")
    response = client.post(url_of(form), {**GOOD, "venue_choice": "Atlantis"})
    assert response.status_code == 400
    assert client.post(url_of(form), {**GOOD, "venue_choice": "Paris"}).status_code == 200
    assert form.tally("venue_choice") == [("Geneva", 0), ("Paris", 1)]


# -- results -------------------------------------------------------------------------


def test_the_public_page_shows_averages_from_five_answers_and_never_comments(client):
    form = make_form()
    add_answers(form, 4, comments="Secret remark")
    event = workshop()
    page = client.get(event.url).content.decode()
    assert "What participants thought" not in page
    add_answers(form, 1, start=10, comments="Secret remark")
    page = client.get(event.url).content.decode()
    assert "What participants thought" in page
    assert "5 evaluation answers" in page
    assert "Secret remark" not in page
    summary = form.summary()
    assert summary["answers"] == 5
    assert [s["average"] for s in summary["scores"]] == [5, 4, 3, 2]


def test_the_partners_results_need_a_login_and_show_comments(client, wco_user):
    form = make_form()
    add_answers(form, 2, comments="Remark for the Partners")
    url = f"/en/planning/evaluations/{workshop().pk}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert b"Remark for the Partners" not in anonymous.content
    client.force_login(wco_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Remark for the Partners" in response.content
    assert "no-store" in response["Cache-Control"]
    assert client.get(f"{url}?page=99").status_code == 404
    assert client.get("/en/planning/evaluations/99999999999/").status_code == 404


def test_the_answers_export_as_csv(client, secretariat_user):
    form = make_form()
    add_answers(form, 3, comments="Exported")
    force_login_with_totp(client, secretariat_user)
    response = client.get(f"/admin/evaluations/csv/{form.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert len(lines) == 4
    assert lines[1].endswith(",5,4,3,2,Exported")


def test_the_secretariat_makes_links_as_csv(client, secretariat_user):
    form = make_form()
    force_login_with_totp(client, secretariat_user)
    response = client.post(f"/admin/evaluations/links/{form.pk}/", {"number": "3", "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    assert len(rows) == 3
    link = rows[0][1]
    assert "/evaluation/" in link
    client.logout()
    assert client.get(link[link.index("/en/evaluation/") :]).status_code == 200
    force_login_with_totp(client, secretariat_user)
    bad = client.post(f"/admin/evaluations/links/{form.pk}/", {"number": "0"})
    assert bad.status_code == 400
    results = client.get(f"/admin/evaluations/inspect/{form.pk}/")
    assert results.status_code == 200


# -- doors -------------------------------------------------------------------------


def test_the_participants_list_is_never_public(client, wco_user):
    event = workshop()
    outcome, _ = WorkshopOutcome.objects.get_or_create(event=event)
    outcome.participants_list = "Secret Name Participant"
    outcome.save()
    ParticipantCount.objects.create(outcome=outcome, country="VE", agency="customs", number=31)
    for who in (None, wco_user):
        if who:
            client.force_login(who)
        page = client.get(event.url).content.decode()
        assert "Secret Name Participant" not in page
        assert "31" in page


# -- page cache ----------------------------------------------------------------------


def test_an_answer_or_an_outcome_purges_the_page_cache():
    form = make_form()
    before = current_generation()
    EvaluationAnswer.objects.create(
        form=form, usefulness=1, content=1, trainers=1, organisation=1, nonce="purge-1"
    )
    assert current_generation() != before
    before = current_generation()
    outcome, _ = WorkshopOutcome.objects.get_or_create(event=form.event)
    ParticipantCount.objects.create(outcome=outcome, country="VE", number=3)
    assert current_generation() != before


# -- scale -----------------------------------------------------------------------------


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_queries_stay_flat_at_twenty_thousand_answers(client, settings, wco_user):
    settings.GCI_PAGE_CACHE = False
    form = make_form()
    add_answers(form, 5, comments="c")
    event_url = workshop().url
    client.get(event_url)
    few_public = queries(client, event_url)
    client.force_login(wco_user)
    results_url = f"/en/planning/evaluations/{workshop().pk}/"
    client.get(results_url)
    few_results = queries(client, results_url)
    add_answers(form, 20000, start=100, comments="c")
    assert queries(client, results_url) <= few_results
    client.logout()
    assert queries(client, event_url) <= few_public
