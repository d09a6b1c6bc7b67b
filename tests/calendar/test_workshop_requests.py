"""Workshop requests (issue #14, 1 and the request's part of 2): their states
under one rule, their history, funding, and who sees which request."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from gci.calendar.choices import RequestState
from gci.calendar.models import EventPage, PriorityCriterion, WorkshopRequest
from gci.home.demo.support import minimal_pdf
from gci.home.models import PartnerOrganisation
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

LIST = "/en/planning/workshop-requests/"
NEW = "/en/planning/workshop-requests/new/"


def org(acronym):
    return PartnerOrganisation.objects.get(acronym=acronym, locale__language_code="en")


def make_request(acronym=None, **fields):
    defaults = {"country": "GH", "body_name": "Customs of Ghana", "topics": ["basel"]}
    defaults.update(fields)
    item = WorkshopRequest.objects.create(
        organisation=org(acronym) if acronym else None, **defaults
    )
    item.record_change(None, item.state, organisation=item.organisation)
    return item


def form_data(**overrides):
    data = {
        "country": "GH",
        "region": "africa",
        "body_kind": "customs",
        "body_name": "Ghana Revenue Authority, Customs Division",
        "contact_name": "Ama Mensah",
        "contact_email": "ama@example.org",
        "topics": ["basel", "montreal"],
        "preferred_from": "2031-03",
        "preferred_to": "2031-05",
        "preferred_period_note": "",
        "languages": ["en"],
        "officers": "30",
        "notes": "Port of Tema: e-waste shipments.",
    }
    data.update(overrides)
    return data


def workshop():
    return EventPage.objects.get(slug="gci-workshop-plan-2009", locale__language_code="en")


# -- States under one rule, and their history ------------------------------


def test_declining_requires_a_reason(secretariat_user):
    item = make_request()
    with pytest.raises(ValidationError) as refused:
        item.move_to(RequestState.DECLINED, user=secretariat_user)
    assert "decline_reason" in refused.value.message_dict
    item.refresh_from_db()
    assert item.state == RequestState.RECEIVED
    item.move_to(RequestState.DECLINED, user=secretariat_user, reason="Outside the GCI's mandate.")
    item.refresh_from_db()
    assert item.state == RequestState.DECLINED
    assert item.decline_reason == "Outside the GCI's mandate."


def test_an_illegal_transition_is_refused_and_planning_needs_its_event(secretariat_user):
    item = make_request()
    with pytest.raises(ValidationError) as refused:
        item.move_to(RequestState.PLANNED, user=secretariat_user)
    assert "cannot go from “Received” to “Planned”" in str(refused.value)
    item.move_to(RequestState.PRIORITISED, user=secretariat_user)
    with pytest.raises(ValidationError) as no_event:
        item.move_to(RequestState.PLANNED, user=secretariat_user)
    assert "event" in no_event.value.message_dict
    item.move_to(RequestState.PLANNED, user=secretariat_user, event=workshop())
    item.refresh_from_db()
    assert (item.state, item.event) == (RequestState.PLANNED, workshop())
    with pytest.raises(ValidationError):
        WorkshopRequest.check_move(RequestState.WITHDRAWN, RequestState.RECEIVED)


def test_every_change_is_recorded_with_who_and_for_whom(secretariat_user, wco_user):
    item = make_request("WCO")
    item.move_to(RequestState.UNDER_CONSIDERATION, user=secretariat_user, note="Asked for budget")
    item.move_to(RequestState.WITHDRAWN, user=wco_user, note="Funded elsewhere")
    changes = list(item.changes.values_list("old_state", "new_state", "organisation__acronym"))
    assert changes == [
        ("", "received", "WCO"),
        ("received", "under_consideration", None),  # the Secretariat
        ("under_consideration", "withdrawn", "WCO"),
    ]
    assert item.changes.last().user == wco_user


def test_contingent_on_funding_follows_the_funding_state():
    item = make_request(funding_state="expected")
    assert item.contingent_on_funding
    item.funding_state = "none"
    assert item.contingent_on_funding
    item.funding_state = "committed"
    assert not item.contingent_on_funding


# -- The Partners area -------------------------------------------------------


def test_a_partner_sees_only_their_organisations_requests(client, wco_user):
    own = make_request("WCO", body_name="Own request body", contact_email="own@example.org")
    make_request("CITES", body_name="Someone else's body", contact_email="theirs@example.org")
    make_request(None, body_name="Recorded by the Secretariat")
    client.force_login(wco_user)
    body = client.get(LIST).content.decode()
    assert "Own request body" in body
    assert "Someone else&#x27;s body" not in body and "Someone else's body" not in body
    assert "Recorded by the Secretariat" not in body
    assert "theirs@example.org" not in body
    detail = client.get(f"{LIST}{own.pk}/").content.decode()
    assert "own@example.org" in detail
    assert "Received" in detail


def test_another_organisations_request_is_a_404_and_cannot_be_withdrawn(client, wco_user):
    theirs = make_request("CITES")
    client.force_login(wco_user)
    assert client.get(f"{LIST}{theirs.pk}/").status_code == 404
    assert client.post(f"{LIST}{theirs.pk}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == RequestState.RECEIVED


def test_anonymous_visitors_are_sent_to_the_login(client):
    item = make_request("WCO")
    for url in (LIST, NEW, f"{LIST}{item.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert "no-store" in response["Cache-Control"]


def test_a_partner_sends_a_request_with_a_letter(client, wco_user, settings):
    client.force_login(wco_user)
    letter = SimpleUploadedFile("letter.pdf", minimal_pdf("Request letter"), "application/pdf")
    response = client.post(NEW, {**form_data(), "letter_file": letter})
    assert response.status_code == 302
    item = WorkshopRequest.objects.get(body_name="Ghana Revenue Authority, Customs Division")
    assert item.organisation == org("WCO")
    assert item.sent_by == wco_user
    assert item.state == RequestState.RECEIVED
    assert item.topics == ["basel", "montreal"]
    assert item.preferred_from.isoformat() == "2031-03-01"
    # The letter is kept where only the Secretariat can open it.
    assert item.letter.collection.name == "Workshop requests"
    restriction = item.letter.collection.get_view_restrictions().get()
    assert [g.name for g in restriction.groups.all()] == ["Secretariat"]
    assert list(item.changes.values_list("new_state", flat=True)) == ["received"]
    page = client.get(response["Location"]).content.decode()
    assert "Attached (only the Secretariat can open it)" in page


def test_a_form_with_errors_keeps_what_was_typed(client, wco_user):
    client.force_login(wco_user)
    response = client.post(
        NEW,
        form_data(country="", region="", topics=[], preferred_from="2031-07", officers="-3"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Give the country, or the region for a regional request." in body
    assert "The end of the period cannot be before its start." in body
    assert "This field is required." in body  # topics
    assert 'value="Ghana Revenue Authority, Customs Division"' in body
    assert "Port of Tema: e-waste shipments." in body
    assert 'value="ama@example.org"' in body
    assert not WorkshopRequest.objects.filter(contact_email="ama@example.org").exists()


def _html_as_pdf():
    return SimpleUploadedFile("letter.pdf", b"<html><script>alert(1)</script></html>", "text/html")


def _zip_named_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    return SimpleUploadedFile("letter.docx", buffer.getvalue())


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (lambda: SimpleUploadedFile("letter.exe", b"MZ..."), "Send the letter as one of these"),
        (_html_as_pdf, "not a document type"),
        (_zip_named_docx, "not a document type"),
    ],
)
def test_a_wrong_letter_is_refused_with_a_reason(client, wco_user, upload, reason):
    client.force_login(wco_user)
    documents = Document.objects.count()
    response = client.post(NEW, {**form_data(), "letter_file": upload()})
    assert response.status_code == 400
    body = response.content.decode()
    assert reason in body
    assert 'value="Ghana Revenue Authority, Customs Division"' in body
    assert Document.objects.count() == documents
    assert not WorkshopRequest.objects.filter(contact_email="ama@example.org").exists()


def test_a_letter_too_large_is_refused(client, wco_user, monkeypatch):
    monkeypatch.setattr("gci.calendar.forms.LETTER_MAX_MB", 0)
    client.force_login(wco_user)
    letter = SimpleUploadedFile("letter.pdf", minimal_pdf("Big"), "application/pdf")
    body = client.post(NEW, {**form_data(), "letter_file": letter}).content.decode()
    assert "the limit is" in body


def test_a_partner_withdraws_their_own_request_while_undecided(client, wco_user, cites_user):
    item = make_request("WCO")
    client.force_login(cites_user)  # another organisation
    assert client.post(f"{LIST}{item.pk}/withdraw/").status_code == 404
    client.force_login(wco_user)
    page = client.get(f"{LIST}{item.pk}/").content.decode()
    assert "Withdraw the request" in page
    response = client.post(f"{LIST}{item.pk}/withdraw/", {"note": "Funded by a donor"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == RequestState.WITHDRAWN
    assert item.changes.last().note == "Funded by a donor"
    page = client.get(f"{LIST}{item.pk}/").content.decode()
    assert "Withdraw the request" not in page
    assert "from “Received” to “Withdrawn”" in page


def test_a_prioritised_request_can_no_longer_be_withdrawn(client, wco_user, secretariat_user):
    item = make_request("WCO", priority=7, funding_state="expected")
    item.criteria.set([PriorityCriterion.objects.order_by("sort_order").first()])
    item.move_to(RequestState.PRIORITISED, user=secretariat_user)
    client.force_login(wco_user)
    page = client.get(f"{LIST}{item.pk}/").content.decode()
    assert "Withdraw the request" not in page
    assert "Priority 7 out of 10" in page
    assert "Contingent on funding" in page
    assert PriorityCriterion.objects.order_by("sort_order").first().text in page
    client.post(f"{LIST}{item.pk}/withdraw/")
    item.refresh_from_db()
    assert item.state == RequestState.PRIORITISED


def test_the_dashboard_links_to_the_requests(client, wco_user):
    client.force_login(wco_user)
    assert f'href="{LIST}"' in client.get("/en/partners-area/").content.decode()


# -- The Secretariat's admin ---------------------------------------------------


def test_the_secretariat_lists_every_request_in_the_admin(client, secretariat_user):
    make_request("CITES", body_name="From CITES")
    make_request("WCO", body_name="From WCO")
    make_request(None, body_name="Recorded here")
    force_login_with_totp(client, secretariat_user)
    response = client.get("/admin/workshop_requests/")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("From CITES", "From WCO", "Recorded here"):
        assert name in body
    searched = client.get("/admin/workshop_requests/?q=CITES").content.decode()
    assert "From CITES" in searched and "From WCO" not in searched
    filtered = client.get("/admin/workshop_requests/?state=planned").content.decode()
    assert "Recorded here" not in filtered
    assert "National customs administration of Venezuela" in filtered  # the demo
    export = client.get("/admin/workshop_requests/?export=csv")
    assert export.status_code == 200
    assert b"From CITES" in b"".join(export.streaming_content)


def test_a_state_changed_in_the_admin_is_checked_and_recorded(client, secretariat_user):
    item = make_request(None, body_name="Admin request")
    force_login_with_totp(client, secretariat_user)
    url = f"/admin/workshop_requests/edit/{item.pk}/"
    form = client.get(url).context["form"]
    data = {
        name: field.widget.format_value(form.initial.get(name)) or ""
        for name, field in form.fields.items()
    }
    data.update({"topics": ["basel"], "languages": [], "criteria": [], "state": "declined"})
    data["decline_reason"] = ""
    response = client.post(url, data)
    assert response.status_code == 200  # refused: no reason
    assert "Give the reason for declining" in response.content.decode()
    item.refresh_from_db()
    assert item.state == RequestState.RECEIVED
    data["decline_reason"] = "Covered by a WCO regional course."
    response = client.post(url, data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == RequestState.DECLINED
    last = item.changes.last()
    assert (last.old_state, last.new_state, last.user) == ("received", "declined", secretariat_user)


def test_partners_have_no_admin_door_to_requests(client, wco_user):
    client.force_login(wco_user)
    response = client.get("/admin/workshop_requests/")
    assert response.status_code in (302, 403)


def test_requests_are_not_in_search_or_the_api(client):
    make_request("WCO", body_name="Searchable customs body zq7")
    # Searched for by its other words, so a page that repeats the query proves nothing.
    assert "zq7" not in client.get("/en/search/?q=Searchable+customs").content.decode()
    assert b"zq7" not in client.get("/api/v2/pages/?search=Searchable&fields=*").content
